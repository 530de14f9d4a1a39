"""Property-based tests: arbitrary Unicode never raises, and every span is exact evidence.

For tokenisation (:mod:`framing.text`), matching (:mod:`framing.lexicon`), quotations
(:mod:`framing.quotes`), attribution (:mod:`framing.attribution`) and the whole analyzer: no
exception on any input, every span inside the text, ``text[start:end]`` equal to the recorded
text, spans sorted and (where documented) non-overlapping.
"""

from __future__ import annotations

import itertools
import json
from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.analyze import Analyzer
from framing.attribution import extract_attributions
from framing.boilerplate import detect_boilerplate
from framing.corpus import read_documents
from framing.errors import InputError
from framing.lexicon import CompiledLexicons, default_lexicons
from framing.quotes import find_quotes
from framing.text import count_words, normalize, sentence_spans, split_sentences, word_spans
from framing.types import Document, SkippedDocument

# Pieces of news prose that exercise the rules: lexicon terms, cue verbs, every kind of quote
# mark, apostrophes, hyphens, abbreviations, line breaks (LF, CRLF, lone CR), NUL, emoji,
# combining marks, right-to-left text and characters whose lower case is longer ("İ").
PIECES = [
    "regime", "Regime", "strongman", "so-called", "so‐called", "slammed", "reportedly",
    "special military operation", "sources say", "unconfirmed reports suggest", "said", "told",
    "according to", "insisted", "claimed", "The minister", "she", "He", "Mr.", "U.S.", "Lt. Gen.",
    "“", "”", "‘", "’", '"', "'", "«", "»", "„", "‚", "‹", "›", "`", "'s", "’s", " ", " ", " ",
    ", ", ". ", "? ", "! ", ": ", "; ", "…", "—", "-", "\n", "\n\n", "\r\n", "\r", "\t", "\x00",
    "\u00a0", "\u2028", "İ", "ß", "ﬁ", "e\u0301", "🇺🇦", "👩‍👩‍👧", "שלום", "مرحبا", "Ⅻ", "١٢", "_",
    "AFP PHOTO / ", "(Photo by Jo Bloggs/Getty Images)", "Follow Ann on Twitter: @ann",
    "Leave a Reply", "Poll: Council Race Tightens",
    # actor links: names, pronouns, possessives, predicates, naming verbs, loaded verbs
    "Viktor Drazen", "Drazen", "corrupt", "thugs", "called", "his", "her", "is a", "was",
    "demonized", "Belarusian", "Justice Department",
]  # fmt: skip

news_text = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
any_text = st.text(max_size=300)
texts = st.one_of(news_text, any_text, st.lists(st.one_of(news_text, any_text)).map("".join))

FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def lexicons() -> CompiledLexicons:
    return default_lexicons()


@cache
def analyzer() -> Analyzer:
    return Analyzer(lexicons())


def _in_bounds(text: str, start: int, end: int) -> bool:
    return 0 <= start <= end <= len(text)


@FAST
@given(texts)
def test_tokenisation_spans_are_exact(text: str) -> None:
    words = word_spans(text)
    assert all(_in_bounds(text, s, e) and s < e for s, e in words)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(words))
    assert len(normalize(text)) == len(text)
    sentences = sentence_spans(text)
    assert all(_in_bounds(text, s, e) for s, e in sentences)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(sentences))
    # every word lies inside one sentence
    for s, e in words:
        assert any(ss <= s and e <= se for ss, se in sentences), (s, e)
    assert [(x.start, x.end) for x in split_sentences(text)] == sentences


@FAST
@given(texts)
def test_lexicon_hits_are_exact(text: str) -> None:
    sentences = split_sentences(text)
    for hit in lexicons().match(text, sentences):
        assert _in_bounds(text, hit.start, hit.end)
        assert hit.start < hit.end
        assert text[hit.start : hit.end] == hit.text
        assert 0 <= hit.sentence < max(len(sentences), 1)
    explanation = lexicons().explain(text, sentences)
    for veto in explanation.vetoes:
        assert text[veto.start : veto.end] == veto.text


@FAST
@given(texts)
def test_quotes_are_exact_and_disjoint(text: str) -> None:
    quotes = find_quotes(text)
    for q in quotes:
        assert q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)
        assert q.start >= 0
        assert text[q.start : q.end] == q.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(quotes))


@FAST
@given(texts)
def test_attributions_are_exact(text: str) -> None:
    sentences = split_sentences(text)
    excluded = detect_boilerplate(text)
    result = extract_attributions(text, sentences, find_quotes(text, sentences), excluded)
    for a in result.attributions:
        if a.cue.text != ":":  # a colon cue is synthetic only in its lemma
            assert text[a.cue.start : a.cue.end] == a.cue.text
        if a.source is not None:
            assert text[a.source.start : a.source.end] == a.source.text
        if a.content is not None:
            assert _in_bounds(text, a.content.start, a.content.end)
    for span in result.reported:
        assert _in_bounds(text, span.start, span.end)
    for q in result.quotes:
        assert text[q.start : q.end] == q.text


@FAST
@given(texts)
def test_boilerplate_spans_are_exact_and_disjoint(text: str) -> None:
    spans = detect_boilerplate(text)
    for e in spans:
        assert _in_bounds(text, e.start, e.end)
        assert text[e.start : e.end] == e.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_whole_analysis_is_exact_and_repeatable(text: str) -> None:
    doc = Document(id="p", text=text)
    first = analyzer().analyze(doc)
    spans = [(h.start, h.end, h.text) for h in first.hits]
    spans += [(q.start, q.end, q.text) for q in first.quotes]
    spans += [(e.start, e.end, e.text) for e in first.excluded]
    for start, end, recorded in spans:
        assert _in_bounds(text, start, end)
        assert text[start:end] == recorded
    for label in first.actors:
        assert _in_bounds(text, label.start, label.end)
        assert _in_bounds(text, label.actor_start, label.actor_end)
        assert label.actor_start < label.actor_end
        assert label.actor
    assert first.scores.n_words >= 0
    assert analyzer().analyze(doc) == first  # deterministic


def test_word_count_agrees_with_word_spans_on_new_letters() -> None:
    text = "Tangut \U00018d80 text"
    assert count_words(text) == len(word_spans(text))


# ------------------------------------------------------------------------------ corpus readers

_good_line = st.builds(
    lambda i, t: json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=False).encode(),
    st.integers(0, 9),
    st.text(min_size=1, max_size=40),
)
_junk_line = st.binary(max_size=40).map(lambda b: b.replace(b"\n", b""))
_lines = st.lists(st.one_of(_good_line, _junk_line), max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lines)
def test_jsonl_reader_accounts_for_every_line(tmp_path_factory: Any, lines: list[bytes]) -> None:
    """Arbitrary bytes per line: every non-blank line is a document or a skipped record."""
    path = tmp_path_factory.mktemp("fuzz") / "in.jsonl"
    first = b'{"id": "first", "text": "The council met."}'  # so no BOM can start the file
    path.write_bytes(b"\n".join([first, *lines]))
    skipped: list[SkippedDocument] = []
    docs = list(read_documents([path], skipped=skipped))
    expected = sum(1 for line in [first, *lines] if line.decode("utf-8", "replace").strip())
    assert len(docs) + len(skipped) == expected
    for s in skipped:
        assert s.line is not None
        assert 1 <= s.line <= len(lines) + 1
    assert len({d.id for d in docs}) == len(docs)  # ids made unique


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300), st.sampled_from(["in.csv", "in.tsv", "in.txt", "in.jsonl"]))
def test_readers_raise_only_input_errors(tmp_path_factory: Any, data: bytes, name: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(b"id,text\n" + data if name == "in.csv" else data)
    skipped: list[SkippedDocument] = []
    error: InputError | None = None
    docs: list[Document] = []
    try:
        docs = list(read_documents([path], skipped=skipped))
    except InputError as exc:  # a file-level problem (e.g. no CSV header): names the file
        error = exc
    if error is not None:
        assert error.file == str(path)
    for doc in docs:
        assert doc.text.strip()
    for s in skipped:
        assert s.reason
        assert s.file == str(path)
