"""Actors: link loaded labels to the actor they describe, and profile actors across documents.

:func:`link_actors` looks at the few words around a label hit:

- a name right after it: ``strongman Alexander Lukashenko`` -> Alexander Lukashenko;
- a possessive name before it: ``Kessler's regime`` -> Kessler;
- a demonym before it: ``the Belarusian regime`` -> Belarus (``lexicons/demonyms.tsv``);
- a country or name after ``of``/``in``: ``the regime in Belarus`` -> Belarus.

Titles before a name are not part of the actor (``dictator President Bashar Assad`` -> Bashar
Assad; ``lexicons/titles.txt``), and the actor's span starts after them.

:func:`actor_profiles` gathers, per actor, the labels applied to them and how they are reported:
the stances of the cues used for their speech, how often they are quoted directly, and how
often they speak as a named or an anonymous source.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from framing.errors import LexiconError
from framing.resources import data_path, word_list
from framing.types import ActorLabel, Attribution, DocumentAnalysis, Hit, Sentence

#: Hit categories that label an actor (other categories are not linked).
LABEL_CATEGORIES = frozenset(
    {"pejorative_label", "label", "honorific_label", "positive_label", "loaded_label"}
)

_NAME = r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w'’-]*)*"
_AFTER_RE = re.compile(r"[ \t]+(" + _NAME + r")")
_POSSESSIVE_RE = re.compile(r"(" + _NAME + r")['’]s?[ \t]+(?:[a-z-]+[ \t]+)?$")
_OF_RE = re.compile(r"[ \t]+(?:of|in)[ \t]+(?:the[ \t]+)?(" + _NAME + r")")
_WORD_BEFORE_RE = re.compile(r"([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]+(?:[a-z-]+[ \t]+)?$")
_NOT_NAMES = frozenset({"The", "A", "An", "This", "That", "In", "On", "But", "And", "He", "She"})


def _table_rows(path: Path, header: list[str]) -> Iterator[tuple[int, list[str]]]:
    """The rows of a tab-separated word list after its header (``#`` comments and blank lines
    skipped), with their line numbers; a different header raises a
    :class:`~framing.errors.LexiconError` naming the file and line."""
    header_seen = False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            header_seen = True
            if cols != header:
                expected = "<TAB>".join(header)
                raise LexiconError(f"expected header '{expected}'", file=str(path), line=n)
            continue
        yield n, cols


@lru_cache(maxsize=1)
def demonyms() -> Mapping[str, str]:
    """Demonym (and its plural) -> country, from ``lexicons/demonyms.tsv``."""
    path = data_path("lexicons", "demonyms.tsv")
    out: dict[str, str] = {}
    for n, cols in _table_rows(path, ["demonym", "country"]):
        if len(cols) != 2 or not cols[0] or not cols[1]:
            raise LexiconError("expected two tab-separated columns", file=str(path), line=n)
        out[cols[0]] = cols[1]
        out.setdefault(cols[0] + "s", cols[1])
        out.setdefault(cols[1], cols[1])
    return out


@lru_cache(maxsize=1)
def given_names() -> Mapping[str, str]:
    """Given name (lower case) -> ``"f"`` or ``"m"``, from ``lexicons/given_names.tsv``: names
    whose gender is unambiguous in English-language news, for pronoun resolution."""
    return read_given_names(data_path("lexicons", "given_names.tsv"))


def read_given_names(path: Path) -> dict[str, str]:
    """Parse a given-names table (a ``name<TAB>gender`` header, then one name per line, ``f``
    or ``m``; ``#`` comments). Raises :class:`~framing.errors.LexiconError` naming the file,
    the line and the field at fault."""
    out: dict[str, str] = {}
    for n, cols in _table_rows(path, ["name", "gender"]):
        if len(cols) != 2 or not cols[0] or cols[0] != cols[0].lower():
            raise LexiconError(
                "expected a lower-case name and a gender, tab-separated", file=str(path), line=n
            )
        if cols[1] not in {"f", "m"}:
            raise LexiconError(
                f"gender must be 'f' or 'm', not {cols[1]!r}",
                file=str(path),
                line=n,
                field="gender",
            )
        out[cols[0]] = cols[1]
    return out


@lru_cache(maxsize=1)
def name_titles() -> frozenset[str]:
    """Titles and offices that precede a name (``lexicons/titles.txt``), lower case, without
    their final period."""
    return frozenset(w.lower().rstrip(".") for w in word_list("titles.txt"))


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Places that are neither countries nor persons (``lexicons/places.txt``): US states,
    large cities and regions, as written ("New Jersey", "Los Angeles")."""
    return frozenset(word_list("places.txt"))


@lru_cache(maxsize=1)
def organisations() -> frozenset[str]:
    """Organisations named in words that would read as a person's name
    (``lexicons/organisations.txt``): platforms, outlets, pollsters, companies, groups
    ("Politico", "Wells Fargo", "The Hill")."""
    return frozenset(word_list("organisations.txt"))


def _clean_name(name: str) -> str:
    return name.rstrip(".'’ ")


_LEADING_WORD_RE = re.compile(r"(\S+)[ \t]+")


def _without_titles(name: str, start: int) -> tuple[str, int]:
    """``name`` without the titles before it ("Reps. Ilhan Omar" -> "Ilhan Omar"), and where
    what is left starts in the text (``start`` is where ``name`` starts)."""
    offset = 0
    while (m := _LEADING_WORD_RE.match(name, offset)) and m.group(1).lower().rstrip(".") in (
        name_titles()
    ):
        offset = m.end()
    return name[offset:], start + offset


def _actor_for(text: str, hit: Hit) -> tuple[str, int, int] | None:
    dem = demonyms()
    line_start = text.rfind("\n", 0, hit.start) + 1
    before = text[max(line_start, hit.start - 60) : hit.start]
    base = hit.start - len(before)
    # "strongman Alexander Lukashenko"
    m = _AFTER_RE.match(text, hit.end)
    if m and m.group(1) not in _NOT_NAMES:
        name, start = _without_titles(_clean_name(m.group(1)), m.start(1))
        return dem.get(name, name), start, start + len(name)
    # "Kessler's regime", "Putin’s brutal regime"
    m = _POSSESSIVE_RE.search(before)
    if m and m.group(1) not in _NOT_NAMES:
        name, start = _without_titles(m.group(1), base + m.start(1))
        return dem.get(name, name), start, start + len(name)
    # "the Belarusian regime"
    m = _WORD_BEFORE_RE.search(before)
    if m and m.group(1) in dem:
        return dem[m.group(1)], base + m.start(1), base + m.end(1)
    # "the regime in Belarus", "the regime of Bashar al-Assad"
    m = _OF_RE.match(text, hit.end)
    if m and m.group(1) not in _NOT_NAMES:
        name, start = _without_titles(_clean_name(m.group(1)), m.start(1))
        return dem.get(name, name), start, start + len(name)
    return None


def link_actors(
    text: str,
    hits: Sequence[Hit],
    attributions: Sequence[Attribution] = (),
    sentences: Sequence[Sentence] = (),
) -> tuple[ActorLabel, ...]:
    """Label hits linked to the actor they describe (hits with no actor nearby are left out).

    ``attributions`` and ``sentences`` are accepted for the pipeline's uniform signature; the
    link is made from the words next to the label.
    """
    del attributions, sentences
    out: list[ActorLabel] = []
    for hit in hits:
        if hit.category not in LABEL_CATEGORIES:
            continue
        found = _actor_for(text, hit)
        if found is None:
            continue
        actor, a_start, a_end = found
        out.append(
            ActorLabel(
                actor=actor,
                label=hit.term,
                category=hit.category,
                start=hit.start,
                end=hit.end,
                actor_start=a_start,
                actor_end=a_end,
                voice=hit.voice,
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """How one actor is labelled and reported across documents."""

    actor: str
    labels: Mapping[str, int] = field(default_factory=dict)  # label term -> count
    label_voices: Mapping[str, int] = field(default_factory=dict)  # voice -> count
    stances: Mapping[str, int] = field(default_factory=dict)  # cue stance -> count
    n_attributions: int = 0
    n_direct: int = 0  # attributions whose content is a direct quotation (or continues one)
    n_named: int = 0
    n_anonymous: int = 0
    n_documents: int = 0


def _speaker_actor(a: Attribution) -> tuple[str, bool] | None:
    """The actor an attribution speaks for, and whether the source is anonymous."""
    if a.speaker is None:
        return None
    if a.source is not None and a.source.type == "anonymous":
        dem = demonyms()
        for word in re.findall(r"[A-Z][a-z]+", a.source.text):
            if word in dem:
                return dem[word], True
        return None
    if a.source is not None and a.source.type in {"unverified", "document", "unknown"}:
        return None
    return a.speaker, False


def actor_profiles(analyses: Iterable[DocumentAnalysis]) -> dict[str, ActorProfile]:
    """Per-actor profiles over a corpus, keyed by actor name (sorted)."""
    labels: dict[str, Counter[str]] = {}
    voices: dict[str, Counter[str]] = {}
    stances: dict[str, Counter[str]] = {}
    counts: dict[str, Counter[str]] = {}
    docs: dict[str, set[str]] = {}

    def touch(actor: str, doc: str) -> None:
        labels.setdefault(actor, Counter())
        voices.setdefault(actor, Counter())
        stances.setdefault(actor, Counter())
        counts.setdefault(actor, Counter())
        docs.setdefault(actor, set()).add(doc)

    for an in analyses:
        doc = an.document.id
        for al in an.actors:
            touch(al.actor, doc)
            labels[al.actor][al.label] += 1
            voices[al.actor][al.voice] += 1
        for a in an.attributions:
            found = _speaker_actor(a)
            if found is None:
                continue
            actor, anonymous = found
            touch(actor, doc)
            c = counts[actor]
            c["attributions"] += 1
            c["anonymous" if anonymous else "named"] += 1
            if a.kind in {"direct", "continuation"}:
                c["direct"] += 1
            if a.kind != "continuation":
                stances[actor][a.cue.stance] += 1
    return {
        actor: ActorProfile(
            actor=actor,
            labels=dict(labels[actor].most_common()),
            label_voices=dict(voices[actor]),
            stances=dict(stances[actor].most_common()),
            n_attributions=counts[actor]["attributions"],
            n_direct=counts[actor]["direct"],
            n_named=counts[actor]["named"],
            n_anonymous=counts[actor]["anonymous"],
            n_documents=len(docs[actor]),
        )
        for actor in sorted(labels)
    }
