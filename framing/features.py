"""scikit-learn transformers that turn raw texts into the project's analysis figures.

:class:`LexiconFeatures` gives loaded-language counts and densities per category and voice;
:class:`AttributionFeatures` gives attribution cue stances, source types, quotation and voice
shares. Both run :class:`framing.analyze.Analyzer` on each text (each distinct text once per
process: the summaries are cached by lexicon hash and text hash), and both follow the estimator
contract: parameters stored unchanged in ``__init__``, state learned in ``fit`` (the compiled
lexicon as ``lexicon_``), ``get_feature_names_out``, ``clone``, pickle, ``Pipeline``,
``FeatureUnion`` and ``GridSearchCV``.

A fitted transformer does not serialise its compiled lexicon: it keeps the lexicon's provenance
(names, versions, content hashes) and recompiles from the same cards when loaded, refusing cards
whose content changed (see :mod:`framing.models`).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from framing.errors import ModelError
from framing.text import normalize
from framing.types import ATTRIBUTION_KINDS as _ATTRIBUTION_KINDS
from framing.types import SOURCE_TYPES as _SOURCE_TYPES
from framing.types import STANCES as _STANCES
from framing.types import VOICES, Document, DocumentAnalysis

FloatArray = NDArray[np.float64]

ALL_VOICES: tuple[str, ...] = (*VOICES, "all")
STANCES: tuple[str, ...] = _STANCES
#: Source types, plus "none" for attributions without a source span.
SOURCE_TYPES: tuple[str, ...] = (*_SOURCE_TYPES, "none")
ATTRIBUTION_KINDS: tuple[str, ...] = _ATTRIBUTION_KINDS
QUOTE_KINDS: tuple[str, ...] = ("direct", "scare", "mixed", "title")


@dataclass(frozen=True, slots=True)
class TextSummary:
    """The figures of one analysed text that the transformers use (small enough to cache)."""

    n_words: int
    words_by_voice: Mapping[str, int]
    counts: Mapping[str, Mapping[str, int]]
    weights: Mapping[str, float]  # sum of hit weights per voice (and "all")
    stances: Mapping[str, int]
    source_types: Mapping[str, int]
    kinds: Mapping[str, int]
    quote_kinds: Mapping[str, int]
    n_speakers: int
    n_sentences: int


def summarize(analysis: DocumentAnalysis) -> TextSummary:
    """Reduce a :class:`DocumentAnalysis` to the figures the feature transformers need."""
    weights: dict[str, float] = dict.fromkeys(ALL_VOICES, 0.0)
    for h in analysis.hits:
        weights[h.voice] += h.weight
        weights["all"] += h.weight
    qkinds: dict[str, int] = {}
    for q in analysis.quotes:
        qkinds[q.kind] = qkinds.get(q.kind, 0) + 1
    s = analysis.scores
    attribution = s.attribution  # cue figures as counted for the record (framing.scores)
    return TextSummary(
        n_words=s.n_words,
        words_by_voice=dict(s.words_by_voice),
        counts={k: dict(v) for k, v in s.counts.items()},
        weights=weights,
        stances=dict(attribution["stance_counts"]),
        source_types=dict(attribution["source_type_counts"]),
        kinds=dict(attribution["kind_counts"]),
        quote_kinds=qkinds,
        n_speakers=attribution["n_speakers"],
        n_sentences=len(analysis.sentences),
    )


# ------------------------------------------------------------------------------- analysis cache

_CACHE_SIZE = 200_000
_cache: OrderedDict[tuple[str, str], TextSummary] = OrderedDict()


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()


def clear_cache() -> None:
    """Forget every cached text summary."""
    _cache.clear()


class _Engine:
    """An analyzer plus the key that identifies its configuration in the cache."""

    def __init__(self, analyze: Callable[[Document], DocumentAnalysis], key: str) -> None:
        self.analyze = analyze
        self.key = key

    def summaries(self, texts: Sequence[str]) -> list[TextSummary]:
        out: list[TextSummary] = []
        for i, text in enumerate(texts):
            k = (self.key, _text_key(text))
            hit = _cache.get(k)
            if hit is None:
                hit = summarize(self.analyze(Document(id=f"x{i}", text=text)))
                _cache[k] = hit
                if len(_cache) > _CACHE_SIZE:
                    _cache.popitem(last=False)
            out.append(hit)
        return out


def _compile(lexicons: Sequence[str | Path] | None) -> Any:
    """Compile the lexicon cards (``None``: the shipped lexicons)."""
    from framing.lexicon import default_lexicons, load_lexicons

    return default_lexicons() if not lexicons else load_lexicons(list(lexicons))


def _build_engine(lexicon: Any, attribution: bool, boilerplate: bool) -> _Engine:
    from framing.analyze import Analyzer

    analyzer = Analyzer(lexicon, attribution=attribution, boilerplate=boilerplate)
    prov = repr((lexicon.provenance(), attribution, boilerplate))
    return _Engine(analyzer.analyze, hashlib.sha1(prov.encode()).hexdigest())


def _as_texts(values: Iterable[Any]) -> list[str]:
    if isinstance(values, str):
        raise ValueError("expected an iterable of strings, got a single string")
    if hasattr(values, "ndim") and getattr(values, "ndim", 1) == 2:
        arr = np.asarray(values, dtype=object)
        if arr.shape[1] != 1:
            raise ValueError(f"expected one text column, got {arr.shape[1]}")
        values = arr[:, 0]
    texts = list(values)
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise ValueError(f"item {i} is {type(t).__name__}, expected str")
    return texts


class _AnalysisFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Shared machinery: compile the lexicon in ``fit``, analyse texts (cached) in ``transform``."""

    lexicons: Sequence[str | Path] | None
    attribution: bool
    boilerplate: bool

    def _names(self) -> list[str]:
        raise NotImplementedError

    def _row(self, s: TextSummary) -> list[float]:
        raise NotImplementedError

    def fit(self, X: Iterable[Any], y: Any = None) -> _AnalysisFeatures:  # noqa: N803 (scikit-learn API)
        _as_texts(X)
        self.lexicon_ = _compile(self.lexicons)
        self.lexicon_provenance_ = self.lexicon_.provenance()
        self.categories_ = sorted(self.lexicon_.categories)
        self.feature_names_out_ = np.asarray(self._names(), dtype=object)
        self.n_features_out_ = len(self.feature_names_out_)
        return self

    def _engine(self) -> _Engine:
        engine: _Engine | None = getattr(self, "_engine_cache", None)
        if engine is None:
            engine = _build_engine(self.lexicon_, self.attribution, self.boilerplate)
            self._engine_cache = engine
        return engine

    def transform(self, X: Iterable[Any]) -> FloatArray:  # noqa: N803 (scikit-learn API)
        check_is_fitted(self, "lexicon_")
        texts = _as_texts(X)
        rows = [self._row(s) for s in self._engine().summaries(texts)]
        return np.asarray(rows, dtype=np.float64).reshape(len(texts), self.n_features_out_)

    def get_feature_names_out(self, input_features: Any = None) -> NDArray[np.object_]:
        check_is_fitted(self, "feature_names_out_")
        names: NDArray[np.object_] = self.feature_names_out_.copy()
        return names

    # Serialisation: keep provenance, recompile from the same cards when loaded.
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("lexicon_", None)
        state.pop("_engine_cache", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if "lexicon_provenance_" in state:
            lexicon = _compile(self.lexicons)
            if lexicon.provenance() != state["lexicon_provenance_"]:
                raise ModelError(
                    "the lexicon cards changed since the model was fitted "
                    f"(fitted with {state['lexicon_provenance_']}, found {lexicon.provenance()})",
                    field="lexicons",
                )
            self.lexicon_ = lexicon

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags


def _density(count: float, words: int) -> float:
    return 1000.0 * count / words if words else 0.0


class LexiconFeatures(_AnalysisFeatures):
    """Loaded-language figures per category and voice.

    Columns, for each voice in ``voices`` (``authorial``, ``quoted``, ``reported``, ``all``) and
    each lexicon category: ``{voice}:{category}:count`` and, with ``normalize``, the density
    ``{voice}:{category}:per_1000`` (hits per 1,000 words of that voice); then per voice
    ``{voice}:weighted`` (sum of hit weights per 1,000 words, or the raw sum without
    ``normalize``), ``{voice}:any`` (1 when there is a hit), and ``quote_share``,
    ``reported_share``, ``log_n_words``.

    Parameters
    ----------
    lexicons:
        Paths of lexicon cards; ``None`` uses the shipped lexicons.
    voices:
        Which voices get columns.
    normalize:
        Add densities per 1,000 words (and weight densities instead of raw sums).
    attribution, boilerplate:
        Passed to the analyzer (attribution is needed for the ``reported`` voice).
    """

    def __init__(
        self,
        lexicons: Sequence[str | Path] | None = None,
        voices: Sequence[str] = ALL_VOICES,
        normalize: bool = True,
        attribution: bool = True,
        boilerplate: bool = False,
    ) -> None:
        self.lexicons = lexicons
        self.voices = voices
        self.normalize = normalize
        self.attribution = attribution
        self.boilerplate = boilerplate

    def fit(self, X: Iterable[Any], y: Any = None) -> LexiconFeatures:  # noqa: N803 (scikit-learn API)
        unknown = [v for v in self.voices if v not in ALL_VOICES]
        if unknown:
            raise ValueError(f"unknown voices {unknown}; choose from {list(ALL_VOICES)}")
        super().fit(X, y)
        return self

    def _names(self) -> list[str]:
        names: list[str] = []
        for v in self.voices:
            for c in self.categories_:
                names.append(f"{v}:{c}:count")
                if self.normalize:
                    names.append(f"{v}:{c}:per_1000")
            names += [f"{v}:weighted", f"{v}:any"]
        return [*names, "quote_share", "reported_share", "log_n_words"]

    def _row(self, s: TextSummary) -> list[float]:
        row: list[float] = []
        for v in self.voices:
            words = s.n_words if v == "all" else s.words_by_voice.get(v, 0)
            counts = s.counts.get(v, {})
            for c in self.categories_:
                n = counts.get(c, 0)
                row.append(float(n))
                if self.normalize:
                    row.append(_density(n, words))
            w = s.weights.get(v, 0.0)
            row.append(_density(w, words) if self.normalize else w)
            row.append(1.0 if sum(counts.values()) else 0.0)
        n = s.n_words
        row.append(s.words_by_voice.get("quoted", 0) / n if n else 0.0)
        row.append(s.words_by_voice.get("reported", 0) / n if n else 0.0)
        row.append(math.log1p(n))
        return row


class AttributionFeatures(_AnalysisFeatures):
    """Attribution and quotation figures.

    Columns: ``n_cues``, ``stance:{s}:count`` and ``stance:{s}:share`` for each cue stance,
    ``source:{t}:count`` for each source type (``none`` when no source was found); cue figures
    and rates are defined as in ``scores.attribution`` (continuations have no cue;
    ``reportedly`` without a source and passives of kind ``passive`` are unverified),
    ``kind:{k}:count`` for each attribution kind (every relation counts), ``quotes:{k}:count``
    for each quotation kind, ``anonymous_rate``, ``unverified_rate``, ``n_speakers``,
    ``quote_share``, ``reported_share``, ``cues_per_sentence`` and ``log_n_words``. With
    ``normalize`` the counts are divided by the number of sentences (so articles and sentences
    are comparable).
    """

    def __init__(
        self,
        lexicons: Sequence[str | Path] | None = None,
        normalize: bool = True,
        attribution: bool = True,
        boilerplate: bool = False,
    ) -> None:
        self.lexicons = lexicons
        self.normalize = normalize
        self.attribution = attribution
        self.boilerplate = boilerplate

    def _names(self) -> list[str]:
        names = ["n_cues"]
        for s in STANCES:
            names += [f"stance:{s}:count", f"stance:{s}:share"]
        names += [f"source:{t}:count" for t in SOURCE_TYPES]
        names += [f"kind:{k}:count" for k in ATTRIBUTION_KINDS]
        names += [f"quotes:{k}:count" for k in QUOTE_KINDS]
        return [
            *names,
            "anonymous_rate",
            "unverified_rate",
            "n_speakers",
            "quote_share",
            "reported_share",
            "cues_per_sentence",
            "log_n_words",
        ]

    def _row(self, s: TextSummary) -> list[float]:
        n_cues = sum(s.stances.values())
        scale = 1.0 / max(1, s.n_sentences) if self.normalize else 1.0
        row = [n_cues * scale]
        for st in STANCES:
            c = s.stances.get(st, 0)
            row += [c * scale, c / n_cues if n_cues else 0.0]
        row += [s.source_types.get(t, 0) * scale for t in SOURCE_TYPES]
        row += [s.kinds.get(k, 0) * scale for k in ATTRIBUTION_KINDS]
        row += [s.quote_kinds.get(k, 0) * scale for k in QUOTE_KINDS]
        n = s.n_words
        row += [
            s.source_types.get("anonymous", 0) / n_cues if n_cues else 0.0,
            s.source_types.get("unverified", 0) / n_cues if n_cues else 0.0,
            s.n_speakers * scale,
            s.words_by_voice.get("quoted", 0) / n if n else 0.0,
            s.words_by_voice.get("reported", 0) / n if n else 0.0,
            n_cues / max(1, s.n_sentences),
            math.log1p(n),
        ]
        return row


class CompactTfidfVectorizer(TfidfVectorizer):  # type: ignore[misc]
    """``TfidfVectorizer`` whose saved state holds the vocabulary as an array, not a dict.

    Identical in fitting and transforming; only serialisation differs: ``vocabulary_`` is stored
    as a NumPy string array in index order (skops saves arrays quickly and safely, whereas a
    dict of tens of thousands of n-grams takes minutes) and the dict is rebuilt on load. The
    introspection-only ``stop_words_`` of older scikit-learn versions is not saved.
    """

    def __getstate__(self) -> dict[str, Any]:
        state: dict[str, Any] = dict(super().__getstate__())
        state.pop("stop_words_", None)
        vocab = state.pop("vocabulary_", None)
        if isinstance(vocab, dict):
            terms = [""] * len(vocab)
            for term, index in vocab.items():
                terms[index] = term
            state["vocabulary_terms_"] = np.asarray(terms, dtype=str)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        terms = state.pop("vocabulary_terms_", None)
        if terms is not None:
            state["vocabulary_"] = {str(t): i for i, t in enumerate(terms.tolist())}
        super().__setstate__(state)


_WORDS = re.compile(r"\w+")


def text_key(text: str) -> str:
    """Normalised form of a text for matching: folded case and apostrophes, words only."""
    return " ".join(_WORDS.findall(normalize(text)))


class SpanTermFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Word scores learned from word-level annotations of the *training* texts.

    ``annotations`` maps :func:`text_key` of a training text to the words or phrases annotators
    marked in it (an empty tuple for a text with none marked, e.g. BABE's ``biased_words``).
    ``fit`` counts, over the annotated texts given to it, how often each word occurs and how
    often it is marked; a word's score is ``marked / (occurrences + prior)``. A text's features
    are its highest word score, the sum of its three highest, and the number of its words whose
    score passes each of ``thresholds``. Texts absent from ``annotations`` are not counted.

    ``transform`` reads only the learned scores, never ``annotations``: a test text's own
    annotation cannot reach its features. ``fit_transform`` returns cross-fitted features (each
    training text scored by a table learned on the other ``cv`` folds), as scikit-learn's
    ``TargetEncoder`` does, so a classifier does not learn to trust scores that saw its own
    training labels. Pass only the training texts' annotations (as ``framing.experiments``
    does); clear ``annotations`` after fitting to keep a saved model free of them.
    """

    def __init__(
        self,
        annotations: Mapping[str, Sequence[str]] | None = None,
        prior: float = 2.0,
        thresholds: Sequence[float] = (0.2, 0.4),
        cv: int = 5,
        random_state: int = 0,
    ) -> None:
        self.annotations = annotations
        self.prior = prior
        self.thresholds = thresholds
        self.cv = cv
        self.random_state = random_state

    def _counts(
        self, words: Sequence[set[str]], marks: Sequence[set[str] | None]
    ) -> dict[str, float]:
        occurrences: dict[str, int] = {}
        marked: dict[str, int] = {}
        for ws, ms in zip(words, marks, strict=True):
            if ms is None:
                continue
            for w in ws:
                occurrences[w] = occurrences.get(w, 0) + 1
            for w in ms & ws:
                marked[w] = marked.get(w, 0) + 1
        prior = float(self.prior)
        return {w: m / (occurrences[w] + prior) for w, m in sorted(marked.items())}

    def _split(self, texts: Sequence[str]) -> tuple[list[set[str]], list[set[str] | None]]:
        words = [set(_WORDS.findall(normalize(t))) for t in texts]
        annotations = self.annotations or {}
        marks: list[set[str] | None] = []
        for t in texts:
            marked = annotations.get(text_key(t))
            if marked is None:
                marks.append(None)
            else:
                marks.append({w for phrase in marked for w in _WORDS.findall(normalize(phrase))})
        return words, marks

    def _rows(self, words: Sequence[set[str]], table: Mapping[str, float]) -> FloatArray:
        out = np.zeros((len(words), 2 + len(self.thresholds)), dtype=np.float64)
        for i, ws in enumerate(words):
            scores = sorted((table.get(w, 0.0) for w in ws), reverse=True)
            if not scores:
                continue
            out[i, 0] = scores[0]
            out[i, 1] = sum(scores[:3])
            for j, t in enumerate(self.thresholds):
                out[i, 2 + j] = sum(s > t for s in scores)
        return out

    def fit(self, X: Iterable[Any], y: Any = None) -> SpanTermFeatures:  # noqa: N803 (scikit-learn API)
        words, marks = self._split(_as_texts(X))
        self.scores_ = self._counts(words, marks)
        self.n_annotated_ = sum(m is not None for m in marks)
        self.feature_names_out_ = np.asarray(
            ["max", "top3"] + [f"n_above_{t:g}" for t in self.thresholds],
            dtype=object,
        )
        return self

    def fit_transform(self, X: Iterable[Any], y: Any = None, **fit_params: Any) -> FloatArray:  # noqa: N803 (scikit-learn API)
        from sklearn.model_selection import KFold

        texts = _as_texts(X)
        self.fit(texts)
        words, marks = self._split(texts)
        out = np.zeros((len(texts), self.feature_names_out_.shape[0]), dtype=np.float64)
        if len(texts) < self.cv:
            return self._rows(words, self.scores_)
        folds = KFold(self.cv, shuffle=True, random_state=self.random_state)
        for train, test in folds.split(np.zeros(len(texts))):
            table = self._counts([words[i] for i in train], [marks[i] for i in train])
            out[test] = self._rows([words[i] for i in test], table)
        return out

    def transform(self, X: Iterable[Any]) -> FloatArray:  # noqa: N803 (scikit-learn API)
        check_is_fitted(self, "scores_")
        words = [set(_WORDS.findall(normalize(t))) for t in _as_texts(X)]
        return self._rows(words, self.scores_)

    def get_feature_names_out(self, input_features: Any = None) -> NDArray[np.object_]:
        check_is_fitted(self, "feature_names_out_")
        names: NDArray[np.object_] = self.feature_names_out_.copy()
        return names

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags
