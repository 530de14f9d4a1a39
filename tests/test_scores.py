"""Per-document scores: the attribution figures of ``scores.attribution``."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.analyze import analyze_text
from framing.scores import compute_scores, sourcing_type, voice_segments
from framing.text import count_words
from framing.types import Excluded, Quote


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


def test_negated_cues_are_counted_and_keep_their_stance() -> None:
    text = "The ministry did not confirm the report. Ruiz confirmed that the talks had failed."
    scores = analyze_text(text).scores.attribution
    assert scores["n_cues"] == 2
    assert scores["n_negated"] == 1
    assert scores["stance_counts"] == {"endorsing": 2}
    assert analyze_text("Ruiz said the talks failed.").scores.attribution["n_negated"] == 0


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
    assert (a.cue.text, a.kind, a.source) == ("is believed", "passive", None)
    assert analysis.scores.attribution["source_type_counts"] == {"unverified": 1}
    # inside what someone said, the passive is theirs: the writer attributes to Brandt
    analysis = analyze_text("Brandt said the organisers had been told in writing on Friday.")
    told = [a for a in analysis.attributions if a.cue.text == "had been told"]
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


def segments_char_by_char(
    n: int, spans: dict[str, list[tuple[int, int]]]
) -> list[tuple[int, int, str]]:
    """Each character labelled on its own (the first label in priority order that covers it),
    then runs of one label joined."""
    segments: list[tuple[int, int, str]] = []
    for c in range(n):
        label = next(
            (
                lab
                for lab in ("excluded", "quoted", "reported")
                if any(s <= c < e for s, e in spans[lab])
            ),
            "authorial",
        )
        if segments and segments[-1][2] == label:
            segments[-1] = (segments[-1][0], c + 1, label)
        else:
            segments.append((c, c + 1, label))
    return segments


_SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 40), _SPANS, _SPANS, _SPANS)
def test_voice_segments_label_each_character_by_priority(
    n: int,
    excluded: list[tuple[int, int]],
    quoted: list[tuple[int, int]],
    reported: list[tuple[int, int]],
) -> None:
    # spans may overlap, nest, be empty or reversed; all lie within the text
    excluded, quoted, reported = (
        [(min(s, n), min(e, n)) for s, e in spans] for spans in (excluded, quoted, reported)
    )
    text = "x" * n
    segments = voice_segments(
        text,
        [Excluded(s, e, "caption", text[s:e]) for s, e in excluded],
        [Quote(s, e, s, e, text[s:e], "direct", 0) for s, e in quoted],
        reported,
    )
    spans = {"excluded": excluded, "quoted": quoted, "reported": reported}
    assert segments == segments_char_by_char(n, spans)


def test_n_speakers_counts_named_voices_once() -> None:
    text = (
        "Dana Ruiz said the ferry would run. Sources said it would not. Unconfirmed reports "
        "suggest the crews are on strike. Ruiz added that talks had resumed. The ministry said "
        "nothing had been decided."
    )
    analysis = analyze_text(text)
    speakers = {a.speaker for a in analysis.attributions if a.speaker}
    assert {"Dana Ruiz", "The ministry"} <= speakers
    # Ruiz twice is one voice; "Sources" and "Unconfirmed reports" are sourcing, not voices
    assert analysis.scores.attribution["n_speakers"] == 2
    assert analysis.scores.attribution["source_type_counts"]["anonymous"] == 1
    # one organisation written with and without its article is one voice
    text = "The Civic Alliance said the vote was rigged. Later, Civic Alliance said it would act."
    speakers = [a.speaker for a in analyze_text(text).attributions]
    assert speakers == ["The Civic Alliance", "Civic Alliance"]
    assert analyze_text(text).scores.attribution["n_speakers"] == 1
