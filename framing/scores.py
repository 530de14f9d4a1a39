"""Per-document scores, computed only from the document's hits, quotes and attributions.

Definitions (also in ``docs/SCHEMA.md``):

- words are counted outside excluded (boilerplate) spans;
- a word's voice is ``quoted`` inside a quotation's marks, ``reported`` inside the content of an
  indirect attribution, otherwise ``authorial``;
- ``per_1000[voice][category]`` = hits of that category in that voice / words in that voice x 1,000,
  and ``per_1000["all"]`` divides all hits by all scored words.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from framing.text import count_class_words, word_classes
from framing.types import VOICES, Attribution, Excluded, Hit, Quote, Scores

Segment = tuple[int, int, str]  # start, end, label (excluded | quoted | reported | authorial)

_PRIORITY = ("excluded", "quoted", "reported")


def voice_segments(
    text: str,
    excluded: Sequence[Excluded],
    quotes: Sequence[Quote],
    reported: Sequence[tuple[int, int]],
) -> list[Segment]:
    """Cut ``text`` into consecutive segments labelled by voice (excluded text labelled too)."""
    by_label: dict[str, list[tuple[int, int]]] = {
        "excluded": [(e.start, e.end) for e in excluded],
        "quoted": [(q.inner_start, q.inner_end) for q in quotes],
        "reported": list(reported),
    }
    points = sorted(
        {0, len(text), *itertools.chain.from_iterable(itertools.chain(*by_label.values()))}
    )
    # Every interval boundary is a point, so an interval covers a run of whole elementary
    # segments [points[k], points[k + 1]): the label of each is painted over that run, from the
    # lowest priority to the highest, so that the highest label covering a segment is the one
    # left. Merged intervals are disjoint, so each label paints a segment at most once.
    labels = ["authorial"] * (len(points) - 1)
    for label in reversed(_PRIORITY):
        for start, end in zip(*_merged(by_label[label]), strict=True):
            first, stop = bisect.bisect_left(points, start), bisect.bisect_left(points, end)
            labels[first:stop] = [label] * (stop - first)
    # one segment per run of equal labels
    segments: list[Segment] = []
    for k, label in enumerate(labels):
        if segments and segments[-1][2] == label:
            segments[-1] = (segments[-1][0], points[k + 1], label)
        else:
            segments.append((points[k], points[k + 1], label))
    return segments


def _merged(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Start and end lists of the union of ``spans`` (sorted, non-overlapping, non-empty)."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if s >= e:
            continue
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _round(x: float) -> float:
    return round(x, 4)


#: Source types of the voices ``n_speakers`` counts: named people and organisations and
#: described roles, not "sources", "reports" or documents.
NAMED_TYPES = frozenset(["person", "organisation", "role"])
#: Cues with no source that mark their content as hearsay: counted as unverified sourcing.
UNSOURCED_UNVERIFIED = frozenset(["reportedly", "allegedly"])
#: Kinds of attribution that name no one by construction: counted as unverified sourcing. The
#: ``passive`` kind is an agentless passive that reports a proposition ("it is believed that
#: …", "is said to …"; :data:`framing.attribution.HEARSAY_PASSIVES`); one that reports an act
#: ("was dismissed") is ``indirect``.
UNVERIFIED_KINDS = frozenset(["passive"])
#: Cues whose agentless passive is an official act with an implied agent, not hearsay: "was
#: charged with assault" (by prosecutors) is not unverified sourcing. Such a passive is kind
#: ``indirect`` in records of this version; the list keeps earlier records' rates right.
OFFICIAL_ACTS = frozenset(["charge with"])


def sourcing_type(source_type: str, lemma: str, kind: str) -> str:
    """The source type an attribution counts as in the sourcing rates: its source's type
    (``"none"`` without a source), except that ``reportedly`` / ``allegedly`` with no source
    and agentless passives in the writer's own voice that report a proposition (kind
    ``passive``: "it is believed that …", "X is said to …") are ``"unverified"``, except those
    of :data:`OFFICIAL_ACTS`.
    The reports use the same rule (:mod:`framing.aggregate`)."""
    if source_type == "none" and (
        lemma in UNSOURCED_UNVERIFIED or (kind in UNVERIFIED_KINDS and lemma not in OFFICIAL_ACTS)
    ):
        return "unverified"
    return source_type


def speaker_key(name: str) -> str:
    """The key under which a speaker is counted: the name without case and without a leading
    article, so that "The Civic Alliance", "the Civic Alliance" and "Civic Alliance" are one
    speaker (records keep the name as the text writes it)."""
    key = name.casefold()
    return key[4:] if key.startswith("the ") and len(key) > 4 else key


def attribution_scores(
    attributions: Sequence[Attribution], quoted_words: int, n_words: int
) -> dict[str, Any]:
    """``scores.attribution`` (docs/SCHEMA.md). Cue counts, stance shares and sourcing rates are
    over cues: a ``continuation`` (a quotation paragraph that continues the previous speaker)
    has no cue of its own and counts only in ``kind_counts``."""
    n = 0
    negated = 0
    stances: dict[str, int] = {}
    kinds: dict[str, int] = {}
    types: dict[str, int] = {}
    speakers: set[str] = set()
    for a in attributions:
        kinds[a.kind] = kinds.get(a.kind, 0) + 1
        if a.speaker and a.source is not None and a.source.type in NAMED_TYPES:
            speakers.add(speaker_key(a.speaker))
        if a.kind == "continuation":
            continue
        n += 1
        negated += a.cue.negated
        stances[a.cue.stance] = stances.get(a.cue.stance, 0) + 1
        t = sourcing_type(a.source.type if a.source is not None else "none", a.cue.lemma, a.kind)
        types[t] = types.get(t, 0) + 1
    return {
        "n_cues": n,
        "n_negated": negated,
        "stance_counts": dict(sorted(stances.items())),
        "stance_share": {k: _round(v / n) for k, v in sorted(stances.items())} if n else {},
        "kind_counts": dict(sorted(kinds.items())),
        "source_type_counts": dict(sorted(types.items())),
        "anonymous_rate": _round(types.get("anonymous", 0) / n) if n else 0.0,
        "unverified_rate": _round(types.get("unverified", 0) / n) if n else 0.0,
        "direct_quote_share": _round(quoted_words / n_words) if n_words else 0.0,
        "n_speakers": len(speakers),
    }


def compute_scores(
    text: str,
    segments: Sequence[Segment],
    hits: Sequence[Hit],
    quotes: Sequence[Quote],
    attributions: Sequence[Attribution],
    *,
    top_terms: int = 10,
    classes: bytes | None = None,
) -> Scores:
    """Scores of one document (definitions in the module docstring). ``classes`` is
    :func:`framing.text.word_classes` of ``text`` when the caller has it already."""
    # one count per voice over its segments joined by spaces: a space neither makes nor joins
    # words, so this is the sum of the segments' counts, in three calls instead of one per
    # segment; counted on the text's word classes, which count faster than the text itself
    if classes is None:
        classes = word_classes(text)
    parts: dict[str, list[bytes]] = {voice: [] for voice in VOICES}
    for start, end, label in segments:
        if label in parts:  # excluded text counts in no voice
            parts[label].append(classes[start:end])
    words_by_voice: dict[str, int] = {v: count_class_words(b" ".join(parts[v])) for v in VOICES}
    n_words = sum(words_by_voice.values())

    counts: dict[str, Counter[str]] = {"all": Counter(), **{v: Counter() for v in VOICES}}
    weight: dict[str, float] = dict.fromkeys(("all", *VOICES), 0.0)
    for h in hits:
        counts["all"][h.category] += 1
        counts[h.voice][h.category] += 1
        weight["all"] += h.weight
        weight[h.voice] += h.weight

    def per_1000(c: Mapping[str, int], denom: int) -> dict[str, float]:
        return {k: _round(1000 * v / denom) if denom else 0.0 for k, v in sorted(c.items())}

    denominators = {"all": n_words, **words_by_voice}
    terms = Counter(h.term for h in hits)
    top = tuple(sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))[:top_terms])
    direct_words = words_by_voice["quoted"]
    return Scores(
        n_words=n_words,
        words_by_voice=words_by_voice,
        counts={k: dict(sorted(v.items())) for k, v in counts.items()},
        per_1000={k: per_1000(v, denominators[k]) for k, v in counts.items()},
        weighted={
            k: _round(1000 * weight[k] / denominators[k]) if denominators[k] else 0.0
            for k in ("all", *VOICES)
        },
        top_terms=top,
        attribution=attribution_scores(attributions, direct_words, n_words),
    )
