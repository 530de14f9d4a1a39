"""The full analysis on the seed article and on hand-written examples."""

from __future__ import annotations

import dataclasses

import pytest

from framing.analyze import Analyzer, analyze_text
from framing.types import Document


def hit(analysis, term: str):
    return next(h for h in analysis.hits if h.term == term)


@pytest.fixture(scope="module")
def seed(seed_text: str):
    return Analyzer().analyze(Document(id="seed", text=seed_text, source="seed"))


def test_every_span_is_exact(seed) -> None:
    text = seed.document.text
    for h in seed.hits:
        assert text[h.start : h.end] == h.text
    for q in seed.quotes:
        assert text[q.start : q.end] == q.text
        assert q.start <= q.inner_start <= q.inner_end <= q.end
    for e in seed.excluded:
        assert text[e.start : e.end] == e.text
    for a in seed.attributions:
        assert text[a.cue.start : a.cue.end] == a.cue.text
        if a.source is not None:
            assert text[a.source.start : a.source.end] == a.source.text


def test_seed_loaded_terms_and_their_voice(seed) -> None:
    assert hit(seed, "strongman").voice == "authorial"
    assert hit(seed, "strongman").category == "pejorative_label"
    assert hit(seed, "regime").voice == "quoted"
    assert hit(seed, "insinuation").voice == "quoted"
    smo = hit(seed, "special military operation")
    assert smo.scare_quoted
    assert smo.voice == "quoted"


def test_seed_scare_quotes(seed) -> None:
    scare = {q.text for q in seed.quotes if q.kind == "scare"}
    assert "“special military operation”" in scare
    assert "‘Provocation’" in scare


def test_seed_unverified_sourcing(seed) -> None:
    text = seed.document.text
    sentence_start = text.index("So far unconfirmed reports suggest")
    unverified = [h for h in seed.hits if h.category == "unverified_sourcing"]
    assert any(sentence_start <= h.start < sentence_start + 40 for h in unverified)


def test_seed_boilerplate_is_excluded_and_not_scored(seed) -> None:
    text = seed.document.text
    excluded = [e.text for e in seed.excluded]
    assert excluded[0].startswith("Russia's President Vladimir Putin (2nd L)")
    for line in ("Follow Jack Montgomery", "Follow Breitbart London", "Leave a Reply",
                 "Your email address", "Poll: Republican", "Nike Co-Founder"):  # fmt: skip
        assert any(e.startswith(line) for e in excluded), line
    title = "Fears of Staged ‘Provocation’"
    assert not any(e.start <= text.index(title) < e.end for e in seed.excluded)
    assert all(not (e.start <= h.start < e.end) for h in seed.hits for e in seed.excluded)


def test_scores_trace_back_to_hits(seed) -> None:
    s = seed.scores
    total = sum(s.counts["all"].values())
    assert total == len(seed.hits)
    assert sum(s.words_by_voice.values()) == s.n_words
    for category, n in s.counts["authorial"].items():
        expected = round(1000 * n / s.words_by_voice["authorial"], 4)
        assert s.per_1000["authorial"][category] == expected


def test_neutral_prose_has_no_hits() -> None:
    analysis = analyze_text(
        "The finance ministry published its budget on Tuesday. Officials said spending on "
        "schools would rise by four percent next year, according to the document."
    )
    assert analysis.hits == ()


def test_proper_noun_collision_is_not_a_hit() -> None:
    analysis = analyze_text(
        "The bill was drafted by an aide, Tom Regime, and signed last week by Ms. Radical."
    )
    assert [h.text for h in analysis.hits] == []


def test_voice_of_hits_in_quotes_and_outside() -> None:
    analysis = analyze_text(
        "“This regime is lying,” the opposition leader said. "
        "The propaganda campaign went on for weeks."
    )
    voices = {h.term: h.voice for h in analysis.hits}
    assert voices["regime"] == "quoted"
    assert voices["propaganda"] == "authorial"


def test_an_embedded_post_is_its_authors_voice() -> None:
    text = (
        "The senator answered within the hour.\n"
        "This regime of lies will end. https://t.co/x1 — Jane Roe (@janeroe) March 3, 2019\n"
        "The propaganda campaign went on for weeks."
    )
    voices = {h.term: h.voice for h in analyze_text(text).hits}
    assert voices["regime"] == "quoted"
    assert voices["propaganda"] == "authorial"


def test_a_block_quotation_after_a_colon_is_the_speakers_voice() -> None:
    text = (
        "The mayor answered on Facebook.\n\nIn a post on Monday, Okafor wrote:\n\n"
        "This regime of lies will end, and the pier will stay open for every family.\n\n"
        "The post was shared widely. The propaganda campaign went on for weeks."
    )
    analysis = analyze_text(text)
    voices = {h.term: h.voice for h in analysis.hits}
    assert voices["regime"] == "quoted"
    assert voices["propaganda"] == "authorial"
    (block,) = [q for q in analysis.quotes if q.start == q.inner_start]
    assert (
        block.text
        == text[block.start : block.end]
        == ("This regime of lies will end, and the pier will stay open for every family.")
    )
    # after a colon that no verb of speech ends, the paragraph is the outlet's own
    text = "Here is the plan:\n\nThis regime of lies will end, and the pier will stay open."
    assert {h.term: h.voice for h in analyze_text(text).hits}["regime"] == "authorial"


def test_analysis_is_deterministic(seed) -> None:
    again = Analyzer().analyze(seed.document)
    assert dataclasses.asdict(again) == dataclasses.asdict(seed)
