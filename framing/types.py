"""Shared types: every module takes and returns these frozen dataclasses.

Offsets are always character offsets into ``Document.text`` (Python ``str`` indices),
end exclusive, so that ``document.text[x.start:x.end] == x.text`` for every span that
records its text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

Voice = Literal["authorial", "quoted", "reported"]
VOICES: tuple[Voice, ...] = ("authorial", "quoted", "reported")

QuoteKind = Literal["direct", "scare", "mixed", "title"]
AttributionKind = Literal[
    "direct", "indirect", "mixed", "according_to", "colon", "passive", "continuation"
]
Stance = Literal["neutral", "endorsing", "distancing", "presupposing", "charged", "other"]
SourceType = Literal[
    "person",
    "organisation",
    "role",
    "pronoun",
    "anonymous",
    "unverified",
    "document",
    "unknown",
]
#: How an actor link was made (:func:`framing.actors.link_actors`): the label right before
#: the name, a possessive name, a demonym, "of"/"in" a name, an appositive, "called X a …",
#: a predicate after "is"/"was", the subject right before a loaded verb, or the speaker of the
#: attribution whose cue the label is.
ActorLink = Literal[
    "name_after",
    "possessive",
    "demonym",
    "of_in",
    "appositive",
    "named_as",
    "predicate",
    "subject",
    "speaker",
]
#: Every cue stance and source type, in their documented order (docs/ATTRIBUTION.md).
STANCES: tuple[Stance, ...] = get_args(Stance)
SOURCE_TYPES: tuple[SourceType, ...] = get_args(SourceType)
ACTOR_LINKS: tuple[ActorLink, ...] = get_args(ActorLink)
ATTRIBUTION_KINDS: tuple[AttributionKind, ...] = get_args(AttributionKind)


@dataclass(frozen=True, slots=True)
class Document:
    """One input document. ``text`` is kept exactly as read: offsets index this string."""

    id: str
    text: str
    source: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)
    origin: str | None = None  # "file:line" the document came from, for messages


@dataclass(frozen=True, slots=True)
class SkippedDocument:
    """A document that could not be read or analysed, with the reason (never silently lost)."""

    file: str
    line: int | None
    field: str | None
    reason: str
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Excluded:
    """A span left out of scoring (boilerplate), with the reason it was excluded."""

    start: int
    end: int
    reason: str  # e.g. "photo_credit", "caption", "social", "comment_prompt", "teaser"
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` include the quote marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    text: str  # text[start:end]
    kind: QuoteKind
    n_words: int
    balanced: bool = True
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Hit:
    """One lexicon match with its evidence."""

    start: int
    end: int
    text: str  # text[start:end]
    term: str  # the lexicon entry's term (lemma form)
    category: str
    weight: float
    lexicon: str
    sentence: int
    voice: Voice
    rules: tuple[str, ...] = ()  # rules that fired to make this hit (e.g. "inflection:verb")
    scare_quoted: bool = False


@dataclass(frozen=True, slots=True)
class Veto:
    """A candidate match that a context rule removed, kept for ``lexicon explain``."""

    start: int
    end: int
    text: str
    term: str
    category: str
    lexicon: str
    rule: str
    reason: str


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    text: str  # the verb group as written ("has also said", "did not deny")
    lemma: str
    stance: Stance  # the verb's, also when negated
    negated: bool = False  # a negation in the verb group: "did not deny", "never claimed"


@dataclass(frozen=True, slots=True)
class SourceSpan:
    start: int
    end: int
    text: str
    type: SourceType


@dataclass(frozen=True, slots=True)
class ContentSpan:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: Cue
    source: SourceSpan | None
    content: ContentSpan | None
    kind: AttributionKind
    speaker: str | None  # resolved name (pronouns resolved to an earlier named speaker)
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class AttributionResult:
    """Attributions of one text, its quotations (reclassified) and its reported-speech spans
    (:func:`framing.attribution.extract_attributions`)."""

    attributions: tuple[Attribution, ...]
    quotes: tuple[Quote, ...]
    reported: tuple[ContentSpan, ...]


@dataclass(frozen=True, slots=True)
class ActorLabel:
    """A loaded label linked to the actor it describes (e.g. "strongman" -> Lukashenko)."""

    actor: str
    label: str
    category: str
    start: int  # the label hit's span
    end: int
    actor_start: int
    actor_end: int
    voice: Voice
    #: how the link was made (``None`` in records written before links were recorded)
    link: ActorLink | None = None


@dataclass(frozen=True, slots=True)
class Scores:
    """Per-document figures, each traceable to ``hits`` and ``attributions``.

    ``per_1000[voice][category]`` is hits in that voice per 1,000 words of that voice;
    ``per_1000["all"]`` is all hits per 1,000 scored words.
    """

    n_words: int
    words_by_voice: Mapping[str, int]
    counts: Mapping[str, Mapping[str, int]]
    per_1000: Mapping[str, Mapping[str, float]]
    weighted: Mapping[str, float]
    top_terms: tuple[tuple[str, int], ...]
    attribution: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DocumentAnalysis:
    document: Document
    text_hash: str
    sentences: tuple[Sentence, ...]
    excluded: tuple[Excluded, ...]
    quotes: tuple[Quote, ...]
    hits: tuple[Hit, ...]
    attributions: tuple[Attribution, ...]
    actors: tuple[ActorLabel, ...]
    scores: Scores
