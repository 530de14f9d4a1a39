"""Whose words a bias span is: voice and speaker against BASIL's quotation flags.

BASIL (Fan et al. 2019) marks lexical and informational bias spans in news articles on 100
events, each covered by Fox News, The New York Times and HuffPost. For every span it says
whether the span is **quoted** (``quote``: yes/no) and, when it is, **who is quoted**
(``speaker``: a name such as ``Donald_Trump``, a group such as ``House_Democrats``, or
``other_pro`` / ``other_anti`` / ``other_neutral``). That is an annotation of the two things a
framing report needs from attribution: whether a loaded phrase is the outlet's own wording,
and if not, whose.

The analysis is run as ``framing analyze`` runs it (boilerplate, sentences, quotations,
attribution) and compared span by span:

- **voice**: the voice that covers most of the span's characters (:func:`voice_of`), against
  the flag. A span counts as predicted quoted when that voice is ``quoted``. BASIL files
  paraphrase as not quoted, so ``reported`` spans are counted on their own, not as errors
  or hits;
- **speaker**: for every quoted span, the relation whose content holds the span's start (the
  shortest, when relations nest). The span is **attributed** when there is one. For a person
  speaker it is **named right** when the gold name's last word begins a word of the
  relation's speaker or source, compared without case and accents (``Felipe_Calder``, as
  BASIL truncates it, matches "Felipe Calderón").

Every rate comes with a 95% percentile bootstrap interval over the articles of its row (1,000
resamples, seed 0 unless asked otherwise; :mod:`framing.stats`): BASIL's 221 annotated
articles hold a few hundred quoted spans per outlet.

A gold speaker is a **person** when it has two or more words and the first is in the given-name
list (``lexicons/given_names.tsv``); ``other_*`` are **generic**; every other value (a group,
an organisation, one word such as ``Trump`` or ``NAACP``) is **other named**, for which only
attribution is counted. Spans of articles without an annotation file do not exist here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from framing.actors import given_names
from framing.attribution import extract_attributions
from framing.boilerplate import detect_boilerplate
from framing.datasets import AnnotatedCorpus, AnnotatedSpan, read_basil
from framing.quotes import find_quotes
from framing.scores import Segment, voice_segments
from framing.text import split_sentences
from framing.types import Attribution

SpeakerClass = Literal["person", "other named", "generic"]
SPEAKER_CLASSES: tuple[SpeakerClass, ...] = ("person", "other named", "generic")
#: Voices a span can have here (``excluded``: inside boilerplate).
SPAN_VOICES: tuple[str, ...] = ("authorial", "quoted", "reported", "excluded")


@dataclass(frozen=True, slots=True)
class VoiceScore:
    """Spans of one outlet by BASIL's flag and the analysis's voice."""

    outlet: str
    #: (BASIL quoted, voice) -> number of spans
    counts: Mapping[tuple[bool, str], int]
    #: percentile bootstrap interval of :attr:`f1` over articles (``None`` when not computed)
    f1_ci: tuple[float, float] | None = None

    def n(self, quoted: bool | None = None, voice: str | None = None) -> int:
        return sum(
            c
            for (q, v), c in self.counts.items()
            if (quoted is None or q == quoted) and (voice is None or v == voice)
        )

    @property
    def precision(self) -> float:
        """Of the spans in the quoted voice, the share BASIL flags as quoted."""
        pred = self.n(voice="quoted")
        return self.n(True, "quoted") / pred if pred else 0.0

    @property
    def recall(self) -> float:
        """Of the spans BASIL flags as quoted, the share in the quoted voice."""
        gold = self.n(quoted=True)
        return self.n(True, "quoted") / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class SpeakerScore:
    """Quoted spans of one outlet and one class of gold speaker."""

    outlet: str
    speaker_class: SpeakerClass
    quoted: int  # spans BASIL flags as quoted
    attributed: int  # of those, spans inside the content of a relation
    named_right: int | None  # of those, spans whose relation names the gold person (persons)
    #: percentile bootstrap intervals of the two rates over articles (``None``: not computed)
    attributed_ci: tuple[float, float] | None = None
    named_right_ci: tuple[float, float] | None = None

    @property
    def attributed_rate(self) -> float:
        return self.attributed / self.quoted if self.quoted else 0.0

    @property
    def named_right_rate(self) -> float | None:
        """Named right over all quoted spans of the class (unattributed spans count as wrong)."""
        if self.named_right is None:
            return None
        return self.named_right / self.quoted if self.quoted else 0.0


@dataclass(frozen=True, slots=True)
class BasilVoiceReport:
    """The result of :func:`evaluate_voice`: rows per outlet and ``"all"``."""

    n_articles: int
    n_spans: int
    voice: tuple[VoiceScore, ...]
    speakers: tuple[SpeakerScore, ...]
    dropped: Mapping[str, int] = field(default_factory=dict)
    #: bootstrap resamples behind the intervals (0: none), and their seed
    n_boot: int = 0
    seed: int = 0

    def as_dict(self) -> dict[str, object]:
        """The report as plain data (``--json``)."""
        return {
            "n_articles": self.n_articles,
            "n_spans": self.n_spans,
            "n_boot": self.n_boot,
            "seed": self.seed,
            "dropped": dict(self.dropped),
            "voice": [
                {
                    "outlet": v.outlet,
                    "spans": v.n(),
                    "basil_quoted": v.n(quoted=True),
                    "voice_quoted": v.n(voice="quoted"),
                    "both": v.n(True, "quoted"),
                    "precision": round(v.precision, 4),
                    "recall": round(v.recall, 4),
                    "f1": round(v.f1, 4),
                    "f1_ci": rounded_interval(v.f1_ci),
                    "by_voice": {
                        ("quoted" if q else "not_quoted"): {
                            voice: v.n(q, voice) for voice in SPAN_VOICES
                        }
                        for q in (True, False)
                    },
                }
                for v in self.voice
            ],
            "speakers": [
                {
                    "outlet": s.outlet,
                    "speaker_class": s.speaker_class,
                    "quoted": s.quoted,
                    "attributed": s.attributed,
                    "attributed_rate": round(s.attributed_rate, 4),
                    "attributed_ci": rounded_interval(s.attributed_ci),
                    "named_right": s.named_right,
                    "named_right_rate": None
                    if s.named_right_rate is None
                    else round(s.named_right_rate, 4),
                    "named_right_ci": rounded_interval(s.named_right_ci),
                }
                for s in self.speakers
            ],
        }

    def voice_of_outlet(self, outlet: str = "all") -> VoiceScore:
        return next(v for v in self.voice if v.outlet == outlet)

    def speaker(self, speaker_class: SpeakerClass, outlet: str = "all") -> SpeakerScore:
        return next(
            s for s in self.speakers if s.outlet == outlet and s.speaker_class == speaker_class
        )


def rounded_interval(ci: tuple[float, float] | None) -> list[float] | None:
    """An interval to four places for JSON (``None`` stays ``None``)."""
    return None if ci is None else [round(ci[0], 4), round(ci[1], 4)]


def _fold(value: str) -> str:
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()


def speaker_class(gold: str) -> SpeakerClass:
    """How :func:`evaluate_voice` counts a BASIL ``speaker`` value (see the module's text)."""
    if gold.startswith("other_"):
        return "generic"
    words = [w for w in gold.split("_") if w]
    if len(words) >= 2 and _fold(words[0]) in given_names():
        return "person"
    return "other named"


def names_gold(gold: str, attribution: Attribution) -> bool:
    """Whether the relation's speaker or source names the gold person: each part of the gold
    name's last word begins one of their words (without case or accents; "Ocasio-Cortez" is
    the words "ocasio" and "cortez")."""
    parts = folded_words(gold.split("_")[-1])
    said = " ".join(
        x for x in (attribution.speaker, attribution.source.text if attribution.source else "") if x
    )
    words = folded_words(said)
    return bool(parts) and all(any(w.startswith(p) for w in words) for p in parts)


def folded_words(value: str) -> list[str]:
    """The words of ``value`` without case or accents ("Ocasio-Cortez" -> "ocasio",
    "cortez")."""
    return "".join(c if c.isalnum() else " " for c in _fold(value)).split()


def voice_of(segments: Sequence[Segment], start: int, end: int) -> str:
    """The voice covering most characters of ``[start, end)`` (the earlier one on a tie)."""
    best, best_n = "authorial", 0
    for s, e, label in segments:
        n = min(e, end) - max(s, start)
        if n > best_n:
            best, best_n = label, n
    return best


def _covering(attributions: Sequence[Attribution], pos: int) -> Attribution | None:
    """The relation with the shortest content that holds ``pos`` (the innermost)."""
    best: Attribution | None = None
    best_len = 0
    for a in attributions:
        c = a.content
        if c is None or not c.start <= pos < c.end:
            continue
        if best is None or c.end - c.start < best_len:
            best, best_len = a, c.end - c.start
    return best


def evaluate_voice(
    corpus: AnnotatedCorpus | str | Path, *, n_boot: int = 1000, seed: int = 0
) -> BasilVoiceReport:
    """Voice and speaker of every BASIL bias span (``corpus``: loaded, or the BASIL folder),
    each rate with a percentile bootstrap interval over articles (``n_boot=0``: none)."""
    if not isinstance(corpus, AnnotatedCorpus):
        corpus = read_basil(corpus)
    by_doc: dict[str, list[AnnotatedSpan]] = {}
    for sp in corpus.spans:
        by_doc.setdefault(sp.document_id, []).append(sp)
    voice: dict[str, dict[tuple[bool, str], int]] = {}
    speakers: dict[tuple[str, SpeakerClass], list[int]] = {}
    # per article, for the intervals: its outlet; its quoted-voice counts (predicted, gold,
    # both); and per speaker class its quoted, attributed and named-right spans
    rows: list[tuple[str, list[int], dict[SpeakerClass, list[int]]]] = []
    for doc in corpus.documents:
        spans = by_doc.get(doc.id)
        if not spans:
            continue
        text = doc.text
        sentences = split_sentences(text)
        excluded = detect_boilerplate(text)
        result = extract_attributions(text, sentences, find_quotes(text, sentences), excluded)
        segments = voice_segments(
            text, excluded, result.quotes, [(c.start, c.end) for c in result.reported]
        )
        outlet = doc.source or "unknown"
        art_voice = [0, 0, 0]
        art_speakers: dict[SpeakerClass, list[int]] = {c: [0, 0, 0] for c in SPEAKER_CLASSES}
        rows.append((outlet, art_voice, art_speakers))
        for sp in spans:
            quoted = sp.attributes.get("quote") == "yes"
            v = voice_of(segments, sp.start, sp.end)
            art_voice[0] += v == "quoted"
            art_voice[1] += quoted
            art_voice[2] += quoted and v == "quoted"
            for o in ("all", outlet):
                row = voice.setdefault(o, {})
                row[(quoted, v)] = row.get((quoted, v), 0) + 1
            if not quoted:
                continue
            gold = str(sp.attributes.get("speaker") or "other_unknown")
            cls = speaker_class(gold)
            relation = _covering(result.attributions, sp.start)
            right = relation is not None and cls == "person" and names_gold(gold, relation)
            for counts in (
                speakers.setdefault(("all", cls), [0, 0, 0]),
                speakers.setdefault((outlet, cls), [0, 0, 0]),
                art_speakers[cls],
            ):
                counts[0] += 1
                counts[1] += relation is not None
                counts[2] += right
    outlets = ["all", *sorted(o for o in voice if o != "all")]
    voice_ci, rate_ci = _intervals(rows, outlets, n_boot, seed)
    return BasilVoiceReport(
        n_articles=sum(1 for d in corpus.documents if d.id in by_doc),
        n_spans=len(corpus.spans),
        voice=tuple(
            VoiceScore(o, dict(sorted(voice.get(o, {}).items())), voice_ci.get(o)) for o in outlets
        ),
        speakers=tuple(
            SpeakerScore(
                o,
                c,
                n,
                a,
                r if c == "person" else None,
                rate_ci.get((o, c, "attributed")),
                rate_ci.get((o, c, "named_right")) if c == "person" else None,
            )
            for o in outlets
            for c in SPEAKER_CLASSES
            for n, a, r in [speakers.get((o, c), [0, 0, 0])]
        ),
        dropped=dict(corpus.dropped),
        n_boot=n_boot,
        seed=seed,
    )


_Interval = tuple[float, float]


def _intervals(
    rows: Sequence[tuple[str, list[int], Mapping[SpeakerClass, list[int]]]],
    outlets: Sequence[str],
    n_boot: int,
    seed: int,
) -> tuple[dict[str, _Interval], dict[tuple[str, SpeakerClass, str], _Interval]]:
    """Percentile bootstrap intervals over each outlet's articles (and all of them): of the
    quoted voice's F1, and of the attributed and named-right shares of each speaker class."""
    voice_ci: dict[str, _Interval] = {}
    rate_ci: dict[tuple[str, SpeakerClass, str], _Interval] = {}
    if n_boot <= 0:
        return voice_ci, rate_ci
    # (numpy is imported here, not at the start of the command line: tests/test_cli.py)
    import numpy as np

    from framing.stats import bootstrap_f1, bootstrap_ratio

    for outlet in outlets:
        mine = [r for r in rows if outlet == "all" or r[0] == outlet]
        if not mine:
            continue
        v = np.array([[[p, g, b, b]] for _, (p, g, b), _ in mine], dtype=np.float64)
        f1 = bootstrap_f1(v, n_boot=n_boot, seed=seed)
        voice_ci[outlet] = (float(f1.low[0]), float(f1.high[0]))
        for cls in SPEAKER_CLASSES:
            counts = np.array([r[2][cls] for r in mine], dtype=np.float64)
            if counts[:, 0].sum() == 0:
                continue
            est = bootstrap_ratio(counts[:, 1:], counts[:, 0], n_boot=n_boot, seed=seed)
            rate_ci[(outlet, cls, "attributed")] = (float(est.low[0]), float(est.high[0]))
            rate_ci[(outlet, cls, "named_right")] = (float(est.low[1]), float(est.high[1]))
    return voice_ci, rate_ci
