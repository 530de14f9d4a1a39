"""Per-document scores: the attribution figures of ``scores.attribution``."""

from __future__ import annotations

from framing.analyze import analyze_text
from framing.scores import sourcing_type


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
    assert sourcing_type("none", "reportedly") == "unverified"
    assert sourcing_type("none", "said") == "none"
    assert sourcing_type("person", "allegedly") == "person"
