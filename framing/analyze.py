"""The analysis pipeline: one :class:`~framing.types.Document` in, one
:class:`~framing.types.DocumentAnalysis` out.

Steps, each in its own module: boilerplate (:mod:`framing.boilerplate`), sentences
(:mod:`framing.text`), quotations (:mod:`framing.quotes`), attribution
(:mod:`framing.attribution`), lexicon matching (:mod:`framing.lexicon`), actor labels
(:mod:`framing.actors`) and scores (:mod:`framing.scores`). Every finding keeps its offsets.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from framing.actors import link_actors
from framing.attribution import cue_provenance, extract_attributions
from framing.boilerplate import default_rules, detect_boilerplate
from framing.lexicon import CompiledLexicons, default_lexicons, load_lexicons
from framing.quotes import find_quotes
from framing.resources import data_path
from framing.scores import compute_scores, voice_segments
from framing.text import SpanIndex, normalize, split_sentences, word_classes
from framing.types import Attribution, Document, DocumentAnalysis, Hit, Voice

#: Word lists the analysis reads besides the lexicons: sentence-splitting abbreviations,
#: demonyms (actors, source types), titles before names (speakers), given names (pronouns),
#: places (pronouns, source types), organisations named like people (source types) and the
#: actor linker's word lists.
WORD_LISTS = (
    "abbreviations.txt",
    "demonyms.tsv",
    "titles.txt",
    "given_names.tsv",
    "places.txt",
    "organisations.txt",
    "actors.toml",
)


def _file_hash(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def text_hash(text: str) -> str:
    """SHA-1 of the document text (UTF-8), the key for incremental runs."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()


class Analyzer:
    """Analyse documents with a fixed set of lexicons and options.

    Parameters
    ----------
    lexicons:
        Compiled lexicons, or paths of lexicon cards; ``None`` uses the shipped lexicons.
    boilerplate:
        Detect and exclude captions, credits, social lines, comment prompts and teasers.
    attribution:
        Extract attribution relations (needed for the ``reported`` voice).
    top_terms:
        How many of the most frequent terms each document's scores list.
    """

    def __init__(
        self,
        lexicons: CompiledLexicons | Sequence[str | Path] | None = None,
        *,
        boilerplate: bool = True,
        attribution: bool = True,
        top_terms: int = 10,
    ) -> None:
        if lexicons is None:
            self.lexicons = default_lexicons()
        elif isinstance(lexicons, CompiledLexicons):
            self.lexicons = lexicons
        else:
            self.lexicons = load_lexicons(lexicons)
        self.boilerplate = boilerplate
        self.attribution = attribution
        self.top_terms = top_terms

    def params(self) -> dict[str, object]:
        """Everything that determines the output: options and the name, version and content
        hash of every data file used (loaded-term lexicons, cue lexicon, boilerplate rules,
        word lists).
        Recorded in the run manifest and part of the key of incremental runs."""
        return {
            "boilerplate": self.boilerplate,
            "attribution": self.attribution,
            "top_terms": self.top_terms,
            "lexicons": self.lexicons.provenance(),
            "cues": cue_provenance() if self.attribution else [],
            "boilerplate_rules": _file_hash(default_rules().origin) if self.boilerplate else None,
            "word_lists": {
                name: _file_hash(str(data_path("lexicons", name))) for name in WORD_LISTS
            },
        }

    def analyze(self, document: Document) -> DocumentAnalysis:
        text = document.text
        excluded = detect_boilerplate(text) if self.boilerplate else ()
        sentences = split_sentences(text)
        classes = word_classes(text)  # built once for the word counts of quotations and scores
        quotes = find_quotes(text, sentences, classes=classes)
        reported: tuple[tuple[int, int], ...] = ()
        attributions: tuple[Attribution, ...] = ()
        norm = normalize(text)  # one lower-cased, folded copy for both scans
        if self.attribution:
            result = extract_attributions(text, sentences, quotes, excluded, norm=norm)
            attributions, quotes = result.attributions, result.quotes
            reported = tuple((c.start, c.end) for c in result.reported)
        excluded_index = SpanIndex([(e.start, e.end) for e in excluded])
        quote_index = SpanIndex([(q.inner_start, q.inner_end) for q in quotes], quotes)
        reported_index = SpanIndex(list(reported))
        hits: list[Hit] = []
        for hit in self.lexicons.match(text, sentences, norm=norm):
            if excluded_index.find(hit.start) is not None:
                continue
            qi = quote_index.covers(hit.start, hit.end)
            voice: Voice = "authorial"
            scare = False
            if qi is not None:
                voice = "quoted"
                scare = quote_index.items[qi].kind == "scare"  # type: ignore[attr-defined]
            elif reported_index.find(hit.start) is not None:
                voice = "reported"
            if voice != "authorial" or scare:
                hit = dataclasses.replace(hit, voice=voice, scare_quoted=scare)
            hits.append(hit)
        segments = voice_segments(text, excluded, quotes, reported)
        actors = link_actors(text, tuple(hits), attributions, sentences)
        scores = compute_scores(
            text, segments, hits, quotes, attributions, top_terms=self.top_terms, classes=classes
        )
        return DocumentAnalysis(
            document=document,
            text_hash=text_hash(text),
            sentences=sentences,
            excluded=tuple(excluded),
            quotes=tuple(quotes),
            hits=tuple(hits),
            attributions=tuple(attributions),
            actors=tuple(actors),
            scores=scores,
        )

    def analyze_many(self, documents: Iterable[Document]) -> Iterator[DocumentAnalysis]:
        """Analyse lazily, in input order."""
        for document in documents:
            yield self.analyze(document)


def analyze_text(text: str, *, id: str = "text", source: str | None = None) -> DocumentAnalysis:
    """Convenience: analyse one string with the shipped lexicons."""
    return Analyzer().analyze(Document(id=id, text=text, source=source))
