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

    def as_dict(self) -> dict[str, object]:
        """The report as plain data (``--json``)."""
        return {
            "n_articles": self.n_articles,
            "n_spans": self.n_spans,
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
                    "named_right": s.named_right,
                    "named_right_rate": None
                    if s.named_right_rate is None
                    else round(s.named_right_rate, 4),
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
    parts = _words(gold.split("_")[-1])
    said = " ".join(
        x for x in (attribution.speaker, attribution.source.text if attribution.source else "") if x
    )
    words = _words(said)
    return bool(parts) and all(any(w.startswith(p) for w in words) for p in parts)


def _words(value: str) -> list[str]:
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


def evaluate_voice(corpus: AnnotatedCorpus | str | Path) -> BasilVoiceReport:
    """Voice and speaker of every BASIL bias span (``corpus``: loaded, or the BASIL folder)."""
    if not isinstance(corpus, AnnotatedCorpus):
        corpus = read_basil(corpus)
    by_doc: dict[str, list[AnnotatedSpan]] = {}
    for sp in corpus.spans:
        by_doc.setdefault(sp.document_id, []).append(sp)
    voice: dict[str, dict[tuple[bool, str], int]] = {}
    speakers: dict[tuple[str, SpeakerClass], list[int]] = {}
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
        for sp in spans:
            quoted = sp.attributes.get("quote") == "yes"
            v = voice_of(segments, sp.start, sp.end)
            for o in ("all", outlet):
                row = voice.setdefault(o, {})
                row[(quoted, v)] = row.get((quoted, v), 0) + 1
            if not quoted:
                continue
            gold = str(sp.attributes.get("speaker") or "other_unknown")
            cls = speaker_class(gold)
            relation = _covering(result.attributions, sp.start)
            right = relation is not None and cls == "person" and names_gold(gold, relation)
            for o in ("all", outlet):
                counts = speakers.setdefault((o, cls), [0, 0, 0])
                counts[0] += 1
                counts[1] += relation is not None
                counts[2] += right
    outlets = ["all", *sorted(o for o in voice if o != "all")]
    return BasilVoiceReport(
        n_articles=sum(1 for d in corpus.documents if d.id in by_doc),
        n_spans=len(corpus.spans),
        voice=tuple(VoiceScore(o, dict(sorted(voice.get(o, {}).items()))) for o in outlets),
        speakers=tuple(
            SpeakerScore(o, c, n, a, r if c == "person" else None)
            for o in outlets
            for c in SPEAKER_CLASSES
            for n, a, r in [speakers.get((o, c), [0, 0, 0])]
        ),
        dropped=dict(corpus.dropped),
    )
