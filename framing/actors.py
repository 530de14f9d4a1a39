"""Actors: link loaded words to the actor they describe, and profile actors across documents.

:func:`link_actors` reads the words around each hit of the ``loaded`` lexicon and links it to an
actor by the first rule that applies, recording the rule (``ActorLabel.link``):

- ``speaker``: the hit is (or modifies) an attribution's cue: ``Drazen slammed``;
- ``name_after``: a name right after it: ``strongman Alexander Lukashenko``;
- ``possessive``: a possessive name or pronoun before it: ``Kessler's regime``, ``his henchmen``;
- ``appositive``: ``Lukashenko, the country's longtime strongman``;
- ``named_as``: ``called Biden “unhinged”``;
- ``predicate``: ``Drazen is a thug``, ``she was defensive``;
- ``demonym``: a demonym before a state label: ``the Belarusian regime`` -> Belarus;
- ``of_in``: ``the regime in Belarus`` -> Belarus;
- ``subject``: a name right before a loaded verb: ``Drazen demonized the press``.

Titles before a name are not part of the actor (``dictator President Bashar Assad`` -> Bashar
Assad; ``lexicons/titles.txt``), a surname stands for the full name the document gives it, and
``he``/``she`` for the last person of that gender named before. The word lists that bound the
rules are data (``lexicons/actors.toml``). docs/ATTRIBUTION.md (Actors) has each rule, what it
leaves out, and its measured precision.

:func:`actor_profiles` gathers, per actor, the words linked to them and how they are reported:
the stances of the cues used for their speech, how often they are quoted directly, and how
often they speak as a named or an anonymous source.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from framing.errors import LexiconError
from framing.resources import data_path, word_list
from framing.types import ActorLabel, ActorLink, Attribution, DocumentAnalysis, Hit, Sentence

#: Hit categories that label an actor: nouns that name who someone is ("strongman",
#: "regime"). Every rule below links them.
LABEL_CATEGORIES = frozenset(
    {"pejorative_label", "label", "honorific_label", "positive_label", "loaded_label"}
)
#: Hit categories that describe an actor: judgements that may stand before a name ("corrupt
#: Viktor Drazen", "far-left Democrats") or after "is" ("Drazen was disgraceful"). Linked like
#: labels, except by "of"/"in" (an adjective is of no place) and by apposition.
DESCRIBING_CATEGORIES = frozenset({"loaded_adjective", "derision", "moral_judgement"})
#: Hit categories of the loaded lexicon that say what an actor did or said ("slammed",
#: "smear", "massive"): linked only to the speaker whose cue they are or modify, to a
#: possessive name ("Drazen's smear") and, for verbs, to the subject right before them.
ACTION_CATEGORIES = frozenset({"loaded_verb", "loaded_noun", "hyperbole", "alarmist", "euphemism"})

#: Source types whose speaker is an actor of the profiles (anonymous sources count only for
#: the country their phrase names; unverified, document and unknown sources for no one).
ACTOR_SOURCE_TYPES = frozenset({"person", "organisation", "role", "pronoun"})

#: Hit categories of verbs, whose subject right before them they frame ("Drazen demonized").
VERB_CATEGORIES = frozenset({"loaded_verb"})

_NAME = r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w'’-]*)*"
_AFTER_RE = re.compile(r"[ \t]+(" + _NAME + r")")
_POSSESSIVE_RE = re.compile(
    r"(?:(" + _NAME + r")['’]s?|\b([Hh]is|[Hh]er))[ \t]+(?:[a-z-]+[ \t]+)?$"
)
_OF_RE = re.compile(r"[ \t]+(?:of|in)[ \t]+(?:the[ \t]+)?(" + _NAME + r")")
# (the word between is no verb: not "torture by Americans is disturbing")
_WORD_BEFORE_RE = re.compile(
    r"([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]+"
    r"(?:(?!(?:is|was|are|were|be|been|has|have|had|makes|made)[ \t])[a-z-]+[ \t]+)?$"
)
# "Drazen, a strongman", "Drazen, the country's longtime strongman": a name, a comma, an
# article or a possessive and at most three words before the label
_APPOSITIVE_RE = re.compile(
    r"(" + _NAME + r"),[ \t]+(?:a|an|the|[A-Z][\w-]*['’]s?)(?:[ \t]+[\w'’-]+){0,3}?[ \t]+$"
)
# "the strongman, Anton Kessler, lashed out": a name between commas right after the label
_COMMA_NAME_RE = re.compile(r",[ \t]+(" + _NAME + r"),")
# "Drazen is a strongman", "Drazen was deeply corrupt", "Drazen, the mayor, has been a
# bully": a name (an appositive between commas may follow), a form of "be" or "become",
# an article, and at most two adverbs or hyphenated adjectives before the label (not "Drazen
# was killed by looters")
_PREDICATE_RE = re.compile(
    r"(?:(?<![\w-])(?!(?:He|She)\b)(" + _NAME + r")"
    r"(?:['’]s?((?:[ \t]+[a-z][\w-]*){1,2}))?|\b([Hh]e|[Ss]he))"
    r"(?:,[^,.;:!?\n]{1,80},)?[ \t]+"
    r"(?:is|was|are|were|has[ \t]+been|have[ \t]+been|had[ \t]+been|remains|remained"
    r"|became|becomes|seems|seemed)"
    r"(?:[ \t]+(?:a|an|the))?"
    r"(?:[ \t]+(?:[a-z]+ly|[a-z]+-[a-z-]+|so|too|very|such|just|also|still|now|quite|rather"
    r"|more|most|truly|really|absolutely|an?)){0,2}[ \t]+[“\"‘']?$"
)
# "called Drazen a strongman", "branded him “unhinged”", "attacking Drazen as an elitist":
# a verb of naming, its object (a name or "him"/"her"), "as", an article and at most two
# words before the label
_NAMED_AS_RE = re.compile(
    r"\b(?:call|calls|called|calling|label(?:s|ed|led|ing|ling)?|brand(?:s|ed|ing)?"
    r"|dub(?:s|bed|bing)?|describ(?:e|es|ed|ing)|deem(?:s|ed|ing)?|paint(?:s|ed|ing)"
    r"|portray(?:s|ed|ing)|attack(?:s|ed|ing)|denounc(?:e|es|ed|ing))[ \t]+"
    r"(?:(" + _NAME + r")|\b(him|her))[ \t]+(?:as[ \t]+)?(?:(?:a|an|the)[ \t]+)?"
    r"(?:[\w-]+[ \t]+){0,2}?[“\"‘']?$"
)
# "Drazen slammed", "he has repeatedly demonized", "Drazen also ranted": a name or "he"/"she",
# at most two auxiliaries or adverbs, right before a loaded verb (not a form of "be": "Drazen
# was mocked" is the object of the mockery, which frames those who mock)
_SUBJECT_RE = re.compile(
    r"(?:(?<![\w-])(?!(?:He|She)\b)(" + _NAME + r")|\b([Hh]e|[Ss]he))"
    r"(?:[ \t]+(?:has|have|had|will|would|also|again|even|then|[a-z]+ly)){0,2}"
    r"[ \t]+$"
)
# cheap tests that a rule's pattern can match at all, run before it
_BE_RE = re.compile(r"\b(?:is|was|are|were|been|remains|remained|became|becomes|seems|seemed)\b")
_NAMING_VERB_RE = re.compile(r"call|label|brand|dub|describ|deem|paint|portray|attack|denounc")
_HIS_HER_RE = re.compile(r"\b[Hh](?:is|er)\b")
# what may follow a word that ends the phrase describing an actor: punctuation, the end, or a
# function word ("Drazen is a thug, …", "a bully who …", "too pompous to act", "furious over")
_ENDS_PHRASE_RE = re.compile(
    r"[ \t]*(?:$|\n|[,.;:!?)\]”\"’'—–-](?!\w)|(?:who|whose|whom|which|that|and|or|but|nor|of"
    r"|in|on|at|to|for|with|from|by|about|over|after|before|since|until|because|when|while|if"
    r"|than|as|like|is|was|are|were|has|had|have|will|would|could|should|can|may|might|did"
    r"|does|do|must|shall|not|now|again|too|also|even)\b)"
)
# after a name that a describing word stands before: what ends its phrase, a bracket
# ("(D-N.Y.)") or a verb in -ed (a possessive is part of the name matched: "Crooked Hillary
# Clinton's top aide")
_ENDS_NAME_RE = re.compile(_ENDS_PHRASE_RE.pattern + r"|[ \t]*\(|[ \t]+[a-z]{2,}ed\b")
_NEXT_WORD_RE = re.compile(r"[ \t]+([a-z][a-z-]*)")
_AFTER_PREPOSITION_RE = re.compile(
    r"\b(?:of|to|for|by|with|from|as|than|about|on|in|at|against|like|among)"
    r"(?:[ \t]+(?:the|a|an))?(?:[ \t]+[a-z][\w-]*)?[ \t]+$"
)
_NEGATION_RE = re.compile(r"\b(?:not|never|no|hardly|n['’]t)\b", re.IGNORECASE)
_ACTOR_LISTS = (
    "not_names",
    "title_case_function_words",
    "time_words",
    "heads_after_name",
    "head_endings",
    "adjective_endings",
    "state_labels",
    "place_nouns",
    "institution_nouns",
    "verbs_after_name",
)


@dataclass(frozen=True, slots=True)
class ActorWords:
    """The word lists that bound the actor linker's rules (``lexicons/actors.toml``; each
    list's reason is in the file)."""

    not_names: frozenset[str]
    title_case_function_words: frozenset[str]
    time_words: frozenset[str]
    heads_after_name: frozenset[str]
    head_endings: tuple[str, ...]
    adjective_endings: tuple[str, ...]
    state_labels: frozenset[str]
    place_nouns: frozenset[str]
    institution_nouns: frozenset[str]
    verbs_after_name: frozenset[str]


def read_actor_words(path: str | Path) -> ActorWords:
    """Parse and check an actor word-list file: ``format = 1`` and one ``[lists.NAME]`` table
    per list, each with a ``reason`` and non-empty ``words``. Errors are
    :class:`~framing.errors.LexiconError` naming the file and the field."""
    where = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError("actor word lists not found", file=where) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"not valid TOML: {exc}", file=where) from None
    if data.get("format") != 1:
        raise LexiconError("unsupported format (expected 1)", file=where, field="format")
    unknown = sorted(set(data) - {"format", "lists"})
    if unknown:
        raise LexiconError(f"unknown key(s) {unknown}", file=where, field=unknown[0])
    lists = data.get("lists")
    if not isinstance(lists, dict):
        raise LexiconError("a [lists] table is required", file=where, field="lists")
    extra = sorted(set(lists) - set(_ACTOR_LISTS))
    if extra:
        raise LexiconError(f"unknown list {extra[0]!r}", file=where, field=f"lists.{extra[0]}")
    words: dict[str, tuple[str, ...]] = {}
    for name in _ACTOR_LISTS:
        table = lists.get(name)
        field_name = f"lists.{name}"
        if not isinstance(table, dict):
            raise LexiconError("list missing", file=where, field=field_name)
        if set(table) != {"reason", "words"}:
            raise LexiconError(
                "a list has exactly the keys 'reason' and 'words'", file=where, field=field_name
            )
        reason, entries = table["reason"], table["words"]
        if not isinstance(reason, str) or not reason.strip():
            raise LexiconError("a reason is required", file=where, field=f"{field_name}.reason")
        if (
            not isinstance(entries, list)
            or not entries
            or not all(isinstance(w, str) and w.strip() == w and w for w in entries)
        ):
            raise LexiconError(
                "words must be a non-empty list of non-empty strings without surrounding spaces",
                file=where,
                field=f"{field_name}.words",
            )
        words[name] = tuple(entries)
    return ActorWords(
        not_names=frozenset(words["not_names"]),
        title_case_function_words=frozenset(words["title_case_function_words"]),
        time_words=frozenset(words["time_words"]),
        heads_after_name=frozenset(words["heads_after_name"]),
        head_endings=words["head_endings"],
        adjective_endings=tuple(w.lower() for w in words["adjective_endings"]),
        state_labels=frozenset(words["state_labels"]),
        place_nouns=frozenset(words["place_nouns"]),
        institution_nouns=frozenset(words["institution_nouns"]),
        verbs_after_name=frozenset(words["verbs_after_name"]),
    )


@lru_cache(maxsize=1)
def actor_words() -> ActorWords:
    """The shipped word lists of the actor linker (``lexicons/actors.toml``), read once."""
    return read_actor_words(data_path("lexicons", "actors.toml"))


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
    """A name without a possessive or a final period ("Hillary Clinton’s" -> "Hillary
    Clinton")."""
    return re.sub(r"['’]s?$", "", name.rstrip(". ")).rstrip(".'’ ")


_LEADING_WORD_RE = re.compile(r"(\S+)[ \t]+")


def _without_titles(name: str, start: int) -> tuple[str, int]:
    """``name`` without the titles before it ("Reps. Ilhan Omar" -> "Ilhan Omar"), and where
    what is left starts in the text (``start`` is where ``name`` starts). Not when what is left
    is a noun of an institution, whose name the title begins ("Justice Department")."""
    offset = 0
    while (m := _LEADING_WORD_RE.match(name, offset)) and m.group(1).lower().rstrip(".") in (
        name_titles()
    ):
        offset = m.end()
    if offset and name[offset:] in actor_words().institution_nouns:
        return name, start
    return name[offset:], start + offset


def _name_ok(name: str) -> bool:
    """Not a function word, a month or a day, nor a headline's words in title case ("Blaze At
    Black Church Was Carried Out", "The Dumb Country You Live In")."""
    words = name.split()
    return (
        bool(words)
        and name not in actor_words().not_names
        and name not in actor_words().time_words
        and not any(w in actor_words().title_case_function_words for w in words[1:])
    )


def _capitalised_as_a_name(text: str, name: str, start: int) -> bool:
    """Whether a one-word name is one: not a common noun that only opens a sentence ("Tariffs
    are awful"). A word that opens a sentence or a line counts when the text also writes it
    capitalised inside a sentence, or a word list knows it."""
    if " " in name:
        return True

    def inside_a_sentence(at: int) -> bool:
        before = text[max(0, at - 8) : at].rstrip(" \t“\"‘'(")
        return bool(before) and before[-1] not in ".!?:\n"

    if inside_a_sentence(start):
        return True
    if name in demonyms() or name in organisations() or name.lower() in given_names():
        return True
    pattern = r"(?<![\w'’-])" + re.escape(name) + r"(?![\w'’-])"
    return any(inside_a_sentence(m.start()) for m in re.finditer(pattern, text))


def _next_word(text: str, end: int) -> str:
    """The lower-case word right after ``end`` (after spaces), or nothing."""
    m = _NEXT_WORD_RE.match(text, end)
    return m.group(1) if m else ""


def _is_modifier(text: str, name: str, end: int, describing: bool = False) -> bool:
    """Whether the capitalised words ``name`` (ending at ``end``) modify a noun after them
    instead of naming the actor: "radical Islamic terrorists", "far-left Drazen supporters".
    After a describing word or a one-word name, any plural of five letters or more is taken
    for that noun ("phony LinkedIn accounts", "radical Chechen actors"), at the cost of a verb
    in -s ("corrupt Drazen wants")."""
    word = _next_word(text, end)
    if not word:
        return False
    if word in actor_words().heads_after_name or word.endswith(actor_words().head_endings):
        return True
    plural = len(word) >= 5 and word.endswith("s") and not word.endswith("ss")
    if plural and (describing or " " not in name):  # "radical Chechen actors"
        return True
    if " " in name:
        return False
    country = demonyms().get(name)
    if country is not None:  # "the disgraced American ex-cardinal"; not "hostile Russia at"
        return country != name and not name.endswith("s")
    return name.lower().endswith(actor_words().adjective_endings)


def _named(text: str, name: str, start: int, link: ActorLink) -> _Found | None:
    """The actor of a name found by a rule: titles left out ("Gov. Kessler" is Kessler), a
    demonym's country. None when what is left is no name: a function word or a word of time,
    a title alone ("a rogue Secretary of State"), or a word that only opens a sentence."""
    first, _, rest = name.partition(" ")
    if first in actor_words().not_names and rest:
        # "If Trump is a racist", "But Americans have been"
        name, start = rest.lstrip(" \t"), start + len(name) - len(rest.lstrip(" \t"))
    titled_start = start
    name, start = _without_titles(_clean_name(name), start)
    if (
        not _name_ok(name)
        or name.lower().rstrip(".") in name_titles()
        # (a word after a title is a name: "Gov. Kessler's regime")
        or (start == titled_start and not _capitalised_as_a_name(text, name, start))
    ):
        return None
    country = demonyms().get(name, name)
    if name.endswith("s") and country != name:
        country = name  # a people ("Americans are …"), not its country
    return country, start, start + len(name), link


_PERSON_RE = re.compile(
    r"\b([A-Z][a-z]+)(?:[ \t]+[A-Z]\.)?[ \t]+"
    r"((?:(?:de|van|von|der|da|di|du|del|la|le|al)[ \t]+)?[A-Z][\w'’-]*[a-z])\b"
)
_CAPITALISED_RE = re.compile(r"\b[A-Z][\w'’-]*[a-z]\b")
# how far before a pronoun its antecedent may be named (about two sentences): further back,
# a noun phrase between ("the President … his", "that evil murderer … his") is likelier
_PRONOUN_REACH = 250
_Found = tuple[str, int, int, ActorLink]


class _Persons:
    """The persons a text names, for "he"/"she"/"his"/"her": the most recent person named at
    most :data:`_PRONOUN_REACH` characters before the pronoun whose given name is of its gender
    (``lexicons/given_names.tsv``); a surname alone after the full name is a mention of that
    person. The full names are found once per text, when a pronoun first asks; the surnames
    only in the stretch before each pronoun."""

    def __init__(self, text: str, attributions: Sequence[Attribution] = ()) -> None:
        self.text = text
        self.attributions = attributions
        # (start, full name, gender: "m", "f", or "" when the given name does not say)
        self._full: list[tuple[int, str, str]] | None = None
        self._by_last: dict[str, tuple[int, str, str]] = {}  # last word -> first full mention
        self._in_full: set[int] = set()  # where the last words of full names start

    def _find(self) -> list[tuple[int, str, str]]:
        given = given_names()
        places = actor_words().place_nouns
        found: list[tuple[int, str, str]] = []
        for m in _PERSON_RE.finditer(self.text):
            gender = given.get(m.group(1).lower())
            if gender is not None and m.group(2) not in places:
                name = f"{m.group(1)} {m.group(2)}"
                last = m.group(2).rsplit(None, 1)[-1]
                self._by_last.setdefault(last, (m.start(), name, gender))
                self._in_full.add(m.end(2) - len(last))
                found.append((m.start(), name, gender))
        # persons that attributions name, whose given name the list may not know ("Gov. Chris
        # Christie said"): of either gender, as in attribution's own pronoun resolution
        for a in self.attributions:
            if a.source is not None and a.source.type == "person" and a.speaker:
                words = a.speaker.split()
                if len(words) >= 2:
                    # (the first given name of the list says the gender: "Imperial Wizard
                    # David Duke" is a man)
                    gender = next((g for w in words if (g := given.get(w.lower()))), "")
                    found.append((a.source.start, a.speaker, gender))
        found.sort()
        return found

    def resolve(self, pronoun: str, pos: int) -> str | None:
        gender = "m" if pronoun.lower() in {"he", "him", "his"} else "f"
        if self._full is None:
            self._full = self._find()
        lo = max(0, pos - _PRONOUN_REACH)
        candidates = [c for c in self._full if lo <= c[0] < pos]
        if self._by_last:
            # a surname alone after the full name ("Castillo" after "Maria Castillo")
            for m in _CAPITALISED_RE.finditer(self.text, lo, pos):
                known = self._by_last.get(m.group())
                if known is not None and known[0] < m.start() and m.start() not in self._in_full:
                    candidates.append((m.start(), known[1], known[2]))
        for _, name, g in sorted(candidates, reverse=True):
            if g in {gender, ""}:
                return name
        return None


def _pronoun(persons: _Persons, pronoun: str, start: int, link: ActorLink) -> _Found | None:
    name = persons.resolve(pronoun, start)
    return None if name is None else (name, start, start + len(pronoun), link)


def _name_or_pronoun(
    text: str, m: re.Match[str], base: int, persons: _Persons, link: ActorLink, pronoun: int
) -> _Found | None:
    """The actor of a rule's match: its name (group 1), or the person its pronoun (group
    ``pronoun``) stands for; ``base`` is where the matched string starts in the text."""
    if m.group(1):
        return _named(text, m.group(1), base + m.start(1), link)
    return _pronoun(persons, m.group(pronoun), base + m.start(pronoun), link)


def _actor_for(text: str, hit: Hit, persons: _Persons) -> _Found | None:
    """The actor a label or a describing word names, by the first rule that applies."""
    describing = hit.category in DESCRIBING_CATEGORIES
    line_start = text.rfind("\n", 0, hit.start) + 1
    before = text[max(line_start, hit.start - 120) : hit.start]
    base = hit.start - len(before)
    near = before[-60:]
    near_base = hit.start - len(near)
    # "strongman Alexander Lukashenko", "far-left Democrats"; after a describing word, the name
    # must end its phrase or be followed by a verb in -ed ("the infamous Steele dossier" is
    # the dossier; "corrupt Hillary deleted", "partisan Democrats in Congress" are not)
    m = _AFTER_RE.match(text, hit.end)
    if (
        m
        and not _is_modifier(text, m.group(1), m.end(1), describing)
        and (
            not describing
            or m.group(1).endswith(("'s", "’s", "'", "’"))
            or _ENDS_NAME_RE.match(text, m.end(1))
            or _next_word(text, m.end(1)) in actor_words().verbs_after_name
        )
    ):
        found = _named(text, m.group(1), m.start(1), "name_after")
        if found:
            return found
    # "Kessler's regime", "Putin’s brutal regime", "his henchmen"
    found = _possessive(text, near, near_base, persons)
    if found:
        return found
    # the rules below read a label as the head of what describes the actor: not when a noun
    # follows it ("Reuter, a longtime regime loyalist") or it is a possessor ("Brandt, the
    # junta's enforcer"). A describing word may stand before the head ("called Obama an
    # elitist hypocrite", "Antifa is a left-wing extremist organization").
    if not describing and not _ENDS_PHRASE_RE.match(text, hit.end):
        return _state_label(text, hit, near, near_base, describing)
    # "Lukashenko, the country's longtime strongman"; "the strongman, Anton Kessler, said"
    if not describing:
        m = _APPOSITIVE_RE.search(before) if "," in before else None
        if m:
            found = _named(text, m.group(1), base + m.start(1), "appositive")
            if found:
                return found
        m = _COMMA_NAME_RE.match(text, hit.end)
        if m:
            found = _named(text, m.group(1), m.start(1), "appositive")
            if found:
                return found
    # "called Biden “unhinged”", "attacking Obama as an elitist hypocrite"
    m = _NAMED_AS_RE.search(before) if _NAMING_VERB_RE.search(before) else None
    if m and not _NEGATION_RE.search(before, m.end(1) if m.group(1) else m.end(2)):
        found = _name_or_pronoun(text, m, base, persons, "named_as", 2)
        if found:
            return found
    # "Lukashenko is a strongman", "Drazen was deeply corrupt", "Drazen's claims were
    # wildly inaccurate", "he was defensive" (not "is not", "was never")
    m = _PREDICATE_RE.search(before) if _BE_RE.search(before, len(before) - 50) else None
    if (
        m
        and not _NEGATION_RE.search(before, max(m.end(1), m.end(2), m.end(3)))
        # a name after a preposition is no subject: "no occupant of the White House has been
        # more aggressive", "babies born as birthright Americans is “ridiculous”"
        and not _AFTER_PREPOSITION_RE.search(before, 0, m.start(1) if m.group(1) else m.start(3))
    ):
        found = _name_or_pronoun(text, m, base, persons, "predicate", 3)
        if found:
            return found
    return _state_label(text, hit, near, near_base, describing)


def _state_label(text: str, hit: Hit, near: str, near_base: int, describing: bool) -> _Found | None:
    """A demonym before a state label ("the Belarusian regime" (a label of a state only: the
    "Russian oligarch" is Russian, not Russia), or a name after "of"/"in" a singular label
    ("the regime in Belarus", "the regime of Bashar al-Assad"; "the extremists in Iraq" are in
    Iraq, not Iraq)."""
    dem = demonyms()
    m = _WORD_BEFORE_RE.search(near) if hit.term in actor_words().state_labels else None
    if m and m.group(1) in dem:
        return dem[m.group(1)], near_base + m.start(1), near_base + m.end(1), "demonym"
    if not describing and not hit.text.lower().endswith("s"):
        m = _OF_RE.match(text, hit.end)
        if m and not _is_modifier(text, m.group(1), m.end(1), True):  # "mob of Internet haters"
            return _named(text, m.group(1), m.start(1), "of_in")
    return None


def _subject(text: str, near: str, base: int, persons: _Persons) -> _Found | None:
    """The subject right before a loaded verb that is no cue of an attribution ("Drazen
    demonized", "he has repeatedly ambushed"); not a name after a preposition ("the rally in
    Ohio erupted")."""
    # (cheaply first: one of the last three words is capitalised or "he"/"she")
    if not any(w[:1].isupper() or w in {"he", "she"} for w in near.rsplit(None, 3)[-3:]):
        return None
    m = _SUBJECT_RE.search(near)
    if m is None or _AFTER_PREPOSITION_RE.search(near, 0, m.start(1) if m.group(1) else m.start(2)):
        return None
    found = _name_or_pronoun(text, m, base, persons, "subject", 2)
    # (a place before a noun of the verb is where: "the Connecticut slaughter")
    return None if found is None or found[0] in places() else found


def _possessive(text: str, near: str, base: int, persons: _Persons) -> _Found | None:
    """A possessive name or "his"/"her" right before the hit (one word may come between):
    "Kessler's regime", "Drazen's smear", "his henchmen"."""
    if "'" not in near and "’" not in near and not _HIS_HER_RE.search(near):
        return None  # (cheaply first)
    m = _POSSESSIVE_RE.search(near)
    return None if m is None else _name_or_pronoun(text, m, base, persons, "possessive", 2)


def _speaker_of(text: str, hit: Hit, attributions: Sequence[Attribution]) -> _Found | None:
    """The speaker of the attribution whose cue the hit is, overlaps, or modifies as an adverb
    right before it ("slammed", "lashed out", "bluntly accused"): whom the verb of speaking
    frames. Anonymous, unverified and document sources are no actor (as in
    :func:`actor_profiles`)."""
    for a in attributions:
        cue = a.cue
        if a.kind == "passive":
            continue  # "Ryan has been excoriated by Catholic leaders" frames Ryan, if anyone
        inside = hit.start < cue.end and cue.start < hit.end
        # (right before the cue, only an adverb modifies it: "bluntly accused"; a noun there is
        # its subject, "the young North Korean dictator stressed")
        before_cue = (
            hit.end <= cue.start
            and not text[hit.end : cue.start].strip()
            and hit.text.lower().endswith("ly")
        )
        if not inside and not before_cue:
            continue
        found = _speaker_actor(a)
        if (
            found is None
            or found[1]
            or a.source is None
            or not _names_someone(found[0])
            or not _capitalised_as_a_name(text, found[0], a.source.start)
        ):
            return None
        return found[0], a.source.start, a.source.end, "speaker"
    return None


def _names_someone(speaker: str) -> bool:
    """Whether a speaker is a name, not a description: its last word is capitalised and its
    first is too or is "the" ("Nancy Pelosi", "the Ukrainians"; not "the country", "one
    Staten Island parent", "A new campaign")."""
    words = speaker.split()
    return (
        bool(words)
        and words[-1][:1].isupper()
        and (
            words[0] == "the"
            or (words[0][:1].isupper() and words[0] not in actor_words().not_names)
        )
        # (an opening participle is no name: "Watching Donald Trump", "Recognizing", "Given")
        and not (words[0].endswith(("ing", "ed")) or words[0] in {"Given", "Amid", "Despite"})
    )


def _full_names(attributions: Sequence[Attribution], actors: Sequence[str]) -> dict[str, str]:
    """Last word -> full name, for the persons of several words that a document names: the
    speakers its attributions type as persons, and the actors whose first word is a given name
    ("Deval Patrick"; not a nickname such as "Pander Bear Joe") or who end a speaker's name.
    Of two names one of which ends the other, the longer stands when what it adds opens with a
    given name ("Ruth Bader Ginsburg", not "Bader Ginsburg"), else the shorter ("Anton Kessler",
    not "Strongman Anton Kessler"). Two names of one last word that are not so related map to
    neither."""
    given = given_names()
    not_names = actor_words().not_names
    speakers = [
        a.speaker
        for a in attributions
        if a.speaker and a.source is not None and a.source.type in {"person", "pronoun"}
    ]
    people = speakers + [
        n
        for n in actors
        if n.split(None, 1)[0].lower() in given or any(p.endswith(" " + n) for p in speakers)
    ]
    by_last: dict[str, str] = {}
    clash: set[str] = set()
    for name in people:
        words = name.split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words) or words[0] in not_names:
            continue
        last = words[-1]
        known = by_last.get(last)
        if known is None or known == name:
            by_last[last] = name
            continue
        short, long = sorted((known, name), key=len)
        if not long.endswith(" " + short):
            clash.add(last)
            continue
        added = long[: -len(short)].split()
        by_last[last] = long if added[0].lower() in given else short
    for last in clash:
        del by_last[last]
    return by_last


def link_actors(
    text: str,
    hits: Sequence[Hit],
    attributions: Sequence[Attribution] = (),
    sentences: Sequence[Sentence] = (),
) -> tuple[ActorLabel, ...]:
    """Loaded hits linked to the actor they describe, each with the rule that linked it
    (``link``); hits with no actor are left out.

    - the speaker of the attribution whose cue the hit is or modifies ("Drazen slammed",
      "she bluntly accused"): every loaded category;
    - a name right after the hit, a possessive name or pronoun before it, a name in
      apposition, the object of a verb of naming ("called Drazen a thug"), a name or pronoun
      whose predicate the hit is ("Drazen is a strongman"), a demonym before a state label, a
      name after "of"/"in": labels (:data:`LABEL_CATEGORIES`) and describing words
      (:data:`DESCRIBING_CATEGORIES`, not by apposition, demonym or "of"/"in");
    - a possessive name or pronoun before a word of action ("Drazen's smear",
      :data:`ACTION_CATEGORIES`), and the subject right before a loaded verb ("Drazen
      demonized", :data:`VERB_CATEGORIES`).

    A one-word actor that is the last word of a person's full name in the document (a speaker
    typed as a person, or a linked actor whose first word is a given name) is that name
    ("Drazen's regime" after "Viktor Drazen said"). The actor's span is the words that name it
    (a speaker's: the source, which may be a pronoun). ``sentences`` is accepted for the
    pipeline's uniform signature.
    """
    del sentences
    persons = _Persons(text, attributions)
    found: list[tuple[Hit, _Found]] = []
    for hit in hits:
        cat = hit.category
        if (
            cat not in LABEL_CATEGORIES
            and cat not in DESCRIBING_CATEGORIES
            and (cat not in ACTION_CATEGORIES)
        ):
            continue
        link = _speaker_of(text, hit, attributions)
        if link is None and cat in ACTION_CATEGORIES:
            line_start = text.rfind("\n", 0, hit.start) + 1
            near = text[max(line_start, hit.start - 60) : hit.start]
            link = _possessive(text, near, hit.start - len(near), persons)
            if link is None and cat in VERB_CATEGORIES:
                link = _subject(text, near, hit.start - len(near), persons)
        elif link is None:
            link = _actor_for(text, hit, persons)
        if link is not None:
            found.append((hit, link))
    full = _full_names(attributions, [f[1][0] for f in found])
    return tuple(
        ActorLabel(
            actor=full.get(actor, actor) if " " not in actor else actor,
            label=hit.term,
            category=hit.category,
            start=hit.start,
            end=hit.end,
            actor_start=a_start,
            actor_end=a_end,
            voice=hit.voice,
            link=link,
        )
        for hit, (actor, a_start, a_end, link) in found
    )


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
    if a.source is not None and a.source.type not in ACTOR_SOURCE_TYPES:
        return None  # unverified, document or unknown
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
