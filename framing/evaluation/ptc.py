"""Span-level evaluation of loaded-language lexicons on the Propaganda Techniques Corpus.

PTC v2 (SemEval-2020 task 11; Da San Martino et al. 2019, 2020) marks character spans of 14
propaganda techniques in news articles. Lexicon hits are compared with the gold spans of the
techniques that are loaded language in the lexicons' sense, by default ``Loaded_Language`` and
``Name_Calling,Labeling``. Only the training articles carry gold labels, so only
``train-articles/`` and ``train-task2-TC.labels.tsv`` are read. Every training article is scored,
including those without any gold span (hits there are false positives).

Scoring is by overlap of character spans:

- a hit is **correct** when it overlaps at least one gold span (precision = correct / hits);
- a gold span is **found** when at least one hit overlaps it (recall = found / gold spans).

Identical gold spans carrying both techniques count once, and hits with identical spans (two
entries matching the same characters) count once. Per-category figures use the hits of one
category against all gold spans, so their recalls do not add up to the overall recall.

Which hit categories are evaluated is a parameter. By default every category of the given
lexicons except the epistemic ones (:data:`EPISTEMIC_CATEGORIES`): hedges, vague sourcing and
distancing markers signal doubt, which PTC files under other techniques (``Doubt``), not under
loaded language. ``min_weight`` keeps only entries at least that strong.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from framing.errors import DataError
from framing.lexicon import CompiledLexicons
from framing.text import split_sentences
from framing.types import Hit

if TYPE_CHECKING:
    from framing.induce import SpanAnnotated

#: The PTC techniques that are loaded language or labels in the lexicons' sense.
DEFAULT_TECHNIQUES: tuple[str, ...] = ("Loaded_Language", "Name_Calling,Labeling")
#: Categories that mark doubt or distance rather than loaded language: not evaluated by default.
EPISTEMIC_CATEGORIES: frozenset[str] = frozenset(
    {"hedge", "unverified_sourcing", "distancing_marker"}
)
ARTICLES_DIR = "train-articles"
LABELS_FILE = "train-task2-TC.labels.tsv"

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """One annotated span with every technique it carries."""

    start: int
    end: int
    techniques: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PtcArticle:
    id: str
    text: str
    gold: tuple[GoldSpan, ...]  # every technique; filter with :func:`gold_spans`


@dataclass(frozen=True, slots=True)
class SpanScore:
    """Counts of an overlap comparison, with the derived rates."""

    hits: int
    correct: int
    gold: int
    found: int

    @property
    def precision(self) -> float:
        return self.correct / self.hits if self.hits else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: SpanScore) -> SpanScore:
        return SpanScore(
            self.hits + other.hits,
            self.correct + other.correct,
            self.gold + other.gold,
            self.found + other.found,
        )


@dataclass(frozen=True, slots=True)
class TermCount:
    """How often one lexicon term hit, and how often the hit overlapped a gold span."""

    term: str
    category: str
    hits: int
    correct: int


@dataclass(frozen=True, slots=True)
class PtcEvaluation:
    """The result of :func:`evaluate_loaded_language`."""

    overall: SpanScore
    by_category: Mapping[str, SpanScore]
    terms: tuple[TermCount, ...]  # most frequent first
    n_articles: int
    techniques: tuple[str, ...]
    categories: tuple[str, ...]
    min_weight: float
    lexicons: tuple[Mapping[str, str], ...]  # name, version and content hash of each lexicon


def _overlaps(span: Span, gold: Sequence[Span]) -> bool:
    s, e = span
    return any(s < ge and gs < e for gs, ge in gold)


def score_spans(hits: Iterable[Span], gold: Iterable[Span]) -> SpanScore:
    """Compare predicted spans with gold spans of one text by overlap (duplicates count once).

    Empty spans (``start >= end``) overlap nothing.
    """
    hit_set = sorted(set(hits))
    gold_set = sorted(set(gold))
    correct = sum(1 for h in hit_set if _overlaps(h, gold_set))
    found = sum(1 for g in gold_set if _overlaps(g, hit_set))
    return SpanScore(len(hit_set), correct, len(gold_set), found)


def _read_labels(path: Path) -> dict[str, list[tuple[int, int, str, int]]]:
    """Label rows per article: ``(start, end, technique, line number)``."""
    labels: dict[str, list[tuple[int, int, str, int]]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read the PTC labels: {exc}", file=str(path)) from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        cells = line.split("\t")  # technique names contain commas: split on tabs only
        if len(cells) != 4:
            raise DataError(
                "expected 4 tab-separated cells (article, technique, start, end), "
                f"got {len(cells)}",
                file=str(path),
                line=number,
            )
        article, technique, start_s, end_s = cells
        for field, value in (("start", start_s), ("end", end_s)):
            if not value.strip().isdigit():
                raise DataError(
                    f"not a character offset: {value!r}", file=str(path), line=number, field=field
                )
        start, end = int(start_s), int(end_s)
        if end <= start:
            raise DataError(
                f"empty or reversed span {start}-{end}", file=str(path), line=number, field="end"
            )
        labels.setdefault(article.strip(), []).append((start, end, technique.strip(), number))
    return labels


def read_ptc(directory: str | Path) -> tuple[PtcArticle, ...]:
    """The PTC training articles with their gold spans (all techniques).

    Raises :class:`DataError` naming the file (and line and field) when the folder does not
    have the documented layout or a label points outside its article.
    """
    root = Path(directory)
    articles_dir, labels_path = root / ARTICLES_DIR, root / LABELS_FILE
    for needed in (articles_dir, labels_path):
        if not needed.exists():
            raise DataError(
                f"PTC folder lacks {needed.name} (expected {ARTICLES_DIR}/ and {LABELS_FILE})",
                file=str(needed),
            )
    labels = _read_labels(labels_path)
    out: list[PtcArticle] = []
    files = sorted(articles_dir.glob("article*.txt"))
    if not files:
        raise DataError("no article*.txt files", file=str(articles_dir))
    known: set[str] = set()
    for path in files:
        article_id = path.stem.removeprefix("article")
        known.add(article_id)
        try:
            with path.open(encoding="utf-8", newline="") as fh:  # offsets count "\r" and "\n"
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(f"cannot read article: {exc}", file=str(path)) from exc
        merged: dict[Span, list[str]] = {}
        for start, end, technique, number in labels.get(article_id, []):
            if end > len(text):
                raise DataError(
                    f"span {start}-{end} of article {article_id} ends after its text "
                    f"({len(text)} characters)",
                    file=str(labels_path),
                    line=number,
                    field="end",
                )
            techniques = merged.setdefault((start, end), [])
            if technique not in techniques:
                techniques.append(technique)
        gold = tuple(GoldSpan(s, e, tuple(t)) for (s, e), t in sorted(merged.items()))
        out.append(PtcArticle(article_id, text, gold))
    missing = sorted(set(labels) - known)
    if missing:
        raise DataError(
            f"labels refer to {len(missing)} articles without a text file, e.g. {missing[0]}",
            file=str(labels_path),
            line=labels[missing[0]][0][3],
            field="article",
        )
    return tuple(out)


def gold_spans(article: PtcArticle, techniques: Collection[str]) -> list[Span]:
    """Spans of ``article`` that carry at least one of ``techniques``."""
    wanted = set(techniques)
    return [(g.start, g.end) for g in article.gold if wanted.intersection(g.techniques)]


def span_annotated(
    articles: Iterable[PtcArticle], techniques: Collection[str] = DEFAULT_TECHNIQUES
) -> tuple[SpanAnnotated, ...]:
    """The articles as span-annotated texts for :func:`framing.induce.induce_terms`."""
    # imported here: framing.induce needs numpy, which the evaluation itself does not
    from framing.induce import SpanAnnotated

    return tuple(
        SpanAnnotated(a.text, tuple(sorted(set(gold_spans(a, techniques))))) for a in articles
    )


def default_categories(lexicons: CompiledLexicons) -> tuple[str, ...]:
    """Every category of the lexicons except the epistemic ones."""
    return tuple(c for c in lexicons.categories if c not in EPISTEMIC_CATEGORIES)


def evaluate_loaded_language(
    directory: str | Path,
    lexicons: CompiledLexicons,
    *,
    techniques: Sequence[str] = DEFAULT_TECHNIQUES,
    categories: Sequence[str] | None = None,
    min_weight: float = 0.0,
    articles: Sequence[PtcArticle] | None = None,
) -> PtcEvaluation:
    """Precision and recall of lexicon hits against PTC gold spans, overall and per category.

    ``categories`` defaults to :func:`default_categories`; naming a category that no lexicon
    defines raises :class:`DataError` rather than scoring nothing. ``articles`` (from
    :func:`read_ptc`) avoids reading the corpus again when several settings are compared.
    """
    chosen = tuple(categories) if categories is not None else default_categories(lexicons)
    unknown = [c for c in chosen if c not in lexicons.categories]
    if unknown:
        raise DataError(
            f"unknown category {unknown[0]!r}; the lexicons define "
            + ", ".join(sorted(lexicons.categories)),
            field="category",
        )
    docs = tuple(articles) if articles is not None else read_ptc(directory)
    wanted = set(chosen)
    overall = SpanScore(0, 0, 0, 0)
    per_cat = {c: SpanScore(0, 0, 0, 0) for c in chosen}
    term_hits: dict[tuple[str, str], list[int]] = {}
    for art in docs:
        gold = gold_spans(art, techniques)
        hits: list[Hit] = [
            h
            for h in lexicons.match(art.text, split_sentences(art.text))
            if h.category in wanted and h.weight >= min_weight
        ]
        overall += score_spans(((h.start, h.end) for h in hits), gold)
        for cat in chosen:
            spans = [(h.start, h.end) for h in hits if h.category == cat]
            per_cat[cat] += score_spans(spans, gold)
        for h in hits:
            counts = term_hits.setdefault((h.term, h.category), [0, 0])
            counts[0] += 1
            counts[1] += _overlaps((h.start, h.end), gold)
    terms = tuple(
        TermCount(term, cat, n, ok)
        for (term, cat), (n, ok) in sorted(term_hits.items(), key=lambda kv: (-kv[1][0], kv[0]))
    )
    return PtcEvaluation(
        overall=overall,
        by_category=per_cat,
        terms=terms,
        n_articles=len(docs),
        techniques=tuple(techniques),
        categories=chosen,
        min_weight=min_weight,
        lexicons=tuple(lexicons.provenance()),
    )
