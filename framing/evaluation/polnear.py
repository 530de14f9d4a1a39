"""Evaluate attribution extraction against PolNeAR (Newell, Margolin & Ruths, LREC 2018).

PolNeAR ships brat standoff: ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``. An
``.ann`` file has ``T`` lines (``T7<TAB>Content 209 236;91 186<TAB>text``; discontinuous spans are
joined by ``;``) and ``E`` lines linking the parts of one relation. Articles annotated by several
annotators are read from one file only, the first in sorted order, so each article counts once.

Scores are precision, recall and F1 for each role (cue, source, content), by two criteria:

- **exact**: a predicted span equals a gold span (its whole extent, or one of its fragments);
- **overlap**: a predicted span shares at least one character with a gold span of the role.

Precision counts predicted spans that match some gold span; recall counts gold spans matched
by some predicted span. Figures are given overall and per outlet (the file-name prefix), each
F1 with a 95% percentile bootstrap interval over the articles it pools
(:func:`framing.stats.bootstrap_f1`; 1,000 resamples, seed 0 unless asked otherwise): a split
of 84 articles measures F1 to a few hundredths, and the interval says how many.

:func:`agreement` puts those figures beside the annotators' own: on the articles that several
annotators annotated, every annotator is scored against every other by the same criteria (one
annotator's spans in the place of predictions), and the system against each of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.attribution import extract_attributions
from framing.errors import DataError
from framing.quotes import find_quotes
from framing.text import split_sentences
from framing.types import Attribution

_T_LINE = re.compile(r"T\d+\t")
ROLES: tuple[str, ...] = ("cue", "source", "content")
_BRAT_ROLES = {"Cue": "cue", "Source": "source", "Content": "content"}

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """One annotated span: its fragments (one unless discontinuous)."""

    fragments: tuple[Span, ...]

    @property
    def start(self) -> int:
        return min(f[0] for f in self.fragments)

    @property
    def end(self) -> int:
        return max(f[1] for f in self.fragments)


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    name: str
    outlet: str
    text: str
    gold: Mapping[str, tuple[GoldSpan, ...]]  # role -> spans
    annotation_file: str


@dataclass(frozen=True, slots=True)
class RoleScore:
    outlet: str  # "all" for the whole set
    role: str
    criterion: str  # "exact" or "overlap"
    n_pred: int
    n_gold: int
    matched_pred: int
    matched_gold: int
    #: percentile bootstrap interval of :attr:`f1` over articles (``None`` when not computed)
    f1_ci: tuple[float, float] | None = None

    @property
    def precision(self) -> float:
        return self.matched_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "role": self.role,
            "criterion": self.criterion,
            "n_pred": self.n_pred,
            "n_gold": self.n_gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            **(
                {"f1_ci": [round(self.f1_ci[0], 4), round(self.f1_ci[1], 4)]}
                if self.f1_ci is not None
                else {}
            ),
        }


@dataclass(frozen=True, slots=True)
class PolnearReport:
    n_articles: int
    scores: tuple[RoleScore, ...]
    #: bootstrap resamples behind each score's ``f1_ci`` (0: no intervals), and their seed
    n_boot: int = 0
    seed: int = 0

    def get(self, role: str, criterion: str = "overlap", outlet: str = "all") -> RoleScore:
        for s in self.scores:
            if (s.role, s.criterion, s.outlet) == (role, criterion, outlet):
                return s
        raise KeyError((role, criterion, outlet))

    def as_dict(self) -> dict[str, Any]:
        return {
            "n_articles": self.n_articles,
            "n_boot": self.n_boot,
            "seed": self.seed,
            "scores": [s.as_dict() for s in self.scores],
        }


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """An article with the annotations of several annotators (PolNeAR's agreement sample)."""

    name: str
    outlet: str
    text: str
    #: (annotator id, role -> spans), one per ``.ann`` file, in sorted file order
    annotations: tuple[tuple[str, Mapping[str, tuple[GoldSpan, ...]]], ...]


@dataclass(frozen=True, slots=True)
class AgreementReport:
    """Annotator-against-annotator and system-against-annotator scores on the same articles.

    ``annotators`` pools every ordered pair of annotators of an article (the first one's spans
    scored as predictions against the second one's), so that precision and recall are the two
    directions of one comparison; ``system`` pools the system against each annotator. Both
    are :class:`RoleScore` rows with ``outlet="all"``.
    """

    n_articles: int
    n_annotations: int
    annotators: tuple[RoleScore, ...]
    system: tuple[RoleScore, ...]

    def get(self, who: str, role: str, criterion: str = "overlap") -> RoleScore:
        rows = self.annotators if who == "annotators" else self.system
        for s in rows:
            if (s.role, s.criterion) == (role, criterion):
                return s
        raise KeyError((who, role, criterion))

    def as_dict(self) -> dict[str, Any]:
        return {
            "n_articles": self.n_articles,
            "n_annotations": self.n_annotations,
            "annotators": [s.as_dict() for s in self.annotators],
            "system": [s.as_dict() for s in self.system],
        }


# --------------------------------------------------------------------------------------- reading


def _parse_fragments(value: str, file: str, line: int) -> tuple[Span, ...]:
    frags: list[Span] = []
    for part in value.split(";"):
        bits = part.split()
        if len(bits) != 2 or not bits[0].isdigit() or not bits[1].isdigit():
            raise DataError(f"bad span {part!r}", file=file, line=line, field="offsets")
        s, e = int(bits[0]), int(bits[1])
        if e < s:
            raise DataError(f"span end {e} before start {s}", file=file, line=line, field="offsets")
        frags.append((s, e))
    return tuple(frags)


def read_annotations(path: Path, text_length: int) -> dict[str, tuple[GoldSpan, ...]]:
    """Gold Source/Cue/Content spans of one ``.ann`` file."""
    file = str(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read annotations: {exc}", file=file) from exc
    gold: dict[str, list[GoldSpan]] = {r: [] for r in ROLES}
    for n, line in enumerate(lines, 1):
        if not _T_LINE.match(line):
            continue  # E/A lines, or the continuation of a span text that holds a line break
        cols = line.split("\t")
        if len(cols) < 2:
            raise DataError("a T line needs an id and a type with offsets", file=file, line=n)
        head = cols[1].split(" ", 1)
        role = _BRAT_ROLES.get(head[0])
        if role is None:
            continue
        if len(head) != 2:
            raise DataError("missing offsets", file=file, line=n, field="offsets")
        frags = _parse_fragments(head[1], file, n)
        if any(e > text_length for _, e in frags):
            raise DataError(
                f"span ends after the text ({text_length} characters)",
                file=file,
                line=n,
                field="offsets",
            )
        gold[role].append(GoldSpan(frags))
    return {r: tuple(v) for r, v in gold.items()}


def _split_dirs(directory: str | Path) -> tuple[Path, Path]:
    root = Path(directory)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise DataError(
            "not a PolNeAR split: expected text/ and attributions/ folders", file=str(root)
        )
    return text_dir, ann_dir


def _annotation_files(ann_dir: Path) -> dict[str, list[Path]]:
    """Article name -> its ``.ann`` files (``NAME_ANNOTATOR.ann``), in sorted order."""
    anns: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        base = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(base, []).append(ann)
    return anns


def _read_text(txt: Path) -> str:
    try:
        return txt.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read article: {exc}", file=str(txt)) from exc


def read_polnear(directory: str | Path) -> tuple[PolnearArticle, ...]:
    """Articles of one PolNeAR split (a folder with ``text/`` and ``attributions/``)."""
    text_dir, ann_dir = _split_dirs(directory)
    anns = _annotation_files(ann_dir)
    articles: list[PolnearArticle] = []
    for txt in sorted(text_dir.glob("*.txt")):
        files = anns.get(txt.stem)
        if not files:
            raise DataError("no annotation file for this article", file=str(txt))
        text = _read_text(txt)
        chosen = files[0]
        articles.append(
            PolnearArticle(
                name=txt.stem,
                outlet=txt.stem.split("_", 1)[0],
                text=text,
                gold=read_annotations(chosen, len(text)),
                annotation_file=str(chosen),
            )
        )
    if not articles:
        raise DataError("no articles in text/", file=str(text_dir))
    return tuple(articles)


def read_multiply_annotated(directory: str | Path) -> tuple[AnnotatedArticle, ...]:
    """The articles of a PolNeAR split that have more than one annotation file, with all of
    them (PolNeAR's agreement sample: 16 articles of train and 2 of dev, 5 or 6 files each)."""
    text_dir, ann_dir = _split_dirs(directory)
    out: list[AnnotatedArticle] = []
    for name, files in sorted(_annotation_files(ann_dir).items()):
        if len(files) < 2:
            continue
        txt = text_dir / f"{name}.txt"
        if not txt.is_file():
            raise DataError("annotation files without their article", file=str(files[0]))
        text = _read_text(txt)
        out.append(
            AnnotatedArticle(
                name=name,
                outlet=name.split("_", 1)[0],
                text=text,
                annotations=tuple(
                    (f.stem.rsplit("_", 1)[1], read_annotations(f, len(text))) for f in files
                ),
            )
        )
    if not out:
        raise DataError("no article has more than one annotation file", file=str(ann_dir))
    return tuple(out)


# ------------------------------------------------------------------------------------- scoring


def predict(text: str) -> dict[str, list[Span]]:
    """Predicted cue, source and content spans of one text (the library's own pipeline)."""
    sentences = split_sentences(text)
    quotes = find_quotes(text, sentences)
    result = extract_attributions(text, sentences, quotes)
    return spans_of(result.attributions)


def spans_of(attributions: Iterable[Attribution]) -> dict[str, list[Span]]:
    out: dict[str, list[Span]] = {r: [] for r in ROLES}
    for a in attributions:
        if a.cue.end > a.cue.start:
            out["cue"].append((a.cue.start, a.cue.end))
        if a.source is not None and a.source.end > a.source.start and a.kind != "continuation":
            out["source"].append((a.source.start, a.source.end))
        if a.content is not None and a.content.end > a.content.start:
            out["content"].append((a.content.start, a.content.end))
    for r in ROLES:
        out[r] = sorted(set(out[r]))
    return out


def _match_counts(pred: Sequence[Span], gold: Sequence[GoldSpan]) -> dict[str, tuple[int, int]]:
    """Predicted spans against gold spans: :func:`_gold_match_counts` with each predicted span
    as a one-fragment span."""
    return _gold_match_counts([GoldSpan((p,)) for p in pred], gold)


def evaluate(
    articles: Sequence[PolnearArticle],
    predictor: Callable[[str], Mapping[str, Sequence[Span]]] = predict,
    *,
    n_boot: int = 1000,
    seed: int = 0,
) -> PolnearReport:
    """Precision, recall and F1 per role, criterion and outlet (and ``"all"``), each F1 with a
    percentile bootstrap interval over the articles of its row (``n_boot=0``: none)."""
    # (numpy is imported here, not at the start of the command line: tests/test_cli.py)
    import numpy as np

    from framing.stats import bootstrap_f1

    keys = [(r, c) for r in ROLES for c in ("overlap", "exact")]
    # per article: (n_pred, n_gold, matched_pred, matched_gold) for each role and criterion
    counts = np.zeros((len(articles), len(keys), 4), dtype=np.int64)
    for i, art in enumerate(articles):
        pred = predictor(art.text)
        for role in ROLES:
            p = list(pred.get(role, ()))
            g = art.gold.get(role, ())
            for criterion, (mp, mg) in _match_counts(p, g).items():
                counts[i, keys.index((role, criterion))] = (len(p), len(g), mp, mg)
    groups: dict[str, list[int]] = {"all": list(range(len(articles)))}
    for i, art in enumerate(articles):
        groups.setdefault(art.outlet, []).append(i)
    scores: list[RoleScore] = []
    for outlet in ("all", *sorted(set(groups) - {"all"})):
        rows = counts[groups[outlet]]
        ci = bootstrap_f1(rows, n_boot=n_boot, seed=seed) if n_boot > 0 else None
        for k, (role, criterion) in enumerate(keys):
            n_pred, n_gold, mp, mg = (int(v) for v in rows[:, k].sum(axis=0))
            interval = None if ci is None else (float(ci.low[k]), float(ci.high[k]))
            scores.append(RoleScore(outlet, role, criterion, n_pred, n_gold, mp, mg, interval))
    return PolnearReport(len(articles), tuple(scores), n_boot, seed)


def _gold_match_counts(
    pred: Sequence[GoldSpan], gold: Sequence[GoldSpan]
) -> dict[str, tuple[int, int]]:
    """:func:`_match_counts` with one annotator's spans as the predictions: a span matches
    exactly when its extent or one of its fragments equals the other's extent or one of its
    fragments, by overlap when any of their fragments share a character."""

    def keys(g: GoldSpan) -> set[Span]:
        return {(g.start, g.end), *g.fragments}

    def overlaps(a: GoldSpan, b: GoldSpan) -> bool:
        return any(s < be and bs < e for s, e in a.fragments for bs, be in b.fragments)

    gold_keys = [keys(g) for g in gold]
    pred_keys = [keys(p) for p in pred]
    exact_pred = sum(1 for k in pred_keys if any(k & gk for gk in gold_keys))
    exact_gold = sum(1 for gk in gold_keys if any(gk & k for k in pred_keys))
    overlap_pred = sum(1 for p in pred if any(overlaps(p, g) for g in gold))
    overlap_gold = sum(1 for g in gold if any(overlaps(p, g) for p in pred))
    return {"exact": (exact_pred, exact_gold), "overlap": (overlap_pred, overlap_gold)}


def agreement(
    articles: Sequence[AnnotatedArticle],
    predictor: Callable[[str], Mapping[str, Sequence[Span]]] = predict,
) -> AgreementReport:
    """How far the annotators agree with each other, and the system with each of them, on
    the same articles and by the same criteria as :func:`evaluate`."""
    human: dict[tuple[str, str], list[int]] = {}
    system: dict[tuple[str, str], list[int]] = {}

    def add(
        totals: dict[tuple[str, str], list[int]],
        role: str,
        counts: Mapping[str, tuple[int, int]],
        n_pred: int,
        n_gold: int,
    ) -> None:
        for criterion, (mp, mg) in counts.items():
            row = totals.setdefault((role, criterion), [0, 0, 0, 0])
            row[0] += n_pred
            row[1] += n_gold
            row[2] += mp
            row[3] += mg

    for art in articles:
        pred = predictor(art.text)
        for role in ROLES:
            for i, (_, a) in enumerate(art.annotations):
                g = a.get(role, ())
                p = list(pred.get(role, ()))
                add(system, role, _match_counts(p, g), len(p), len(g))
                for j, (_, b) in enumerate(art.annotations):
                    if i != j:
                        other = b.get(role, ())
                        add(human, role, _gold_match_counts(g, other), len(g), len(other))

    def rows(totals: dict[tuple[str, str], list[int]]) -> tuple[RoleScore, ...]:
        return tuple(
            RoleScore("all", r, c, *_four(totals[(r, c)]))
            for r in ROLES
            for c in ("overlap", "exact")
            if (r, c) in totals
        )

    return AgreementReport(
        n_articles=len(articles),
        n_annotations=sum(len(a.annotations) for a in articles),
        annotators=rows(human),
        system=rows(system),
    )


def _four(row: Sequence[int]) -> tuple[int, int, int, int]:
    return row[0], row[1], row[2], row[3]


def evaluate_directory(
    directory: str | Path, *, n_boot: int = 1000, seed: int = 0
) -> PolnearReport:
    return evaluate(read_polnear(directory), n_boot=n_boot, seed=seed)
