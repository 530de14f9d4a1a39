"""Lexicon induction: candidate loaded terms from labelled text, ranked by weighted log-odds.

Two kinds of evidence are accepted:

- **labelled texts** (:class:`LabelledText`), e.g. sentences judged biased or not (BABE): every
  word of a positive text counts for the positive class;
- **annotated spans** (:class:`SpanAnnotated`), e.g. propaganda spans in whole articles: words
  inside a span count for the positive class, the other words of the same text for the negative.

Candidates are unigrams and bigrams of :func:`framing.text.word_spans` words (lower case, curly
apostrophes folded, a final possessive ``'s`` dropped). A bigram never crosses punctuation: its
two words are separated only by spaces or one hyphen, so "so-called" gives the bigram
"so called". Words with digits are skipped, and so are unigrams and bigrams made only of English
stop words (scikit-learn's list).

Each n-gram order is its own vocabulary. Terms are ranked by the log-odds ratio with an
informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eqs. 22 and 23, computed by
:func:`framing.stats.log_odds_dirichlet`), the prior being the pooled counts of both classes.
A positive ``z`` means over-represented in the positive class.

Terms that are already surface forms of an entry of the given lexicons are not candidates: they
are returned separately (``known``) with the same evidence, which shows how the authored
lexicons fare on the data. :func:`write_candidates` writes the candidates in the lexicon format
(``docs/LEXICON_FORMAT.md``): an entries file whose rationale column holds the evidence and the
words "TODO review", and a card, so that a person can review, edit and then load them.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from framing.errors import InputError
from framing.lexicon import LexiconSpec, surface_forms
from framing.stats import log_odds_dirichlet
from framing.text import normalize, word_spans
from framing.types import Document

#: Category given to every written candidate until a person assigns a real one.
CANDIDATE_CATEGORY = "candidate"
_NAME_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
_GAP_RE = re.compile(r"[ \t]*-?[ \t]*")  # what may separate the two words of a bigram

Term = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LabelledText:
    """A text with a binary label (``positive``: e.g. a sentence judged biased)."""

    text: str
    positive: bool


@dataclass(frozen=True, slots=True)
class SpanAnnotated:
    """A text with positive spans ``(start, end)``; words outside them count as negative."""

    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One term with its counts and weighted log-odds (positive vs negative class)."""

    term: str  # words joined by single spaces
    n_words: int
    count_positive: int
    count_negative: int
    log_odds: float  # delta: log-odds in the positive class minus in the negative class
    z: float  # log_odds / its standard deviation; > 0 means over-represented in positive
    known_as: str | None = None  # "lexicon:category:term" when the lexicons already have it


@dataclass(frozen=True, slots=True)
class InductionResult:
    """Candidates ranked by ``z`` (highest first) and the already-known terms, with totals."""

    candidates: tuple[Candidate, ...]
    known: tuple[Candidate, ...]
    n_positive_units: int  # texts, or spans for span annotation
    n_negative_units: int
    tokens_positive: int  # unigram tokens counted in each class
    tokens_negative: int
    min_count: int
    prior_size: float
    max_ngram: int


def _token(raw: str) -> str:
    word = normalize(raw)
    return word[:-2] if word.endswith("'s") and len(word) > 2 else word


def _sentence_initial(text: str, start: int) -> bool:
    """Whether only opening quotes, brackets and spaces lie between ``start`` and the
    previous sentence end (or the start of the text)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘([«":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n"


@functools.cache
def _stop_words() -> frozenset[str]:
    # scikit-learn's English list, imported on first use: the CLI starts without scikit-learn.
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def _is_stop(word: str) -> bool:
    return word in _stop_words() or (len(word) == 1 and not word.isdigit())


def _ngrams(
    text: str,
    max_ngram: int,
    positive_span: Sequence[tuple[int, int]] | None,
    keep_names: bool = False,
) -> Iterable[tuple[Term, bool | None]]:
    """Every n-gram of ``text`` (n <= max_ngram) with its class when spans decide it.

    Unless ``keep_names``, capitalised words that do not start a sentence are names (Trump,
    Reuters) and are skipped, as the lexicons' ``proper_noun`` rule would veto them.

    With ``positive_span`` the class of a unigram is whether it overlaps a span, and a bigram
    is positive when both words overlap one, negative when neither does (else skipped: None).
    """
    spans = word_spans(text)
    words = [_token(text[s:e]) for s, e in spans]
    skip = [any(ch.isdigit() for ch in w) for w in words]
    if not keep_names:
        for i, (s, _) in enumerate(spans):
            if text[s].isupper() and not _sentence_initial(text, s):
                skip[i] = True

    def inside(i: int) -> bool:
        s, e = spans[i]
        return any(s < pe and ps < e for ps, pe in positive_span or ())

    flags = [inside(i) for i in range(len(spans))] if positive_span is not None else None
    for i, word in enumerate(words):
        if skip[i]:
            continue
        if not _is_stop(word):
            yield (word,), (flags[i] if flags is not None else None)
        if max_ngram < 2 or i + 1 >= len(words):
            continue
        nxt = words[i + 1]
        if skip[i + 1] or (_is_stop(word) and _is_stop(nxt)):
            continue
        if not _GAP_RE.fullmatch(text[spans[i][1] : spans[i + 1][0]]):
            continue
        if flags is None:
            yield (word, nxt), None
        elif flags[i] == flags[i + 1]:
            yield (word, nxt), flags[i]


@dataclass(frozen=True, slots=True)
class LabelledSet:
    """Texts labelled from a document field, and what was left out (label value: count)."""

    texts: tuple[LabelledText, ...]
    excluded: Mapping[str, int]


def _origin(doc: Document) -> tuple[str | None, int | None]:
    file, _, line = (doc.origin or "").rpartition(":")
    if file and line.isdigit():
        return file, int(line)
    return doc.origin, None


def label_documents(
    docs: Iterable[Document],
    label_field: str,
    positive: Collection[str],
    negative: Collection[str] | None = None,
) -> LabelledSet:
    """Label documents by the metadata field ``label_field``.

    A document is positive when its label is one of ``positive``; negative when it is one of
    ``negative`` or, with ``negative=None``, any other value. Documents with a label in neither
    set are left out and counted by label in ``excluded`` (none is dropped silently). A document
    without the field raises :class:`InputError` naming its file, line and the field.
    """
    pos_set, neg_set = set(positive), set(negative) if negative is not None else None
    if not pos_set:
        raise InputError("give at least one positive label value", field="positive")
    if neg_set is not None and pos_set & neg_set:
        raise InputError(
            f"label value(s) both positive and negative: {sorted(pos_set & neg_set)}",
            field="negative",
        )
    texts: list[LabelledText] = []
    excluded: Counter[str] = Counter()
    for doc in docs:
        if label_field not in doc.metadata:
            file, line = _origin(doc)
            raise InputError(
                f"document {doc.id!r} has no label field {label_field!r} (fields: "
                + ", ".join(sorted(doc.metadata))
                + ")",
                file=file,
                line=line,
                field=label_field,
            )
        value = str(doc.metadata[label_field])
        if value in pos_set:
            texts.append(LabelledText(doc.text, True))
        elif neg_set is None or value in neg_set:
            texts.append(LabelledText(doc.text, False))
        else:
            excluded[value] += 1
    return LabelledSet(tuple(texts), dict(excluded))


def _span_pairs(value: Any, length: int) -> tuple[tuple[int, int], ...] | str:
    """``value`` as ``((start, end), ...)`` within ``length``, or the reason it is not one."""
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.strip() else []
        except json.JSONDecodeError as exc:
            return f"not JSON: {exc.msg}"
    if not isinstance(value, list):
        return "expected a list of [start, end] pairs"
    pairs: list[tuple[int, int]] = []
    for item in value:
        ok = isinstance(item, list | tuple) and len(item) == 2
        if not ok or not all(isinstance(x, int) and not isinstance(x, bool) for x in item):
            return f"expected [start, end] integer pairs, got {item!r}"
        start, end = item
        if not 0 <= start < end <= length:
            return f"span [{start}, {end}] is empty or outside the text ({length} characters)"
        pairs.append((start, end))
    return tuple(pairs)


def span_documents(docs: Iterable[Document], spans_field: str) -> tuple[SpanAnnotated, ...]:
    """Documents whose metadata field ``spans_field`` lists annotated ``[start, end]`` pairs.

    The field holds a JSON list (a list in JSONL, a JSON string in CSV), offsets into the text
    as read. A missing or malformed field raises :class:`InputError` naming file, line, field.
    """
    items: list[SpanAnnotated] = []
    for doc in docs:
        file, line = _origin(doc)
        if spans_field not in doc.metadata:
            raise InputError(
                f"document {doc.id!r} has no spans field {spans_field!r}",
                file=file,
                line=line,
                field=spans_field,
            )
        pairs = _span_pairs(doc.metadata[spans_field], len(doc.text))
        if isinstance(pairs, str):
            raise InputError(
                f"document {doc.id!r}: {pairs}", file=file, line=line, field=spans_field
            )
        items.append(SpanAnnotated(doc.text, pairs))
    return tuple(items)


def known_surface_forms(specs: Iterable[LexiconSpec]) -> dict[Term, str]:
    """Every surface form of every entry, mapped to ``"lexicon:category:term"``."""
    known: dict[Term, str] = {}
    for spec in specs:
        for entry in spec.entries:
            for form in surface_forms(entry.term, entry.inflect):
                known.setdefault(form, f"{spec.name}:{entry.category}:{entry.term}")
    return known


def count_terms(
    data: Iterable[LabelledText | SpanAnnotated], *, max_ngram: int = 2, keep_names: bool = False
) -> tuple[Counter[Term], Counter[Term], int, int]:
    """Term counts in the positive and negative class, and the number of units of each.

    Units are texts for :class:`LabelledText` and, for :class:`SpanAnnotated`, positive spans
    (positive) and texts (negative). Capitalised mid-sentence words (names) are skipped unless
    ``keep_names``.
    """
    if max_ngram not in (1, 2):
        raise InputError(f"max_ngram must be 1 or 2, not {max_ngram}", field="max_ngram")
    pos: Counter[Term] = Counter()
    neg: Counter[Term] = Counter()
    n_pos = n_neg = 0
    for item in data:
        if isinstance(item, LabelledText):
            target = pos if item.positive else neg
            if item.positive:
                n_pos += 1
            else:
                n_neg += 1
            target.update(term for term, _ in _ngrams(item.text, max_ngram, None, keep_names))
        else:
            n_pos += len(item.spans)
            n_neg += 1
            for term, flag in _ngrams(item.text, max_ngram, item.spans, keep_names):
                (pos if flag else neg)[term] += 1
    return pos, neg, n_pos, n_neg


def induce_terms(
    data: Iterable[LabelledText | SpanAnnotated],
    *,
    lexicons: Iterable[LexiconSpec] = (),
    min_count: int = 5,
    prior_size: float = 1000.0,
    max_ngram: int = 2,
    top: int | None = None,
    keep_names: bool = False,
) -> InductionResult:
    """Rank candidate terms for the positive class by weighted log-odds with a Dirichlet prior.

    Terms seen fewer than ``min_count`` times in both classes together are dropped. Terms that
    are surface forms of an entry of ``lexicons`` are moved to ``known``. ``top`` keeps the
    ``top`` highest candidates with ``z > 0`` (``None``: every candidate, both signs).
    ``keep_names`` counts capitalised mid-sentence words too (see :func:`count_terms`).
    """
    if min_count < 1:
        raise InputError(f"min_count must be at least 1, not {min_count}", field="min_count")
    if prior_size <= 0:
        raise InputError(f"prior_size must be positive, not {prior_size}", field="prior_size")
    pos, neg, n_pos, n_neg = count_terms(data, max_ngram=max_ngram, keep_names=keep_names)
    if n_pos == 0 or n_neg == 0:
        raise InputError(
            f"need texts in both classes (positive: {n_pos}, negative: {n_neg})", field="label"
        )
    known_forms = known_surface_forms(lexicons)
    ranked: list[Candidate] = []
    for order in range(1, max_ngram + 1):
        vocab = sorted(t for t in set(pos) | set(neg) if len(t) == order)
        if not vocab:
            continue
        ya = np.array([pos[t] for t in vocab], dtype=np.float64)
        yb = np.array([neg[t] for t in vocab], dtype=np.float64)
        result = log_odds_dirichlet(ya, yb, ya + yb, prior_size=prior_size)
        for i, term in enumerate(vocab):
            a, b = int(ya[i]), int(yb[i])
            if a + b < min_count:
                continue
            ranked.append(
                Candidate(
                    term=" ".join(term),
                    n_words=order,
                    count_positive=a,
                    count_negative=b,
                    log_odds=float(result.delta[i]),
                    z=float(result.z[i]),
                    known_as=known_forms.get(term),
                )
            )
    ranked.sort(key=lambda c: (-c.z, c.term))
    candidates = [c for c in ranked if c.known_as is None]
    known = [c for c in ranked if c.known_as is not None]
    if top is not None:
        candidates = [c for c in candidates if c.z > 0][:top]
        known = [c for c in known if c.z > 0]
    return InductionResult(
        candidates=tuple(candidates),
        known=tuple(known),
        n_positive_units=n_pos,
        n_negative_units=n_neg,
        tokens_positive=sum(v for t, v in pos.items() if len(t) == 1),
        tokens_negative=sum(v for t, v in neg.items() if len(t) == 1),
        min_count=min_count,
        prior_size=prior_size,
        max_ngram=max_ngram,
    )


def evidence(c: Candidate) -> str:
    """The evidence sentence written in the rationale column."""
    return (
        f"TODO review: {c.count_positive} in positive vs {c.count_negative} in negative "
        f"texts, log-odds {c.log_odds:+.2f}, z {c.z:+.2f}."
    )


def _clean_name(stem: str) -> str:
    name = re.sub(r"[^a-z0-9_]+", "_", stem.lower()).strip("_")
    if not name or not name[0].isalpha():
        name = "induced_" + name
    return name if _NAME_RE.match(name) else "induced"


def write_candidates(
    result: InductionResult,
    path: str | Path,
    *,
    weight: float = 1.0,
    description: str = "",
) -> tuple[Path, Path]:
    """Write the candidates as a lexicon: ``path`` (entries, .tsv) and its card (.toml).

    Every candidate gets the category ``candidate``, the given ``weight``, inflection ``exact``
    and the evidence as rationale. Already-known terms are listed as ``#`` comment lines after
    the entries so the reviewer sees them without loading them twice. Returns the two paths.
    """
    tsv = Path(path)
    if tsv.suffix != ".tsv":
        raise InputError("the output must be a .tsv file (its card is written beside it)",
                         file=str(tsv), field="output")  # fmt: skip
    if not 0.1 <= weight <= 3:
        raise InputError(f"weight must be between 0.1 and 3, not {weight}", field="weight")
    card = tsv.with_suffix(".toml")
    lines = [
        "# Candidate terms induced from labelled data (framing lexicon induce).",
        "# Review each line: keep only terms that are loaded in news prose, give each a",
        "# category of your lexicon, a weight, an inflection and a rationale of your own.",
        "term\tcategory\tweight\tinflect\trules\trationale",
    ]
    lines += [
        f"{c.term}\t{CANDIDATE_CATEGORY}\t{weight:g}\texact\t\t{evidence(c)}"
        for c in result.candidates
    ]
    if result.known:
        lines.append("# Already in the lexicons (not candidates): term, entry, evidence")
        lines += [f"# {c.term}\t{c.known_as}\t{evidence(c)}" for c in result.known]
    summary = (
        f"{result.n_positive_units} positive and {result.n_negative_units} negative units, "
        f"{result.tokens_positive} and {result.tokens_negative} word tokens; min count "
        f"{result.min_count}, prior size {result.prior_size:g}, n-grams up to "
        f"{result.max_ngram}."
    )
    desc = description or f"Candidate terms induced from labelled data: {summary}"
    card_text = "\n".join(
        [
            f"name = {_toml_str(_clean_name(tsv.stem))}",
            'version = "0.1.0"',
            f"description = {_toml_str(desc)}",
            'licence = "MIT"',
            f"entries = {_toml_str(tsv.name)}",
            'kind = "terms"',
            'default_rules = ["proper_noun"]',
            "",
            f"[categories.{CANDIDATE_CATEGORY}]",
            'definition = "A term over-represented in the positive class of labelled data, '
            'not yet reviewed by a person."',
            "literature = [",
            "  \"Monroe, Colaresi & Quinn (2008), Fightin' Words: Lexical Feature Selection and "
            "Evaluation for Identifying the Content of Political Conflict, Political Analysis "
            '16(4): weighted log-odds with an informative Dirichlet prior.",',
            "]",
            "",
            "[rules.proper_noun]",
            'type = "veto_capitalized"',
            'reason = "A capitalised word in mid-sentence is a name, not a loaded term."',
            "",
        ]
    )
    tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    card.write_text(card_text, encoding="utf-8")
    return tsv, card


def _toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
