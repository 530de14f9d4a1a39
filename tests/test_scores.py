"""Per-document scores: the attribution figures of ``scores.attribution``."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.analyze import analyze_text
from framing.scores import compute_scores, sourcing_type
from framing.text import count_words


def test_continuations_have_no_cue_of_their_own() -> None:
    text = (
        "“We will appeal this ruling in every court available to us,” an aide said.\n\n"
        "“The people of this city deserve far better than a closed hospital.”\n"
    )
    analysis = analyze_text(text)
    kinds = [a.kind for a in analysis.attributions]
    assert kinds.count("continuation") == 1
    scores = analysis.scores.attribution
    assert scores["n_cues"] == len(kinds) - 1
    assert scores["kind_counts"]["continuation"] == 1
    # the anonymous aide is counted once, not again for the paragraph that continues them
    assert scores["source_type_counts"] == {"anonymous": 1}
    assert scores["anonymous_rate"] == 1.0
    assert sum(scores["stance_counts"].values()) == scores["n_cues"]


def test_reportedly_without_a_source_is_unverified_sourcing() -> None:
    analysis = analyze_text("The envoy reportedly left the capital on Sunday night.")
    (a,) = analysis.attributions
    assert a.cue.lemma == "reportedly"
    assert a.source is None
    scores = analysis.scores.attribution
    assert scores["unverified_rate"] == 1.0
    assert scores["source_type_counts"] == {"unverified": 1}


def test_sourcing_type_keeps_other_types() -> None:
    assert sourcing_type("none", "reportedly", "indirect") == "unverified"
    assert sourcing_type("none", "believe", "passive") == "unverified"
    assert sourcing_type("none", "say", "indirect") == "none"
    assert sourcing_type("person", "allegedly", "indirect") == "person"


def test_an_agentless_passive_is_unverified_sourcing_unless_inside_reported_speech() -> None:
    analysis = analyze_text("It is believed that the envoy left the capital on Sunday night.")
    (a,) = analysis.attributions
    assert (a.cue.text, a.kind, a.source) == ("believed", "passive", None)
    assert analysis.scores.attribution["source_type_counts"] == {"unverified": 1}
    # inside what someone said, the passive is theirs: the writer attributes to Brandt
    analysis = analyze_text("Brandt said the organisers had been told in writing on Friday.")
    told = [a for a in analysis.attributions if a.cue.text == "told"]
    assert [a.kind for a in told] == ["indirect"]
    assert "unverified" not in analysis.scores.attribution["source_type_counts"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["don’t", "it's", "U.S.", "well-known", " ", "\n", "“", "’", "x_y"])),
    st.lists(st.integers(0, 80), max_size=8),
)
def test_words_by_voice_are_the_sum_over_segments(pieces: list[str], cuts: list[int]) -> None:
    # segments may cut a word in two: each part counts on its own, as when counted one by one
    text = "".join(pieces)
    points = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    labels = ["authorial", "quoted", "reported", "excluded"]
    segments = [(a, b, labels[i % 4]) for i, (a, b) in enumerate(itertools.pairwise(points))]
    scores = compute_scores(text, segments, [], [], [])
    for label in ("authorial", "quoted", "reported"):
        expected = sum(count_words(text, a, b) for a, b, lab in segments if lab == label)
        assert scores.words_by_voice[label] == expected
