"""Who a loaded phrase frames: the analysis's actor links against BASIL's targets.

BASIL (Fan et al. 2019) gives every lexical-bias span a **target**, the entity the biased
wording is aimed at (``Donald_Trump``, ``House_Republicans``, ``BuzzFeed``), and an **aim**:
``dir`` when the wording is about the target itself, ``ind_*`` when it is about someone else and
so reflects on the target. That is the annotation a per-actor framing profile needs: whether
"strongman", "slammed" or "disgraced" is counted against the right actor.

The analysis is run as ``framing analyze`` runs it, with the shipped lexicons. For every
lexical span with direct aim (the spans of the other aims name a target that the words do not
describe) it counts:

- **hit**: a lexicon hit overlaps the span (the lexicon's coverage of BASIL's judgements);
- **linked**: an actor link (:func:`framing.actors.link_actors`) whose label is one of those
  hits;
- **right**: one of those links names the target (:func:`names_target`).

**Precision** is right over linked: how far the actor profiles' labels can be trusted.
**Coverage** is linked over hit: how many loaded phrases that BASIL ties to an actor the
profiles count at all. Both come with a 95% percentile bootstrap interval over articles
(:mod:`framing.stats`; 1,000 resamples, seed 0 unless asked otherwise).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from framing.analyze import Analyzer
from framing.datasets import AnnotatedCorpus, AnnotatedSpan, read_basil
from framing.evaluation.basil import folded_words, rounded_interval
from framing.types import ActorLabel, Document

if TYPE_CHECKING:
    from framing.stats import RatioEstimate

#: words of a BASIL target that name a kind of group, not which one ("House_Republicans":
#: "house" says nothing of the party; "GOP_committee_members": "committee", "members")
_GENERIC_TARGET_WORDS = frozenset(
    {
        "administration",
        "committee",
        "congress",
        "group",
        "house",
        "lawmakers",
        "leaders",
        "leadership",
        "members",
        "officials",
        "party",
        "senate",
        "supporters",
        "the",
        "of",
        "and",
    }
)


def names_target(target: str, actor: str) -> bool:
    """Whether ``actor`` names BASIL's ``target``: a word of the target that names who it is
    (not a generic word such as "house" or "members") shares its first five letters (the whole
    word when shorter) with a word of the actor, without case or accents. ``Donald_Trump``
    matches "Trump" and "Donald Trump"; ``House_Democrats`` matches "Democrats" and
    "Democratic"; ``Internal_Revenue_Service`` matches "IRS"; ``Donald_Trump`` does not match
    "Melania Trump", nor ``House_Democrats`` "Nancy Pelosi"."""
    words = folded_words(target.replace("_", " "))
    gold = [w for w in words if w not in _GENERIC_TARGET_WORDS]
    mine = folded_words(actor)
    if len(mine) == 1 and actor.isupper() and mine[0] == "".join(w[0] for w in words):
        return True  # an acronym of the target's words ("IRS": Internal_Revenue_Service)
    if len(mine) >= 2 and len(words) >= 2 and mine[0][:3] != words[0][:3]:
        # another person of the same surname ("Melania Trump": Donald_Trump), though a short
        # form of the given name is the same person ("Dave Brat": David_Brat)
        return False
    return any(w.startswith(g[:5]) or g.startswith(w[:5]) for g in gold for w in mine if w)


@dataclass(frozen=True, slots=True)
class ActorScore:
    """Lexical spans of direct aim in one outlet (or ``"all"``)."""

    outlet: str
    spans: int
    hit: int  # spans a lexicon hit overlaps
    linked: int  # of those, spans whose hit is linked to an actor
    right: int  # of those, spans whose link names the target
    precision_ci: tuple[float, float] | None = None
    coverage_ci: tuple[float, float] | None = None

    @property
    def precision(self) -> float:
        return self.right / self.linked if self.linked else 0.0

    @property
    def coverage(self) -> float:
        return self.linked / self.hit if self.hit else 0.0


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """One span with a link: the evidence behind the counts (``--json``, ``--examples``)."""

    document_id: str
    outlet: str
    span: str
    target: str
    actor: str
    label: str
    link: str | None
    right: bool


@dataclass(frozen=True, slots=True)
class BasilActorReport:
    """The result of :func:`evaluate_actors`: rows per outlet and ``"all"``."""

    n_articles: int
    scores: tuple[ActorScore, ...]
    matches: tuple[ActorMatch, ...]
    by_link: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # link -> (linked, right)
    n_boot: int = 0
    seed: int = 0

    def score(self, outlet: str = "all") -> ActorScore:
        return next(s for s in self.scores if s.outlet == outlet)

    def as_dict(self) -> dict[str, object]:
        """The report as plain data (``--json``)."""
        return {
            "n_articles": self.n_articles,
            "n_boot": self.n_boot,
            "seed": self.seed,
            "scores": [
                {
                    "outlet": s.outlet,
                    "spans": s.spans,
                    "hit": s.hit,
                    "linked": s.linked,
                    "right": s.right,
                    "precision": round(s.precision, 4),
                    "precision_ci": rounded_interval(s.precision_ci),
                    "coverage": round(s.coverage, 4),
                    "coverage_ci": rounded_interval(s.coverage_ci),
                }
                for s in self.scores
            ],
            "by_link": {k: {"linked": n, "right": r} for k, (n, r) in self.by_link.items()},
            "matches": [
                {
                    "document": m.document_id,
                    "outlet": m.outlet,
                    "span": m.span,
                    "target": m.target,
                    "actor": m.actor,
                    "label": m.label,
                    "link": m.link,
                    "right": m.right,
                }
                for m in self.matches
            ],
        }


def _best(links: Sequence[ActorLabel], target: str) -> tuple[ActorLabel, bool]:
    """The link that names the target if one does, else the first."""
    for a in links:
        if names_target(target, a.actor):
            return a, True
    return links[0], False


def evaluate_actors(
    corpus: AnnotatedCorpus | str | Path,
    *,
    analyzer: Analyzer | None = None,
    n_boot: int = 1000,
    seed: int = 0,
) -> BasilActorReport:
    """Actor links of the lexicon hits in BASIL's lexical spans of direct aim, against their
    targets (``corpus``: loaded, or the BASIL folder), each rate with a percentile bootstrap
    interval over articles (``n_boot=0``: none)."""
    if not isinstance(corpus, AnnotatedCorpus):
        corpus = read_basil(corpus)
    analyzer = analyzer if analyzer is not None else Analyzer()
    by_doc: dict[str, list[AnnotatedSpan]] = {}
    for sp in corpus.spans:
        target = str(sp.attributes.get("target") or "")
        if sp.label == "lex" and sp.attributes.get("aim") == "dir" and target:
            by_doc.setdefault(sp.document_id, []).append(sp)
    counts: dict[str, list[int]] = {}
    rows: list[tuple[str, list[int]]] = []  # per article: outlet, [spans, hit, linked, right]
    matches: list[ActorMatch] = []
    by_link: dict[str, list[int]] = {}
    for doc in corpus.documents:
        spans = by_doc.get(doc.id)
        if not spans:
            continue
        analysis = analyzer.analyze(Document(id=doc.id, text=doc.text, source=doc.source))
        outlet = doc.source or "unknown"
        row = [0, 0, 0, 0]
        rows.append((outlet, row))
        for sp in spans:
            target = str(sp.attributes["target"])
            hits = [h for h in analysis.hits if h.start < sp.end and sp.start < h.end]
            links = [
                a
                for a in analysis.actors
                if any(a.start == h.start and a.end == h.end for h in hits)
            ]
            found = [1, int(bool(hits)), int(bool(links)), 0]
            if links:
                link, right = _best(links, target)
                found[3] = int(right)
                tally = by_link.setdefault(link.link or "unrecorded", [0, 0])
                tally[0] += 1
                tally[1] += right
                matches.append(
                    ActorMatch(
                        doc.id, outlet, sp.text, target, link.actor, link.label, link.link, right
                    )
                )
            for o in ("all", outlet):
                c = counts.setdefault(o, [0, 0, 0, 0])
                for i, v in enumerate(found):
                    c[i] += v
            for i, v in enumerate(found):
                row[i] += v
    outlets = ["all", *sorted(o for o in counts if o != "all")]
    cis = _intervals(rows, outlets, n_boot, seed)
    return BasilActorReport(
        n_articles=len(rows),
        scores=tuple(_score(o, counts.get(o, [0, 0, 0, 0]), cis.get(o)) for o in outlets),
        matches=tuple(matches),
        by_link={k: (v[0], v[1]) for k, v in sorted(by_link.items())},
        n_boot=n_boot,
        seed=seed,
    )


_Interval = tuple[float, float]


def _score(
    outlet: str, c: Sequence[int], cis: tuple[_Interval | None, _Interval | None] | None
) -> ActorScore:
    precision_ci, coverage_ci = cis if cis is not None else (None, None)
    return ActorScore(outlet, c[0], c[1], c[2], c[3], precision_ci, coverage_ci)


def _interval(est: RatioEstimate, column: int) -> _Interval | None:
    low, high = float(est.low[column]), float(est.high[column])
    return None if low != low else (low, high)  # (nan: no denominator in any resample)


def _intervals(
    rows: Sequence[tuple[str, list[int]]], outlets: Sequence[str], n_boot: int, seed: int
) -> dict[str, tuple[_Interval | None, _Interval | None]]:
    """Percentile bootstrap intervals of precision and coverage over each outlet's articles."""
    out: dict[str, tuple[_Interval | None, _Interval | None]] = {}
    if n_boot <= 0:
        return out
    import numpy as np

    from framing.stats import bootstrap_ratio

    for outlet in outlets:
        mine = np.array(
            [r for o, r in rows if outlet == "all" or o == outlet], dtype=np.float64
        ).reshape(-1, 4)
        if mine.shape[0] == 0:
            continue
        # precision (right / linked) and coverage (linked / hit) on the same resamples
        est = bootstrap_ratio(mine[:, [3, 2]], mine[:, [2, 1]], n_boot=n_boot, seed=seed)
        out[outlet] = (_interval(est, 0), _interval(est, 1))
    return out
