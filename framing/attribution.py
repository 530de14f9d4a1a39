"""Attribution relations: who is reported as saying (or thinking) what, and with which stance.

:func:`extract_attributions` finds cues with the shipped cue lexicon (``lexicons/cues.toml``,
one trie-shaped regular expression over every surface form), then looks only at a local window
around each cue to find

- the **source**: the noun phrase before the cue (``the Ukrainians insisted``), after it
  (``said Lappo``), after ``according to``, or before a colon (``Lappo: “…”``); pronouns are
  resolved to the most recent compatible named speaker (``she wrote`` -> Bridget Brink);
- the **content**: an adjacent direct quotation, or the paraphrase after the cue (``that``-clause)
  or, when the cue closes its sentence, the clause before it;
- a **continuation**: a paragraph that is a quotation with no cue of its own, following an
  attributed paragraph, continues that speaker.

Quotations inside paraphrased content are reclassified ``mixed``; a short quotation that is the
whole content of an attribution is ``direct``. The stance taxonomy is documented in
``docs/ATTRIBUTION.md`` and in the card of the cue lexicon.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Final, Literal, Protocol

from framing.actors import demonyms, given_names, name_titles, organisations, places
from framing.lexicon import (
    FORM_SEP,
    CompiledLexicons,
    EntrySpec,
    LexiconSpec,
    RuleSpec,
    combined_scan,
    compile_lexicons,
    form_key,
    parse_lexicon,
    scan_body,
    scan_spans,
    spaced,
    surface_forms,
    trie_pattern,
)
from framing.resources import data_path
from framing.text import (
    WORD_RE,
    JoinedClitics,
    clause_end,
    clause_start,
    count_words,
    ends_abbreviation,
    join_clitics,
    normalize,
)
from framing.types import (
    Attribution,
    AttributionKind,
    AttributionResult,
    ContentSpan,
    Cue,
    Excluded,
    Quote,
    QuoteKind,
    Sentence,
    SourceSpan,
    SourceType,
    Stance,
)

STANCES: tuple[Stance, ...] = (
    "neutral",
    "endorsing",
    "distancing",
    "presupposing",
    "charged",
    "other",
)


# ----------------------------------------------------------------------------------- the lexicon


@lru_cache(maxsize=4)
def _cue_spec(path: str | None = None) -> LexiconSpec:
    card = Path(path) if path else data_path("lexicons", "cues.toml")
    return parse_lexicon(card)


@lru_cache(maxsize=4)
def cue_lexicon(path: str | None = None) -> CompiledLexicons:
    """The compiled cue lexicon (the shipped ``cues.toml`` unless ``path`` names another card)."""
    return compile_lexicons([_cue_spec(path)])


def cue_provenance(path: str | None = None) -> list[dict[str, str]]:
    """Name, version and content hash of the cue card, as ``CompiledLexicons.provenance``
    gives them (read from the card, without compiling it)."""
    return [_cue_spec(path).provenance()]


@dataclass(frozen=True, slots=True)
class _Rule:
    """A context rule of the cue card, as sets of word tuples by length for quick lookup."""

    type: str
    phrases: frozenset[tuple[str, ...]]
    lengths: tuple[int, ...]
    window: int
    simple: bool  # veto_preceding of one word right before: checked inline by _cue_hits
    last_words: frozenset[str]  # the last word of each phrase (a quick test for a veto)
    reach: int = 0  # characters of the longest phrase, and some: how far a clause rule reads


@dataclass(frozen=True, slots=True)
class _CueMatcher:
    """One trie-shaped regular expression over every surface form of the cue card, and for
    each form the entries it stands for with their compiled rules.

    The rules of the card are applied by :func:`_cue_hits`, only to the candidates that survive
    the cheaper checks (overlap, boilerplate, inside a long quotation); they mean what they
    mean in :mod:`framing.lexicon` (``veto_preceding``, ``veto_following``,
    ``veto_capitalized``; the words before a cue are read back to the last of
    :data:`framing.text.CLAUSE_MARKS` only).
    """

    pattern: re.Pattern[str]
    targets: dict[str, tuple[tuple[EntrySpec, _RulePlan | None], ...]]
    lexicon: str
    #: :func:`framing.lexicon.combined_scan` of the forms' scan body (the engine then only
    #: tries positions after a non-word character); ``None`` when a form starts or ends with a
    #: non-word character.
    scan: re.Pattern[str] | None

    def spans(self, norm: str) -> list[tuple[int, int]]:
        """The spans of ``pattern.finditer(norm)``, by one pass of ``scan``
        (:func:`framing.lexicon.scan_spans`)."""
        return scan_spans(norm, (self.pattern,), self.scan, (0,))[0]

    def spans_outside(self, norm: str, skip: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """:meth:`spans` that do not start inside one of the ``skip`` regions (sorted, disjoint,
        each starting right after a character no cue form contains, such as a quotation mark),
        without scanning those regions."""
        if self.scan is None or not skip:
            return [sp for sp in self.spans(norm) if not _inside(sp[0], skip)]
        out: list[tuple[int, int]] = []
        last = 0
        pos = 0
        for a, b in (*skip, (len(norm), len(norm))):
            if pos < a:
                if pos == 0:
                    first = self.pattern.match(norm, 0, a)
                    if first is not None:
                        out.append(first.span())
                        last = first.end()
                # the scan consumes the character before a cue: start one before the region
                for m in self.scan.finditer(norm, max(pos - 1, 0), a):
                    if norm[m.start()].isalnum():  # see framing.lexicon.combined_scan
                        continue
                    start, end = m.span(1)
                    if start >= last:
                        out.append((start, end))
                        last = end
            pos = b
        return out


def _inside(pos: int, regions: Sequence[tuple[int, int]]) -> bool:
    i = bisect.bisect_right([a for a, _ in regions], pos) - 1
    return i >= 0 and pos < regions[i][1]


def _compile_rule(rule: RuleSpec) -> _Rule:
    lengths = tuple(sorted({len(w) for w in rule.words}))
    simple = rule.type == "veto_preceding" and rule.window == 1 and lengths == (1,)
    last = frozenset(w[-1] for w in rule.words if w)
    reach = max((len(" ".join(w)) for w in rule.words), default=0) + 8
    return _Rule(rule.type, frozenset(rule.words), lengths, rule.window, simple, last, reach)


@dataclass(frozen=True, slots=True)
class _RulePlan:
    """An entry's rules arranged for :func:`_vetoed_fast`: whether any rule vetoes does not
    depend on their order, so the vetoes by the one word before are one set of words."""

    words_before: frozenset[str]  # the words of every ``simple`` rule
    preceding: tuple[_Rule, ...]  # the other ``veto_preceding`` rules
    rest: tuple[_Rule, ...]  # every other rule
    #: for each ``require_following`` rule, a pattern that matches the normalised text after
    #: the cue wherever the rule may be met (and maybe elsewhere): where it does not match, the
    #: rule vetoes without reading the words
    required_after: tuple[re.Pattern[str], ...]

    @classmethod
    def of(cls, rules: Sequence[_Rule]) -> _RulePlan | None:
        if not rules:
            return None
        return cls(
            frozenset(p[0] for r in rules if r.simple for p in r.phrases),
            tuple(r for r in rules if not r.simple and r.type == "veto_preceding"),
            tuple(r for r in rules if not r.simple and r.type != "veto_preceding"),
            tuple(_maybe_after(r) for r in rules if r.type == "require_following"),
        )


def _maybe_after(rule: _Rule) -> re.Pattern[str]:
    """A superset of where ``rule`` (``require_following``) is met: one of its phrases among the
    first ``window`` words after the cue, its words apart by anything that is not a letter or
    a digit (the words of :func:`_words_of` are whitespace-separated with punctuation
    stripped, so they match here too; with a wider window, after any words, as a word of
    :func:`_words_of` may hold punctuation inside)."""
    sep = r"[\W_]+"
    phrases = "|".join(sep.join(re.escape(w) for w in p) for p in sorted(rule.phrases))
    skip = rf"(?:{sep}\w+)*?" if rule.window > 1 else ""
    return re.compile(rf"{skip}{sep}(?:{phrases})(?![^\W_])")


@lru_cache(maxsize=4)
def _cue_matcher(path: str | None = None) -> _CueMatcher:
    spec = _cue_spec(path)
    compiled = {name: _compile_rule(r) for name, r in spec.rules.items()}
    targets: dict[str, list[tuple[EntrySpec, _RulePlan | None]]] = {}
    for e in spec.entries:
        plan = _RulePlan.of([compiled[n] for n in spec.entry_rules(e) if n in compiled])
        for form in surface_forms(e.term, e.inflect):
            bucket = targets.setdefault(FORM_SEP.join(form), [])
            if all(t[0] is not e for t in bucket):
                bucket.append((e, plan))
    body = scan_body(list(targets))
    return _CueMatcher(
        re.compile(trie_pattern(targets)),
        {k: tuple(sorted(v, key=lambda t: t[0].term)) for k, v in targets.items()},
        spec.name,
        combined_scan([body]) if body else None,
    )


def _vetoed(
    text: str, start: int, end: int, rules: Sequence[_Rule], s_start: int, s_end: int
) -> bool:
    """Whether a rule of the cue card rejects this candidate (the lexicon's semantics)."""
    before: list[str] | None = None
    for rule in rules:
        if rule.type == "veto_capitalized":
            if _looks_like_name(text, start, s_start):
                return True
            continue
        if rule.type == "require_hyphen":
            if spaced(text, start, end):
                return True
            continue
        if rule.type == "veto_clause":
            # the whole clause that holds the cue is one of the phrases ("That said,", ", say,"):
            # read no further than the longest phrase reaches, where the clause must end
            hi_reach = end + rule.reach if end + rule.reach < s_end else s_end
            hi = clause_end(text, end, hi_reach)
            if hi == hi_reach and hi < s_end:
                continue  # no clause mark that near after it: the clause is longer
            lo_reach = start - rule.reach if start - rule.reach > s_start else s_start
            lo = clause_start(text, lo_reach, start)
            if lo == lo_reach and lo > s_start:
                continue
            if tuple(_words_of(text[lo:hi])) in rule.phrases:
                return True
            continue
        found = False
        if rule.type.endswith("preceding") and rule.window == 1 and rule.lengths == (1,):
            found = (_last_word(text, max(s_start, start - 30), start),) in rule.phrases
        elif rule.type.endswith("preceding"):
            if before is None:
                lo = start - 40
                if lo <= s_start:
                    lo = s_start
                else:
                    while lo < start and not text[lo - 1].isspace():
                        lo += 1  # (not the end of a word the window cuts)
                before = _words_of(_clause_tail(text[lo:start]))
            words = before
            n = len(words)
            for back in range(rule.window):
                for size in rule.lengths:
                    if n - back - size >= 0 and tuple(words[n - back - size : n - back]) in (
                        rule.phrases
                    ):
                        found = True
        elif rule.window == 1 and rule.lengths == (1,):
            found = (_next_word(text, end, min(s_end, end + 40)),) in rule.phrases
        else:
            hi = min(s_end, end + 40)
            while hi < s_end and hi < end + 80 and not text[hi].isspace():
                hi += 1  # (the whole of a word the window cuts)
            words = _words_of(text[end:hi])
            for ahead in range(rule.window):
                for size in rule.lengths:
                    if ahead + size <= len(words) and tuple(words[ahead : ahead + size]) in (
                        rule.phrases
                    ):
                        found = True
        if found == rule.type.startswith("veto"):
            return True
    return False


def _vetoed_fast(
    text: str, norm: str, start: int, end: int, plan: _RulePlan, s_start: int, s_end: int
) -> bool:
    """:func:`_vetoed`, with the common rules checked inline on the normalised text: a veto by
    the one word before, and a veto by words before whose last words do not occur at all."""
    if plan.words_before:
        chunk = norm[s_start if start - 30 < s_start else start - 30 : start].rstrip()
        space, newline = chunk.rfind(" "), chunk.rfind("\n")
        word = chunk[(space if space > newline else newline) + 1 :]
        if not word.isalnum():
            # "trusted her,” said Robert Stone": "her" is not next to the cue
            word = _clause_tail(word)
        if word.strip(_PUNCT) in plan.words_before:
            return True
    for after in plan.required_after:
        if after.match(norm, end) is None:
            return True  # a phrase the entry requires after it is not there
    rest = plan.rest
    if plan.preceding:
        chunk = norm[max(s_start, start - 40) : start]
        rest += tuple(r for r in plan.preceding if any(w in chunk for w in r.last_words))
    return bool(rest) and _vetoed(text, start, end, rest, s_start, s_end)


def _clause_tail(chunk: str) -> str:
    """The part of ``chunk`` after its last clause mark (all of it when there is none)."""
    return chunk[clause_start(chunk, 0, len(chunk)) :]


def _last_word(text: str, lo: int, hi: int) -> str:
    """The last whitespace-separated word of ``text[lo:hi]`` in the clause that reaches ``hi``,
    lower-cased, punctuation dropped ("" after a clause mark)."""
    chunk = _clause_tail(text[lo:hi]).rstrip()
    word = chunk[max(chunk.rfind(" "), chunk.rfind("\n")) + 1 :].lower().strip(_PUNCT)
    return word.replace("’", "'") if "’" in word else word


def _next_word(text: str, lo: int, hi: int) -> str:
    """The first of :func:`_words_of` ``text[lo:hi]`` ("" if none)."""
    for token in text[lo:hi].split():
        word = token.replace("’", "'").lower().strip(_PUNCT)
        if word:
            return word
    return ""


def _words_of(chunk: str) -> list[str]:
    """Lower-cased words of a short stretch (punctuation dropped), for rule windows."""
    if "’" in chunk:
        chunk = chunk.replace("’", "'")
    return [w for w in (t.strip(_PUNCT) for t in chunk.lower().split()) if w]


_PUNCT: Final = ".,;:!?()[]{}\"“”‘'«»—–-…*/"


def _looks_like_name(text: str, start: int, s_start: int) -> bool:
    """A capitalised word inside a sentence of ordinary case is part of a name."""
    if not text[start].isupper():
        return False
    if not any(c.isalnum() for c in text[s_start:start]):
        return False  # first word of its sentence
    return not _on_headline(text, start)


def _on_headline(text: str, pos: int) -> bool:
    """Whether ``pos`` is on a line of :func:`_is_headline` (whose capitals name no one: "Trump
    And Clinton Trade Blows")."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    return _is_headline(text[line_start : line_end if line_end >= 0 else len(text)])


def _on_title_case_line(text: str, pos: int) -> bool:
    """Whether ``pos`` is on a headline (:func:`_on_headline`) that is the text's title, set
    off by a blank line, or in title case: every word in lower case is a short function word
    ("Voters Ask Dunn About Taxes", "Pence Endorses Ryan With a Smile"), unlike a sentence of
    names ("Wallace met Dana Ruiz on Sunday.")."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    if line_end < 0:
        line_end = len(text)
    if line_end - line_start > 160:
        return False  # a paragraph, not a headline
    line = text[line_start:line_end]
    if not _is_headline(line):
        return False
    if line_start == 0 and text.startswith("\n\n", line_end):
        return True
    return all(w in _TITLE_CASE_LOWER for w in WORD_RE.findall(line) if w.islower())


# the words a headline in title case leaves in lower case
_TITLE_CASE_LOWER: Final = frozenset(
    ["a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "of", "to", "in", "on",
     "at", "by", "up", "as", "vs", "via", "per", "off", "out", "from", "with", "into", "over"]
)  # fmt: skip


@lru_cache(maxsize=1024)
def _is_headline(line: str) -> bool:
    words = [w for w in WORD_RE.findall(line) if w[0].isalpha()]
    if not words:
        return False
    if all(w.isupper() for w in words if len(w) > 1):
        return True
    content = [w for w in words if len(w) > 3]
    if len(content) < 3:
        return False
    return sum(1 for w in content if w[0].isupper()) / len(content) >= 0.75


# ------------------------------------------------------------------------------ word categories

_PRONOUNS: Final = {
    "he": "m",
    "she": "f",
    "they": "p",
    "it": "n",
    "we": "p",
    "i": "s",
    "you": "s",
    "him": "m",
    "her": "f",
    "them": "p",
}
# auxiliaries and modals: a subject noun phrase never opens with one
_AUXILIARY: Final = frozenset(
    [
        "has",
        "have",
        "had",
        "would",
        "will",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "shall",
        "did",
        "does",
        "do",
        "is",
        "are",
        "was",
        "were",
        "been",
        "be",
    ]
)
# what may stand between a subject and its verb: auxiliaries, negations and adverbs
_AUX: Final = _AUXILIARY | frozenset(
    [
        "also",
        "not",
        "never",
        "n't",
        "later",
        "recently",
        "previously",
        "once",
        "repeatedly",
        "publicly",
        "privately",
        "then",
        "first",
        "often",
        "again",
        "already",
        "still",
        "just",
        "even",
        "further",
        "too",
        "frequently",
        "initially",
        "originally",
        "reportedly",
        "has've",
        "quickly",
        "immediately",
        "simply",
        "flatly",
        "openly",
        "angrily",
        "bluntly",
        "falsely",
        "wrongly",
        "correctly",
        "famously",
        "memorably",
        "loudly",
        "calmly",
        "directly",
        "specifically",
        "explicitly",
        "essentially",
        "basically",
        "actually",
        "certainly",
        "clearly",
        "apparently",
        "allegedly",
        "ultimately",
        "finally",
        "last",
        # "cannot" and negated auxiliaries ("Jolly … doesn’t see")
        "cannot",
        *(
            f"{verb}n{apostrophe}t"
            for verb in (
                *("do", "does", "did", "ca", "wo", "would", "could", "should", "must"),
                *("is", "are", "was", "were", "has", "have", "had"),
            )
            for apostrophe in ("'", "’")
        ),
    ]
)
_STOP_LEFT: Final = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "and",
        "but",
        "because",
        "as",
        "when",
        "while",
        "if",
        "since",
        "after",
        "before",
        "than",
        "where",
        "so",
        "or",
        "nor",
        "what",
        "how",
        "why",
        "whether",
        "though",
        "although",
        "unless",
        "until",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "to",
        "of",
        "for",
        "with",
        "without",
        "about",
        "by",
        "from",
        "on",
        "at",
        "in",
        "into",
        "during",
        "over",
        "under",
        "against",
        "between",
        "through",
        "be",
        "being",
        "is",
        "are",
        "was",
        "were",
        "been",
        "also",
        "not",
        "there",
        "here",
        "this",
    ]
)
# an adjective and preposition inside the phrase of an unnamed source: "people familiar with
# the matter", "a source close to the campaign", "officials with knowledge of the talks",
# "sources privy to the negotiations" (and
# an unnamed source's head before "with": "an official with the ministry")
_ANONYMOUS_LINKS: Final = frozenset(
    [("familiar", "with"), ("close", "to"), ("with", "knowledge"), ("with", "direct"),
     ("privy", "to"), ("knowledgeable", "about"), ("briefed", "on")]
)  # fmt: skip
_LINK_SECONDS: Final = frozenset(b for _, b in _ANONYMOUS_LINKS)
# nouns for people who serve someone, before "to" and whom they serve ("an aide to the
# senator"): the phrase is theirs, not that of whom they serve
_HEADS_BEFORE_TO: Final = frozenset(
    ["aide", "aides", "adviser", "advisers", "advisor", "advisors", "ambassador", "ambassadors",
     "envoy", "envoys", "spokesman", "spokeswoman", "spokesperson", "counselor", "counsellor",
     "consultant", "consultants", "assistant", "assistants", "deputy", "deputies", "secretary",
     "heir", "successor", "predecessor", "emissary", "liaison", "attaché", "attache"]
)  # fmt: skip
_ARTICLES: Final = frozenset(["the", "a", "an"])
# words allowed inside a source noun phrase although they are function words
_NP_INNER: Final = frozenset(["of", "for", "at", "in", "from"]) | _ARTICLES
_LEAD_TRIM: Final = frozenset(
    [
        "so",
        "far",
        "also",
        "however",
        "meanwhile",
        "now",
        "but",
        "and",
        "yet",
        "still",
        "indeed",
        "instead",
        "later",
        "earlier",
        "today",
        "yesterday",
        "then",
        "thus",
        "moreover",
        "furthermore",
        "separately",
        "previously",
        "recently",
        "in",
        "turn",
    ]
)
_OBJECT_WORDS: Final = frozenset(
    [
        "reporters",
        "journalists",
        "me",
        "him",
        "her",
        "them",
        "us",
        "you",
        "supporters",
        "voters",
        "viewers",
        "listeners",
        "audience",
        "crowd",
        "interviewer",
    ]
)
_DOC_WORDS: Final = frozenset(
    [
        "statement",
        "note",
        "letter",
        "memo",
        "report",
        "tweet",
        "tweets",
        "post",
        "posts",
        "study",
        "poll",
        "polls",
        "survey",
        "surveys",
        "filing",
        "document",
        "documents",
        "email",
        "emails",
        "release",
        "book",
        "article",
        "ad",
        "ads",
        "video",
        "transcript",
        "analysis",
        "data",
        "figures",
        "numbers",
        "records",
        "message",
        "interview",
        "op-ed",
        "column",
        "editorial",
        "lawsuit",
        "complaint",
        "indictment",
        "website",
        "page",
        "petition",
        "resolution",
        "bill",
        "platform",
        "speech",
        "remarks",
        # a treaty or plan "says", "requires", "calls for" (not "law": "law enforcement
        # officials", "a law firm", "Robert Law")
        "agreement",
        "treaty",
        "plan",
        "proposal",
        "constitution",
    ]
)
# figures that "show", and a bill that "calls for", as the head of a source only
# ("Tuesday’s RealClearPolitics average showed", "The legislation calls for"; not "the average
# voter", "roll back legislation his supporters")
_FIGURE_HEADS: Final = frozenset(
    ["average", "averages", "estimate", "estimates", "forecast", "forecasts", "projection",
     "projections", "legislation"]
)  # fmt: skip
# rules and rulings in writing ("the policy says", "state law requires"), recordings and images
# ("the footage shows"): documents as the head only, in lower case ("law enforcement officials"
# and "labor-policy experts" are people, "Steven Law" a person), or a plural opening a sentence
_RECORD_HEADS: Final = frozenset(
    ["policy", "policies", "law", "guidelines", "ruling", "regulations", "directive",
     "guidance", "statute", "decree", "verdict", "affidavit", "manifesto", "footage",
     "recording", "recordings", "photo", "photos", "photograph", "image", "images", "chart",
     "map", "summary", "warrant", "contract", "schedule", "disclosures", "filings", "order"]
)  # fmt: skip
# titles that only a person bears (after _undot: "Mr", "Dr")
_PERSONAL_TITLES: Final = frozenset(["mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov"])
# the words before "figures" that make them people in public life, not numbers
_FIGURES_OF: Final = frozenset(
    ["establishment", "party", "public", "political", "senior", "leading", "prominent",
     "influential", "key", "culture", "gop", "republican", "democratic", "conservative",
     "liberal", "progressive", "opposition", "religious", "media", "business", "community",
     "sports", "literary", "historical", "controversial", "polarizing", "polarising"]
)  # fmt: skip
_UNVERIFIED_WORDS: Final = frozenset(
    ["reports", "rumors", "rumours", "speculation", "reportedly", "allegedly", "unconfirmed"]
)
_ANON_HEADS: Final = frozenset(
    [
        "source",
        "sources",
        "official",
        "officials",
        "aide",
        "aides",
        "person",
        "people",
        "insider",
        "insiders",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "diplomat",
        "diplomats",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "staffer",
        "staffers",
        "member",
        "members",
        "observers",
        "critics",
        "experts",
        "analysts",
    ]
)
_ORG_WORDS: Final = frozenset(
    [
        # churches and their bodies ("the Catholic Church", "the Archdiocese of Boston")
        "church",
        "diocese",
        "archdiocese",
        "synod",
        "ministry",
        "department",
        "committee",
        "party",
        "council",
        "agency",
        "office",
        "campaign",
        "commission",
        "university",
        "institute",
        "center",
        "centre",
        "times",
        "news",
        "post",
        "journal",
        "press",
        "network",
        "foundation",
        "association",
        "government",
        "administration",
        "police",
        "army",
        "court",
        "congress",
        "senate",
        "house",
        "parliament",
        "corporation",
        "company",
        "group",
        "bank",
        "fund",
        "union",
        "organization",
        "organisation",
        "coalition",
        "board",
        "bureau",
        "service",
        "services",
        "federation",
        "alliance",
        "movement",
        "society",
        "caucus",
        "authority",
        "institution",
        "forum",
        "inc",
        "corp",
        "llc",
        "league",
        "club",
        "team",
        "ministry",
        "embassy",
        "kremlin",
        "pentagon",
        "cnn",
        "fbi",
        "cia",
        "nbc",
        "cbs",
        "abc",
        "fox",
        "msnbc",
        "reuters",
        "ap",
        "afp",
        "bbc",
        "gop",
        "dnc",
        "rnc",
        # plurals of the words above that head a name ("Centers for Disease Control")
        "agencies",
        "campaigns",
        "centers",
        "centres",
        "committees",
        "companies",
        "groups",
        "institutes",
        "organisations",
        "organizations",
        "unions",
    ]
)
_ROLE_WORDS: Final = frozenset(
    [
        "ambassador",
        "chairman",
        "chairwoman",
        "chair",
        "speaker",
        "president",
        "minister",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "director",
        "chief",
        "leader",
        "governor",
        "senator",
        "mayor",
        "judge",
        "justice",
        "nominee",
        "candidate",
        "official",
        "adviser",
        "advisor",
        "aide",
        "lawyer",
        "attorney",
        "general",
        "commander",
        "officer",
        "editor",
        "author",
        "analyst",
        "expert",
        "professor",
        "economist",
        "strategist",
        "manager",
        "founder",
        "ceo",
        "head",
        "representative",
        "lawmaker",
        "congressman",
        "congresswoman",
        "pollster",
        "host",
        "anchor",
        "reporter",
        "correspondent",
    ]
)
# Lower-case pieces of which every match of _ANONYMITY_RE holds one: a sentence with none of
# them grants no anonymity (checked about four times faster than the search itself). None
# contains "i", "k" or "s", the letters that IGNORECASE also matches to characters that
# ``str.lower`` leaves alone (dotless ı, the Kelvin sign, long ſ).
_ANONYMITY_PIECES: Final = ("anonym", "ned to be", "not author", "ar w", "not to be")


def _may_grant_anonymity(text: str) -> bool:
    low = text.lower()
    return any(p in low for p in _ANONYMITY_PIECES)


_ANONYMITY_RE: Final = re.compile(
    r"condition of anonymity|declined to be (?:named|identified)|not authori[sz]ed to speak"
    r"|familiar with|speaking anonymously|who asked not to be",
    re.IGNORECASE,
)
_UNVERIFIED_PHRASE_RE: Final = re.compile(
    r"\b(?:it is (?:believed|thought|said|understood|reported|claimed)|reportedly|allegedly"
    r"|unconfirmed)\b",
    re.IGNORECASE,
)
_NOUN_LIKE_S: Final = frozenset(
    [
        "claims",
        "reports",
        "calls",
        "notes",
        "shows",
        "views",
        "plans",
        "fears",
        "hopes",
        "wants",
        "cites",
        "lists",
        "orders",
        "requests",
        "demands",
        "answers",
        "replies",
        "comments",
        "remarks",
        "posts",
        "tweets",
        "statements",
        "supports",
        "questions",
        "attacks",
        "charges",
        "doubts",
        "concerns",
        "states",
        "emails",
        "pledges",
    ]
)
_CLAUSE_STARTERS: Final = frozenset(
    [
        "that",
        "the",
        "a",
        "an",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "its",
        "our",
        "this",
        "these",
        "those",
        "there",
        "to",
        "no",
        "not",
        "some",
        "many",
        "most",
        "all",
        "both",
        "more",
        "if",
        "whether",
        "how",
        "what",
        "why",
        "when",
        "who",
    ]
)
_BE: Final = frozenset(
    # with the impersonal contractions ("it's estimated that …"; "he's said" is "he has said")
    ["is", "are", "was", "were", "be", "been", "being", "am", "it's", "it’s", "that's", "that’s"]
)
_Use = Literal["active", "passive"]
_NOUN_AMBIGUOUS: Final = frozenset(
    [
        # (not those whose past participle is the base form, "had forecast", nor those mostly
        # verbs after an adverb, "privately worry", "openly ridicule")
        *("lament", "boast", "joke", "stress", "release", "offer", "issue", "signal", "hint"),
        *("sneer", "shout", "chant", "whine", "scoff"),
        "retort",
        "note",
        "report",
        "claim",
        "call",
        "comment",
        "post",
        "tweet",
        "attack",
        "charge",
        "question",
        "answer",
        "reply",
        "request",
        "demand",
        "order",
        "support",
        "view",
        "plan",
        "fear",
        "hope",
        "doubt",
        "list",
        "quote",
        "address",
        "speak",
        "vent",
        "brand",
        "promise",
        "pledge",
        "vow",
        "warn",
        "echo",
        "counter",
        "rant",
        "knock",
        "trash",
        "rip",
        "blast",
        "slam",
        "order",
        "estimate",
        "praise",
        "snap",
        "thunder",
        "email",
        "list",
        "find",
        "state",
        "comment",
        "remark",
        "pledge",
        "attack",
        "support",
    ]
)
_BASE_FORM_LEFT: Final = frozenset(
    [
        "i",
        "we",
        "you",
        "they",
        "to",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "cannot",
        "do",
        "did",
        "does",
        "also",
        "not",
        "n't",
        "never",
        "often",
        "always",
        "still",
    ]
)
# words after which a cue word is a noun (or a participle modifying one), not a verb
_NOUN_LEFT: Final = frozenset(
    [
        "in",
        "of",
        "for",
        "with",
        "on",
        "at",
        "from",
        "into",
        "about",
        "these",
        "those",
        "our",
        "your",
        "my",
        "every",
        "whose",
        "swing",
        "recent",
        "latest",
    ]
)
# cue words that report speech only with a complement: a ``that`` clause, a colon or a quotation
# (measured on PolNeAR train: without one, fewer than a third of their uses are attributions)
_STRICT: Final = frozenset(
    [
        "suppose",
        "brand",
        "email",
        "establish",
        "maintain",
        "speak",
        "bash",
        "assume",
        "demonstrate",
        "underscore",
        "understand",
        "demand",
        "continue",
    ]
)
# inflected forms that are mostly nouns or non-reporting uses unless a clause or quote follows:
# "find a way", "finding ways", "contributed reporting", "the states", "job offers"
_STRICT_FORMS: Final = frozenset(
    [
        *("find", "finding", "reporting", "offers", "offering", "state", "states"),
        *("attack", "attacks", "attacking", "support", "supports", "supporting"),
        *("comment", "comments", "request", "requests"),
    ]
)
# verbs that report a position only with their object, not as a noun nor alone at a clause's end
# ("supported Trump", "attacked her record"; not "the bill he supported, …", "the attacks")
_OBJECT_CUES: Final = frozenset(["attack", "support", "comment", "request", "state"])
_OBJECT_NEXT_RE: Final = re.compile(r"[ \t]+[\w“\"‘']")
_THAT_RE: Final = re.compile(r"[ \t]*(?::|,?[ \t]*[“\"]|(?:[\w’'-]+[ \t]+){0,3}that\b)")
# passives that still report: "is expected to" (a forecast with no named source), "was asked"
_PASSIVE_CUES: Final = frozenset(["expect", "ask"])
# adverbs that stand between an auxiliary and its participle ("was later charged")
_ADVERBS_AFTER_BE: Final = frozenset(
    ["later", "also", "never", "not", "still", "just", "then", "already", "first", "once",
     "soon", "even", "ever", "since", "long", "widely", "often"]
)  # fmt: skip
_TIME_WORDS: Final = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "week",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan.",
        "feb.",
        "aug.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
    ]
)
# a closing quotation mark, then a short subject, right before the cue: `…," Ryan continued`
_QUOTE_THEN_NAME_RE: Final = re.compile(r"[,?!]?(?:[”\"]|'')[ \t]+(?:[\w.’'-]+[ \t]+){0,4}$")
# a quotation that ends in a comma, and a subject of up to four words after it
_QUOTED_THEN_SUBJECT_RE: Final = re.compile(r"[,?!](?:[”\"]|'')[ \t]+(?:[\w.’'-]+[ \t]+){1,4}$")
_SHOW_NOUN_LEFT: Final = frozenset(
    [
        "radio",
        "talk",
        "morning",
        "tv",
        "television",
        "news",
        "game",
        "cable",
        "reality",
        "comedy",
        "sunday",
        "weekly",
        "daily",
        "evening",
        "night",
        "late-night",
        "cooking",
        "variety",
        "roadshow",
        "road",
        "horse",
        "trade",
        "fashion",
        "art",
        "air",
        "''",
        "”",
        '"',
    ]
)
_TELLING: Final = frozenset(["tell", "inform", "remind", "warn", "assure", "ask", "urge"])
# telling verbs whose object follows them: never an inverted subject ("…,” asked Smith and
# "…,” warned Smith are)
_NEVER_INVERTED: Final = _TELLING - {"ask", "warn"}
_LEAD_PHRASE_RE: Final = re.compile(
    r"\s*(?:In|On|At|After|During|Before|Earlier|Later|Last|This|On|Speaking|Asked|Since|For)"
    r"\b[^,;:\n“\"]{0,60},\s*"
)
_NAMING: Final = frozenset(["call", "name", "title", "dub", "label", "brand"])
_NEEDS_QUOTE: Final = frozenset(
    ["continue", "go", "on", "read", "speak", "address", "shout", "chant"]
)
# (possessive: nothing after a run can fail, so the engine never gives characters back anyway,
# and it need not keep the positions to give them back from)
_WORD_TOKEN_RE: Final = re.compile(r"[^\W_]++(?:['’.][^\W_]++)*+\.?|--|[^\w\s]")
# each token with what lies before it (only whitespace and "_" can: every other character starts
# a token), so that the tokens' offsets follow from the lengths (see _tokens)
_GAP_AND_TOKEN_RE: Final = re.compile(rf"([\s_]*+)({_WORD_TOKEN_RE.pattern})")
# the lower-case particles inside a person's name ("Bill de Blasio", "Ursula von der Leyen"),
# and the same as a pattern (longest first) with a look-ahead on their first letters
_NAME_PARTICLES: Final = frozenset(
    ["de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "bin", "ibn"]
)
_PARTICLE_ALTERNATION: Final = "|".join(sorted(_NAME_PARTICLES, key=lambda p: (-len(p), p)))
_PARTICLE_START: Final = "(?=[" + "".join(sorted({p[0] for p in _NAME_PARTICLES})) + "])"
_CAP_NAME_RE: Final = re.compile(
    # the look-behind follows the first letter so that the scan can skip to capitals; the
    # possessive runs (what follows each can never start with what they gave back) save the
    # backtracking after the many capitalised words that are not followed by another
    r"[A-ZÀ-ÖØ-Þ](?<!\w[A-ZÀ-ÖØ-Þ])[a-zß-öø-ÿĀ-ſ]++(?:[A-Z][a-z]++)?(?:[-'’][A-Za-zÀ-ÖØ-öø-ſ]++)?"
    rf"(?:\s++(?:[A-Z]\.\s++)?(?:{_PARTICLE_START}(?:{_PARTICLE_ALTERNATION})\s++){{0,2}}"
    r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ſ]++(?:[A-Z][a-z]++)?(?:[-'’][A-Za-zÀ-ÖØ-öø-ſ]++)?)+"
)  # (Latin-1 and Latin Extended-A letters, "Enrique Peña Nieto"; one inner capital, "McCain";
#    particles between, "Bill de Blasio", "Ursula von der Leyen")
# a name of two or more capitalised words at the end of a phrase, after a possessive and any
# lower-case words for a role: "Fox News’ Sean Hannity", "Sanders’ campaign organizer Mason Baird"
_POSSESSOR_NAME_RE: Final = re.compile(
    r"\w(?:['’]s|s['’])[ \t]+(?:[a-z][\w-]*[ \t]+)*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)+)$"
)
# a wire story's dateline before its first sentence: "WASHINGTON (Reuters) - ", "NEW YORK,
# March 3 (AP) — ", "MAREN, Feb 5 (CWS) - ", "SPRINGFIELD, Ill. — " (a place in capitals, an
# optional state or country, date and agency, then a dash). It is not part of the subject of
# the sentence; every cue's sentence is read past it. (_DATELINE_RE, which also reads
# "Washington — ", serves only the subject fallback.)
_WIRE_DATELINE_RE: Final = re.compile(
    r"[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+)*"
    r"(?:,[ \t]+[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*)?)?"
    r"(?:,?[ \t]+[A-Z][a-z]{2,}\.?[ \t]+\d{1,2})?"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*(?:--|[-–—])[ \t]+"
)
# a phrase of capitalised words with a possessive, then lower-case words ("Mr. Trump's
# children", "Axelrod’s memoir"; not a pronoun's: "her lawyer" is read as a whole)
_POSSESSED_RE: Final = re.compile(
    r"(?:(?:[A-Z][\w.-]*|of|the)[ \t]+)*?[A-Z][\w.-]*(?:['’]s|s['’])[ \t]+"
    r"((?:[a-z][\w-]*[ \t]+)*[a-z][\w-]*)"
)
#: relatives and companions: whose they are says who they are ("Schilling's son")
_KIN_WORDS: Final = frozenset(
    [*("son", "sons", "daughter", "daughters", "children", "child", "kids", "father", "mother"),
     *("parents", "wife", "husband", "widow", "brother", "sister", "family", "friend", "friends")]
)  # fmt: skip
_POSSESSIVE_END_RE: Final = re.compile(r"['’]s\b|(?<=s)['’](?!\w)")
_COLON_RE: Final = re.compile(
    r"^[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[\w.'’()-]+){0,6})[ \t]*:(?:[ \t\xa0]+(?=\S)|(?=[“\"‘]))",
    re.MULTILINE,
)
# a transcript's speaker label inside a quotation that runs over several paragraphs, each of
# which opens with a quotation mark: ``"WALLACE: Let's start …`` (capitals only: a quoted
# paragraph that opens "“Bottom line: …" is someone's words, not a label)
_QUOTED_LABEL_RE: Final = re.compile(
    r"[ \t]*(?:[“\"]|'')([A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){0,3})[ \t]*:[ \t]+(?=\S)"
)
# a speaker and a colon inside a paragraph, before a quotation: ``… ISIS." Bush: "The mission``
# (found from the colon backwards: the colon and quotation first, then the name before them)
_COLON_QUOTE_RE: Final = re.compile(r":[ \t\xa0]*(?=[“\"‘]|''|``)")
_MID_BREAK_RE: Final = re.compile(r"(?:(?<=[.!?”\"])[ \t]+|[ \t]+[-–—][ \t]*)(?=[A-Z])")
_MID_SPEAKER_RE: Final = re.compile(r"[A-Z][\w.'’-]*(?:[ \t]+[\w.'’()-]+){0,6}[ \t]*")
# words that head a colon line without being a speaker (kickers, labels, and interview letters
# outside a text with both "Q:" and "A:")
_NOT_SPEAKER: Final = frozenset(
    [
        "update",
        "editor",
        "note",
        "photo",
        "photos",
        "watch",
        "read",
        "follow",
        "breaking",
        "revealed",
        "look",
        "latest",
        "contributing",
        "exclusive",
        "video",
        "live",
        "related",
        "poll",
        "polls",
        "q",
        "a",
        "correction",
        "byline",
        "happening",
        "just",
        "claim",
        "fact",
        "verdict",
        "rating",
        "facts",
        "analysis",
        "opinion",
        "editorial",
        "commentary",
        "added",
        "new",
        "today",
        "again",
        "on",
        "in",
        "at",
        "from",
        "for",
        "about",
        "with",
    ]
)
_QUOTE_OPEN: Final = "“\"‘'«„"
_SOURCE_END_RE: Final = re.compile(r"[,;.:!?“”\"(]")


class _Token:
    """A word or punctuation token of a window of text (:func:`_tokens`): its offsets, its text
    and its text lower-cased. (A plain class: mypyc compiles it to a struct, which is built and
    read faster than a named tuple.)"""

    __slots__ = ("end", "low", "start", "text")

    def __init__(self, start: int, end: int, text: str, low: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = low

    def astuple(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.text, self.low)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Token) and self.astuple() == other.astuple()

    def __repr__(self) -> str:
        return f"_Token{self.astuple()!r}"


def _full_stop_in(text: str, start: int, end: int) -> bool:
    """Whether a full stop in ``text[start:end]`` ends a sentence there, not an abbreviation
    or an initial ("Sen. Ana Ruiz (D-Conn.) said", "Rep. Lars Okafor, R-N.C., told")."""
    dot = text.find(".", start, end)
    while dot >= 0:
        # (a decimal point is none: "Target Corp. TGT 0.21% chief Brian Cornell")
        if not ends_abbreviation(text, dot) and not text[dot + 1 : dot + 2].isdigit():
            return True
        dot = text.find(".", dot + 1, end)
    return False


def _circumstance(text: str, start: int, end: int, object_first: bool = False) -> bool:
    """Whether ``text[start:end]``, between a verb and the colon before its quotation, says
    only where, when or how it was said ("in a statement", "in an email to supporters on
    Monday", "at a news conference"): a phrase of at most twelve words that opens with a
    preposition or a word of time, in one sentence, with no quotation and no clause of its own
    ("said in Iowa that the plan was dead: …", "said after he responded: …"). With
    ``object_first``, up to three words of whom it was said to may come first ("told
    reporters at a news conference")."""
    words = text[start:end].split()
    if not 0 < len(words) <= 12:
        return False
    k = 0
    if object_first:
        k = next((i for i, w in enumerate(words[:4]) if w.lower() in _CIRCUMSTANCE_OPENERS), -1)
        if k < 1:
            return False
    if words[k].lower() not in _CIRCUMSTANCE_OPENERS:
        return False
    if any(c in text[start:end] for c in '“”"‘,;?!\n') or _full_stop_in(text, start, end):
        return False  # (nor a comma: "When asked why, Ruiz responded: …", "said …, but added:")
    return all(w.lower() not in _CLAUSE_WORDS for w in words)


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    """Word and punctuation tokens of ``text[start:end]`` (a window around a cue)."""
    # Tokens never cross whitespace, and a whitespace-separated chunk of letters and digits is
    # one token (``[^\W_]`` is exactly what ``str.isalnum`` accepts): most chunks need no
    # regular expression. Others (punctuation, apostrophes, "_") are read by
    # ``_GAP_AND_TOKEN_RE``: ``findall`` gives each token with the gap before it, so its offsets
    # are the running sum of the lengths.
    out: list[_Token] = []
    pos = start
    for chunk in text[start:end].split():
        s = text.find(chunk, pos)
        pos = s + len(chunk)
        if chunk.isalnum():
            out.append(_Token(s, pos, chunk, chunk.lower()))
            continue
        p = s
        for gap, g in _GAP_AND_TOKEN_RE.findall(text, s, pos):
            t = p + len(gap)
            p = t + len(g)
            out.append(_Token(t, p, g, g.lower()))
    return out


def _first_token(text: str, start: int, end: int) -> _Token | None:
    """The first of :func:`_tokens` ``(text, start, end)``, found without the others."""
    m = _WORD_TOKEN_RE.search(text, start, end)
    if m is None:
        return None
    g = m.group()
    return _Token(m.start(), m.end(), g, g.lower())


def _last_token(text: str, start: int, end: int) -> _Token | None:
    """The last of :func:`_tokens` ``(text, start, end)``, read from the last
    whitespace-separated chunk only (tokens never cross whitespace)."""
    chunk = text[start:end].rstrip()
    if not chunk:
        return None
    hi = start + len(chunk)
    word = chunk.rsplit(None, 1)[-1]
    if word.isalnum():
        # nearly always: a chunk of letters and digits is one token, as the pattern reads it
        # (its ``[^\W_]`` is exactly what ``str.isalnum`` accepts, character by character)
        return _Token(hi - len(word), hi, word, word.lower())
    found = _WORD_TOKEN_RE.findall(text, hi - len(word), hi)
    if not found or not chunk.endswith(found[-1]):
        toks = _tokens(text, start, end)  # a chunk ending in characters that are not tokens
        return toks[-1] if toks else None
    g = found[-1]
    return _Token(hi - len(g), hi, g, g.lower())


# ----------------------------------------------------------------------------- source phrases


#: the conjunctions that join subjects ("Ruiz and she said")
_CONJUNCTIONS: Final = frozenset(["and", "or", "but", "nor"])
# words that open or hold a clause of their own
_CLAUSE_WORDS: Final = _CONJUNCTIONS | frozenset(
    ["that", "he", "she", "they", "i", "we", "it", "who", "which", "whether", "if", "what"]
)

# characters left of a cue read for its subject: a short window first, a longer one only when
# the phrase may reach past it (a long appositive: "Senator Richard Shelby, the Alabama
# Republican who heads the Senate Banking Committee, which oversees the Fed, said")
_LEFT_WINDOWS: Final = (45, 110, 250)


def _left_source(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The subject noun phrase that ends just before the cue (skipping auxiliaries).

    A short window is tried first; a longer one only when the phrase may reach past it. A
    phrase after a participle and its preposition is the participle's object, and the phrase
    before the participle speaks: "A letter from the Legion obtained by The Associated Press
    warns", "Another intelligence source speaking to Fox News said" (not before a cue in
    -ing, whose subject the phrase is: "all signs pointed to Obama endorsing Clinton").
    """
    found = _left_source_plain(text, lo, cue_start)
    if (
        found is not None
        and found[0] - 6 > lo
        and text[found[0] - 1] == " "
        # (the word before the phrase, first: one of the participle's prepositions)
        and text[text.rfind(" ", found[0] - 8, found[0] - 1) + 1 : found[0] - 1]
        in _AFTER_PARTICIPLE
    ):
        reduced = _REDUCED_RELATIVE_RE.search(text, max(lo, found[0] - 40), found[0])
        if (
            reduced is not None
            and reduced.group(1) not in _NOT_PARTICIPLES
            and not _ING_CUE_RE.match(text, cue_start)
        ):
            head = _left_source_plain(text, lo, reduced.start())
            if head is not None and head[1] == reduced.start() - 1:
                found = head
    if (
        found is not None
        and found[1] - found[0] > 10
        # (one of the words that end a span of time, before the pattern is tried)
        and any(text.find(w, found[0], found[1]) >= 0 for w in _SPACED_SPAN_ENDS)
        and (opener := _SPAN_OPENER_RE.match(text, found[0], found[1])) is not None
        and opener.end() < found[1]
    ):
        # a span of time that opens the clause is no part of its subject: "Ten days later
        # officials said"
        found = opener.end(), found[1]
    return found


# a participle and its preposition right before a phrase: "obtained by", "speaking to"
_AFTER_PARTICIPLE: Final = frozenset(["by", "on", "from", "in", "to", "with", "at", "for", "about"])
_REDUCED_RELATIVE_RE: Final = re.compile(
    r"(?<![\w’'-])([a-z]{3,}ed|written|given|taken|chosen|shown|known|seen|made|held|led|built"
    r"|sent|paid|sold|run|set|kept|brought|speaking|talking|writing|testifying|appearing"
    rf"|responding|reacting) (?:{'|'.join(sorted(_AFTER_PARTICIPLE))}) $"
)
# words in -ed that are no participle
_NOT_PARTICIPLES: Final = frozenset(["need", "seed", "speed", "feed", "indeed", "hundred", "shed"])
_ING_CUE_RE: Final = re.compile(r"\w+ing\b")


def _left_source_plain(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """:func:`_left_source` without the participle's object."""
    found: tuple[int, int] | None = None
    for width in _LEFT_WINDOWS:
        near = cue_start - width
        if near <= lo:
            near = lo
        else:
            # start at a word's start, not inside it: a window cut through "the" must not
            # begin with a token "he"
            while near < cue_start and not text[near - 1].isspace():
                near += 1
        found, touched = _left_source_in(text, lo, near, cue_start)
        if not touched or near == lo:
            break
    if found is not None and found[0] - 5 >= lo and text.startswith(" and ", found[0] - 5):
        found = _with_conjuncts(text, lo, found)
    if found is not None and text[found[0]] in "Ee" and (even := _EVEN_RE.match(text, *found)):
        found = (even.end(), found[1])
    if found is not None and found[0] - 2 > lo and text[found[0]].islower():
        found = (_name_before_role(text, lo, *found), found[1])
    return found


def _name_before_role(text: str, lo: int, start: int, end: int) -> int:
    """Where the source ``text[start:end]`` starts when it is a role set off after the name of
    the person who holds it, at the start of a clause: "Mike Shields, president of the
    Congressional Leadership Fund, a super PAC …, said" (the window back from the cue stops
    at the inner appositive's comma); "Sam Lau, the communications director for the Iowa
    Democratic Party said". ``start`` when there is no such name."""
    comma = start - 1
    while comma > lo and text[comma] in " \t":
        comma -= 1
    if text[comma] != ",":
        return start
    role = text[start:end]
    if _phrase_type(role.split(",", 1)[0])[0] not in {"role", "anonymous"} or _plural_head(role):
        return start  # (not "Mr. Obama, officials said, …": the subject of what they said)
    if _WHICH_NEXT_RE.match(text, end):
        return start  # the antecedent of "which" is not the person ("…, which endorsed …")
    name = _left_source(text, lo, comma)
    if name is None or not _clause_opens(text, lo, name[0]):
        return start
    phrase = text[name[0] : name[1]]
    words = phrase.split()
    if (
        words[0] in _SENTENCE_OPENERS
        or len(words) > 6
        or sum(w.islower() for w in words) > 2  # (not "367,000 people voted in the …")
        or _phrase_type(phrase)[0] != "person"
    ):
        return start
    full = person_name(phrase)
    if " " not in full or " and " in full or full in places():
        return start  # a full name ("Clinton, a top aide said, …" is again what was said)
    return name[0]


_WHICH_NEXT_RE: Final = re.compile(r",?[ \t]*(?:which|that)(?![^\W_])")


def _clause_opens(text: str, lo: int, pos: int) -> bool:
    """Whether a clause opens at ``pos``: the window's start, a sentence's or a paragraph's,
    after a comma (a phrase before the subject: "Just last week, J.J. Goldberg"), or after a
    conjunction at such a place ("But Tom Fitton")."""
    w = max(lo, pos - 12)
    before = text[w:pos].rstrip()
    if not before:
        return True
    if before[-1] in ',.!?:;\n”"':
        return True
    last = before.rsplit(None, 1)[-1]
    start = w + len(before) - len(last)
    return (
        last in {"But", "And", "So", "Yet"}
        and (start == lo or text[start - 1].isspace())
        and _clause_opens(text, lo, start)
    )


# a focus adverb before the subject is not part of it ("Even Republicans who have praised him")
_EVEN_RE: Final = re.compile(r"[Ee]ven[ \t]+(?=\S)")


def _with_conjuncts(text: str, lo: int, found: tuple[int, int]) -> tuple[int, int]:
    """``found``, which follows `` and ``, with the conjuncts joined to it by ``and`` when they
    are names or personal pronouns ("Trump and Pence said", "he and Brafman", "Both Bolton and
    Gorka")."""
    left = _left_source_plain(text, lo, found[0] - 5)
    if left is None or not _name_like(text, *left):
        return found
    return left[0], found[1]


def _name_like(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a personal pronoun or a name: every word capitalised but
    the small words inside names ("the White House", "Center for Economic Research")."""
    words = WORD_RE.findall(text, start, end)
    if len(words) == 1 and words[0].lower() in _MAIN_PRONOUNS:
        return True
    return bool(words) and all(
        w[0].isupper() or w[0].isdigit() or (w in _NP_INNER and i > 0) for i, w in enumerate(words)
    )


_DASHES: Final = frozenset(["—", "–", "--"])


def _is_dash(text: str, tok: _Token) -> bool:
    """A dash, or a hyphen with a space on each side standing for one ("scholars - Mr. Tribe,
    Ms. Epstein and Mr. Amar - agreed")."""
    if tok.text in _DASHES:
        # an en dash without spaces before a capital or a digit joins two names ("the
        # Ruiz–Okafor campaign", "a Washington Post–Schar School poll"); before a lower-case
        # word it stands for a dash ("The transcript–published by the Post–shows")
        return not (
            tok.text == "–"
            and text[tok.start - 1 : tok.start].isalnum()
            and (text[tok.end : tok.end + 1].isupper() or text[tok.end : tok.end + 1].isdigit())
        )
    return (
        tok.text == "-"
        and text[tok.start - 1 : tok.start] == " "
        and text[tok.end : tok.end + 1] == " "
    )


# a dash that sets off an appositive inside a phrase: an em dash or two hyphens, an en dash
# or a hyphen with a space on each side ("Ana Ruiz — a former aide —", "Ruiz -- an aide --"),
# or an en dash before a lower-case word ("the establishment–particularly voices …–")
_DASH_MARK_RE: Final = re.compile(r"[ \t]*(?:—|--)[ \t]*|[ \t]+[–-][ \t]+|–(?=[a-z])")


def _commas_for_dashes(phrase: str) -> str:
    """``phrase`` with the dashes that set off an appositive written as commas, so that the
    head and the appositive are read alike after either ("Ana Ruiz — a former aide" is read
    as "Ana Ruiz, a former aide"). The words before the first dash are unchanged."""
    if (
        "—" not in phrase
        and "–" not in phrase
        and "--" not in phrase
        and " -" not in phrase
        and "\t-" not in phrase
    ):
        return phrase  # (most phrases: a hyphen inside a word is no dash)
    return _DASH_MARK_RE.sub(", ", phrase)


# the comma of a party label in parentheses: "(R., Texas)", "(D., N.Y.)"
_LABEL_COMMA_RE: Final = re.compile(r"(\([RDI]\.?),(?=[ \t]+[A-Z][^()]*\))")


def _appositive_commas(phrase: str) -> str:
    """``phrase`` with the marks that set off an appositive as commas (the dashes of
    :func:`_commas_for_dashes`), and with no comma that does not: a party label's in
    parentheses is a space ("John Cornyn (R., Texas)" is read as "John Cornyn (R. Texas)")."""
    phrase = _commas_for_dashes(phrase)
    if "(" in phrase:
        phrase = _LABEL_COMMA_RE.sub(r"\1 ", phrase)
    return phrase


# where the scan back from the mark that closes an appositive stops (the opening mark of the
# same kind among them)
_COMMA_APPOSITIVE_STOP: Final = frozenset([",", "“", "”", '"', ";", ":"])
# (commas may stand inside a dashed one: "Many speakers — including Muslims, Christians, Jews —")
_DASH_APPOSITIVE_STOP: Final = _DASHES | (_COMMA_APPOSITIVE_STOP - {","}) | {"."}


_CAPITAL_WORD_RE: Final = re.compile(r"(?<![^\W_])[A-Z]")


def _named_head(text: str, start: int, end: int) -> bool:
    """Whether the phrase ``text[start:end]`` before an appositive names someone: it opens with
    a capital ("Anatoly Lappo") or holds a capitalised word ("81-year-old Parker Eaton", "the
    economist Jared Bernstein")."""
    if text[start].isupper():
        return True
    return _CAPITAL_WORD_RE.search(text, start, end) is not None


def _is_state_after_town(text: str, toks: Sequence[_Token], j: int, i: int) -> bool:
    """Whether ``toks[j + 1 : i]``, after the comma ``toks[j]``, names a state after a town:
    a place of ``lexicons/places.txt`` or a capitalised abbreviation ("Va.", "N.H.") after a
    capitalised word ("Sumter, South Carolina", "Jackson, Miss.")."""
    if not toks[j - 1].text[0].isupper() or not 0 < i - j - 1 <= 3:
        return False
    return _is_state(text[toks[j + 1].start : toks[i - 1].end])


def _is_state(name: str) -> bool:
    """Whether ``name`` can be the state after a town: a place of ``lexicons/places.txt`` or a
    short capitalised abbreviation ("Va.", "N.H.")."""
    return name in places() or (
        len(name) <= 6 and name.endswith(".") and name[0].isupper() and " " not in name
    )


_CLAUSE_OPENERS: Final = frozenset(["and", "but", "or", "so", "yet"])


def _is_clause(toks: Sequence[_Token]) -> bool:
    """Whether the tokens between two commas are a clause of their own ("and he sounded a
    rare note of humility"), not an appositive: they open with a conjunction."""
    return bool(toks) and toks[0].low in _CLAUSE_OPENERS


def _opening_mark(toks: Sequence[_Token], i: int, is_stop: Callable[[_Token], bool]) -> int:
    """Index of the nearest token for which ``is_stop`` holds before the closing mark
    ``toks[i]``, at most 29 tokens back (-1 or the index 29 back when there is none)."""
    j = i - 1
    while j >= 0 and not is_stop(toks[j]) and i - j < 30:
        j -= 1
    return j


# quantifiers of _ADVERB_BEFORE_CUE that are a subject when nothing comes before them in their
# clause ("On Social Security, both oppose"), and the marks that open a clause
_QUANTIFIERS_ALONE: Final = frozenset(["both", "all", "each"])
_CLAUSE_OPENING_MARKS: Final = frozenset([",", ";", ":", "—", "(", "“", '"'])
# adverbs, quantifiers and reflexives between a subject and its verb ("He and Bob Goodlatte both
# condemned", "who has long opposed", "Obama himself seemed")
_ADVERB_BEFORE_CUE: Final = frozenset(
    [
        *("both", "always", "long", "all", "now", "himself", "herself", "themselves", "each"),
        *("ever", "since", "here", "there", "soon"),
    ]
)


# participles after a record's head that a time may follow ("a poll released Monday")
_RECORD_PARTICIPLES: Final = frozenset(
    ["released", "published", "filed", "issued", "conducted", "taken", "posted", "obtained"]
)
# words that make an amount approximate: "about half", "more than 4 in 10", "at least four"
_APPROXIMATORS: Final = frozenset(
    ["about", "around", "roughly", "nearly", "almost", "only", "just", "approximately", "some"]
)
# the second words of two-word approximators, and the first words each needs
_APPROXIMATOR_SECONDS: Final = {
    "than": frozenset(["more", "less", "fewer"]),
    "least": frozenset(["at"]),
    "most": frozenset(["at"]),
}
_APPROXIMATING: Final = _APPROXIMATORS | frozenset(_APPROXIMATOR_SECONDS)
_AMOUNT_WORDS: Final = frozenset(
    ["half", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "dozen", "dozens", "hundreds", "thousands"]
)  # fmt: skip


def _two_word_approximator(first: str, second: str) -> bool:
    """Whether two lower-case words are one approximator: "more than", "at least"."""
    firsts = _APPROXIMATOR_SECONDS.get(second)
    return firsts is not None and first in firsts


def _is_approximation(toks: Sequence[_Token], i: int) -> bool:
    """Whether ``toks[i]`` ends an approximator before an amount at ``toks[i + 1]``: a number,
    a number word, or "a" after a two-word one ("more than a third")."""
    word, amount = toks[i].low, toks[i + 1].low
    firsts = _APPROXIMATOR_SECONDS.get(word)
    if firsts is not None:
        if i == 0 or toks[i - 1].low not in firsts:
            return False
    elif word not in _APPROXIMATORS:
        return False
    return amount[:1].isdigit() or amount in _AMOUNT_WORDS or (firsts is not None and amount == "a")


def _joins(text: str, tok: _Token) -> bool:
    """Whether a slash joins the words on its sides, with no space ("Reuters/Ipsos")."""
    return (
        tok.start > 0
        and tok.end < len(text)
        and text[tok.start - 1].isalnum()
        and text[tok.end].isalnum()
    )


# months that are also names ("Theresa May", "April Ryan", "June Carter")
_NAME_MONTHS: Final = frozenset(["May", "June", "April", "August"])
# participles that give a name ("a woman named Ana Ruiz")
_NAMED_AS: Final = frozenset(["named", "called", "dubbed", "nicknamed", "identified", "styled"])


def _surname_like(toks: Sequence[_Token], i: int) -> bool:
    """Whether the capitalised time word ``toks[i]`` ends a name: after a capitalised word that
    is neither a time word nor a sentence opener ("Theresa May said", "April Ryan asked"; not
    "In May", "On Tuesday")."""
    if i == 0 or toks[i].text not in _NAME_MONTHS:
        return False  # ("Trump Tuesday said": a weekday after a name is when)
    prev = toks[i - 1]
    return (
        prev.text[0].isupper()
        and prev.text.isalpha()
        and prev.low not in _TIME_WORDS
        and prev.text not in _SENTENCE_OPENERS
    )


# the occasions and media of speaking that a phrase on "in", "during" or "at" names between a
# subject and its verb
_OCCASION_WORDS: Final = frozenset(
    ["interview", "interviews", "statement", "conference", "speech", "briefing", "appearance",
     "op-ed", "letter", "tweet", "post", "video", "call", "email", "hearing", "rally",
     "podcast", "broadcast", "address", "remarks", "memo", "testimony", "debate", "town"]
)  # fmt: skip
_OCCASION_PREPOSITIONS: Final = frozenset(["in", "during", "at"])


def _occasion_start(toks: Sequence[_Token], i: int) -> int:
    """Where a phrase of the occasion of speaking that ends at token ``i`` starts, after a name
    or a word for people ("Ron DeSantis in a news conference Wednesday", "Ted Cruz in an
    interview on Fox", "the senator during a rally in Ohio"), or -1. After any other word
    the phrase may be part of the subject ("The woman at the rally") or follow a verb ("did not
    attack her directly in his remarks")."""
    if not toks[i].text[0].isalnum() or toks[i].low in _OCCASION_PREPOSITIONS:
        return -1
    last = toks[i]
    if last.text[0].islower() and last.low not in _OCCASION_WORDS and last.low not in _TIME_WORDS:
        return -1  # (the cheap test first: "officials said" ends in no such phrase)
    for j in range(i, i - 7 if i > 6 else -1, -1):
        if toks[j].low in _OCCASION_WORDS:
            break
    else:
        return -1  # (nor does a phrase with no word for an occasion)
    for k in range(i - 1, max(0, i - 9), -1):
        if not (toks[k].text[0].isalnum() or toks[k].text in {"-", "."}):
            return -1
        if toks[k].low not in _OCCASION_PREPOSITIONS or toks[k + 1].low not in _OBJECT_DET:
            continue
        before = toks[k - 1]
        if not (
            before.text[0].isupper() or before.low in _ROLE_WORDS or _people_plural(before.low)
        ):
            # not after a verb or an adverb: "did not attack her directly in his remarks"
            return -1
        noun = next(
            (j for j in range(k + 2, min(i, k + 5) + 1) if toks[j].low in _OCCASION_WORDS), -1
        )
        # after the noun only where or when: "on Fox", "in Ohio", "Wednesday"
        if noun >= 0 and all(
            t.low in {"on", "with", "in", "at"}
            or t.low in _TIME_WORDS
            or t.text[0].isupper()
            or t.text[0].isdigit()
            for t in toks[noun + 1 : i + 1]
        ):
            return k
    return -1


def _left_source_in(
    text: str, lo: int, window_start: int, cue_start: int
) -> tuple[tuple[int, int] | None, bool]:
    """:func:`_left_source` within ``text[window_start:cue_start]``, and whether the scan
    reached the start of the window (so that a longer window could change the answer)."""
    toks = _tokens(text, window_start, cue_start)
    i = len(toks) - 1
    while i >= 0 and toks[i].text[0].isalnum():
        if (k := _occasion_start(toks, i)) >= 0:
            # where the subject spoke, between it and its verb: "Florida Governor Ron DeSantis
            # in a news conference Wednesday said", "Sen. Ted Cruz in an interview on Fox said"
            i = k - 1
            continue
        if toks[i].low in _SPAN_OF_TIME_ENDS and (k := _span_of_time_start(toks, i)) >= 0:
            # a span of time between subject and verb: "When Fiorina a month later announced",
            # "The State Department less than two weeks ago said"
            i = k - 1
            continue
        if toks[i].low in _TIME_WORDS and not _surname_like(toks, i):
            # a time phrase between subject and verb: "the senator on Tuesday said"
            while i >= 0 and (toks[i].low in _TIME_WORDS or toks[i].low[:1].isdigit()):
                i -= 1
            if i >= 0 and toks[i].low in {"on", "last", "this", "earlier", "late", "early", "in"}:
                i -= 1
            continue
        if not (
            toks[i].low in _AUX or _adverb_in_ly(toks[i].low) or toks[i].low in _ADVERB_BEFORE_CUE
        ):
            break
        if toks[i].low in _PRONOUNS or toks[i].text[0].isupper():
            break
        i -= 1
    if (
        i + 1 < len(toks)
        and toks[i + 1].low in _QUANTIFIERS_ALONE
        and (toks[i].text in _CLAUSE_OPENING_MARKS if i >= 0 else window_start <= lo)
    ):
        # a quantifier that stands for a group named before is the subject itself: "On Social
        # Security, both oppose"
        return (toks[i + 1].start, toks[i + 1].end), False
    paren_end = -1
    if i >= 1 and toks[i].text == ")":
        # a party and state label or an abbreviation: "Sen. Claire McCaskill (D-Mo.) said"
        k = i - 1
        while k >= 0 and toks[k].text != "(" and i - k < 8:
            k -= 1
        if k >= 1 and toks[k].text == "(" and toks[k - 1].text[0].isupper():
            paren_end = toks[i].end
            i = k - 1
    if i < 0:
        return None, True
    if toks[i].text == ",":
        # appositive: "Anatoly Lappo, chairman of the committee, has accused"
        j = _opening_mark(toks, i, lambda t: t.text in _COMMA_APPOSITIVE_STOP)
        if j > 1 and toks[j].text == "," and _is_state_after_town(text, toks, j, i):
            # the comma inside "Sumter, South Carolina" or "Jackson, Miss." is no opening mark
            # when an earlier comma opens the appositive
            k = _opening_mark(toks, j, lambda t: t.text in _COMMA_APPOSITIVE_STOP)
            if k > 0 and toks[k].text == ",":
                j = k
            elif k < 0 and window_start > lo:
                return None, True  # the opening comma may lie before the window
        if j > 0 and toks[j].text == "," and not _is_clause(toks[j + 1 : i]):
            head = _left_source(text, lo, toks[j].start)
            if head is not None and text[head[0] : head[1]].isdigit():
                # an age before the appositive: "Roxana M. Leon, 63, an independent voter …, said"
                before = text[lo : head[0]].rstrip()
                head = _left_source(text, lo, lo + len(before) - 1) if before[-1:] == "," else None
            elif head is not None:
                # a party label before the appositive: "Rep. Jerrold Nadler, D-N.Y., the former
                # chairman of …, said" (the name before it)
                head = _past_party_label(text, lo, head)
            if head is not None and text[head[0]].islower():
                # (only a head in lower case may be a participle's phrase: the search for the
                # comma before it is made for those alone)
                k = _opening_mark(toks, j, lambda t: t.text in _COMMA_APPOSITIVE_STOP)
                if (
                    k < 0
                    and window_start > lo
                    and (first := text[head[0] : head[1]].split(None, 1)[0]).endswith("ing")
                    and first not in _ING_PREPOSITIONS
                ):
                    return None, True  # a participle's phrase: its name may lie before the window
                if (
                    k > 0
                    and toks[k].text == ","
                    and k + 2 < j
                    and toks[k + 1].start == head[0]
                    and toks[k + 1].low.endswith("ing")
                    and toks[k + 1].text.islower()
                    and toks[k + 1].low not in _ING_PREPOSITIONS  # ("including the NSA")
                    # a verb's participle with its object, not an adjective ("acting director")
                    and (
                        toks[k + 2].low in _DETERMINERS
                        or toks[k + 2].low in _NP_PREPOSITIONS
                        or toks[k + 2].low in _PRONOUNS
                    )
                    and (named := _left_source(text, lo, toks[k].start)) is not None
                    and _named_head(text, *named)
                ):
                    # a participle's phrase before the appositive: "Sen. Ana Ruiz, facing a
                    # spirited challenge in Maren, a swing state, said" (the name before it)
                    head = named
            if head is not None and (
                _named_head(text, *head)
                or (j + 1 < i - 1 and toks[j + 1].text[0].isupper())
                or toks[j + 1].low in {"who", "whose"}
            ):
                # "Anatoly Lappo, chairman of …, has accused"; "the spokesman, Josh Earnest, said"
                return (head[0], toks[i - 1].end), False
        return None, j <= 0
    if _is_dash(text, toks[i]):
        # a dashed appositive: "Jason Sims — a teacher from Mount Pleasant — says"; the head need
        # not be a name ("insiders in the next two states — Nevada and South Carolina — said")
        j = _opening_mark(toks, i, lambda t: t.text in _DASH_APPOSITIVE_STOP or _is_dash(text, t))
        if j > 0 and _is_dash(text, toks[j]) and j < i - 1:
            head = _left_source(text, lo, toks[j].start)
            if head is not None:
                return (head[0], toks[i - 1].end), False
        return None, j <= 0
    end_i = i
    if (
        toks[i].low in _MAIN_PRONOUNS  # (pronouns that are only subjects)
        and i > 0
        and toks[i - 1].text[0].isalnum()
        and toks[i - 1].low not in _CONJUNCTIONS
    ):
        # a clause without "that" after a noun: "the timeline she agreed to" -> she
        return (toks[i].start, toks[i].end), False
    words = 0
    linked = False  # whether an unnamed source's link is inside: the phrase may run longer
    while i >= 0:
        tok = toks[i]
        if not tok.text[0].isalnum():
            if (
                (tok.text in {"-", "–", "’", "'", "%"} and not _is_dash(text, tok))
                or (tok.text == "." and i > 0)
                or (tok.text == "/" and _joins(text, tok))  # "a CNN/ORC poll"
            ):
                i -= 1
                continue
            break
        low = tok.low
        if low in _APPROXIMATING and i < end_i and _is_approximation(toks, i):
            # "about half of voters", "more than 4 in 10", "At least a dozen companies"
            # (not counted among the phrase's words: they only qualify the amount)
            i -= 2 if low in _APPROXIMATOR_SECONDS else 1
            continue
        if low in _LINK_SECONDS and i > 0 and (toks[i - 1].low, low) in _ANONYMOUS_LINKS:
            linked = True
        if low in {"this", "these"} and i < end_i and toks[i + 1].text[0].isalpha():
            # a demonstrative opens the phrase: "This phony fact check"
            words += 1
            i -= 1
            break
        if (
            tok.low in _STOP_LEFT
            and tok.low not in _NP_INNER
            # a word joined by a hyphen to the next is no function word: "the so-called council"
            and not (i < end_i and toks[i + 1].text == "-" and toks[i + 1].start == tok.end)
            and not (i > 0 and (toks[i - 1].low, tok.low) in _ANONYMOUS_LINKS)
            and not (tok.low == "with" and i > 0 and toks[i - 1].low in _ANON_HEADS)
            # whose aide or envoy speaks: "An aide to Sen. Ted Cruz", "the ambassador to Norway"
            # or "Ambassador to Norway Lars Okafor", a title with its country
            and not (
                tok.low == "to"
                and 0 < i < end_i
                and toks[i - 1].low in _HEADS_BEFORE_TO
                and (toks[i - 1].text.islower() or toks[i + 1].text in _countries())
            )
            and not (i < end_i and (tok.low, toks[i + 1].low) in _ANONYMOUS_LINKS)
            # inside an institution's name: "the Joint Committee on Taxation"
            and not (
                tok.low == "on"
                and i > 0
                and i < end_i
                and toks[i - 1].low in _ORG_WORDS
                and toks[i - 1].text[0].isupper()
                and toks[i + 1].text[0].isupper()
                and toks[i + 1].low not in _TIME_WORDS  # "the City Council on Wednesday"
            )
        ):
            if i == 0 and window_start > lo and low in _LINK_SECONDS:
                return None, True  # "familiar" may stand before the window: read a wider one
            break
        if tok.low in _NP_INNER and (i == end_i):
            break
        words += 1
        if words > (14 if linked else 9):
            break
        i -= 1
    touched = i < 0
    start_i = i + 1
    if words > (14 if linked else 9):
        # too long for a subject: keep the phrase from its last determiner or name on
        for k in range(end_i, start_i - 1, -1):
            if toks[k].low in _ARTICLES:
                start_i = k
                break
        else:
            return None, touched
    # leading function words and adverbs are not part of the phrase ("at" of "At least" is),
    # nor the marks that close a quotation before it ("…,'' the economist Jared Bernstein")
    while start_i <= end_i and (
        toks[start_i].low in _LEAD_TRIM
        or toks[start_i].low in {"of", "for", "at", "in", "on"}
        or toks[start_i].text in {"'", "’", "-"}
    ):
        if start_i < end_i and _two_word_approximator(toks[start_i].low, toks[start_i + 1].low):
            break
        start_i += 1
    if start_i < end_i and toks[start_i].low in _TIME_OPENERS:
        # a phrase of time that opens the sentence is when, not who: "Last year the Pew
        # Research Center found", "Earlier this month the council said"
        j = start_i + 1
        if toks[j].low in {"this", "last"}:
            j += 1
        # (in lower case, or the name of a day or a month: not the show "CBS This Morning")
        if (
            j < end_i
            and toks[j].low in _TIME_WORDS
            and (toks[j].text.islower() or toks[j].low not in _COMMON_TIME_WORDS)
        ):
            start_i = j + 1
            while start_i < end_i and toks[start_i].text == ",":
                start_i += 1
    if start_i > end_i or not (toks[end_i].text[0].isalnum() or toks[end_i].text == "%"):
        return None, touched
    if toks[end_i].low in _NP_INNER:
        return None, touched
    end = toks[end_i].end
    if toks[end_i].low in _RECORD_PARTICIPLES:
        # when the record was made is part of it: "The report published Tuesday showed"
        k = end_i + 1
        while k < len(toks) and (
            toks[k].low in _TIME_WORDS
            or toks[k].low[:1].isdigit()
            or (toks[k].low in {"last", "this", "on", "early", "late"} and k + 1 < len(toks))
        ):
            end = toks[k].end if toks[k].low not in {"last", "this", "on", "early", "late"} else end
            k += 1
    return (toks[start_i].start, end if end > paren_end else paren_end), touched


# words that open a phrase of time before a subject ("Last year", "Earlier this month")
_TIME_OPENERS: Final = frozenset(["last", "this", "next", "earlier", "later"])
#: the parts of a day, which follow a day in a phrase of time ("Thursday night")
_PARTS_OF_DAY: Final = frozenset(["morning", "afternoon", "evening", "night"])
# the words of time that are no names of days or months
_COMMON_TIME_WORDS: Final = _PARTS_OF_DAY | frozenset(
    ["week", "month", "year", "weekend", "today", "yesterday", "tonight"]
)
# words that open an inverted subject phrase: "said one party activist", "said former Gov. X"
_RIGHT_DET: Final = frozenset(
    [
        "the",
        "a",
        "an",
        "one",
        "another",
        "former",
        "two",
        "three",
        "several",
        "some",
        "many",
        "his",
        "her",
        "their",
        "top",
        "senior",
    ]
)


# what says how an unnamed source knows, and the preposition after it: "a person familiar with
# the matter", "an official close to the talks"
_KNOWING: Final = frozenset(["familiar", "close"])
_KNOWING_PREPOSITIONS: Final = frozenset(["with", "to"])


def _right_source(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """An inverted subject right after the cue: "said Lappo", "said the ministry"."""
    toks = _tokens(text, pos, min(hi, pos + 90))
    if not toks or not toks[0].text[0].isalnum():
        return None
    first = toks[0]
    if first.low in _TIME_WORDS:
        return None  # "said Friday that …"
    word = first.low.removesuffix(".")  # the token takes a sentence-final period: "said she."
    if word in _PRONOUNS:
        # "…,” said he." is an inverted subject; "said she wanted …" begins the content
        if word in {"him", "her", "them", "you", "it", "me", "us"} or (
            len(toks) > 1 and toks[1].text[0].isalnum()
        ):
            return None
        return first.start, first.start + len(word)
    # a plural for a group or for unnamed people: "“…,” said aides", "say analysts", "said
    # people familiar with the matter" (only as the whole of the clause's end: not "Show
    # voters your back taxes", "blamed voters for pulling back …")
    plural = (
        first.text.islower()  # (so not capitalised)
        and first.low not in _RIGHT_DET
        and (
            word in _PLURALS_WITHOUT_S
            or (word.endswith("s") and (word in _GROUP_NOUNS or word in _ANON_HEADS))
        )
        and (
            len(toks) == 1
            or not toks[1].text[0].isalnum()
            or toks[1].low in _KNOWING
            or toks[1].low in _AFTER_PLURAL_SOURCE
        )
    )
    # a name after the lower-case words that say who it is: "“…,” said spokesman John Kirby",
    # "said retired Army Lt. Gen. Mick Bednarek", "says poll respondent Steven Crews"
    opens = plural or first.text[0].isupper() or first.low in _RIGHT_DET
    role_led = not opens and _role_led(toks)
    if not (opens or role_led):
        return None
    end = first.end
    for n, tok in enumerate(toks[1:], 1):
        if not tok.text[0].isalnum() and tok.text not in {"-", "."}:
            break
        if tok.low in {"that", "in", "on", "during", "when", "after", "before", "while", "as"}:
            break
        if tok.low in _AUX and not tok.text[0].isupper():
            break
        if tok.low in _KNOWING_PREPOSITIONS and toks[n - 1].low in _KNOWING:
            continue  # "said a White House official familiar with the discussions"
        if tok.low == "to" and toks[n - 1].low in _HEADS_BEFORE_TO:
            continue  # "said a longtime adviser to the senator"
        if tok.low in _STOP_LEFT and tok.low not in _NP_INNER:
            break
        if n > 8:
            break
        if tok.text[0].isalnum():
            end = tok.end
    if first.low in _RIGHT_DET and end == first.end:
        return None
    if plural and text[end:hi].lstrip()[:1] not in _ENDS_OF_INVERTED:
        return None
    if role_led and (
        _phrase_type(phrase := text[first.start : end])[0] != "person"
        or "’s" in phrase
        or "'s" in phrase
    ):
        # not a name ("said local officials"), or what a name has ("suggested business mogul
        # Donald Trump’s refusal to …": the object)
        return None
    if text[end - 1] == "." and text[end - 2 : end - 1].isalpha():
        word = text[first.start : end - 1].rsplit(None, 1)[-1]
        if "." not in word and (word.islower() or len(word) > 4):
            end -= 1  # a sentence-final period, not an abbreviation ("said one organiser.")
    return first.start, end


def _role_led(toks: Sequence[_Token]) -> bool:
    """Whether the tokens open with one to four lower-case words that say who someone is and
    then a capitalised word: the last of them a noun for a person ("spokesman", "poll
    respondent", "longtime Democratic strategist") or the capitalised words a title
    ("retired Army Lt. Gen.", "conservative Rep."); no function word, verb of the clause or
    word of time among them ("like The Onion", "either Democrats", "more opinion")."""
    last = ""
    if len(toks) > 5 and toks[0].text.isdigit() and tuple(t.low for t in toks[1:5]) == _AGE:
        toks = toks[5:]  # an age first: "said 69-year-old retired nurse Benedicta Villegas"
        if toks[0].text[0].isupper():
            return True  # "said 34-year-old Ana Ruiz"
    for n, tok in enumerate(toks[:5]):
        if tok.text[0].isupper():
            if n == 0:
                return False
            titles = name_titles()
            if (
                last in titles
                or last in _ROLE_WORDS
                or last in _PERSON_NOUNS
                or (last.endswith(_AGENT_ENDINGS) and last not in _NOT_AGENT_NOUNS)
            ):
                return True
            return any(t.low.rstrip(".") in titles for t in toks[n : n + 4] if t.text[0].isupper())
        low = tok.low
        if (
            not tok.text.islower()
            or not low.replace("-", "").isalpha()
            or low in _STOP_LEFT
            or low in _NP_INNER
            or low in _AUX
            or low in _TIME_WORDS
            or low in _PRONOUNS
            or low in _KNOWING
            or low in _NOT_AGENT_NOUNS
            or low.endswith("ing")
        ):
            return False
        last = low
    return False


# the tokens of "-year-old" after the number of an age
_AGE: Final = ("-", "year", "-", "old")
# the endings of nouns for someone who does something ("epidemiologist", "historian",
# "respondent", "consultant", "voter"); then the words that are no such noun and open no
# phrase that says who someone is: words with those endings ("other", "never", "recent"),
# and adverbs, comparatives and prepositions that may come before a capitalised word ("like
# The Onion", "only Republicans", "more Democrats")
_AGENT_ENDINGS: Final = ("ist", "ian", "ent", "ant", "er", "or")
_NOT_AGENT_NOUNS: Final = frozenset(
    ["either", "neither", "other", "never", "ever", "over", "under", "rather", "later",
     "earlier", "further", "together", "per", "like", "unlike", "even", "only", "just", "more",
     "most", "less", "very", "much", "such", "recent", "current", "different", "important",
     "want", "sent", "went", "spent", "meant", "major", "minor"]
)  # fmt: skip


# plurals for people that do not end in -s
_PLURALS_WITHOUT_S: Final = frozenset(["people", "police"])
# the words that may follow such a plural inside its phrase ("sources close to him", "members
# of both parties", "officials in Washington")
_AFTER_PLURAL_SOURCE: Final = frozenset(["close", "of", "in", "at", "on", "from", "with", "who"])
# what may follow an inverted subject that is a plural common noun ("" at the window's end)
_ENDS_OF_INVERTED: Final = frozenset(["", ".", ",", ";", ":", ")", "”", '"', "—"])
# after an inverted subject: a party or state label, then a comma that may open an appositive
_AFTER_INVERTED_RE: Final = re.compile(r"(?:[ \t]+\([A-Z][^()\n]{0,23}\))?(?:(,)[ \t]+(\w+))?")
# words that open an appositive saying who the inverted subject is ("a former Obama
# administration official", "the assistant leader of …", "who has four children", "of
# Springfield, Va."; also any of _ROLE_WORDS: "head of the Congressional Black Caucus")
_APPOSITIVE_OPENERS: Final = frozenset(
    ["a", "an", "the", "who", "whose", "one", "another", "his", "her", "their", "its", "former",
     "then", "now", "also", "both", "deputy", "senior", "chief", "executive", "interim", "acting",
     "assistant", "associate", "longtime", "veteran", "of"]
)  # fmt: skip
# a relative pronoun and the words that may come before its verb ("who also said")
_RELATIVE_RE: Final = re.compile(
    r"(?:,[ \t]+|\b)(?:who|which)[ \t]+(?:(?:also|has|had|have|later|then|once)[ \t]+)*"
)
# where an appositive after an inverted subject ends: a quotation mark, a participle's clause
# ("…,” said Ruiz, a Maren councillor, adding that …), or where and when it was said ("said
# Ruiz, who is running for mayor, at a rally on Friday")
_APPOSITIVE_STOP_RE: Final = re.compile(
    r"[“”\"]|''|``|,[ \t]+\w+ing\b|,[ \t]+(?:at|during|on|in)[ \t]+(?:a|an|the|his|her|their)\b"
)


# where an unnamed office is held, then the name of who holds it: "(the U.S. ambassador) in
# Kyiv (Kiev), Bridget Brink"; the name is two or three capitalised words that end the clause
_NAMED_POST_RE: Final = re.compile(
    r"[ \t]+(?:in|at|to|for)[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
    r"(?:[ \t]+\([^()\n]{1,30}\))?,[ \t]+"
    r"([A-Z][a-z]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][\w'’-]+){1,2})(?=[ \t]*(?:[,.;:]|$))"
)


def _with_named_post(text: str, span: tuple[int, int], hi: int) -> tuple[int, int]:
    """An unnamed office with where it is held and the name of who holds it: "the U.S.
    ambassador in Kyiv (Kiev), Bridget Brink" (the seed article), typed and named as that
    person; ``span`` itself otherwise."""
    if not text.startswith(("the ", "a ", "an "), span[0]):
        return span
    m = _NAMED_POST_RE.match(text, span[1], hi)
    if m is None or _phrase_type(m.group(1))[0] != "person":
        return span
    return span[0], m.end(1)


def _with_appositive(text: str, span: tuple[int, int], hi: int) -> tuple[int, int]:
    """An inverted subject with its party label and the appositive that says who it is, up
    to the end of the sentence ``text[:hi]``: "said Rep. Jim Clyburn (D-S.C.), the assistant
    leader of the Democratic caucus", "said Joseph, who has four children"."""
    s, e = span
    m = _AFTER_INVERTED_RE.match(text, e, hi)
    if m is None:  # (the pattern matches the empty string, but not past ``hi``)
        return span
    label_end = m.start(1) if m.group(1) else m.end()
    if label_end > e and m.group(1) is None and text[m.end() : m.end() + 1] not in {".", ""}:
        label_end = e  # a parenthesis in the middle of the clause, not a label at its end
    if m.group(2) is None or (
        m.group(2).lower() not in _APPOSITIVE_OPENERS and m.group(2).lower() not in _ROLE_WORDS
    ):
        return s, label_end
    start = m.start(2)
    stop = _APPOSITIVE_STOP_RE.search(text, start, hi)
    end = stop.start() if stop is not None else hi
    for rel in _RELATIVE_RE.finditer(text, start, end):
        cue = _cue_matcher().pattern.match(normalize(text[rel.end() : rel.end() + 40]))
        if cue is not None:
            # a relative clause that reports speech of its own is a relation of its own:
            # "…, the Chamber's strategist, who added that …"
            end = rel.start()
            break
    while end > start and text[end - 1] in " \t\n.,;:!?":
        if text[end - 1] == "." and ends_abbreviation(text, end - 1):
            break  # "of Springfield, Va."
        end -= 1
    if end - s > 250 or not _has_words(text, start, end, 2):
        return s, label_end
    return s, end


_AGENT_STOP: Final = frozenset(
    [
        *("who", "which", "that", "as", "for", "in", "on", "at", "to", "when", "while"),
        *("because", "after", "before", "since", "with", "from", "during", "of", "about", "than"),
        *("whether", "if", "why", "how", "what", "where"),
    ]
)


# after "by", a means or a circumstance rather than an agent
_NOT_AGENT: Final = frozenset(
    [
        *("telephone", "phone", "email", "e-mail", "text", "letter", "mail", "video", "fax"),
        *("satellite", "now", "then", "far", "contrast", "comparison", "default", "law", "design"),
    ]
)


def _agent(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The agent of a passive after its ``by``: an inverted subject as :func:`_right_source`
    finds it, else the words up to the next punctuation or preposition, at most eight ("was
    asked by host Bill Maher", "rejected by 64 percent", "remembered by historians")."""
    found = _right_source(text, pos, hi)
    if found is not None:
        return _with_named_post(text, found, hi)
    toks = _tokens(text, pos, min(hi, pos + 80))
    if (
        not toks
        or not toks[0].text[0].isalpha()  # a margin: "won by 10 points", "by 55%-41%"
        or any(t.low.endswith("ing") for t in toks[:2])
        or toks[0].low.rstrip(".") in _NOT_AGENT
        or toks[0].low in _TIME_WORDS
    ):
        return None  # "responded by explaining", "said by telephone", "by now": not an agent
    end = -1
    for n, tok in enumerate(toks):
        if tok.text == "-":
            continue  # "the so-called Islamic State"
        if n >= 8 or not tok.text[0].isalnum() or tok.low in _AGENT_STOP:
            break
        if tok.low in _AUX and n > 0:
            break
        end = tok.end
    if end > 0 and text[end - 1] == "." and not ends_abbreviation(text, end - 1):
        end -= 1  # the sentence's full stop, read with the last word: "… by rivals."
    return (toks[0].start, end) if end > toks[0].start else None


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(demonyms().values())


def _known_place(name: str) -> bool:
    """Whether ``name`` is a country (``lexicons/demonyms.tsv``) or a place of
    ``lexicons/places.txt``."""
    return name in _countries() or name in places()


def _source_type(text: str, start: int, end: int) -> tuple[SourceType, bool]:
    """Type of the source phrase ``text[start:end]``, and whether it becomes ``anonymous`` when
    its sentence grants anonymity ("on condition of anonymity"; checked by the caller, only
    when it matters)."""
    phrase = _appositive_commas(text[start:end])  # "Ana Ruiz — a former aide —"
    rel = phrase.find(" who ")
    if rel < 0:
        rel = phrase.find(" that ")
    if rel > 0 and phrase.find(",", 0, rel) < 0:
        # "Voters who backed Ruiz", "the militias that helped retake Kirkuk": the head is
        # typed, not its relative clause
        phrase = phrase[:rel]
    comma = phrase.find(",")
    if comma > 0:
        # "Anatoly Lappo, chairman of …": the head names the source; but an unnamed head with
        # a name in apposition is that person ("the White House spokesman, Josh Earnest")
        head = _phrase_type(phrase[:comma])
        if head[0] != "person" and _appositive_name(phrase):
            return "person", False
        return head
    return _phrase_type(phrase)


# heads of a place's name after "of": its government
_PLACE_HEADS: Final = frozenset(["city", "state", "town", "county", "village", "province"])


def _opens_post_modifier(split: Sequence[str], i: int) -> bool:
    """Whether the word ``split[i]`` of a phrase split at whitespace opens what follows its head
    noun: a preposition, a pronoun ("a contract he signed"), a day or a month ("a report
    Tuesday"), or a participle that is not an adjective before a name ("the order released
    Friday"; not "a newly elected Bush", nor "a woman named Ana Ruiz")."""
    low = split[i].lower()
    if low in _AFTER_HEAD or low in _PRONOUNS:
        return True
    if low in _TIME_WORDS:
        return split[i] not in _NAME_MONTHS
    if not low.endswith("ed") or low in _NAMED_AS or not low.isalpha():
        return False
    nxt = split[i + 1] if i + 1 < len(split) else ""
    return not nxt[:1].isupper() or nxt.lower() in _TIME_WORDS


def _appositive_name(phrase: str) -> str | None:
    """The name set off by commas after the head of ``phrase`` ("the spokesman, Josh Earnest")
    when it is a plain name of two to four capitalised words."""
    parts = phrase.split(",", 2)
    if len(parts) < 2:
        return None
    name = parts[1].strip()
    words = name.split()
    if len(words) > 3 and words[-3] in {"of", "from"}:
        # where the person is from: "the Senate Democratic leader, Chuck Schumer of New York"
        words = words[:-3] if words[-2][0].isupper() and words[-1][0].isupper() else words
    elif len(words) > 2 and words[-2] in {"of", "from"} and words[-1][0].isupper():
        words = words[:-2]  # "…, Jack Kingston of Georgia"
    name = " ".join(words)
    if (
        2 <= len(words) <= 4
        and all(w[0].isupper() for w in words)
        and _phrase_type(name)[0] == "person"
    ):
        return name
    return None


#: nouns for a share of a group, before "of" ("40 percent of voters", "a majority of …")
_SHARE_WORDS: Final = frozenset(
    ["percent", "%", "half", "majority", "minority", "third", "thirds", "quarter", "quarters",
     "share", "plurality", "most", "many", "some", "all", "none", "each", "number", "numbers",
     "dozens", "hundreds", "thousands", "millions"]
)  # fmt: skip
#: words before a plural that pick out more of a group ("Other lawmakers", "Fellow Democrats")
_OTHER_WORDS: Final = frozenset(["other", "fellow", "more"])
#: indefinite pronouns as subjects: no one in particular (``_SOMEONE``: an unnamed somebody)
_SOMEONE: Final = frozenset(["someone", "somebody"])
_INDEFINITE_PRONOUNS: Final = _SOMEONE | frozenset(
    ["nobody", "everyone", "everybody", "anyone", "anybody", "none", "whoever", "whomever"]
)

# plural nouns for groups of people by role or trait: as a whole subject ("Prosecutors said")
# they are capitalised only by the sentence start
_GROUP_NOUNS: Final = frozenset(
    ["prosecutors", "investigators", "lawmakers", "legislators", "voters", "protesters",
     "demonstrators", "residents", "economists", "scientists", "researchers", "doctors",
     "nurses", "supporters", "opponents", "conservatives", "liberals", "progressives",
     "moderates", "activists", "advocates", "lawyers", "attorneys", "judges", "senators",
     "delegates", "donors", "leaders", "organizers", "organisers", "pollsters", "strategists",
     "witnesses", "survivors", "victims", "parents", "students", "teachers", "workers",
     "farmers", "veterans", "troops", "soldiers", "officers", "agents", "republicans",
     "democrats", "independents", "evangelicals", "immigrants", "refugees", "citizens",
     "negotiators", "regulators", "lobbyists", "executives", "employees", "reporters",
     "journalists", "commentators", "pundits", "academics", "historians", "scholars",
     "authorities", "friends", "colleagues", "neighbors", "neighbours", "relatives", "allies",
     # the people a phrase after it describes: "Those who know her", "Those close to him"
     "those"]
)  # fmt: skip
#: of those, the members of parties, who speak as their party
_PARTY_MEMBERS: Final = frozenset(["republicans", "democrats"])
#: one member of a party, as the head of a description ("the Wisconsin Republican")
_PARTY_MEMBER: Final = frozenset(["republican", "democrat", "independent", "libertarian"])


def _person_head(last_two: Sequence[str]) -> bool:
    """Whether the last words of a phrase end in a noun for a person ("billionaire", and
    "front-runner" split in two by the word pattern)."""
    return last_two[-1] in _PERSON_NOUNS or "-".join(last_two) in _PERSON_NOUNS


# an acronym written with periods ("U.S.", "U.N."): one word, as if written without them
_DOTTED_ACRONYM_RE: Final = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}")


def _undot(phrase: str) -> str:
    if "." not in phrase:
        return phrase
    return _DOTTED_ACRONYM_RE.sub(lambda m: m.group().replace(".", ""), phrase)


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper() and word.isalpha()


_SLASHED_NAMES_RE: Final = re.compile(r"[A-Z][\w.&’'-]*/[A-Z]")
# a share of a group as "N in 10": what follows is the group
_SHARE_RE: Final = re.compile(
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine) (?:in|out of) (?:\d+|ten)(?: of)? ?(.*)$"
)


@lru_cache(maxsize=4096)
def _phrase_type(phrase: str) -> tuple[SourceType, bool]:
    """:func:`_source_type` of a phrase, and whether an anonymity grant in its sentence would
    make it ``anonymous`` instead (phrases recur across texts, so this is cached)."""
    typ = _phrase_type_of(phrase)
    if typ[0] in {"person", "unknown"} and " and " in phrase and "," not in phrase:
        # two groups, bodies or countries named together are one of them: "Iran and Turkey",
        # "Republicans and Democrats" (two people stay what they are: "Trump and Clinton")
        first, _, second = phrase.partition(" and ")
        kinds = {_phrase_type(first)[0], _phrase_type(second)[0]}
        if len(kinds) == 1 and kinds <= {"organisation", "role", "anonymous", "document"}:
            return kinds.pop(), False
    if typ[0] == "person" and (possessed := _POSSESSED_RE.fullmatch(phrase)) is not None:
        # what a name has is no person by the name: "Mr. Trump's children" (a role), "The
        # State Department’s recent email dump" (a document), "Trump's inexperience" (no one)
        head = possessed.group(1)
        typ = _phrase_type_of(head)
        words = head.split()
        if typ[0] == "unknown" and (
            words[-1] in _KIN_WORDS or _person_head(words[-2:]) or _people_plural(words[-1])
        ):
            return "role", False  # "Keith Scott's wife", "Connecticut’s tax commissioner"
    return typ


# a noun phrase and the relative clause after it (group 1: the noun phrase)
_RELATIVE_HEAD_RE: Final = re.compile(r"(\S.*?),?[ \t]+(?:who|whom|that)[ \t]+\S")


def _phrase_type_of(phrase: str) -> tuple[SourceType, bool]:
    """:func:`_phrase_type` before a possessive is read."""
    if phrase.endswith(")") and "(" in phrase:
        # a party and state label or an abbreviation says nothing of the type: "Sen. Chuck
        # Schumer (D-N.Y.)"
        bare = phrase[: phrase.rindex("(")].rstrip()
        if bare:
            return _phrase_type(bare)
    relative = (
        _RELATIVE_HEAD_RE.match(phrase)
        if " who" in phrase or " that" in phrase or " whom" in phrase
        else None
    )
    if relative is not None:
        # a relative clause says what its head did, not who the head is: "Voters who backed
        # Trump" are voters, "The militias that helped retake Kirkuk" militias
        return _phrase_type(relative.group(1))
    possessor = _POSSESSOR_NAME_RE.search(phrase)
    if possessor is not None and _phrase_type(possessor.group(1))[0] == "person":
        # a name after a possessive and the words for the person's role: "Fox News’ Sean
        # Hannity", "Sanders’ campaign field organizer Mason Baird" (not "Trump’s White House")
        return "person", False
    phrase = _undot(phrase)
    raw = WORD_RE.findall(phrase)
    words = [w.lower() for w in raw]
    if not words:
        return "unknown", False
    low = set(words)
    if (
        2 <= len(raw) <= 4
        and raw[0].lower() in _PERSONAL_TITLES
        and all(w[0].isupper() for w in raw[1:])
    ):
        # a personal title before a name: a person, whatever the name also names ("Mr. Fox",
        # "Ms. Post")
        return "person", False
    if words[0] in _INDEFINITE_PRONOUNS or words[:2] == ["no", "one"]:
        # an indefinite pronoun names no one: "Nobody in Maren believes it", "Everyone agrees";
        # "someone", "somebody" are an unnamed source ("someone familiar with the talks said")
        return ("anonymous" if words[0] in _SOMEONE else "unknown"), False
    if len(words) > 1 and (
        (
            words[0] in _APPROXIMATORS
            and (
                words[1][:1].isdigit()
                or words[1] in _AMOUNT_WORDS
                or words[1] in _APPROXIMATORS  # "only about 4 in 10"
                or words[1] in {"more", "less", "fewer", "at"}
            )
        )
        or _two_word_approximator(words[0], words[1])
    ):
        # an approximate amount is typed by what it counts: "About 15 percent of respondents",
        # "more than half of voters"
        rest_type = _phrase_type(" ".join(raw[1 if words[0] in _APPROXIMATORS else 2 :]))
        if rest_type[0] == "unknown" and raw[-1].islower() and raw[-1].endswith("s"):
            return "role", False  # "Only three senators", "more than 550 people"
        return rest_type
    if (share := _SHARE_RE.match(" ".join(words))) is not None:
        # "three in 10", "8 in 10 Republicans", "four out of 10 voters": the group counted
        rest = raw[len(raw) - len(share.group(1).split()) :] if share.group(1) else []
        return _phrase_type(" ".join(rest)) if rest else ("unknown", False)
    if 1 <= (k := words.index("of") if "of" in words[:4] else 0) < len(words) - 1 and (
        words[k - 1] in _SHARE_WORDS
    ):
        # "40 percent of voters", "a majority of Americans", "most of the Democrats", "a
        # number of readers": the group after "of"
        group = _phrase_type(" ".join(raw[k + 1 :]))
        if group[0] == "unknown" and raw[-1].endswith("s"):
            return "role", False  # "a number of attendees", "47 percent of Cuban Americans"
        return group
    if (
        len(words) > 1
        and (words[0] in _QUANTIFIERS or words[0] in _NUMBER_WORDS or words[0] in _OTHER_WORDS)
        and len(rest := phrase.split(None, 1)) == 2  # (not "two-thirds")
    ):
        # part of a group is typed as the group: "Most Republicans", "Many Trump supporters",
        # "Two Republicans", "Other lawmakers", "Fellow Democrats"
        return _phrase_type(rest[1])
    if (
        words[0] in {"one", "another"}
        and words[1:2] != ["of"]
        and len(after_one := phrase.split(None, 1)) == 2  # (not "one-time", "one’s")
    ):
        # one of a kind is typed as "a" one: "One long-time party activist" is a role, as "a
        # long-time party activist" is, not the party; "One voter" a role, not no one
        return _phrase_type("a " + after_one[1])
    bare = phrase[4:] if words[0] == "the" else phrase  # (without its article)
    orgs = organisations()
    if bare in orgs or ("The " + bare) in orgs:
        # "Politico reported", "Facebook said", "Judicial Watch said", "The Hill reported":
        # names that would read as a person's
        return "organisation", False
    if len(words) == 1 and words[0] in _QUANTIFIERS:
        return "unknown", False  # "Others say", "Both want …": who they are is said before
    if len(words) == 1 and raw[0].endswith("s") and raw[0][:-1] in demonyms():
        return "role", False  # "Americans say": people of a country, not its government
    if len(words) == 1 and words[0] in _GROUP_NOUNS:
        # a group named by its role, capitalised only because it opens the sentence
        # ("Prosecutors said", "Lawmakers said"): not a person's name
        return ("organisation" if words[0] in _PARTY_MEMBERS else "role"), False
    if (
        words[0] in _PRONOUNS
        and not any(w[0].isupper() for w in raw[1:])
        and not (len(words) > 1 and words[0] in _POSSESSIVES)  # "her lawyer": a role
    ):
        # a pronoun, alone or with lower-case words that a tokenised text or a loose subject
        # left with it ("I am", "I ’ ll", "they both")
        return "pronoun", False
    # the capitalised words: whether one follows the first word ("named"); below, whether one
    # is a name, not an article, a demonym or an acronym before other words ("has_name")
    caps = [w for w in raw if w[0].isupper()]
    named = len(caps) > 1 or (len(caps) == 1 and not raw[0][0].isupper())
    if not named and (
        not low.isdisjoint(_UNVERIFIED_WORDS) or _UNVERIFIED_PHRASE_RE.search(phrase)
    ):
        return "unverified", False
    head = words[-1]
    dem = demonyms()
    # an acronym before other words modifies them, like a demonym ("US officials", "FBI agents")
    final = len(raw) - 1
    has_name = any(
        w[0].isupper()
        and w.lower() not in _ARTICLES
        # "One analyst", "Another voter", "Her lawyer", "No state", "Every senator"
        and not (
            i == 0
            and (
                w.lower() in _DETERMINERS
                or w.lower() in _POSSESSIVES
                or w.lower() in _DISTRIBUTIVES
            )
        )
        and w not in dem
        and not (i < final and _is_acronym(w))
        for i, w in enumerate(raw)
    )
    pp = 0 if low.isdisjoint(_POST_WORDS) else _post_modifier(words, raw)
    if (
        pp
        and not any(
            w[0].isupper()
            and w.lower() not in _DETERMINERS
            and w.lower() not in _COMMON_HEADS
            # a head capitalised by the sentence start: "Source familiar with the ad"
            and not (i == 0 and (words[0] in _ANON_HEADS or words[0] in _GROUP_NOUNS))
            and not (i == 0 and words[0] in _NUMBER_WORDS)  # "Two women from Ohio"
            for i, w in enumerate(raw[:pp])
        )
    ):
        # a common noun with what follows it: its head, not the names after a preposition,
        # says who speaks ("a spokesman for the Department of Defense", "the head of the
        # agency", "people familiar with the matter")
        core = words[pp - 1]
        if core in _ANON_HEADS:
            return "anonymous", False
        if (
            core in _ROLE_WORDS
            or core in _GROUP_NOUNS
            or core in _MEMBER_WORDS
            # kin, who are no one by the name after them: "The ex-wife of Alan Grayson"
            or core.rpartition("-")[2] in _KIN_WORDS
        ):
            return "role", False
        if (
            raw[pp - 1].islower()
            and core not in _ORG_WORDS
            and (_people_plural(core) or _people_plural(core + "s") or core.endswith("man"))
        ):
            # another noun for people describes who speaks ("a democratic socialist from
            # Vermont", "Two women from Ohio"), whatever the names after it
            return "role", False
    if head == "figures" and len(words) > 1 and words[-2].rpartition("-")[2] in _FIGURES_OF:
        # people in public life, not numbers: "Republican establishment figures", "some party
        # figures", "senior figures", "influential pop-culture figures" ("Census figures",
        # "the latest figures" stay documents)
        return "role", False
    if (
        # (a capitalised head that also names an organisation is a name: "the Washington Post")
        (head in _DOC_WORDS and not (raw[-1][0].isupper() and has_name and head in _ORG_WORDS))
        or (pp == 0 and head in _FIGURE_HEADS)  # (not "an official familiar with the …")
        or (
            pp == 0
            and head in _RECORD_HEADS
            and (raw[-1].islower() or (len(raw) == 1 and head.endswith("s")))
            # (its modifiers only: not a clause, "Trump later held up the same map")
            and all(
                w[0].isupper()
                or w[0].isdigit()
                or w in _DETERMINERS
                or w in _POSSESSIVES
                or (_is_modifier(w) and w not in _PAST_VERBS)
                for w in raw[:-1]
            )
        )
        or (not has_name and not low.isdisjoint(_DOC_WORDS))
        or (
            not low.isdisjoint(_DOC_WORDS)
            and any(
                w in _DOC_WORDS and words[i + 1] in _AFTER_HEAD for i, w in enumerate(words[:-1])
            )
        )
    ):
        # the head noun of the phrase, also before what follows it ("a CNN poll released
        # Monday", "a statement from the campaign"); but a document that a participle or a
        # phrase of place names after the speaker is not the head ("House Republicans
        # supporting the bill", "Jeb Bush in a Medium post")
        k = next(
            (
                i
                for i in range(1, len(raw) - 1)
                if words[i] in {"in", "on"}
                or (
                    raw[i].islower()
                    and words[i].endswith("ing")
                    and words[i + 1] in _DETERMINERS  # (not "a rolling poll")
                )
            ),
            0,
        )
        if k and (
            raw[k - 1][0].isupper() or words[k - 1] in _GROUP_NOUNS or words[k - 1] in _ANON_HEADS
        ):
            typ = _phrase_type(" ".join(raw[:k]))
            if typ[0] in {"person", "organisation", "role", "anonymous"}:
                return typ
        return "document", False
    if head in _ANON_HEADS:
        # an unnamed official, aide or spokesman, whatever office or party the capitalised
        # words before give it ("a State Department official", "a Trump aide")
        return "anonymous", False
    if (
        words[0] in _ARTICLES
        and len(raw) > 1
        and (
            (
                len(raw) > 2
                and raw[-1].islower()
                and (_person_head(words[-2:]) or head in _ROLE_WORDS)
            )
            or head in _PARTY_MEMBER  # (also "the Republican", "a Democrat")
        )
    ):
        # a person described, not named, whatever place or party the capitalised words before
        # give them ("the Wisconsin Republican", "the New York billionaire", "the Democratic
        # front-runner")
        return "role", False
    k = next((i for i in range(1, len(words)) if words[i] in _POST_WORDS), 0)
    if (
        k
        and raw[k - 1].islower()
        and (words[k - 1] in _GROUP_NOUNS or words[k - 1] in _ANON_HEADS)
        and words[k - 1] not in _MEMBER_WORDS
        and given_names().keys().isdisjoint(words[k + 1 :])  # "… in Ukraine William Taylor"
    ):
        # a head for a group or an unnamed source before what follows it, whatever names
        # modify it: "Republican voters in each state", "Multiple sources privy to the talks"
        return ("anonymous" if words[k - 1] in _ANON_HEADS else "role"), False
    if has_name and (
        _titled_name(raw)
        or (
            (j := next((i for i in range(2, len(words)) if words[i] in _NAME_OF), 0))
            and _titled_name(raw[:j])
        )
    ):
        # "Fox News host Sean Hannity", "Senate Majority Leader Mitch McConnell", also with
        # where they are from: "Senate Minority Leader Chuck Schumer of New York"
        return "person", False
    if has_name and _office_holder(phrase.split()) is not None:
        return "person", False  # "Secretary of Health and Human Services Alex Azar"
    if "/" in phrase and _SLASHED_NAMES_RE.search(phrase) is not None:
        # names joined by a slash are partners, a poll's or a report's: "NBC News/Marist",
        # "Bloomberg/Des Moines Register" (not a person)
        return "organisation", False
    if pp == 0 and head in _ROLE_WORDS and raw[-1].islower() and len(words) > 1:
        # a lower-case head for a person's office, whatever organisation the words before it
        # name: "The GOP nominee", "the FBI director", "a White House spokesman"
        return "role", not has_name
    if pp == 0 and not low.isdisjoint(_ORG_WORDS) and raw[0][0].isupper():
        # a name before the organisation it is of: "Jones of the Heritage Foundation" (but not
        # "Bank of America", "Department of Defense": the head is the organisation)
        k = next((i for i, w in enumerate(words) if w in _NAME_OF), 0)
        if (
            k
            and _ORG_WORDS.isdisjoint(words[:k])
            and all(w[0].isupper() for w in raw[:k])
            and not any(w in name_titles() or w in _GROUP_NOUNS for w in words[:k])
        ):
            return "person", False
    if not low.isdisjoint(_ORG_WORDS) or (
        len(raw) <= 2 + (words[0] == "the") and _known_place(bare)
    ):
        return "organisation", not has_name
    if (
        words[0] == "the"
        and caps
        and caps[-1] == raw[-1]  # the plural name is the head: not "the Massachusetts senator"
        and caps[-1].endswith("s")
        and len(caps) == 1 + (caps[0] == "The")
    ):
        return "organisation", not has_name  # the Ukrainians, The Democrats
    if caps and len(raw) <= 2 and _is_acronym(raw[-1]) and (len(raw) == 1 or words[0] == "the"):
        return "organisation", not has_name  # acronyms (FBI, the US, the UN)
    if low & _ROLE_WORDS and (not has_name or words[0] in _ARTICLES):
        return "role", not has_name
    if has_name and raw[-1].islower() and raw[-1].endswith("s") and len(raw[-1]) > 3:
        # a group named by a plural common noun, whatever names modify it ("Republican
        # senators", "Democratic incumbents", "several Trump allies"): a person's name ends
        # with a capitalised word
        return "role", False
    if has_name and words[0] in _ARTICLES and len(raw) > 2 and raw[1].islower():
        # a common noun whose names come only in what follows it ("a summary published by the
        # NRDC", "a report Tuesday from WKOW", "the city of Phoenix"): the noun and its
        # modifiers say what it is (not a name after adjectives: "A teary-eyed Bush", "a
        # newly elected Bush", "The play-by-play announcer Greg Gumbel")
        split = phrase.split()
        k = next((i for i in range(2, len(split)) if _opens_post_modifier(split, i)), 0)
        if k:
            if split[k] == "of" and split[k - 1].lower() in _PLACE_HEADS:
                return "organisation", False  # "the city of Phoenix", "the state of Nevada"
            return _phrase_type(" ".join(split[:k]))
    if has_name:
        return "person", not has_name
    if words[0] in {"the", "a", "an", "his", "her", "their"}:
        return "role", not has_name
    if (
        len(raw) <= 4
        and all(c in dem or _is_acronym(c) for c in caps)
        and raw[-1].islower()
        and _people_plural(words[-1])
    ):
        # "security specialists", "forecasters", "even his own supporters", "ordinary Chinese
        # traders", "EU leaders"
        return "role", False
    return "unknown", not has_name


def _people_plural(word: str) -> bool:
    """Whether ``word`` reads as a plural noun for people by its ending ("forecasters",
    "specialists", "skeptics", "conservatives"), the head of a group not on _GROUP_NOUNS."""
    return word.endswith(_PEOPLE_PLURAL_ENDINGS) and word not in _NOT_PEOPLE_PLURALS


_PEOPLE_PLURAL_ENDINGS: Final = (
    "ers", "ors", "ists", "ians", "ans", "ants", "ents", "ees", "ives", "ics", "men"
)  # fmt: skip
_NOT_PEOPLE_PLURALS: Final = frozenset(
    ["politics", "economics", "ethics", "statistics", "numbers", "letters", "papers", "matters",
     "orders", "plans", "loans", "means", "comments", "documents", "statements", "arguments",
     "incentives", "initiatives", "alternatives", "objectives", "narratives", "tactics",
     "topics", "others", "elements", "events", "moments", "omen", "amen", "specimen", "regimen",
     "abdomen"]
)  # fmt: skip


# words that follow the head noun of a phrase: a participle or a preposition that starts what
# modifies it
_AFTER_HEAD: Final = frozenset(
    ["released", "conducted", "published", "taken", "issued", "sent", "posted", "obtained",
     "of", "by", "from", "to", "this", "last", "in", "on", "for", "with"]
)  # fmt: skip

# determiners that pick none, any or each of a kind: capitalised only by the sentence start
_DISTRIBUTIVES: Final = frozenset(["no", "any", "every", "each", "neither", "either"])
_DETERMINERS: Final = frozenset(
    ["the", "a", "an", "one", "two", "three", "several", "some", "many", "his", "her", "their",
     "its", "our", "another", "other"]
)  # fmt: skip
# prepositions that start what follows the head noun of a common noun phrase
_POST_PREPOSITIONS: Final = frozenset(
    ["of", "for", "at", "with", "from", "in", "on", "close", "familiar", "knowledgeable", "briefed",
     "privy"]
)  # fmt: skip
# heads that name people by their place in a group ("members of the committee")
_MEMBER_WORDS: Final = frozenset(
    ["head", "heads", "member", "members", "representative", "representatives", "staff",
     "employees", "officers", "spokespeople", "lawyers", "lawyer", "attorney", "attorneys"]
)  # fmt: skip


_POSSESSIVES: Final = frozenset(["his", "her", "their", "its", "our", "my", "your"])
# prepositions between a person's name and the organisation they belong to
_NAME_OF: Final = frozenset(["of", "from", "at", "with"])
#: words that can start what follows the head of a noun phrase (:func:`_post_modifier`)
_POST_WORDS: Final = _POST_PREPOSITIONS | _AFTER_HEAD
#: plural common nouns that head a source phrase, capitalised only when they open the sentence
#: ("People familiar with …", "Officials with …"; not the titles before a name, "Secretary of
#: State John Kerry")
_COMMON_HEADS: Final = frozenset(
    w for w in _ANON_HEADS | _GROUP_NOUNS if w.endswith("s") or w == "people"
)


def _post_modifier(words: Sequence[str], raw: Sequence[str]) -> int:
    """Where a prepositional phrase after the head of a common noun phrase starts (0 if the
    phrase opens with a name or has none): "a spokesman | for the Department of Defense"."""
    opening = words[0] in _DETERMINERS or raw[0][0].islower()
    if not (
        opening or words[0] in _COMMON_HEADS or words[0] in _ANON_HEADS or words[0] in _GROUP_NOUNS
    ):
        return 0
    for i in range(1, len(words)):
        if words[i] in _POST_WORDS:
            # a capitalised plural before a capitalised object may be a name ("Citizens for
            # Tax Justice"), not a sentence's first word ("People familiar with the matter")
            if opening or i + 1 == len(raw) or not raw[i + 1][0].isupper():
                return i
            return 0
    return 0


def _titled_name(raw: Sequence[str]) -> bool:
    """Whether the phrase ends in a name right after a role or title ("… chairman John
    Podesta", "… host Sean Hannity"): the organisation words before it are the person's
    office, not the source."""
    k = len(raw)
    titles = name_titles()
    while k > 0 and raw[k - 1][0].isupper():
        low = raw[k - 1].lower()
        if low in titles or low in _ROLE_WORDS or low in _ORG_WORDS or _is_acronym(raw[k - 1]):
            break
        k -= 1
    if k == len(raw) or k == 0:
        return False  # no name at the end, or nothing before it
    before = raw[k - 1].lower()
    return (
        (before in titles and before not in _NOT_PERSONAL_TITLES)
        or before in _ROLE_WORDS
        or _person_head([w.lower() for w in raw[max(0, k - 2) : k]])  # "front-runner Trump"
    )


# words of titles.txt that name an institution or a party, not a person's office: "Senate
# Democrats" and "House Republicans" are groups
_NOT_PERSONAL_TITLES: Final = frozenset(
    ["house", "senate", "state", "democratic", "democrat", "republican", "gop", "majority",
     "minority", "press", "former"]
)  # fmt: skip


# ------------------------------------------------------------------------------------ helpers


class _Quotes:
    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = list(quotes)
        self.starts = [q.start for q in self.quotes]
        self.ends = [q.end for q in self.quotes]

    def ending_before(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.ends, pos) - 1
        return i if i >= 0 else None

    def starting_after(self, pos: int) -> int | None:
        i = bisect.bisect_left(self.starts, pos)
        return i if i < len(self.quotes) else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    return start, end


def _last_visible(text: str, start: int, end: int) -> str:
    """The last character of ``text[start:end]`` that is not whitespace ("" if none): the
    comma that ends a quotation, also where tokenised text puts a space before the closing
    mark (``“We will win , ”``)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > start else ""


def _last_before_marks(text: str, start: int, end: int) -> str:
    """:func:`_last_visible`, past the marks that close a quotation inside the quotation: the
    comma of "… shake someone's hand and say, 'Well done,' "."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in "'’\"”"):
        end -= 1
    return text[end - 1] if end > start else ""


def _paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, len(text) if e < 0 else e


class _CueHit:
    """A cue candidate: a match of the cue card that its rules allow.

    (A plain class, not a dataclass, here and in :class:`_Draft`: mypyc compiles its
    ``__init__``, while a dataclass's generated one stays interpreted and costs about as much as
    the rest of a hit's bookkeeping.)"""

    __slots__ = ("category", "end", "participle", "s_end", "s_start", "start", "term", "text")

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        term: str,
        category: str,
        participle: bool,
        s_start: int,
        s_end: int,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.term = term
        self.category = category
        #: the cue's verb is an ``-ing`` form: the first word of a phrase ("referring to")
        self.participle = participle
        #: the bounds of the cue's sentence (the whole text when it precedes the first one)
        self.s_start = s_start
        self.s_end = s_end


# The public frozen dataclasses of a relation, built field by field through their slots'
# descriptors: a dataclass's generated __init__ stays interpreted in the compiled module and
# sets each field through object.__setattr__ (the class is frozen), about twice as slow.
_new_object: Final = object.__new__


def _setter(cls: type, field: str) -> Callable[[object, object], None]:
    setter: Callable[[object, object], None] = cls.__dict__[field].__set__
    return setter


_CUE_START: Final = _setter(Cue, "start")
_CUE_END: Final = _setter(Cue, "end")
_CUE_TEXT: Final = _setter(Cue, "text")
_CUE_LEMMA: Final = _setter(Cue, "lemma")
_CUE_STANCE: Final = _setter(Cue, "stance")
_CUE_NEGATED: Final = _setter(Cue, "negated")
_SRC_START: Final = _setter(SourceSpan, "start")
_SRC_END: Final = _setter(SourceSpan, "end")
_SRC_TEXT: Final = _setter(SourceSpan, "text")
_SRC_TYPE: Final = _setter(SourceSpan, "type")
_CONTENT_START: Final = _setter(ContentSpan, "start")
_CONTENT_END: Final = _setter(ContentSpan, "end")
_ATT_CUE: Final = _setter(Attribution, "cue")
_ATT_SOURCE: Final = _setter(Attribution, "source")
_ATT_CONTENT: Final = _setter(Attribution, "content")
_ATT_KIND: Final = _setter(Attribution, "kind")
_ATT_SPEAKER: Final = _setter(Attribution, "speaker")
_ATT_CONFIDENCE: Final = _setter(Attribution, "confidence")


def _new_cue(
    start: int, end: int, text: str, lemma: str, stance: Stance, negated: bool = False
) -> Cue:
    """``Cue(start, end, text, lemma, stance, negated)``, faster (see above)."""
    obj: Cue = _new_object(Cue)
    _CUE_START(obj, start)
    _CUE_END(obj, end)
    _CUE_TEXT(obj, text)
    _CUE_LEMMA(obj, lemma)
    _CUE_STANCE(obj, stance)
    _CUE_NEGATED(obj, negated)
    return obj


def _new_source(start: int, end: int, text: str, typ: SourceType) -> SourceSpan:
    """``SourceSpan(start, end, text, typ)``, faster."""
    obj: SourceSpan = _new_object(SourceSpan)
    _SRC_START(obj, start)
    _SRC_END(obj, end)
    _SRC_TEXT(obj, text)
    _SRC_TYPE(obj, typ)
    return obj


def _new_content(start: int, end: int) -> ContentSpan:
    """``ContentSpan(start, end)``, faster."""
    obj: ContentSpan = _new_object(ContentSpan)
    _CONTENT_START(obj, start)
    _CONTENT_END(obj, end)
    return obj


def _new_attribution(
    cue: Cue,
    source: SourceSpan | None,
    content: ContentSpan | None,
    kind: AttributionKind,
    speaker: str | None,
    confidence: float,
) -> Attribution:
    """``Attribution(cue, source, content, kind, speaker, confidence)``, faster."""
    obj: Attribution = _new_object(Attribution)
    _ATT_CUE(obj, cue)
    _ATT_SOURCE(obj, source)
    _ATT_CONTENT(obj, content)
    _ATT_KIND(obj, kind)
    _ATT_SPEAKER(obj, speaker)
    _ATT_CONFIDENCE(obj, confidence)
    return obj


class _CueSpan:
    """A draft's cue: the fields of :class:`framing.types.Cue`, in a plain class that mypyc
    compiles to a struct (the frozen dataclass is built once per relation, in :func:`_finish`)."""

    __slots__ = ("end", "lemma", "stance", "start", "text")

    def __init__(self, start: int, end: int, text: str, lemma: str, stance: Stance) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lemma = lemma
        self.stance = stance


class _Draft:
    """An attribution before its source is typed and its speaker resolved (:func:`_finish`)."""

    __slots__ = ("antecedent", "confidence", "content", "cue", "kind", "quote", "source")

    def __init__(
        self,
        cue: _CueSpan,
        source: tuple[int, int] | None,
        content: tuple[int, int] | None,
        kind: AttributionKind,
        quote: int | None,  # index of the quotation that is the content
        confidence: float,
        antecedent: tuple[int, int] | None = None,  # what a relative pronoun source refers to
    ) -> None:
        self.cue = cue
        self.source = source
        self.content = content
        self.kind = kind
        self.quote = quote
        self.confidence = confidence
        self.antecedent = antecedent


# ------------------------------------------------------------------------------------ the pass


def _participle(cue_text: str) -> bool:
    """Whether the cue's verb is an ``-ing`` form (of a phrase, its first word: "referring to")."""
    verb = cue_text if " " not in cue_text else cue_text.split(None, 1)[0]
    return verb.lower().endswith("ing")


# a colon that ends its paragraph, and the line breaks after it
_COLON_BREAK_RE: Final = re.compile(r":[ \t\xa0]*\n\s*")
# an object that announces the text set off after the colon: "the following statement", "this
# tweet", "the following on Facebook" (up to six words after the determiner)
_FOLLOWING_RE: Final = re.compile(
    r"[ \t]+(?:the[ \t]+following|this|these)(?:[ \t]+[\w’'-]+){0,6}[ \t]*"
)


def _block_quotations(
    text: str, qs: _Quotes, drafts: list[_Draft], excluded: Sequence[Excluded]
) -> _Quotes:
    """Paragraphs quoted without quotation marks: a letter, a post or a statement set off after
    a paragraph that ends in a verb of speech and a colon ("Wallnau wrote:", "lashed out on
    Twitter, saying:"). The paragraph becomes that relation's direct content and a
    :class:`Quote` with no marks (``start == inner_start``); relations whose cue lies inside it
    are the quoted speaker's words and are dropped, as inside any long quotation. Returns the
    quotations with the new ones (``drafts`` are updated in place)."""
    last: dict[int, tuple[_Draft, int]] = {}  # colon -> the last cue before it, where it opens
    for d in drafts:
        if text.find(":", d.cue.end, d.cue.end + 80) < 0:
            continue  # (most cues: no colon near)
        m = _COLON_BREAK_RE.search(text, d.cue.end, d.cue.end + 80)
        if (
            m is not None
            and "\n" not in text[d.cue.end : m.start()]
            and (
                count_words(text[d.cue.end : m.start()]) <= 3  # "wrote on Facebook:"
                or _FOLLOWING_RE.fullmatch(text, d.cue.end, m.start()) is not None
            )
        ):
            last[m.start()] = (d, m.end())  # (drafts are in text order: the later one wins)
    taken = [(q.start, q.end) for q in qs.quotes] + [(e.start, e.end) for e in excluded]
    blocks: list[tuple[_Draft, Quote]] = []
    for d, start in last.values():
        if (
            d.quote is not None
            or d.kind != "indirect"
            or d.source is None  # who wrote it ("will be talked about today:" names no one)
            or d.cue.stance == "other"  # a verb of thought is no quotation ("hopes to …:")
        ):
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        while end > start and text[end - 1].isspace():
            end -= 1
        if (
            start >= end
            or not text[start].isalpha()  # marks of its own, a list ("1. …", "- …"), a table
            or (n_words := count_words(text[start:end])) < 6
            or any(s < end and start < e for s, e in taken)
        ):
            continue
        quote = Quote(start, end, start, end, text[start:end], "direct", n_words, True, 0.7)
        blocks.append((d, quote))
        taken.append((start, end))
    return _with_quotations(qs, drafts, blocks) if blocks else qs


def _with_quotations(
    qs: _Quotes, drafts: list[_Draft], blocks: Sequence[tuple[_Draft, Quote]]
) -> _Quotes:
    """``qs`` with quotations that have no marks (``start == inner_start``), each the direct
    content of its relation; relations whose cue lies inside one are its speaker's words and
    are dropped, as inside any long quotation (``drafts`` are updated in place, the
    relations of ``blocks`` among them)."""
    inside = [(q.start, q.end) for _, q in blocks]
    drafts[:] = [
        d
        for d in drafts
        if not any(s <= d.cue.start < e for s, e in inside) or any(d is b for b, _ in blocks)
    ]
    old = qs.quotes
    new = _Quotes(sorted([*old, *(q for _, q in blocks)], key=lambda q: q.start))
    index = {id(q): i for i, q in enumerate(new.quotes)}
    for d in drafts:
        if d.quote is not None:
            d.quote = index[id(old[d.quote])]
    for d, q in blocks:
        d.quote, d.kind, d.content = index[id(q)], "direct", (q.start, q.end)
    return new


def _inside_long_quotations(qs: _Quotes) -> list[tuple[int, int]]:
    """Where cue words are the quoted speaker's, not the writer's: inside a quotation of more
    than four words (their own reported speech is nested, and is not looked for). A position
    belongs to the quotation that starts last before it, so a region ends where the next
    quotation starts."""
    starts, quotes = qs.starts, qs.quotes
    regions = []
    for k, q in enumerate(quotes):
        if q.n_words > 4:
            end = min(q.inner_end, starts[k + 1]) if k + 1 < len(starts) else q.inner_end
            if q.inner_start < end:
                regions.append((q.inner_start, end))
    return regions


def _cue_hits(
    text: str,
    sentences: Sequence[Sentence],
    qs: _Quotes,
    excluded: Sequence[Excluded],
    norm: str | None = None,
) -> list[_CueHit]:
    matcher = _cue_matcher()
    sent_starts = [s.start for s in sentences]
    ex = sorted((e.start, e.end) for e in excluded)
    ex_starts = [e[0] for e in ex]
    out: list[_CueHit] = []
    last_end = -1
    if norm is None:
        norm = normalize(text)
    for start, end in matcher.spans_outside(norm, _inside_long_quotations(qs)):
        if start < last_end:
            continue
        if ex:
            i = bisect.bisect_right(ex_starts, start) - 1
            if i >= 0 and start < ex[i][1]:
                continue
        form = norm[start:end]
        # (form_key's own shortcut for one word, inlined: this runs for every candidate)
        targets = matcher.targets.get(form if form.isalpha() else form_key(form), ())
        if not targets:
            continue
        si = bisect.bisect_right(sent_starts, start) - 1
        s_start, s_end = (sentences[si].start, sentences[si].end) if si >= 0 else (0, len(text))
        if (
            (s_start == 0 or text[s_start - 1] == "\n")  # a paragraph's first sentence
            and text[s_start : s_start + 1].isupper()
            and (dateline := _WIRE_DATELINE_RE.match(text, s_start, start))
        ):
            s_start = dateline.end()  # "MAREN, Feb 5 (CWS) - Kessler on Monday …, saying …"
        # one entry per form, nearly always
        for entry, plan in targets:
            if plan and _vetoed_fast(
                text, norm, start, end, plan, s_start, s_end if s_end > end else end
            ):
                continue
            surface = text[start:end]
            out.append(
                _CueHit(
                    start,
                    end,
                    surface,
                    entry.term,
                    entry.category,
                    _participle(surface),
                    s_start,
                    s_end,
                )
            )
            last_end = end
            break
    return out


_NUMBER_WORDS: Final = frozenset(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty"]
)
# a dateline that opens a story: "WASHINGTON — ", "New York (AFP) – "
_DATELINE_RE: Final = re.compile(
    r"\s*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,3}(?:[ \t]*\([A-Z]+\))?[ \t]*[—–-]+[ \t]+"
)
_SUBORDINATE: Final = frozenset(
    [
        "when",
        "while",
        "whilst",
        "by",
        "as",
        "after",
        "before",
        "if",
        "although",
        "though",
        "because",
        "since",
        "until",
        "unless",
        "once",
        "whether",
        "with",
        "without",
        "beyond",
        "despite",
        "like",
        "likewise",
        "among",
    ]
)


_QUANTIFIERS: Final = frozenset(
    ["some", "many", "most", "several", "few", "both", "all", "none", "each", "others"]
)
_SUBORDINATE_SUBJECT_RE: Final = re.compile(
    r"(?<![^\W_])(?:when|as|after|before|because|since|while|if|once|until|where)[ \t]+"
    r"((?:he|she|they|we|I)(?![^\W_])|[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*)*)"
)


def _last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last of ``pattern.finditer(text, start, end)``."""
    found = None
    for found in pattern.finditer(text, start, end):  # noqa: B007 (the last one is kept)
        pass
    return found


_CLAUSE_BREAK_RE: Final = re.compile(r"[,;:—–]|--")
# words right before a cue after which its subject is the clause's: a second verb ("and said"),
# a participle ("…, saying"; "by announcing", "before asking", "after saying"), an infinitive
_FALLBACK_TRIGGERS: Final = frozenset(
    ["and", ",", "also", "but", "while", "then", "by", "to", "in", "before", "after", "without"]
)


def _token_before(text: str, lo: int, tok: _Token) -> _Token | None:
    """The token before ``tok`` in :func:`_tokens` ``(text, lo, end)`` (``None`` for the first):
    the last token of the window cut at ``tok``, since a token that ends before the cut is found
    the same in the shorter window, and only whitespace and "_" lie between two tokens."""
    return _last_token(text, lo, tok.start)


def _before_auxiliaries(text: str, lo: int, end: int) -> _Token | None:
    """The last of :func:`_tokens` ``(text, lo, end)`` that is not an auxiliary or an adverb in
    -ly, read back from the end without the tokens before it."""
    tok = _last_token(text, lo, end)
    while tok is not None and (tok.low in _AUX or _adverb_in_ly(tok.low)):
        tok = _token_before(text, lo, tok)
    return tok


def _subject_fallback(text: str, s_start: int, cue_start: int) -> tuple[int, int] | None:
    """The subject of a cue with no adjacent one.

    ``Mr. Trump, who said …`` -> the antecedent of ``who``; ``He called it … and said …`` or
    ``…, noting that …`` -> the noun phrase or pronoun that opens the sentence.
    """
    # the tokens of the 40 characters before the cue, read back one by one (_token_before)
    window = cue_start - 40 if cue_start - 40 > s_start else s_start
    tok = _before_auxiliaries(text, window, cue_start)
    if tok is None:
        return None
    if tok.low in {"who", "which"}:
        # a relative clause: "Mr. Trump, who said", "the birther who has pledged"
        prev = _token_before(text, window, tok)
        if prev is None:
            return None  # "who" opens the window: no antecedent, and it is no trigger below
        comma = prev.text == ","
        head = _left_source(text, s_start, prev.start if comma else tok.start)
        if head is not None and (text[head[0]].isupper() or not comma):
            return head
        return None
    if tok.text in {"”", '"', "’"}:
        prev = _token_before(text, window, tok)
        if prev is not None and prev.text == ",":
            tok = prev  # a participle after a quoted phrase: "a defense of “our values,” saying …"
    if tok.low not in _FALLBACK_TRIGGERS:
        return None
    if tok.low in {"to", "in"}:
        prev = _token_before(text, window, tok)
        if prev is None or prev.low in _OBJECT_WORDS or not prev.text.islower():
            return None  # "asked him to condemn": the object is the one who speaks
    if tok.low == "and":
        inner = _last_match(_SUBORDINATE_SUBJECT_RE, text, s_start, tok.start)
        if inner is not None and not _CLAUSE_BREAK_RE.search(text, inner.end(), tok.start):
            # the second verb of a subordinate clause: "the crowd cheered when Trump spotted
            # a sign and asked …" -> Trump
            return inner.span(1)
    opening = text[s_start : min(cue_start, s_start + 80)].lstrip()
    if opening[:1] in _QUOTE_OPEN or opening[:2] in {"''", "``"}:
        return None  # the sentence opens with someone's quoted words
    lead = _LEAD_PHRASE_RE.match(text, s_start, min(cue_start, s_start + 80))
    if lead is not None:
        s_start = lead.end()  # "In a statement, Florida Gov. Rick Scott blasted … and said"
    dateline = _DATELINE_RE.match(text, s_start, min(cue_start, s_start + 80))
    if dateline is not None:
        s_start = dateline.end()  # "WASHINGTON — Sen. Bernie Sanders defended … saying"
    first = _tokens(text, s_start, min(cue_start, s_start + 80))
    k = 0
    while k < len(first) and (first[k].low in _LEAD_TRIM or not first[k].text[0].isalnum()):
        k += 1
    if k + 2 < len(first) and _adverb_in_ly(first[k].low) and first[k + 1].text == ",":
        k += 2  # a sentence adverb and its comma: "Ultimately, Mr. Okafor … refused"
    if (
        k + 2 < len(first)
        and first[k].low[-2:] in {"'s", "’s"}
        and first[k].low[:-2] in _TIME_WORDS
    ):
        # a possessive time phrase, then the subject: "In Wednesday's speech the senator …"
        k += 2
    if k < len(first) and (
        first[k].low in _TIME_WORDS
        or first[k].low[:1].isdigit()
        or first[k].low in _NUMBER_WORDS
        or first[k].low in {"last", "this", "earlier", "later", "for", "absent"}
    ):
        # a time or framing phrase before the subject: "Sunday morning, Clinton …",
        # "Eight years ago, he …"
        for c in range(k + 1, min(len(first), k + 7)):
            if first[c].text == ",":
                k = c + 1
                break
    if k < len(first) and first[k].low in _SUBORDINATE:
        # a time phrase with no comma before its subject: "By Sunday afternoon she had
        # canceled …, citing the attack"
        for j in range(k + 1, min(k + 4, len(first) - 1)):
            if first[j].low in _TIME_WORDS and first[j + 1].low in _MAIN_PRONOUNS:
                return first[j + 1].start, first[j + 1].end
        # an opening adverbial clause: the subject follows its comma ("When asked whom she
        # supported, Ms. Sherry smiled and said …")
        clause_end = next((c for c in range(k + 1, len(first)) if first[c].text == ","), None)
        if clause_end is None:
            return None
        k = clause_end + 1
    if (
        k + 1 < len(first)
        and first[k].low.endswith("ing")
        and first[k + 1].low in _AFTER_OPENING_PARTICIPLE
    ):
        # an opening participle's clause: the subject follows its comma ("Reacting to the
        # firing, the president tweeted …, while asking …")
        clause_end = next((c for c in range(k + 2, len(first)) if first[c].text == ","), None)
        if clause_end is not None:
            k = clause_end + 1
    if k >= len(first) or first[k].low in _SUBORDINATE:
        return None
    t = first[k]
    if t.low in _PRONOUNS and t.low not in {"it", "you", "him", "her", "them"}:
        return t.start, t.end
    if (t.low in _QUANTIFIERS or t.low in _NUMBER_WORDS) and not (
        k + 1 < len(first) and first[k + 1].text[0].isupper()
    ):
        # "some of his supporters …, often citing", "two aides …, saying" (not "Two House
        # Committees", a name)
        j = k + 1
        if j + 2 < len(first) and first[j].low == "of" and first[j + 1].low in _OBJECT_DET:
            j += 2
        if j < len(first) and first[j].text[0].isalnum() and first[j].low not in _STOP_LEFT:
            return t.start, first[j].end
        return None
    if not (t.text[0].isupper() or t.low == "the"):
        return None
    end = k
    j = k + 1
    while j < len(first) and j - k < 8:
        w = first[j]
        if w.text in {".", "-"} or (
            w.text[0].isalnum() and (w.text[0].isupper() or w.low in _NP_INNER)
        ):
            if w.text[0].isalnum() and w.text[0].isupper():
                end = j
            j += 1
            continue
        noun = next(
            (
                h
                for h in range(j, min(j + 3, len(first)))
                if _is_subject_head(first[h].low)
                and all(
                    # after a name or a head, an irregular past is its verb: "Obama met
                    # survivors", "Tenney took down businessman Steve Wells" (not in "The lost
                    # voters")
                    _is_modifier(m.low)
                    and ((end == k and t.low in _ARTICLES) or m.low not in _PAST_VERBS)
                    for m in first[j:h]
                )
            ),
            None,
        )
        if noun is not None:
            # a lower-case head for who speaks, with any modifiers before it: "The FBI
            # director", "A reporter for USA Today", "Patient advocacy groups", "The Jeb Bush
            # campaign"
            end = noun
            j = noun + 1
            continue
        break
    if end == k and t.low in _ARTICLES:
        if not (j < len(first) and first[j].text[0].isalnum() and first[j].low not in _STOP_LEFT):
            return None
        end = j
        for h in range(j + 1, min(j + 4, len(first))):
            # modifiers before an office or an unnamed source: "A top aide", "a federal
            # judge" (not over a verb: "The company employs 40 people")
            if not _is_modifier(first[h - 1].low):
                break
            if first[h].low in _ROLE_WORDS or first[h].low in _ANON_HEADS:
                end = h
                break
        if (
            end == j
            and t.low != "the"
            and not _is_person_head(first[j].low)
            and first[j].low not in _PERSON_NOUNS
        ):
            return None  # "A year later, …", "A photo of …": no one who speaks
    return t.start, first[end].end


# singular nouns for a person that an indefinite article may open a subject with ("A man who
# was there said …")
_PERSON_NOUNS: Final = frozenset(
    ["operative", "graduate", "alumnus", "alumna", "native", "consultant", "insider", "staffer",
     "strategist", "fundraiser", "lobbyist",
     "man", "woman", "person", "voter", "resident", "student", "teacher", "worker", "witness",
     "friend", "neighbor", "neighbour", "member", "supporter", "critic", "doctor", "nurse",
     "veteran", "father", "mother", "parent", "farmer", "protester", "protestor", "user",
     "businessman", "businesswoman", "mogul", "tycoon", "billionaire", "millionaire",
     "entrepreneur", "investor", "banker", "developer", "executive", "donor", "surgeon",
     "neurosurgeon", "actor", "actress", "singer", "rapper", "comedian", "celebrity", "author",
     "writer", "novelist", "narrator", "columnist", "blogger", "hacker", "moderator", "admiral",
     "organizer", "organiser", "activist", "politician", "front-runner", "frontrunner",
     "brother", "sister", "son", "daughter", "wife", "husband", "boy", "girl", "pastor",
     "priest", "rabbi", "imam", "bishop", "coach", "player", "soldier", "officer", "sheriff",
     "immigrant", "mayor", "survivor", "victim", "owner", "employee", "volunteer", "delegate",
     # people by where they worship, shop, live or travel: "a Santa Maria church parishioner"
     "parishioner", "congregant", "worshipper", "churchgoer", "shopper", "customer", "patient",
     "passenger", "tenant", "homeowner", "retiree", "attendee", "spectator", "bystander",
     "commuter", "citizen"]
)  # fmt: skip


_PHRASE_WORD_RE: Final = re.compile(r"[a-z][a-z’'-]*")


@lru_cache(maxsize=4096)
def _personal_head(phrase: str) -> bool:
    """Whether a source phrase typed ``role`` stands for one person: its head (the last word
    before a comma, a preposition or a relative pronoun) is a person's noun or office ("the
    billionaire businessman", "the Texas governor"; not "the day", "the media", "the paper")."""
    words = _PHRASE_WORD_RE.findall(phrase.split(",", 1)[0].lower())
    for k, w in enumerate(words):
        if k and (w in _POST_WORDS or w in _RELATIVE):
            words = words[:k]
            break
    if not words:
        return False
    head = words[-1]
    return (
        head in _PERSON_NOUNS
        or _is_person_head(head)
        or head in _MEMBER_WORDS
        or head.endswith(("man", "woman", "-old"))
    )


def _is_person_head(word: str) -> bool:
    """A lower-case noun for who speaks: an office, an unnamed source or a group."""
    return word in _ROLE_WORDS or word in _ANON_HEADS or word in _GROUP_NOUNS


def _is_subject_head(word: str) -> bool:
    """:func:`_is_person_head`, or a lower-case noun for a body that speaks ("campaign")."""
    return _is_person_head(word) or word in _BODY_WORDS


def _is_modifier(word: str) -> bool:
    """Whether a lower-case word may modify a head after it: a word, not a plural, a verb in
    ``-s`` or ``-ed``, an auxiliary or a function word ("advocacy", "presidential"; not
    "employs", "dismissed the")."""
    return (
        word.isalpha()
        and (not word.endswith("s") or word.endswith("ss") or word in _NOUNS_IN_S)
        and not word.endswith("ed")
        and word not in _AUX
        and word not in _NP_INNER
        and word not in _STOP_LEFT
        and word not in _DETERMINERS
    )


# nouns in -s that are no plurals and modify a head ("the communications chief", "a sales
# manager", "the news director")
_NOUNS_IN_S: Final = frozenset(
    ["communications", "sales", "news", "sports", "economics", "politics", "operations",
     "affairs", "relations", "logistics", "ethics", "arms", "services", "elections"]
)  # fmt: skip
# lower-case heads for a body that speaks: the words of _ORG_WORDS that head a common noun
# phrase ("the Biden campaign"; not "news", "post", "times", which end names), and groups
_BODY_WORDS: Final = frozenset(
    ["campaign", "campaigns", "committee", "administration", "government", "party", "movement",
     "team", "group", "groups", "coalition", "council", "caucus", "agency", "department",
     "office", "board", "faction", "forces", "figures", "candidates", "businessman",
     "businesswoman", "camp", "allies", "staffers", "front-runner", "frontrunner",
     "establishment"]
)  # fmt: skip


_PAST_VERBS: Final = frozenset(
    ["sent", "made", "gave", "took", "put", "wrote", "held", "left", "did", "spent", "met",
     "won", "lost", "led", "saw", "brought", "bought", "built", "kept", "ran", "began", "chose",
     "drew", "fought", "found", "got", "heard", "paid", "sold", "struck", "hit", "beat"]
)  # fmt: skip
# what may open the object of such a verb besides a determiner ("spent more time talking")
_OBJECT_AMOUNT: Final = frozenset(
    ["more", "much", "most", "less", "time", "hours", "days", "weeks", "months", "years"]
)
# verbs that take a participle ("kept asking", "left wondering", "can be heard asking")
_CATENATIVE: Final = frozenset(
    [
        *("kept", "keep", "keeps", "began", "begin", "begins", "started", "start", "starts"),
        *("stopped", "stop", "continued", "continue", "left", "heard", "seen", "spent", "went"),
        *("quit", "finished", "avoided", "avoid", "resumed", "recalled"),
    ]
)
_OBJECT_DET: Final = frozenset(["a", "an", "the", "his", "her", "their", "its", "this"])


_OPENING_PREPOSITIONS: Final = frozenset(
    ["after", "before", "in", "while", "by", "when", "since", "upon", "on", "without"]
)
_MAIN_PRONOUNS: Final = frozenset(["he", "she", "they", "we", "i"])


def _main_subject_after_opening(
    text: str, s_start: int, hit: _CueHit, s_end: int
) -> tuple[int, int] | None:
    """The subject of the main clause for a participle that opens its sentence ("After saying
    he was nervous, the man asked …", "Promising a closer look, Bolton said …")."""
    lead = text[s_start : hit.start].split()
    if len(lead) > 1 or (lead and lead[0].lower() not in _OPENING_PREPOSITIONS):
        return None
    comma = text.find(",", hit.end, s_end)
    if comma < 0:
        return None
    toks = _tokens(text, comma + 1, min(s_end, comma + 60))
    if not toks:
        return None
    first = toks[0]
    if first.low in _MAIN_PRONOUNS:
        return first.start, first.end
    # a short noun phrase: a capitalised run ("Bolton", "Mr. Biden", "Clinton's campaign") or a
    # determiner with one common noun ("the man"), not the verb after it
    if first.text[0].isupper() and first.low not in _RIGHT_DET:
        end = 0
        while end + 1 < len(toks) and (
            toks[end + 1].text[0].isupper() or toks[end + 1].text == "."
        ):
            end += 1
        if toks[end].low.endswith(("'s", "’s")) and end + 1 < len(toks):
            end += 1  # a possessive and its noun
    elif first.low in _RIGHT_DET:
        end = 0
        while end + 1 < len(toks) and toks[end + 1].text[0].isupper():
            end += 1
        if end == 0 and len(toks) > 1 and toks[1].text[0].isalnum():
            end = 1  # "the man"
    elif first.low in _GROUP_NOUNS or first.low in _ANON_HEADS:
        end = 0  # a group or unnamed people on their own: "Citing security concerns, officials …"
    else:
        return None
    return first.start, toks[end].end


def _participle_subject(
    text: str, lo: int, source: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The source of a participle cue whose noun phrase before it is a verb phrase: the verb's
    subject ("McConnell issued a statement saying …", "Johnson kept asking …")."""
    verb = _verb_and_object(text, *source) if source is not None else None
    if verb is None or source is None:
        return source
    obj = _FROM_AUTHOR_RE.search(text, verb, source[1])
    if obj is not None:
        # what came from someone says it, as they do: "I've received a message from POGO
        # stating …", "a tweet from Jon Ralston saying …"
        return obj.start(1), source[1]
    return _left_source(text, lo, verb) or _subject_fallback(text, lo, verb)


# the object of a verb that came from someone ("received a message from POGO")
_FROM_AUTHOR_RE: Final = re.compile(
    r"[a-z]+[ \t]+((?:a|an|the)[ \t]+[^,;:]*?[ \t]+from[ \t]+[A-Z])"
)


def _verb_and_object(text: str, start: int, end: int) -> int | None:
    """Where a past-tense verb with its object starts inside ``text[start:end]`` ("Mitch
    McConnell issued a statement", "sent a tweet"), a phrase that is not a noun phrase;
    ``None`` when there is none."""
    toks = _tokens(text, start, end)
    last = toks[-1] if toks else None
    if last is not None and last.text.islower() and last.low in _CATENATIVE:
        return last.start  # "Sen. Ron Johnson kept asking", "a reporter can be heard asking"
    for k in range(len(toks) - 2):
        t = toks[k]
        if (
            (toks[k + 1].low in _OBJECT_DET or toks[k + 1].low in _OBJECT_AMOUNT)
            and t.text.islower()
            and (t.low.endswith("ed") or t.low in _PAST_VERBS)
        ):
            return t.start
    return None


_ING_OBJECT: Final = (
    _OBJECT_DET
    | frozenset(_PRONOUNS)
    | frozenset(
        ["to", "on", "in", "at", "about", "for", "with", "up", "out", "off", "that", "what", "how"]
    )
)
# words in -ing that open noun phrases: determiners, nouns and adjectives, not participles
_NOT_VERB_ING: Final = frozenset(
    ["nothing", "something", "anything", "everything", "king", "spring"]
)


def _without_auxiliary(text: str, lo: int, start: int, end: int) -> tuple[int, int] | None:
    """A source span that opens with a lower-case auxiliary or modal is not a noun phrase. In a
    question the subject follows it ("do you think" -> "you", "has he called" -> "he"); after
    a relative pronoun it is the end of a relative clause, and the subject is the noun phrase
    with that clause ("Republicans who have praised his candidacy warned"); otherwise there is
    no source."""
    if not text[start].islower():
        return start, end  # most sources: a name, a capitalised phrase
    first = _first_token(text, start, end)
    if first is None or not first.text.islower():
        return start, end
    if first.low in _OBJECT_PRONOUNS and first.end == end:
        # an object is no subject; it may end a relative clause that the subject holds:
        # "Those who worked with her said" -> those who worked with her
        rel_clause = _CLAUSE_TO_OBJECT_RE.search(text, max(lo, start - 60), start)
        if rel_clause is not None:
            head = _left_source(text, lo, rel_clause.start())
            if head is not None:
                return head[0], end
        return None
    if first.low.endswith("ing") and first.low not in _NOT_VERB_ING:
        toks = _tokens(text, start, end)
        nxt = toks[1] if len(toks) > 1 else None
        if nxt is None or nxt.low in _ING_OBJECT or nxt.text[0].isupper():
            # a participle with its object is no subject: "saying he …" -> "he", "featuring
            # Hispanics" -> "Hispanics"; "having …" -> none ("hacking specialists" stays)
            if nxt is not None and (nxt.low in _PRONOUNS or nxt.text[0].isupper()):
                return nxt.start, end
            return None
        return start, end
    if first.low not in _AUXILIARY:
        past = first.low.endswith("ed") or first.low in _PAST_VERBS
        # (the word before is read only where it may be "who": most sources have none)
        if past or text.find("who", max(lo, start - 6), start) >= 0:
            rel = _last_token(text, max(lo, start - 12), start)
            if rel is not None and (
                # the verb of a relative clause: "Voters who backed Ruiz said" -> the voters,
                # "the militias that helped retake Kirkuk said" -> the militias; after "who"
                # also a verb in the present, "People who know her say" (not the subject of a
                # clause whose object "who" is: "a man who many believe …", "an executive who
                # police accused of …"; nor a negation a tokenised text split, "who didn ’ t")
                (
                    rel.low == "who"
                    and (
                        past
                        or (
                            rel.text == "who"
                            and first.low not in _PRONOUNS
                            and first.low not in _DETERMINERS
                            and first.low not in _QUANTIFIERS
                            and first.end < end  # (a word alone before the cue is its subject)
                            and not _subject_of_verb_after(text, first.end, end)
                        )
                    )
                )
                # a "that" after a verb opens what it reports: "asserted that unnamed leaders"
                or (past and rel.low == "that" and not _after_verb(text, lo, rel.start))
            ):
                head = _left_source(text, lo, rel.start)
                if head is not None:
                    return head[0], end
        return start, end
    toks = _tokens(text, start, end)
    if len(toks) > 1 and (toks[1].low in _PRONOUNS or toks[1].text[0].isupper()):
        return toks[1].start, end
    rel = _last_token(text, max(lo, start - 12), start)
    if rel is not None and rel.low in {"who", "that"}:
        head = _left_source(text, lo, rel.start)
        if head is not None:
            return head[0], end
    return None


# a relative clause that ends in its verb's object: "who worked with (her)", "that hired (him)"
_CLAUSE_TO_OBJECT_RE: Final = re.compile(r"(?<![^\W_])(?:who|that)(?:[ \t]+[a-z]+){1,6}[ \t]+$")


def _subject_of_verb_after(text: str, pos: int, end: int) -> bool:
    """Whether the word before ``pos`` is the subject of a verb in the past after it ("police
    accused"), or the first part of a negation that a tokenised text split ("didn ’ t")."""
    nxt = _first_token(text, pos, end)
    return nxt is not None and (
        nxt.text in {"’", "'"} or nxt.low.endswith("ed") or nxt.low in _PAST_VERBS
    )


def _after_verb(text: str, lo: int, pos: int) -> bool:
    """Whether the word before ``pos`` is a cue word or a verb in the past ("asserted", "knew")."""
    prev = _last_token(text, max(lo, pos - 24), pos)
    return prev is not None and (
        prev.low.endswith("ed")
        or prev.low in _PAST_VERBS
        or normalize(prev.low) in _cue_matcher().targets
    )


_RELATIVE: Final = frozenset(["who", "which"])
_IMPERSONAL: Final = frozenset(["seem", "appear"])


def _thing_of_a_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a thing of someone named after a preposition ("a symbolic
    victory for Obama", "the tone of Cruz"), typed as a role: a relative "who" after it is of
    the name (:func:`_relative_antecedent`). Not a person's noun ("a lawyer for Ana Ruiz"), a
    group's, a share ("a majority of those") or a plural ("the families of the victims")."""
    if text.find(" ", start, end) < 0 or _source_type(text, start, end)[0] != "role":
        return False
    toks = _tokens(text, start, end)
    k = next((i for i, t in enumerate(toks) if t.low in _NP_PREPOSITIONS), 0)
    if not 0 < k < len(toks) - 1 or not toks[k + 1].text[0].isupper():
        return False
    head = toks[k - 1].low
    return (
        head.isalpha()
        and toks[k - 1].text.islower()
        and not head.endswith("s")
        and head not in _PERSON_NOUNS
        and head not in _ROLE_WORDS
        and head not in _GROUP_NOUNS
        and head not in _SHARE_WORDS
        and head not in _QUANTIFIERS
        and head not in _PRONOUNS
        and head not in _DETERMINERS
    )


def _antecedent_phrase(text: str, start: int, end: int) -> tuple[int, int]:
    """The noun phrase that a relative pronoun refers to, without a clause opened by a personal
    pronoun before it: "they have a President (who wants …)" -> "a President"."""
    toks = _tokens(text, start, end)
    if len(toks) > 2 and toks[0].low in _PRONOUNS:
        for k in range(len(toks) - 1, 0, -1):
            if toks[k].low in {"a", "an", "the"}:
                return toks[k].start, end
    verb = _verb_and_object(text, start, end)
    if verb is not None:
        # a verb's object: "President Trump met the Republican senators, who said …" -> the
        # senators
        for k, t in enumerate(toks[:-1]):
            if t.start == verb:
                return toks[k + 1].start, end
    return start, end


def _relative_antecedent(text: str, s_start: int, rel: tuple[int, int]) -> tuple[int, int] | None:
    """The person, the role or the organisation before a relative pronoun that is not a
    subject's ("… was introduced by New Jersey Gov. Chris Christie, who endorsed him", "a
    lecture from the Mexican president, who said"): the noun phrase that ends there, or, when
    its head does not fit the pronoun, the object of its first preposition ("the president of
    the Communications Workers of America, which" -> the union). A phrase typed otherwise,
    or typed a person with no name after its article, is left out: the relation then has no
    speaker, as before."""
    end = rel[0]
    while end > s_start and text[end - 1] in " \t":
        end -= 1
    if text[end - 1 : end] == ",":
        end -= 1
    elif (dash := _DASH_BEFORE_RE.search(text, s_start, end)) is not None:
        end = dash.start()  # "journalist Glenn Greenwald -- who also called for"
        opening = [m.start() for m in _DASH_MARK_RE.finditer(text, s_start, end)]
        if len(opening) % 2 == 1:
            # the dash closes an appositive, which names no one the clause is of: "candidates
            # — like front-runner Donald Trump — who say" are the candidates
            end = opening[-1]
    phrase = _left_source(text, s_start, end)
    if phrase is not None:
        phrase = _past_party_label(text, s_start, phrase)  # "Sen. Ana Ruiz, D-N.Y., who"
    if phrase is None:
        return None
    who = text[rel[0] : rel[1]].lower() == "who"
    first = _first_token(text, *phrase)
    if first is not None and first.low in _EXAMPLE_OPENERS and first.end < phrase[1]:
        # one of a group named as an example: "Democrats, including Speaker Nancy Pelosi, who"
        rest = first.end
        while text[rest] in " \t":
            rest += 1
        phrase = (rest, phrase[1])
    elif who and text[phrase[0] - 2 : phrase[0]] == ", ":
        # an appositive before "who" describes the name before it ("Joerg Wuttke, president of
        # the EU Chamber of Commerce in China, who expects"): the name
        outer = _left_source(text, s_start, rel[0])
        if outer is not None and outer[0] < phrase[0] - 2:
            named = _trim(text, outer[0], phrase[0] - 2)
            # "Rep. Nita Lowey, D-N.Y., chair of …, who": the name before the label
            named = _past_party_label(text, s_start, named) or named
            if (
                named[0] < named[1]
                and " and " not in text[named[0] : named[1]]  # "between Clement and Jeffrey Wall"
                and _source_type(text, *named)[0] == "person"
            ):
                return named
    elif who and (dash := _DASH_BEFORE_RE.search(text, s_start, phrase[0])) is not None:
        # the same after a dash: "Enter Ms. Lauten — a former party aide who describes
        # herself …" is Ms. Lauten
        dashed = _left_source(text, s_start, dash.start())
        if (
            dashed is not None
            and " and " not in text[dashed[0] : dashed[1]]
            and _source_type(text, *dashed)[0] == "person"
        ):
            return dashed
    toks = _tokens(text, *phrase)
    k = next((i for i, t in enumerate(toks) if t.low in _NP_PREPOSITIONS), 0)
    if 0 < k < len(toks) - 1 and not toks[k - 1].text[0].isupper():
        # (a capitalised head is a name with its "of": "the Bank of Japan")
        head = toks[k - 1].low
        noun = head[:-1] if head.endswith("s") else head  # "members of …"
        if (noun in _PERSON_NOUNS or noun in _ROLE_WORDS) != who:
            phrase = toks[k + 1].start, phrase[1]
    typ = _source_type(text, *phrase)[0]
    if not who:
        return phrase if typ == "organisation" else None
    if typ in {"role", "anonymous"}:
        # an unnamed person described ("the Mexican president, who said"): the relation is
        # theirs, as a role's ("the president said")
        return phrase
    if typ != "person":
        return None
    words = text[phrase[0] : phrase[1]].split()
    name = person_name(text[phrase[0] : phrase[1]]).split()
    before = words[-len(name) - 1].lower() if len(words) > len(name) else ""
    if not name or not all(w[0].isupper() for w in name) or before in _DETERMINERS:
        return None  # "the Edgar A. Poe award, which": no person named
    if len(name) == 1 and (_known_place(name[0]) or name[0] in demonyms()):
        return None  # "… an African American or Hispanic, man or woman, who"
    return phrase


# words in -ing that are prepositions, not a verb's participle ("including the NSA")
_ING_PREPOSITIONS: Final = frozenset(
    ["including", "according", "concerning", "regarding", "following", "during", "excluding",
     "notwithstanding", "pending", "considering", "barring"]
)  # fmt: skip


def _span_of_time_start(toks: Sequence[_Token], i: int) -> int:
    """Where a span of time that ends at ``toks[i]`` starts ("a month later", "less than two
    weeks ago"), when a word of the subject comes before it; -1 when there is none."""
    if not (
        toks[i].low in _SPAN_OF_TIME_ENDS
        and i >= 3
        and toks[i - 1].low.removesuffix("s") in _TIME_UNITS
        and (
            toks[i - 2].low in _SPAN_COUNTS
            or toks[i - 2].low in _NUMBER_WORDS
            or toks[i - 2].low[:1].isdigit()
        )
    ):
        return -1
    k = i - 2
    if k >= 2 and toks[k - 1].low == "than" and toks[k - 2].low in {"less", "more"}:
        k -= 2
    elif k >= 1 and toks[k - 1].low in _SPAN_APPROXIMATORS:
        k -= 1
    # a word of the subject before it, or the conjunction that joins a second verb to the
    # subject's first ("He called it a hoax and 10 days later said"); not a clause's start
    # ("March 9 . 10 days later")
    if k < 1 or not toks[k - 1].text[0].isalpha():
        return -1
    if toks[k - 1].low in _STOP_LEFT and toks[k - 1].low not in _CONJUNCTIONS:
        return -1
    return k


# the words that end a span of time, that count its units, and that qualify the count
_SPAN_OF_TIME_ENDS: Final = frozenset(["later", "earlier", "ago"])
_SPAN_COUNTS: Final = frozenset(["a", "an", "several", "few", "many"])
_SPAN_APPROXIMATORS: Final = frozenset(["about", "nearly", "almost", "just", "only", "some"])
# the units of a span of time before "later", "earlier" or "ago" ("a month later")
_TIME_UNITS: Final = frozenset(["minute", "hour", "day", "week", "month", "year", "decade"])
# the same words for a span of time that opens a clause, before its subject ("Ten days later
# officials said", "A month earlier,", "Two years ago"), and its closing words after a space
_SPAN_OPENER_RE: Final = re.compile(
    rf"(?i:(?:{'|'.join(sorted(_SPAN_APPROXIMATORS))}|less[ \t]+than|more[ \t]+than)[ \t]+)?"
    rf"(?i:{'|'.join(sorted(_SPAN_COUNTS | _NUMBER_WORDS | {'one'}))}|\d+)[ \t]+"
    rf"(?i:{'|'.join(sorted(_TIME_UNITS))})s?[ \t]+(?i:{'|'.join(sorted(_SPAN_OF_TIME_ENDS))})"
    r"(?:[ \t]*,)?[ \t]+"
)
_SPACED_SPAN_ENDS: Final = tuple(" " + w for w in sorted(_SPAN_OF_TIME_ENDS))
# a dash that opens an appositive, right before the phrase that ends the search
_DASH_BEFORE_RE: Final = re.compile(r"(?:[ \t]*(?:—|--)|[ \t]+[–-])[ \t]*\Z")
_NP_PREPOSITIONS: Final = frozenset(["of", "for", "from", "by", "with", "in", "at", "to", "on"])
# words that open an example of a group before a relative pronoun
_EXAMPLE_OPENERS: Final = frozenset(
    ["including", "like", "especially", "notably", "particularly", "namely"]
)
# a party and state label set off after a name ("R-Idaho", "D-N.Y.", "D-CA")
_PARTY_LABEL_RE: Final = re.compile(r"[RDI]-[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?")


def _past_party_label(text: str, lo: int, span: tuple[int, int]) -> tuple[int, int] | None:
    """The name before ``span`` when ``span`` is a party label set off after it ("Sen. Ana
    Ruiz, D-N.Y.," -> "Sen. Ana Ruiz"; None when no phrase is found there), ``span`` itself
    otherwise."""
    if text[span[0] - 2 : span[0]] != ", " or _PARTY_LABEL_RE.fullmatch(text, *span) is None:
        return span
    return _left_source(text, lo, span[0] - 2)


def _relative_pronoun(text: str, s_start: int, cue_start: int) -> tuple[int, int] | None:
    """The relative pronoun that is the subject of the cue (``Mr. Trump, who has said``)."""
    window = cue_start - 40 if cue_start - 40 > s_start else s_start
    tok = _before_auxiliaries(text, window, cue_start)
    if tok is None or tok.low not in _RELATIVE or _token_before(text, window, tok) is None:
        return None  # (a relative pronoun that opens the window has no antecedent in it)
    return tok.start, tok.end


_BY_AGENT_RE: Final = re.compile(r"[ \t]+by[ \t]+")


def _mentions_quoted(text: str, start: int, end: int) -> bool:
    """A quick test before :data:`_QUOTED_AS_RE`: "quoted" in lower, title or upper case."""
    return text.find("uoted", start, end) >= 0 or text.find("UOTED", start, end) >= 0


_AS_RE: Final = re.compile(r"[ \t]+as[ \t]+")
# "by" within the next few words of the clause (no punctuation or quotation mark before it)
_LATER_AGENT_RE: Final = re.compile(r"(?:[ \t]+[^\W\d_]+){1,3}?[ \t]+by[ \t]+")
# an active verb of citing, its object, then "as" right before a participle: "cited unnamed
# officials as (saying)", "quoted the president as (saying)"
_CITED_AS_RE: Final = re.compile(
    r"\b(?:cited|cites|citing|quoted|quotes|quoting)[ \t]+((?:[^\s,;:.]+[ \t]+){0,7}?[^\s,;:.]+)"
    r"[ \t]+as[ \t]+$"
)


def _cited_as(text: str, lo: int, cue_start: int) -> re.Match[str] | None:
    """The verb of citing and its object (group 1) before "as" and a participle at
    ``cue_start`` ("cited unnamed officials as saying"), looked for only after " as "."""
    if not text.endswith(" as ", max(lo, cue_start - 4), cue_start):
        return None
    return _CITED_AS_RE.search(text, max(lo, cue_start - 90), cue_start)


_QUOTED_AS_RE: Final = re.compile(
    r"(?<![^\W_])(?:is|was|are|were|been|being|be)\s+quoted\s+as\s+$", re.I
)
_AFTER_INVERTED: Final = frozenset(
    ["in", "on", "at", "during", "of", "who", "when", "after", "before", "about", "to", "from"]
)


def _ends_inverted(text: str, end: int, s_end: int) -> bool:
    """Whether an inverted subject ends at ``end``: the sentence or clause ends there, or a
    prepositional or time phrase follows ("…, said Lappo on Tuesday"), not a verb."""
    nxt = _first_token(text, end, min(s_end, end + 30))
    if nxt is None or not nxt.text[0].isalnum():
        return True
    return nxt.low in _AFTER_INVERTED or nxt.low in _TIME_WORDS


#: determiners of a document that is written, not one that writes ("an open letter", "her post")
_OBJECT_DOC_DETS: Final = (_OBJECT_DET - {"the"}) | {"my", "our", "these", "another"}


def _document_object(text: str, start: int, end: int) -> bool:
    """Whether the phrase after a cue is an indefinite or possessed document ("wrote an open
    letter", "posted a video", "sent her tweet"): the verb's object, not an inverted subject."""
    toks = _tokens(text, start, end)
    return len(toks) > 1 and toks[0].text in _OBJECT_DOC_DETS and toks[-1].low in _DOC_WORDS


def _ends_in_document(text: str, start: int, end: int) -> bool:
    """Whether the phrase ends in a word for a document ("… released a statement")."""
    last = _last_token(text, start, end)
    return last is not None and last.low in _DOC_WORDS


def _inverted_possible(text: str, hit: _CueHit, s_start: int) -> bool:
    """Whether the subject may follow the cue: ``…, said Lappo`` but not ``saying he``."""
    if hit.participle or hit.term in _NEVER_INVERTED:
        return False  # "…, told Fox News": the addressee, not an inverted subject
    before = text[s_start : hit.start].rstrip()
    return not before or before[-1] in ",”\"’'—–-:"


# At least n words, matched from the start: each atomic group finds the next word where
# ``WORD_RE.finditer`` would (the first position, from the end of the word before, where a word
# matches) and is never tried again, so a failure costs one pass over the span.
_N_WORDS_RE: Final = {n: re.compile(f"(?>(?s:.*?){WORD_RE.pattern})" * n) for n in (1, 2, 3)}


#: Cue lemmas whose agentless passive, before a proposition, reports what unnamed others say,
#: think or find (kind ``passive``, counted as unverified sourcing): "is said to", "it is
#: believed that", "is widely seen as", "was found to have".
HEARSAY_PASSIVES: Final = frozenset(
    ["say", "report", "believe", "think", "know", "allege", "claim", "estimate", "expect",
     "understand", "suppose", "assume", "see", "view", "describe", "characterize", "portray",
     "suggest", "fear", "reveal", "confirm", "find", "show", "demonstrate", "establish", "note",
     "argue", "acknowledge", "predict", "forecast", "deem", "doubt", "imply", "hint", "tout",
     "rumor", "purport", "indicate", "consider", "regard", "brand", "liken"]
)  # fmt: skip
# "is known as" names; "is known to" / "it is known that" report
_NAMING_AS: Final = frozenset(["know", "brand"])
_NOT_INFINITIVE: Final = frozenset(
    ["the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "him",
     "them", "me", "us", "it", "our", "my", "your", "some", "all", "any", "each"]
)  # fmt: skip


_PARENTHETICAL_IT_RE: Final = re.compile(
    r",\s*it\s+(?:is|was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)


def _propositional(text: str, hit: _CueHit, s_end: int) -> bool:
    """Whether a proposition follows the participle of an agentless passive: an infinitive
    ("is said to be"), a ``that`` clause ("it is believed that"), or an ``as`` predicate ("is
    seen as a rival"), after adverbs ("is widely seen as")."""
    toks = _tokens(text, hit.end, min(s_end, hit.end + 60))
    k = 0
    while k < len(toks) and toks[k].low.endswith("ly") and len(toks[k].low) > 3:
        k += 1
    if k >= len(toks) or not toks[k].text[0].isalnum():
        # nothing after it: a parenthetical after its content ("The talks failed, it is
        # believed.")
        return _PARENTHETICAL_IT_RE.search(text, max(0, hit.start - 40), hit.start) is not None
    word = toks[k].low
    if word == "that":
        return True
    if word == "as":
        return hit.term not in _NAMING_AS
    if word == "to" and k + 1 < len(toks):
        nxt = toks[k + 1]
        return nxt.text.islower() and nxt.low not in _NOT_INFINITIVE
    return False


def _has_words(text: str, start: int, end: int, n: int) -> bool:
    """Whether ``text[start:end]`` holds at least ``n`` words (``n`` from 1 to 3)."""
    return _N_WORDS_RE[n].match(text, start, end) is not None


# a sentence's end before a capital inside a span: "… integration. ''That's …" (not "U.S.
# District", "Michael W. Mosman")
_INNER_SENTENCE_END_RE: Final = re.compile(r"[a-z0-9)][.!?][”\"’']*\s+[“\"‘'`]*[A-Z]")


def _inner_sentence_end(text: str, lo: int, hi: int) -> bool:
    """Whether a sentence ends inside ``text[lo:hi]`` before a capital: not at the period of
    an abbreviation ("Mr. Trump, referring to …")."""
    for m in _INNER_SENTENCE_END_RE.finditer(text, lo, hi):
        dot = m.start() + 1
        if text[dot] != "." or not ends_abbreviation(text, dot):
            return True
    return False


def _ends_paraphrase(text: str, s_start: int, q: Quote) -> bool:
    """Whether a short quotation ends a clause of the writer's words that opens its sentence
    ("No Child Left Behind was “very assertive and interventionist,”"): three words or more
    before it, in the same sentence, the last a word (not a colon or a dash)."""
    before = text[s_start : q.start].rstrip()
    return (
        before[-1:].isalnum()
        and _has_words(text, s_start, q.start, 3)
        and not _inner_sentence_end(text, s_start, s_start + len(before))
    )


# whom someone told or asked (a few words), then what: a clause, a question, what about or a
# quotation
_ADDRESSEE_THEN_CLAUSE_RE: Final = re.compile(
    r"(?:[ \t]+[\w.’'-]+){1,6}?(?:[ \t]+(?:that|how|whether|if|why|what|when|where|to|about)\b"
    r"|[ \t]*[,:]?[ \t]*[“\"‘])"
)
_WORD_AFTER_RE: Final = re.compile(r"[ \t]+(\w+)")
# words that open a phrase of whom something was said, or a clause of when or why
_NOT_CONTENT_OPENERS: Final = frozenset(
    ["of", "while", "when", "after", "before", "because", "since", "until"]
)
_QUOTE_AFTER_RE: Final = re.compile(r"[ \t]*[,:]?[ \t]*(?:[“\"‘]|'')")
# an object that a quotation before the cue names ("… ''negatives,'' he called them"), and
# the end of a clause right after it
_NAMED_OBJECTS: Final = frozenset(["it", "them", "him", "her", "this"])
_CLAUSE_END_AFTER_RE: Final = re.compile(r"[ \t]*(?:[.,;:!?)—–]|--|-[ \t]|$)")


def _content_of_its_own(
    text: str, q: Quote, s_start: int, term: str, cue: tuple[int, int], s_end: int
) -> bool:
    """Whether a cue after a short quotation inside its sentence (a phrase or a title the
    sentence quotes, words before it) reports a clause or an object of its own, which is then
    its content: "On ABC’s “This Week,” Carson admitted that the course name was wrong", "Noah
    Oppenheim, the NBC executive in charge of “Today,” reminded his staff about …". Not who
    speaks after the cue ("… may be “strategic,” said Jeffery Hemsley, an assistant professor
    …"), nor whom they told ("… “unusual sounds,” a physician told the Senate in January")."""
    if q.start <= s_start or not _has_words(text, s_start, q.start, 1):
        return False
    cue_start, cue_end = cue
    if _inner_sentence_end(text, s_start, q.start):
        return False  # the quotation opens a sentence of its own: "… Mexico. ''That's …,'' said"
    if _THAT_RE.match(text, cue_end) is not None:
        return True
    if term in _TELLING:
        # whom they told or asked, then what: "asked Trump how he would handle …"
        return _ADDRESSEE_THEN_CLAUSE_RE.match(text, cue_end, s_end) is not None
    if (
        term not in _NEVER_INVERTED
        and _left_source(text, q.end, cue_start) is None
        and (right := _right_source(text, cue_end, s_end)) is not None
        # (and is no subject of the content's own verb: "Hemsley, the co-author of “Going
        # Viral,” about …, said the days when … are gone")
        and _ends_inverted(text, right[1], s_end)
    ):
        return False  # "…,” said Hemsley, …": who speaks follows the cue
    after = _WORD_AFTER_RE.match(text, cue_end, s_end)
    if after is None:
        # a quotation of its own after the cue: "As Amar … put it, “Senate Republicans …”"
        return _QUOTE_AFTER_RE.match(text, cue_end, s_end) is not None
    first = after.group(1).lower()
    if first == "as":
        # a clause of when or how ("said as she turned around"), not what ("described as …")
        second = _WORD_AFTER_RE.match(text, after.end(), s_end)
        if second is not None and second.group(1).lower() in _MAIN_PRONOUNS:
            return False
    elif first in _NOT_CONTENT_OPENERS:
        return False  # of whom or when it was said: "“…,” Kunin said of Sanders"
    elif first in _NAMED_OBJECTS and _CLAUSE_END_AFTER_RE.match(text, after.end(), s_end):
        return False  # what the quotation names: "his ''negatives,'' he called them - but …"
    content = _find_content_right(text, cue_end, s_end, term)
    if (
        content is not None
        and first in _WHERE_SAID
        and content[0] == after.start(1)
        and q.kind != "title"  # (a show's title is where: "on CNN’s “State of the Union,”")
    ):
        return False  # only where it was said: "as Mrs. Clinton … put it in her memoir."
    return content is not None


def _prev_word(text: str, pos: int, lo: int) -> str:
    prev = _tokens(text, max(lo, pos - 20), pos)
    return prev[-1].low if prev else ""


# contractions of a pronoun and "is"/"has", not possessives: "he’s said"
_CONTRACTED: Final = frozenset(
    [
        "he's",
        "she's",
        "it's",
        "that's",
        "what's",
        "who's",
        "there's",
        "here's",
        "let's",
        "he’s",
        "she’s",
        "it’s",
        "that’s",
        "what’s",
        "who’s",
        "there’s",
        "here’s",
        "let’s",
    ]
)
# words that follow a noun rather than a verb: "a strong showing in Iowa", "showing will be"
_AFTER_NOUN: Final = frozenset(
    [
        "in",
        "on",
        "at",
        "will",
        "was",
        "is",
        "has",
        "had",
        "would",
        "could",
        "of",
        "for",
        ".",
        ",",
        ";",
        ")",
        "and",
    ]
)


# verbs after which an infinitive happens: "Trump continued to portray …", "He went on to
# endorse Ayotte", "McConnell was quick to embrace …", "she began to criticize …"
_ASPECT_VERBS: Final = frozenset(
    [
        "continue",
        "continues",
        "continued",
        "continuing",
        "quick",
        "began",
        "begin",
        "begins",
        "beginning",
        "started",
        "start",
        "starts",
        "starting",
    ]
)
_GO_ON: Final = frozenset(["went", "go", "goes", "going", "gone"])


def _after_aspect_verb(text: str, lo: int, to_start: int) -> bool:
    """Whether the ``to`` before a cue at ``to_start`` follows a verb of aspect, so that the
    infinitive reports what the subject did say (not a purpose or a wish: "came to talk")."""
    window = max(lo, to_start - 24)
    verb = _last_token(text, window, to_start)
    if verb is None:
        return False
    if verb.low in _ASPECT_VERBS:
        return True
    if verb.low != "on":
        return False
    went = _last_token(text, window, verb.start)
    return went is not None and went.low in _GO_ON


# what follows a participle that modifies a record's noun ("a statement posted on social
# media", "a report released Monday"), where a verb would have its object or clause
_AFTER_RECORD_PARTICIPLE: Final = frozenset(
    [
        "on",
        "in",
        "by",
        "to",
        "at",
        "from",
        "last",
        "this",
        "earlier",
        "late",
        "early",
        "online",
        "overnight",
    ]
) | frozenset(w for w in _TIME_WORDS if w.endswith("day"))  # the weekdays, today, yesterday
# words in -s that are no plural subject of a base form ("a news report", "its claim")
_NOT_PLURAL_S: Final = frozenset(
    ["its", "this", "his", "was", "is", "has", "does", "news", "thus", "plus", "status",
     "series", "politics", "campus", "census", "bus", "virus", "always", "perhaps", "unless"]
)  # fmt: skip


def _verb_use(text: str, hit: _CueHit, lo: int) -> _Use | None:
    """How a cue word is used: as an active verb, as a passive without its agent ("it was
    revealed that …": a cue with no source), or (``None``) not as a verb that reports at all:
    a noun, an infinitive, a participle modifying a noun."""
    use: _Use = "active"
    if _in_compound(text, hit.start, hit.end):
        return None
    low = hit.text.lower()
    last = _last_token(text, hit.start - 22 if hit.start - 22 > lo else lo, hit.start)
    prev_low = last.low if last is not None else ""
    if (
        prev_low in {"to", "the", "a", "an", "their", "his", "her", "its"}
        and (hit.category == "other" or hit.term not in {"say", "tell", "comment"})
        and not (prev_low == "to" and last is not None and _after_aspect_verb(text, lo, last.start))
    ):
        return None
    if (
        not hit.participle  # a progressive is active: "McConnell is criticizing"
        and hit.term not in _PASSIVE_CUES
        and (
            prev_low in _BE
            # an adverb between: "was later charged", "were also told", "is not expected"
            or (
                last is not None
                and (
                    prev_low in _ADVERBS_AFTER_BE or (prev_low.endswith("ly") and len(prev_low) > 3)
                )
                and (prior := _token_before(text, lo, last)) is not None
                and prior.low in _BE
            )
        )
        and not _BY_AGENT_RE.match(text, hit.end)
    ):
        use = "passive"  # "it was revealed that …", "Farook's name was announced"
    if (
        prev_low[-2:] in {"'s", "’s"}
        and prev_low not in _CONTRACTED
        and hit.term not in {"say", "tell"}
    ):
        return None  # a noun after a possessive: "Editor’s note", "Kasich’s showing"
    if hit.participle and hit.term == "show":
        nxt0 = _first_token(text, hit.end, min(len(text), hit.end + 20))
        if nxt0 is None or nxt0.low in _AFTER_NOUN:
            return None  # "a strong showing in Iowa", "showing will be enough"
    if not hit.participle and (
        (prev_low in _NOUN_LEFT and last is not None and last.text.islower())
        or (prev_low[:1].isdigit() and low.endswith("s"))
        or (
            # a participle between a number and its plural noun: "300,000 confirmed cases",
            # "10,181 new confirmed cases" (not "12 agreed that …", nor after a year: "in
            # 2008 cited IUDs", "of 2015 showed Sanders")
            (
                (prev_low[:1].isdigit() and _YEAR_RE.fullmatch(prev_low) is None)
                or prev_low in _AMOUNT_ADJECTIVES
            )
            and low.endswith("ed")
            and _plural_noun(_next_word(text, hit.end, hit.end + 20))
            and text[hit.end + 1 : hit.end + 2].islower()
        )
    ):
        return None  # a noun: "the right of states", "in swing states", "2012 attacks"
    if hit.term == "show" and (
        prev_low in _SHOW_NOUN_LEFT or text[hit.end : hit.end + 3] in {" up", " as"}
    ):
        return None  # "his radio show", "talk shows", "show up"
    if (
        prev_low in _DOC_WORDS
        and low.endswith("ed")
        and (after := _next_word(text, hit.end, hit.end + 20)) in _AFTER_RECORD_PARTICIPLE
    ):
        return None  # "in a statement posted on social media": the participle modifies it
    if hit.term in _NAMING and (
        len(prev := _tokens(text, max(lo, hit.start - 22), hit.start)) >= 2
        and any(t.low in {"a", "an"} for t in prev[-3:-1])
        and not any(t.text[0].isupper() for t in prev[-3:] if t.low not in {"a", "an"})
    ):
        return None  # "a firm called …": a participle modifying a noun
    # base form: a verb only after a plural or pronoun subject, a modal, or "to"
    if (
        hit.term in _NOUN_AMBIGUOUS
        and low.replace("’", "'") == hit.term
        and not (
            prev_low in _BASE_FORM_LEFT
            or (
                prev_low.endswith("s")
                and not prev_low.endswith("ss")  # "press", "Congress"
                and prev_low not in _NOT_PLURAL_S
            )
            or prev_low.endswith(("n't", "n’t"))
        )
    ):
        return None
    if hit.term in _NEEDS_QUOTE:
        before = text[max(lo, hit.start - 3) : hit.start]
        after = text[hit.end : hit.end + 3]
        if not any(c in before + after for c in '“”",:') and not _QUOTE_THEN_NAME_RE.search(
            text, max(0, hit.start - 40), hit.start
        ):
            return None
    needs_next = low in _NOUN_LIKE_S or hit.term in _NOUN_LIKE_S or hit.category == "other"
    if not needs_next:
        return use
    nxt = _first_token(text, hit.end, min(len(text), hit.end + 20))
    if low in _NOUN_LIKE_S or (hit.term in _NOUN_LIKE_S and " " not in low):
        if nxt is None:
            return None
        t = nxt
        if not (
            t.low in _CLAUSE_STARTERS
            or t.text[0].isupper()
            or t.text[0].isdigit()  # "a poll shows 68% of voters …"
            or t.text in ':,“"—'
            or (hit.term == "call" and t.low in {"for", "on"})
            # "…, O'Keefe notes." / "he notes.": a verb after its subject, ending the clause
            or (
                t.text in {".", ";"}
                and last is not None
                and (
                    _subject_like(text, last, lo)
                    # '“…,” the letter states.': a quotation set off by a comma before it
                    or _QUOTED_THEN_SUBJECT_RE.search(text, max(lo, hit.start - 40), hit.start)
                    is not None
                )
            )
        ):
            return None
    if hit.category == "other":
        if nxt is None:
            return None
        t = nxt
        if t.text in {".", ",", ")", "?", "!"} and hit.term not in {"think", "believe"}:
            return None
    return use


_YEAR_RE: Final = re.compile(r"(?:1[89]|20)\d\d")
# adjectives between a number and a participle before a noun: "10,181 new confirmed cases"
_AMOUNT_ADJECTIVES: Final = frozenset(["new", "additional", "total", "more"])


def _plural_noun(word: str) -> bool:
    """Whether a lower-case word reads as a plural noun ("cases", "deaths")."""
    return (
        len(word) > 3 and word.isalpha() and word.endswith("s") and not word.endswith(("ss", "us"))
    ) and word not in {"this", "does", "hers", "ours"}


# personal pronouns that are only objects (or possessives): never the subject of a verb
_OBJECT_PRONOUNS: Final = frozenset(["him", "her", "them", "me", "us"])
# words for more than one that a noun follows, never a verb in -s
_PLURAL_QUANTIFIERS: Final = frozenset(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
     "hundreds", "thousands", "several", "many", "few", "both", "various", "numerous",
     "multiple", "these", "those"]
)  # fmt: skip

# prefixes that make a new verb with a hyphen: "re-tweeting", "counter-accused", "self-described"
_VERB_PREFIXES: Final = frozenset(
    ["re", "de", "co", "counter", "pre", "self", "mis", "over", "under"]
)


def _in_compound(text: str, start: int, end: int) -> bool:
    """Whether the cue word is part of a hyphenated compound ("value-added tax", "sought-after",
    "court-ordered", "name-calling", "talk-show host"), which is a noun or a modifier, not a
    reporting verb, unless the part before the hyphen is a verbal prefix."""
    if text[end : end + 1] == "-" and text[end + 1 : end + 2].isalnum():
        return True
    if start < 2 or text[start - 1] != "-" or not text[start - 2].isalnum():
        return False
    k = start - 1
    while k > 0 and text[k - 1].isalnum():
        k -= 1
    return text[k : start - 1].lower() not in _VERB_PREFIXES


def _subject_like(text: str, tok: _Token, lo: int) -> bool:
    """Whether ``tok``, the word right before a cue, can be its subject: a personal pronoun, or
    a capitalised word that does not open its sentence."""
    if tok.low in {"he", "she", "it", "they", "who"}:
        return True
    return tok.text[0].isupper() and _has_words(text, lo, tok.start, 1)


_CIRCUMSTANCE_PREPOSITIONS: Final = frozenset(["on", "in", "at", "during", "via", "through"])
# prepositions of where or how something was said, after a cue that follows a quotation ("…,”
# he wrote in an email"; not "on", which may open what a report is about: "reported on H5N1")
_WHERE_SAID: Final = _CIRCUMSTANCE_PREPOSITIONS - {"on"}
# words that open a phrase of time or manner between a verb and its "that": "reported last week
# that", "said earlier this month that", "said again that" (and adverbs: "said privately that")
_BEFORE_THAT_WORDS: Final = frozenset(["last", "earlier", "late", "early", "again", "also"])
# the words that open a phrase of where, when or how something was said (:func:`_circumstance`)
_CIRCUMSTANCE_OPENERS: Final = (
    _CIRCUMSTANCE_PREPOSITIONS
    | _TIME_WORDS
    | _BEFORE_THAT_WORDS
    | frozenset(["after", "before", "from", "while", "when", "this", "later", "then"])
)
# a word that hints at a clause or at what was said: a verb's ending or an auxiliary, a
# conjunction that opens one, a quotation or a colon, a stance ("in favor of")
_CLAUSE_HINT_RE: Final = re.compile(
    rf"(?i)\b(?:{'|'.join(sorted(_AUXILIARY))}"
    r"|that|whether|if|what|how|why|favou?r|support|\w+ed|\w+n[’']t)\b|[“\":]|''"
)
# a medium or a means of saying: "wrote on Twitter", "said on Fox News", "said by phone"
_MEDIUM_RE: Final = re.compile(
    r"(?:on[ \t]+(?:(?:his|her|its|their|the)[ \t]+)?(?:Twitter|Facebook|Instagram|YouTube"
    r"|Fox|CNN|MSNBC|NBC|CBS|ABC|NPR|PBS|C-SPAN|television|TV|radio|social[ \t]+media"
    r"|(?:Senate|House)[ \t]+floor|campaign[ \t]+trail|stump|website|blog|show|podcast"
    r"|page|account|feed)|by[ \t]+(?:tele)?phone|by[ \t]+e-?mail|by[ \t]+text)\b"
)
#: cue lemmas whose object follows "in": "believe in freedom of religion"
_IN_OBJECT_CUES: Final = frozenset(["believe", "trust", "confide"])


#: the words a phrase of time ends in (see _TIME_ONLY_RE)
_TIME_END_WORDS: Final = _TIME_WORDS | frozenset(["spring", "summer", "fall", "autumn", "winter"])


def _ends_in_time_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends in a word of time or a number ("on Thursday", "in 2014")."""
    last = text[text.rfind(" ", start, end) + 1 : end]
    return last.isdigit() or last.lower() in _TIME_END_WORDS


#: how a content that is only where it was said opens (see _find_content_right)
_PLACE_OPENINGS: Final = ("in ", "at ", "during ", "via ", "through ")


# a short prepositional phrase, then "that": "on Facebook that", "in a statement Monday that"
_THAT_AFTER_PHRASE_RE: Final = re.compile(r"\w+(?:[ \t]+[\w’'.-]+){1,6}?,?[ \t]+(that)\b")
_ONE_WORD_THAT_RE: Final = re.compile(r"\w+,?[ \t]+(that)\b")  # "said privately that"
# a phrase of time and nothing else: "on Thursday", "earlier this week", "in April", "late
# Thursday", "in 2014", "last year" (its words: _TIME_END_WORDS)
_TIME_ONLY_RE: Final = re.compile(
    r"(?i:(?:(?:on|in|at|during|earlier|later|last|this|next|early|late|the|previous|past)"
    r"[ \t]+)*(?:"
    + "|".join(sorted(w for w in _TIME_END_WORDS - _PARTS_OF_DAY if "." not in w))
    + rf"|\d{{4}})(?:[ \t]+(?:{'|'.join(sorted(_PARTS_OF_DAY))}|\d{{1,2}}))?)"
)
# a day right after the cue, before what was said ("said Tuesday that", "said on Sunday night
# the …"); not a day that opens the content ("said Sunday night's debate …")
_WHEN_RE: Final = re.compile(
    r"(?:on[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday"
    r"|tonight)(?>(?:[ \t]+(?:morning|afternoon|evening|night))?),?[ \t]+(?=\w)"
)


def _in_open_quotation(text: str, start: int, pos: int) -> bool:
    """Whether a quotation opened in ``text[start:pos]`` is still open at ``pos``."""
    return text.count("“", start, pos) > text.count("”", start, pos) or bool(
        text.count('"', start, pos) % 2
    )


def _after_addressee(toks: Sequence[_Token]) -> int | None:
    """Where the content of a telling verb starts among the tokens after it: at "that" within
    twelve tokens, after a colon within six (not before a quotation: that is the content of
    its own, see _colon_drafts); ``None`` when neither is there."""
    for k, t in enumerate(toks[:12]):
        if t.low == "that":
            return k
        if t.text == ":" and k < 6:
            return k + 1 if k + 1 < len(toks) and toks[k + 1].text[0] not in "“‘\"'«`" else 0
    return None


# a word in -ing after spaces
_ING_WORD_RE: Final = re.compile(r"[ \t]*(\w+ing)\b")


def _reporting_participle(text: str, pos: int, end: int) -> bool:
    """Whether a word in -ing that is a cue of the card opens ``text[pos:end]`` after spaces."""
    m = _ING_WORD_RE.match(text, pos, end)
    return (
        m is not None
        and _cue_matcher().pattern.match(normalize(text[m.start(1) : m.start(1) + 40])) is not None
    )


def _find_content_right(text: str, after: int, sent_end: int, term: str) -> tuple[int, int] | None:
    if term not in _TELLING:
        # where _first_token would start (the token itself is not needed)
        first = _WORD_TOKEN_RE.search(
            text, after, after + 20 if after + 20 < sent_end else sent_end
        )
        if first is None:
            return None
        start = first.start()
        word = first.group()
        when = (
            _WHEN_RE.match(text, start, sent_end)
            if word == "on" or word.lower() in _TIME_WORDS  # (the words _WHEN_RE starts with)
            else None
        )
        if when is not None:
            start = when.end()  # when it was said: "said Tuesday that …", "said Thursday his …"
        elif (
            word in _CIRCUMSTANCE_PREPOSITIONS
            or word == ","
            or word in _BEFORE_THAT_WORDS
            or (word.endswith("ly") and word.islower())
        ):
            # where or how it was said comes before what: "posted on Facebook that …", "said
            # in a statement that …", "claimed, without evidence, that …"
            at = start + 1 if word == "," else start
            while at < sent_end and text[at] in " \t":
                at += 1
            hi = min(sent_end, start + 60)
            that = (
                _THAT_AFTER_PHRASE_RE.match(text, at, hi)
                if text.find("that", at, hi) >= 0
                else None
            )
            if that is None and word not in _CIRCUMSTANCE_PREPOSITIONS:
                # one word before it ("said privately that"; not "commented on that issue")
                that = _ONE_WORD_THAT_RE.match(text, at, min(sent_end, start + 30))
            if that is not None:
                start = that.start(1)
    else:
        # an object of telling and a time phrase do not belong to the content ("told a town
        # hall in Salem on Monday that …", "tells the crowd: …"); most are short, so a longer
        # stretch is read only when a "that" or a colon may lie past the first
        hi = min(sent_end, after + 60)
        toks = _tokens(text, after, hi)
        if not toks:
            return None
        i = _after_addressee(toks)
        if i is None and hi < sent_end and len(toks) < 12:
            far = min(sent_end, after + 120)
            if text.find("that", hi - 4, far) >= 0 or text.find(":", hi, far) >= 0:
                toks = _tokens(text, after, far)
                i = _after_addressee(toks)
        if i is None:
            i = 1 if toks[0].low in _OBJECT_WORDS else 0
        start = toks[i].start if i < len(toks) else sent_end
    s, e = _trim(text, start, sent_end)
    if text[e - 1 : e] == ")" and text.find("(", s, e) < 0:
        # the parenthesis the sentence stands in closes after it: "(Ruiz said it would win.)"
        s, e = _trim(text, s, e - 1)
    if text[e - 1 : e] in {"?", "!"}:
        e -= 1  # the sentence's mark, as a full stop is ("asked whether it was legal?")
    comma = text.find(",", s, e)
    while comma >= 0:
        if _reporting_participle(text, comma + 1, e) and not _in_open_quotation(text, s, comma):
            # a participle that reports speech of its own ends the paraphrase: "criticized the
            # move, saying it would …" ("saying" has its own relation and content)
            s, e = _trim(text, s, comma)
            break
        comma = text.find(",", comma + 1, e)
    if (
        not _has_words(text, s, e, 2)
        # (a phrase of time is short and ends in a word of time: the pattern is tried only then)
        or (
            e - s <= 32
            and _ends_in_time_word(text, s, e)
            and _TIME_ONLY_RE.fullmatch(text, s, e) is not None
        )
        or (
            # where or how it was said, and nothing after: "…, Reid said in a statement.",
            # "…, she said at a rally in Ohio." (the content is the clause before); not "on"
            # ("commented on her speech", "called on Dean to apologize"); such a phrase is short
            e - s <= 100
            and (
                text.startswith(_PLACE_OPENINGS, s)
                or (text.startswith(("on ", "by "), s) and _MEDIUM_RE.match(text, s, e))
            )
            and term not in _IN_OBJECT_CUES
            and _CLAUSE_HINT_RE.search(text, s, e) is None
        )
    ):
        # a time, place or medium alone is when, where or how it was said, not what: "…,
        # EgyptAir said on Thursday." (the content is the clause before), "that Pompeo announced
        # earlier this month"
        return None
    return s, e


def extract_attributions(
    text: str,
    sentences: Sequence[Sentence],
    quotes: Sequence[Quote],
    excluded: Sequence[Excluded] = (),
    *,
    norm: str | None = None,
) -> AttributionResult:
    """Attribution relations in ``text`` with cue, source and content spans.

    ``quotes`` are the quotations from :func:`framing.quotes.find_quotes`; ``excluded`` spans
    (boilerplate) produce no cues. ``norm`` is ``framing.text.normalize(text)`` when the caller
    has it already (the analyzer shares it with the lexicon scan).

    A tokenised text ("ABC 's Devin Dwyer notes", "didn ’ t say") is read with its clitics
    joined to their words (:func:`framing.text.join_clitics`, which keeps every other offset),
    and the spans found are given back as offsets into ``text``.
    """
    joined = join_clitics(text)
    if joined is None:
        return _extract_attributions(text, sentences, quotes, excluded, norm)
    found = _extract_attributions(joined.text, sentences, quotes, excluded, normalize(joined.text))
    return _unjoined(found, text, joined)


def _unjoined(result: AttributionResult, text: str, joined: JoinedClitics) -> AttributionResult:
    """``result``, found in ``joined.text``, with its spans as offsets into ``text`` (and their
    text as written there); speakers keep the joined form ("ABC’s")."""
    start, end = joined.original_start, joined.original_end
    out: list[Attribution] = []
    for a in result.attributions:
        cs, ce = start(a.cue.start), end(a.cue.end)
        source = a.source
        if source is not None:
            ss, se = start(source.start), end(source.end)
            source = SourceSpan(ss, se, text[ss:se], source.type)
        content = a.content
        if content is not None:
            content = ContentSpan(start(content.start), end(content.end))
        cue = replace(a.cue, start=cs, end=ce, text=text[cs:ce])
        # (the spaces a clitic left behind: "Russia’s   embassy")
        speaker = " ".join(a.speaker.split()) if a.speaker is not None else None
        out.append(Attribution(cue, source, content, a.kind, speaker, a.confidence))
    reported = tuple(ContentSpan(start(c.start), end(c.end)) for c in result.reported)
    return AttributionResult(tuple(out), result.quotes, reported)


def _extract_attributions(
    text: str,
    sentences: Sequence[Sentence],
    quotes: Sequence[Quote],
    excluded: Sequence[Excluded],
    norm: str | None,
) -> AttributionResult:
    """:func:`extract_attributions` of a text with no detached clitics."""
    qs = _Quotes(sorted(quotes, key=lambda q: q.start))
    drafts: list[_Draft] = []
    used_quotes: set[int] = set()

    for hit in _cue_hits(text, sentences, qs, excluded, norm):
        s_start, s_end = hit.s_start, hit.s_end
        use = _verb_use(text, hit, s_start)
        if use is None:
            continue
        if use == "passive" and hit.term == "quote" and _AS_RE.match(text, hit.end):
            continue  # "X was quoted as saying": the participle that follows is the cue
        nested = bool(drafts) and _inside_content(drafts[-1], hit.start, s_start)
        if nested and hit.category == "other":
            # a belief inside reported content ("said they believed …") is part of it, not a
            # relation of its own (reported speech inside it is kept)
            continue
        source: tuple[int, int] | None = None
        content: tuple[int, int] | None = None
        kind: AttributionKind = "indirect"
        quote_i: int | None = None
        conf = 0.8
        ends_paraphrase = False  # a short quotation before the cue ends the writer’s clause

        if hit.term == "according to":
            src_end = s_end
            m = _SOURCE_END_RE.search(text, hit.end, s_end)
            while m is not None and m.group() == "." and ends_abbreviation(text, m.start()):
                m = _SOURCE_END_RE.search(text, m.end(), s_end)  # "according to Mr. Lind"
            if m:
                src_end = m.start()
            source = _trim(text, hit.end, src_end)
            if source[0] >= source[1]:
                continue
            before = _trim(text, s_start, hit.start)
            after_span = _trim(text, src_end, s_end)
            content = before if before[1] - before[0] > 3 else after_span
            if content[1] - content[0] <= 3:
                content = None
            drafts.append(_Draft(_cue(hit), source, content, "according_to", None, 0.9))
            continue

        if hit.term in _ADVERB_CUES:
            content = _trim(text, s_start, s_end)
            drafts.append(_Draft(_cue(hit), None, content, "indirect", None, 0.6))
            continue

        if hit.term == "expect" and _prev_word(text, hit.start, s_start) in _BE:
            before = _trim(text, s_start, hit.start)
            after_span = _trim(text, hit.end, s_end)
            content = before if _has_words(text, *before, 2) else after_span
            drafts.append(_Draft(_cue(hit), None, content, "indirect", None, 0.5))
            continue

        # 1. a quotation just before the cue: “…,” the Ukrainians insisted.
        qi = qs.ending_before(hit.start)
        ing = hit.participle
        if qi is not None and qi not in used_quotes:
            q = qs.quotes[qi]
            gap = text[q.end : hit.start]
            if (
                "\n" not in gap
                # a participle right after a quotation modifies the clause before it:
                # "… a defense of “New York values,” saying the city …"
                and not (ing and not _has_words(text, q.end, hit.start, 1))
                and (
                    (last := _last_before_marks(text, q.inner_start, q.inner_end))
                    in {",", "?", "!", "—"}
                    or gap.lstrip().startswith(",")
                    # a full stop before the closing mark, and the sentence goes on in lower
                    # case: '"… during televised events." added Lauten'
                    or (
                        last == "."
                        and not gap.strip()
                        and text[hit.start].islower()
                        and q.kind not in _SHORT_KINDS
                    )
                )
                and not _full_stop_in(text, q.end, hit.start)
                and (count_words(gap) <= 8 or _source_fills(text, q.end, hit.start))
                and not (
                    q.kind in _SHORT_KINDS
                    and _content_of_its_own(text, q, s_start, hit.term, (hit.start, hit.end), s_end)
                )
            ):
                quote_i = qi
                content = (q.start, q.end)
                kind = "direct"
                ends_paraphrase = (
                    q.kind in _SHORT_KINDS
                    and _ends_paraphrase(text, s_start, q)
                    # (what "as" someone put it is the quotation itself: "… help avoid “cabal,
                    # intrigue and corruption,” as Alexander Hamilton put it")
                    and not gap.lstrip(" \t,").lower().startswith("as ")
                )
                source = _left_source(text, q.end, hit.start)
                if ing:
                    source = _participle_subject(text, q.end, source)
                if source is None and not ing and hit.term not in _NEVER_INVERTED:
                    hi = s_end if s_end > hit.end else _paragraph_bounds(text, hit.start)[1]
                    source = _right_source(text, hit.end, hi)
                    if source is not None:
                        source = _with_appositive(text, source, hi)
                conf = 0.95
        # 2. a quotation right after the cue: X said: “…” / X said, “…”
        if content is None:
            qj = qs.starting_after(hit.end)
            if qj is not None and qj not in used_quotes:
                q = qs.quotes[qj]
                gap = text[hit.end : q.start]
                if (
                    (
                        "\n" not in gap
                        and len(gap) <= 4
                        and gap.strip() in {"", ",", ":", "—"}
                        and (q.kind not in _SHORT_KINDS or gap.strip())
                    )
                    or (
                        # the cue's paragraph ends in a colon and the quotation is the next one:
                        # 'Dr. Ward stated:\n\n"The department …"', a block quotation alike
                        gap.strip() == ":" and "\n" in gap and q.kind not in _SHORT_KINDS
                    )
                    or (
                        # what the cue's object announces: 'issued the following statement: "…"'
                        q.kind not in _SHORT_KINDS
                        and (colon := gap.find(":")) > 0
                        and not gap[colon + 1 :].strip()
                        and _FOLLOWING_RE.fullmatch(gap, 0, colon) is not None
                    )
                    or (
                        # where or when it was said, then a colon: 'said in a statement: "…"',
                        # 'wrote in an email to supporters on Monday: “…”'
                        q.kind != "title"
                        # (twelve words at most before the colon: _circumstance)
                        and (colon := gap.find(":", 0, 160)) > 0
                        and not gap[colon + 1 :].strip()
                        # (not one that ends in a comma, before a cue of its own: "… warned
                        # Gazans on Monday: “…,” Lieberman tweeted")
                        and _last_before_marks(text, q.inner_start, q.inner_end) != ","
                        and _circumstance(text, hit.end, hit.end + colon, hit.term in _TELLING)
                    )
                ):
                    quote_i = qj
                    content = (q.start, q.end)
                    kind = "direct"
                    conf = 0.95
                    source = _left_source(text, s_start, hit.start)
                    if ing and source is not None and _ends_in_document(text, *source):
                        # "Obama released a statement condemning “…”": Obama
                        source = _participle_subject(text, s_start, source)
        if content is not None and source is None:
            # "…,” he said, adding, “…”; "Hayek confirmed … and said, “…”"
            source = _previous_source(text, drafts, s_start, hit.start)
            if source is None:
                source = _subject_fallback(text, s_start, hit.start)
        if ends_paraphrase and content is not None and (source is None or source[0] > content[0]):
            # a quoted phrase that ends a paraphrase: the paraphrase is the content ("Obama
            # earned the title of “deporter in chief,” said Chishti"; not when the source opens
            # the sentence: "The ad, titled “Unifier?”, concludes that …")
            content, kind = (_trim(text, s_start, content[1])[0], content[1]), "mixed"
        if (
            content is None
            and (hit.term in _STRICT or hit.text.lower() in _STRICT_FORMS)
            and not _THAT_RE.match(text, hit.end)
        ):
            continue  # a verb that is mostly not a reporting one unless a clause or quote follows
        if (
            content is None
            and hit.term in _OBJECT_CUES
            and not _OBJECT_NEXT_RE.match(text, hit.end)
            and not _THAT_RE.match(text, hit.end)
        ):
            continue  # "the legislation he once supported - and …": no position is reported
        # 3. a paraphrase
        if content is None:
            source = None
            participle = ing and text[s_start : hit.start].rstrip().endswith(",")
            if participle:  # "…,” he said, adding that …
                source = _previous_source(text, drafts, s_start, hit.start)
            if source is None:
                source = _left_source(text, s_start, hit.start)
                if ing:
                    source = _participle_subject(text, s_start, source)
                if (
                    participle
                    and source is not None
                    and _prev_word(text, source[0], s_start) in _GOVERNING_PREPOSITIONS
                ):
                    # the phrase before ", citing" is a preposition's object, not who cites:
                    # "she had canceled a rally with Obama slated for Wednesday, citing …"
                    source = _subject_fallback(text, s_start, hit.start)
            right = None
            if source is None and _inverted_possible(text, hit, s_start):
                right = _right_source(text, hit.end, s_end)
                if right is not None and (
                    not _ends_inverted(text, right[1], s_end) or _document_object(text, *right)
                ):
                    # "…, said the election would …": the content's subject; "…, wrote an open
                    # letter to …": what was written
                    right = None
                source = right
            if source is None and not ing and drafts:
                source = _second_verb_source(text, drafts, s_start, hit.start)
            if source is None:
                source = _subject_fallback(text, s_start, hit.start)
            if source is None:  # "…,” they added, warning that …
                source = _previous_source(text, drafts, s_start, hit.start)
            if source is None and ing:
                source = _main_subject_after_opening(text, s_start, hit, s_end)
            after = right[1] if right else hit.end
            content = None
            if right is not None and source == right:
                # an inverted subject reports what came before it, and what follows it says
                # who it is: "The case could take years, said Richard Hunter, chief deputy for
                # the Marshals Service" (the deputy's words are the clause, not the role)
                before = _trim(text, s_start, hit.start)
                if _has_words(text, *before, 2):
                    content = before
                    source = _with_appositive(text, right, s_end)
            if content is None:
                # (a content found on the right holds two words: _find_content_right checks
                # them)
                content = _find_content_right(text, after, s_end, hit.term)
            if content is None:
                before = _trim(text, s_start, min(source[0], hit.start) if source else hit.start)
                content = before if _has_words(text, *before, 3) else None
            if content is not None and content[0] >= hit.start:
                # a quotation opened inside the content runs on to its close, also past the
                # sentence's end: 'claiming that Clinton “lied many times. Flynn lied, …”'
                # (a content before the cue ends at the cue)
                k = bisect.bisect_right(qs.starts, content[1] - 1) - 1
                if k >= 0 and content[0] <= qs.starts[k] and qs.ends[k] > content[1]:
                    p_end = _paragraph_bounds(text, qs.starts[k])[1]
                    if qs.ends[k] <= p_end:
                        content = (content[0], qs.ends[k])
            if content is not None:
                inner = [
                    k for k in _quotes_within(qs, content[0], content[1]) if k not in used_quotes
                ]
                if inner:
                    kind = "mixed"
            conf = 0.7
        if source is None and hit.category == "other":
            continue
        if source is None and content is None:
            continue
        if source is not None and source[0] >= source[1]:
            source = None
        agent = _BY_AGENT_RE.match(text, hit.end, s_end)
        agentless = use == "passive"
        if agentless and (later := _LATER_AGENT_RE.match(text, hit.end, s_end)) is not None:
            # the agent after an object: "have been offered support by the ambassador"
            agentless = False
            source = _agent(text, later.end(), s_end)
            by = text.rindex("by", hit.end, later.end())
            if source is not None and content is not None and content[0] < by < content[1]:
                content = _trim(text, content[0], by)  # what was offered, not who offered it
        if agent is not None and not ing:
            by_src = _agent(text, agent.end(), s_end)
            if by_src is not None:
                source = by_src  # a passive with its agent: "first reported by Politico"
                if content is not None and content[0] < by_src[1] and by_src[0] < content[1]:
                    content = _passive_content(text, s_start, hit.start, by_src[1], s_end)
        antecedent: tuple[int, int] | None = None
        if (
            ing
            and _mentions_quoted(text, max(s_start, hit.start - 30), hit.start)
            and (quoted_as := _QUOTED_AS_RE.search(text, max(s_start, hit.start - 30), hit.start))
        ):
            # "…,” Braynard is quoted as saying": the subject of "is quoted" is the speaker
            lo = content[1] if kind == "direct" and content and content[1] <= hit.start else s_start
            source = _left_source(text, lo, quoted_as.start())
        elif ing and (cited := _cited_as(text, s_start, hit.start)) is not None:
            # "The report cited unnamed officials as saying …", "quoted the president as
            # saying": whom it cites speaks
            source = _trim(text, cited.start(1), cited.end(1))
        if hit.term in _IMPERSONAL:
            source = None  # "the race seemed to be …": the writer's own evaluation
        elif (source is None or source[1] <= hit.start - 1) and (
            text.find("wh", hit.start - 40 if hit.start - 40 > s_start else s_start, hit.start) >= 0
        ):
            rel = _relative_pronoun(text, s_start, hit.start)
            if rel is not None and (source is None or source[1] <= rel[0]):
                # PolNeAR's convention: the relative pronoun is the source, its antecedent
                # the speaker ("Sanders, who had said …")
                antecedent, source = source, rel
                if (
                    antecedent is None
                    or text[antecedent[1] : rel[0]].strip(" ,") != ""
                    # the phrase is a dashed appositive: "Ms. Lauten — a former aide who"
                    or _DASH_BEFORE_RE.search(text, s_start, antecedent[0]) is not None
                    # a thing of someone's: "a symbolic victory for Obama, who" (Obama)
                    or _thing_of_a_name(text, *antecedent)
                ):
                    # the phrase right before the pronoun, rather than a subject found further
                    # back ("diplomats — including … former Ambassador to Ukraine Marie
                    # Yovanovitch, who testified": not the sentence's "journalists")
                    antecedent = _relative_antecedent(text, s_start, rel) or antecedent
                if antecedent is not None:
                    # "Sen. Ana Ruiz, D-N.Y., who said": the name before the label
                    antecedent = _past_party_label(text, s_start, antecedent) or antecedent
                    antecedent = _antecedent_phrase(text, *antecedent)
        if (
            source is not None
            and text[source[0] : source[1]].rpartition(" ")[2].lower() in _PLURAL_QUANTIFIERS
            and hit.text.endswith("s")
            and not text[source[1] : hit.start].strip()
        ):
            # a verb in -s never agrees with a plural before it: the cue is a noun, and what
            # counts it no source ("there have been few calls for", "one of three tweets")
            source = None
        if source is not None:
            source = _without_auxiliary(text, s_start, *source)
        if (
            source is not None
            and source[1] - source[0] > 1
            and text[source[1] - 1] == "."
            and not ends_abbreviation(text, source[1] - 1)
        ):
            source = (source[0], source[1] - 1)  # the sentence's full stop: "…, said Beck."
        if (
            text[hit.start - 1 : hit.start] == "-"
            and text[max(0, hit.start - 5) : hit.start].lower() == "self-"
        ):
            source = (hit.start - 5, hit.start - 1)  # "a self-described socialist"
        if agentless:
            # the subject of a passive is what was said, not who said it; in the writer's own
            # voice an agentless passive that reports a proposition ("it is believed that …",
            # "Dalen is said to be …", "is widely seen as …") attributes it to no one, inside
            # someone's reported speech ("Brandt said they had been told …") it is theirs; one
            # that reports an act ("Lewandowski was dismissed", "was charged with assault")
            # hides an agent, not a source of information
            source = None
            if not nested and hit.term in HEARSAY_PASSIVES and _propositional(text, hit, s_end):
                kind = "passive"
        if (
            source is not None
            and source[1] - source[0] <= 10
            and (
                text[source[0] : source[1]].lower() in _NOT_SOURCE_WORDS
                or _YEAR_RE.fullmatch(text, *source) is not None
            )
        ):
            # a word that opens the sentence is no one: "That meeting was …", "Even before
            # Francis' remarks, Mr. Trump had …", "To ultimately prevail, she will …"; nor
            # is a year ("a video released in 2007 called …")
            source = None
        if source is not None and source[0] < hit.start < source[1]:
            # a source never holds its own cue: "Clarke, who recently co-authored a paper
            # outlining how …" is Clarke
            comma = text.find(",", source[0], hit.start)
            source = _trim(text, source[0], comma) if comma > source[0] else None
        if source is not None and _in_other_quotation(qs, source[0], hit.start):
            # a name inside someone's quotation is not who speaks outside it: "“… Flynn lied,
            # and it destroyed his life,” Trump said, before again claiming …" is Trump
            source = _previous_source(text, drafts, s_start, hit.start)
        if (
            source is not None
            and content is not None
            and kind == "direct"
            and content[0] <= source[0] < content[1]
        ):
            source = None  # a word inside the quotation is not who spoke it
        elif source is not None and content is not None and content[0] <= source[0] < content[1]:
            # what an opening participle reports ends where the main clause's subject begins:
            # "Noting that both had battled the media, Schlafly said …"
            content = _trim(text, content[0], source[0])
            if content[0] >= content[1]:
                content = None  # "Lashing out, Trump said …": the participle reports nothing
        if quote_i is not None:
            used_quotes.add(quote_i)
        drafts.append(_Draft(_cue(hit), source, content, kind, quote_i, conf, antecedent))

    with_blocks = _block_quotations(text, qs, drafts, excluded)
    if with_blocks is not qs:  # the quotations were renumbered
        qs = with_blocks
        used_quotes = {d.quote for d in drafts if d.quote is not None}
    drafts.extend(_colon_drafts(text, qs, drafts, excluded))
    drafts.extend(_poll_drafts(text, sentences, drafts, excluded))
    drafts.extend(_byline_drafts(text, qs, used_quotes))
    posts = _signed_posts(text, qs, drafts, excluded)
    if posts:
        _end_before_signatures(text, drafts, [d for d, _ in posts])
        drafts.extend(d for d, _ in posts)
        qs = _with_quotations(qs, drafts, posts)
        used_quotes = {d.quote for d in drafts if d.quote is not None}
    drafts.sort(key=lambda d: d.cue.start)
    drafts.extend(_continuations(text, qs, drafts, used_quotes, sentences))
    by_cue = sorted(drafts, key=lambda d: d.cue.start)
    _end_before_joined_verbs(text, qs, by_cue)
    _end_opening_participles(text, by_cue)
    _end_relative_clauses(text, drafts)
    drafts = _without_nested(drafts)
    _end_contents_in_sources(text, drafts)
    drafts.sort(key=lambda d: (d.content[0] if d.content else d.cue.start, d.cue.start))
    return _finish(text, sentences, qs, drafts, sorted((e.start, e.end) for e in excluded))


# a one-word name written as a place: before a word for its territory, border or capital, or
# after one ("Orsk territory", "Orsk’s capital", "the border with Orsk"); a country the demonym
# list does not know, or a city, is typed by its use, not as a surname (a possessive before
# "border" or "foreign minister" is left out: "Trump’s border wall", "Putin’s foreign minister")
_PLACE_AFTER_RE: Final = re.compile(
    r"(?:['’]s[ \t]+(?:territory|capital|embassy)|[ \t]+(?:territory|border|frontier|capital"
    r"|embassy|foreign[ \t]+ministry|defen[cs]e[ \t]+ministry))\b"
)
#: the two words before a place: "the border with Orsk", "the people of Kell"
_PLACE_BEFORE: Final = frozenset(
    [("border", "with"), ("capital", "of"), ("territory", "of"), ("government", "of"),
     ("people", "of"), ("president", "of"), ("embassy", "of")]
)  # fmt: skip


def _word_starts(text: str, word: str) -> Iterator[int]:
    """Where ``word`` occurs in ``text`` as a word of its own (no letter or digit on either
    side), by plain search."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        end = i + n
        if (i == 0 or not text[i - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            yield i
        i = text.find(word, end)


def _has_word(text: str, word: str) -> bool:
    """Whether ``text`` holds ``word`` as a word of its own."""
    return next(_word_starts(text, word), -1) >= 0


def _written_as_place(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` (one capitalised word) as a place somewhere: its
    occurrences are found by plain search, the words around each read by fixed patterns."""
    return any(
        _PLACE_AFTER_RE.match(text, i + len(word))
        or tuple(text[max(0, i - 30) : i].split()[-2:]) in _PLACE_BEFORE
        for i in _word_starts(text, word)
    )


#: a named source of a relation, for pronouns after it: where its source starts, its name,
#: its type, the source phrase, and where its cue starts
_Speaker = tuple[int, str, SourceType, str, int]


def _named_at(d: _Draft) -> int:
    """Where a draft's speaker is named: its source's start, or its cue's without one."""
    return d.source[0] if d.source is not None else d.cue.start


def _short_organisation(name: str, speakers: Sequence[_Speaker]) -> str:
    """An organisation's short name ("the Times", "the Post") stands for the full name of an
    organisation that spoke earlier in the text and ends with that word ("The New York Times",
    "The Washington Post"), when exactly one does."""
    article, _, word = name.partition(" ")
    if article not in {"the", "The"} or not word[:1].isupper() or not word.isalpha():
        return name
    fulls = {
        said
        for _, said, typ, _, _ in speakers
        if typ == "organisation"
        and said.endswith(f" {word}")
        and said.count(" ") > 1
        and " and " not in said  # "The Washington Post and The New York Times"
    }
    return fulls.pop() if len(fulls) == 1 else name


def _organisation_named_by(word: str, speakers: Sequence[_Speaker]) -> str | None:
    """The organisation that spoke earlier in the text whose name opens with ``word`` (after
    "the") and runs on ("Pew" -> "the Pew Research Center"), when exactly one does."""
    fulls = {
        said
        for _, said, typ, _, _ in speakers
        if typ == "organisation"
        # (a name of capitalised words: "the Pew Research Center", not "the Clinton campaign")
        and (bare := said.removeprefix("the ").removeprefix("The ")).startswith(f"{word} ")
        and bare[len(word) + 1 : len(word) + 2].isupper()
        and " and " not in said
    }
    return fulls.pop() if len(fulls) == 1 else None


def _ordinary_case(text: str, phrase: str) -> str | None:
    """How ``text`` writes ``phrase`` (a label in capitals) as a name in ordinary case, if it
    does: "WALLACE" -> "Wallace", "MCCONNELL" -> "McConnell"."""
    for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE):
        found = m.group()
        if found[0].isupper() and not found.isupper():
            return found
    return None


def _inside_content(draft: _Draft, pos: int, s_start: int) -> bool:
    """Whether ``pos`` lies in the content of ``draft``, a relation of the same sentence."""
    return (
        draft.content is not None
        and draft.cue.start >= s_start
        and draft.content[0] <= pos < draft.content[1]
    )


class _Contents:
    """The content spans of a list of drafts, to ask whether a position lies inside the content
    of a draft other than a given one."""

    def __init__(self, drafts: Sequence[_Draft]) -> None:
        self.spans = sorted(
            (d.content[0], d.content[1], i) for i, d in enumerate(drafts) if d.content
        )
        self.starts = [sp[0] for sp in self.spans]
        self.reach: list[int] = []  # the furthest end of the contents that start up to each one
        for sp in self.spans:
            self.reach.append(sp[1] if not self.reach or sp[1] > self.reach[-1] else self.reach[-1])

    def holds(self, pos: int, other_than: int) -> bool:
        """Whether ``pos`` lies in the content of a draft other than ``drafts[other_than]``."""
        k = bisect.bisect_right(self.starts, pos) - 1
        if k < 0 or self.reach[k] <= pos:
            return False
        spans = self.spans
        while k >= 0 and not (spans[k][2] != other_than and pos < spans[k][1]):
            k -= 1
        return k >= 0


def _without_nested(drafts: list[_Draft]) -> list[_Draft]:
    """``drafts`` without the beliefs and perceptions (stance ``other``) that lie inside another
    relation's content: "said the poll showed he believed …", "RUIZ: … I think the polls are
    wrong", “I think so,” she said. They are part of what was reported or quoted. The pass over
    the cues drops those inside the relation right before; this one also finds those whose
    content belongs to a cue that comes later ("Voters don’t believe the figures, the poll
    found") or to a relation found after the pass (a transcript's answer). Reporting verbs
    inside content stay relations of their own ("Ruiz said that Brandt had claimed …": the
    claim is Brandt's, reported by Ruiz)."""
    if len(drafts) < 2 or all(d.cue.stance != "other" for d in drafts):
        return drafts
    contents = _Contents(drafts)
    return [
        d
        for i, d in enumerate(drafts)
        if d.cue.stance != "other" or not contents.holds(d.cue.start, i)
    ]


def _end_contents_in_sources(text: str, drafts: Sequence[_Draft]) -> None:
    """A relation whose cue stands inside another's source (its appositive or relative clause)
    reports no further than that source: "Barkley, who said he typically votes Democratic, said
    one candidate he likes …" (the first ``said`` reports "he typically votes Democratic").
    ``drafts`` are sorted by their cue."""
    starts = [d.cue.start for d in drafts]
    for b in drafts:
        if b.source is None or b.source[1] - b.source[0] < 12 or b.kind == "colon":
            # (no shorter source holds a cue and what it reports; a label before a colon is
            # no phrase: "She says to Nevadans: “…”")
            continue
        lo, hi = b.source
        i = bisect.bisect_left(starts, lo)
        while i < len(drafts) and starts[i] < hi:
            a = drafts[i]
            i += 1
            c = a.content
            if a is b or c is None or a.cue.end > hi or not c[0] < hi < c[1]:
                continue
            self_described = a.source == (a.cue.start - 5, a.cue.start - 1)  # "self-"
            if (
                text.find(",", lo, a.cue.start) < 0
                and _DASH_MARK_RE.search(text, lo, a.cue.start) is None  # "Ruiz — an aide who"
                and not self_described
            ):
                # no appositive or relative clause holds the cue (only "the self-described
                # socialist"): the other source is the one too long ("Clinton cited disparaging
                # remarks Trump had made")
                continue
            cut = _trim(text, c[0], hi)
            a.content = cut if cut[0] < cut[1] else None


def _previous_source(
    text: str, drafts: Sequence[_Draft], s_start: int, cue_start: int
) -> tuple[int, int] | None:
    """The source of the previous relation when it is in the same sentence and at most two
    commas before the cue: a second cue of the same speaker shares it."""
    if drafts:
        prev = drafts[-1]
        if (
            prev.source is not None
            and prev.cue.start >= s_start
            and text[prev.cue.end : cue_start].count(",") <= 2
        ):
            return prev.source
    return None


_STANCE_OF: dict[str, Stance] = {s: s for s in STANCES}


def _cue(hit: _CueHit) -> _CueSpan:
    """The cue of a relation, made once the hit has one (not for candidates that are dropped)."""
    return _CueSpan(hit.start, hit.end, hit.text, hit.term, _STANCE_OF.get(hit.category, "other"))


def _second_verb_source(
    text: str, drafts: Sequence[_Draft], s_start: int, cue_start: int
) -> tuple[int, int] | None:
    """The source of a verb joined by "and" or "but" to the main verb of a relation of the same
    sentence whose paraphrase ran on over it: what that relation reports then ends before the
    conjunction ("Okafor criticized Democrats, but argued that …": Okafor, who criticized
    "Democrats"). The verbs of what it reports ("said he had voted for Rubio") do not count."""
    prev: _Draft | None = None  # the sentence's first relation: the others lie in what it reports
    for d in reversed(drafts):  # (drafts are in text order: read back to the sentence's start)
        if d.cue.start < s_start:
            break
        prev = d
    if (
        prev is None
        or prev.source is None
        or prev.quote is not None
        or prev.kind != "indirect"
        or prev.cue.text.endswith("ing")  # a participle's relation is no main verb
        # nor is a relative clause's ("Reid, who endorsed Clinton, reiterated … and stressed")
        or text[prev.source[0] : prev.source[1]].lower() in _RELATIVE
        or prev.content is None
        or not prev.content[0] < cue_start <= prev.content[1]
        or prev.content[0] < prev.cue.start
    ):
        return None
    tok = _before_auxiliaries(text, max(prev.content[0], cue_start - 40), cue_start)
    if tok is None or tok.low not in {"and", "but"}:
        return None
    end = _trim(text, prev.content[0], tok.start)
    if not _has_words(text, *end, 1):
        return None
    prev.content = end
    return prev.source


def _end_before_joined_verbs(text: str, qs: _Quotes, order: Sequence[_Draft]) -> None:
    """What a verb reports ends before a second verb of the same source joined to it by "and"
    or "but" that has a relation of its own ("The commissioner praised Mexico for its support
    but said, “they need to do more”": the praise is of Mexico's support, what was said is the
    quotation). The paraphrase path ends it as it finds the second verb
    (:func:`_second_verb_source`); this pass also ends it before a verb whose quotation or
    source was found first. ``order``: the relations sorted by their cue."""
    for a, b in itertools.pairwise(order):
        c = a.content
        if (
            c is None
            or a.source is None
            or b.source != a.source
            or not a.cue.end <= c[0] < b.cue.start < c[1]
        ):
            continue
        lo = max(c[0], b.cue.start - 40)
        tok = _before_auxiliaries(text, lo, b.cue.start)
        if tok is not None and tok.low not in {"and", "but"}:
            # a span of time before the second verb: "called it a hoax and 10 days later said"
            toks = _tokens(text, lo, b.cue.start)
            k = _span_of_time_start(toks, len(toks) - 1) if toks else -1
            tok = toks[k - 1] if k >= 1 else None
        if tok is None or tok.low not in {"and", "but"}:
            continue
        end = _trim(text, c[0], tok.start)
        if not _has_words(text, *end, 1):
            continue
        a.content = end
        if a.kind == "mixed" and not _quotes_within(qs, *end):
            a.kind = "indirect"


def _end_opening_participles(text: str, order: Sequence[_Draft]) -> None:
    """A participle that opens the sentence with no source of its own reports up to the comma
    before the main clause, whose subject speaks for itself: "Asked whether he would run
    again, Ruiz said he had not decided" (what was asked: "whether he would run again").
    ``order``: the relations sorted by their cue."""
    for a, b in itertools.pairwise(order):
        c = a.content
        if (
            c is None
            or a.source is not None
            or b.source is None
            or not a.cue.text[:1].isupper()
            or not a.cue.end <= c[0] < b.source[0] < b.cue.start < c[1]
        ):
            continue
        comma = text.rfind(",", c[0], b.source[0])
        if comma > c[0] and not text[comma + 1 : b.source[0]].strip():
            a.content = _trim(text, c[0], comma)


def _end_relative_clauses(text: str, drafts: Sequence[_Draft]) -> None:
    """What a relative clause set off by commas reports ends where the clause does, before the
    main clause's verb: "Ruiz, who has denied wrongdoing, is expected to testify" (what was
    denied: "wrongdoing")."""
    for d in drafts:
        c, src = d.content, d.source
        if (
            c is None
            or src is None
            or src[1] - src[0] > 5
            or text[src[0] : src[1]].lower() not in _RELATIVE
            or not d.cue.end <= c[0]
            or text[max(0, src[0] - 4) : src[0]].rstrip()[-1:] != ","
            # a clause of its own may have a phrase set off inside it before its verb ("who
            # suggested that Mr. Jäger, under fire for …, would do better to keep quiet")
            or text.startswith("that", c[0])
        ):
            continue
        main = _MAIN_VERB_AFTER_COMMA_RE.search(text, c[0], c[1])
        if main is not None and not _in_open_quotation(text, c[0], main.start()):
            d.content = _trim(text, c[0], main.start())


# a comma, then the verb of the main clause after a relative clause: "…, is expected", "…, said"
_MAIN_VERB_AFTER_COMMA_RE: Final = re.compile(
    rf",[ \t]+(?:{'|'.join(sorted(_AUXILIARY - {'be', 'been'}))}|said|says|told|added)\b"
)


def _source_fills(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, between a quotation and its cue, is one long source phrase
    and nothing else ("…,'' the economist Jared Okafor, a former adviser to the mayor, wrote")."""
    if end - start > 240 or count_words(text[start:end]) > 24:
        return False
    source = _left_source(text, start, end)
    return source is not None and not text[start : source[0]].strip(" \t,'’”\"")


def _in_other_quotation(qs: _Quotes, pos: int, cue_start: int) -> bool:
    """Whether ``pos`` lies inside a quotation of someone's words (not a scare quote or a
    title) that does not also hold the cue at ``cue_start``."""
    i = bisect.bisect_right(qs.starts, pos) - 1
    for k in (i, i - 1):  # the last quotation that starts before pos, or the one it is inside
        if k >= 0:
            q = qs.quotes[k]
            if q.start <= pos < q.end and not q.start <= cue_start < q.end:
                return q.kind not in _SHORT_KINDS
    return False


def _quotes_within(qs: _Quotes, start: int, end: int) -> list[int]:
    i = bisect.bisect_left(qs.starts, start)
    out = []
    while i < len(qs.quotes) and qs.quotes[i].end <= end:
        out.append(i)
        i += 1
    return out


def _colon_drafts(
    text: str, qs: _Quotes, drafts: Sequence[_Draft], excluded: Sequence[Excluded] = ()
) -> list[_Draft]:
    """``Lappo: “…”`` at the start of a paragraph, and ``… Bush: "…"`` before a quotation.

    Colons inside excluded (boilerplate) spans are skipped: a teaser line such as
    ``Poll: Republican … Closing Gap`` is not an attribution.
    """
    taken = [(d.cue.start, d.cue.end) for d in drafts]
    taken += [(e.start, e.end) for e in excluded]
    out: list[_Draft] = []
    found: dict[int, tuple[int, int, int]] = {}  # colon -> source start, end, content start
    colon = text.find(":")
    while colon >= 0:  # only lines with a colon can open with "Name:"
        line_end = text.find("\n", colon)
        line_end = len(text) if line_end < 0 else line_end
        line_start = text.rfind("\n", 0, colon) + 1
        m = _COLON_RE.match(text, line_start, line_end)
        if m is None:
            m = _QUOTED_LABEL_RE.match(text, line_start, line_end)
        if m is not None:
            here = _HERE_IS_RE.match(text, m.start(1), m.end(1))
            label = here.span(1) if here is not None else m.span(1)  # "Here's Ruiz in 1992:"
            found[text.index(":", m.end(1))] = (label[0], label[1], m.end())
        colon = text.find(":", line_end)
    for m in _COLON_QUOTE_RE.finditer(text):
        colon = m.start()
        if colon in found:
            continue
        breaks = list(_MID_BREAK_RE.finditer(text, max(0, colon - 100), colon))
        nm = _MID_SPEAKER_RE.fullmatch(text, breaks[-1].end(), colon) if breaks else None
        if nm is not None:
            end = nm.end()
            while text[end - 1] in " \t":
                end -= 1
            start = nm.start()
            # a full stop of an initial or a title is no sentence's end: the name goes on
            # before it ("- Michael P. McDonald:", "On Saturday, Mr. Ruiz said on Twitter:")
            while (
                start >= 2
                and text[start - 2 : start] == ". "
                and ends_abbreviation(text, start - 2)
                and (k := _name_word_start(text, start - 2)) < start - 2
            ):
                start = k
            if _prev_word(text, start, max(0, start - 30)) not in _ADDRESSED:
                found[colon] = (start, end, m.end())
                continue
        elif (named := _named_before_colon(text, colon)) is not None:
            found[colon] = (named[0], named[1], m.end())
            continue
        _quotation_of_verb(text, qs, drafts, colon, m.end())
    # the labels of one word: a transcript names a speaker in full once, then by surname
    labels = {text[a:b] for a, b, _ in found.values() if " " not in text[a:b]}
    # an interview printed as questions and answers labels them "Q:" and "A:"
    interview = labels >= _INTERVIEW_LABELS
    # a transcript's turns under names in capitals ("KATE OKAFOR: Why not debate?"), told from a
    # newsletter's headings by whom they are about ("HARRY REID: The majority leader said …")
    # by a turn that asks or speaks in the first or second person
    transcript = any(
        text[a:b].isupper()
        and text[a:b].split(None, 1)[0].lower() in given_names()
        and _TURN_RE.search(text, c, _paragraph_bounds(text, c)[1]) is not None
        for a, b, c in found.values()
    )
    for colon, (src_s, src_e, content_start) in sorted(found.items()):
        if any(s <= colon < e for s, e in taken):
            continue
        words = WORD_RE.findall(text, src_s, src_e)
        if not words or not words[-1][0].isupper():
            continue
        if sum(1 for w in words if w[0].isupper() or w.lower() in _NP_INNER) < len(words) - 2:
            continue
        if (words[0].lower() in _NOT_SPEAKER or words[-1].lower() in _NOT_SPEAKER) and not (
            interview and text[src_s:src_e] in _INTERVIEW_LABELS
        ):
            continue
        if (
            len(words) > 1
            and text[src_s:src_e].isupper()
            and not (transcript and words[0].lower() in given_names())  # "KATE OKAFOR: …"
            and _ordinary_case(text, text[src_s:src_e]) is None
            and _ordinary_case(text, words[-1]) is None
            and words[-1] not in labels  # "JAKE TAPPER: …" then "TAPPER: …"
        ):
            continue  # a heading in capitals ("SMALL BUSINESS:"), not a speaker the text names
        _, p_e = _paragraph_bounds(text, colon)
        content = _trim(text, content_start, p_e)
        if content[1] - content[0] < 8:
            continue
        qi = qs.starting_after(content_start)
        quote_i = qi if qi is not None and qs.starts[qi] == content[0] else None
        if (
            quote_i is None
            and len(text[content[0] : content[1]].split(None, 3)) < 4
            # (a transcript's speaker asks short questions too: "KATE OKAFOR: Why not debate?")
            and not (interview and text[src_s:src_e] in _INTERVIEW_LABELS)
            and not (
                transcript and text[src_s:src_e].isupper() and words[0].lower() in given_names()
            )
        ):
            # a label before three words or fewer without quotation marks heads a list item or
            # a section ("Rubio: Finish second.", "Twitter: @Milbank."); speech runs longer
            continue
        if quote_i is not None:
            content = (qs.quotes[quote_i].start, qs.quotes[quote_i].end)
        verb = next((d for d in drafts if src_s <= d.cue.start < src_e), None)
        if verb is not None:
            # the label holds a verb's relation ("Trump said on Twitter: “…”"): what follows the
            # colon is what that verb reports, and there is no second relation
            if verb.content is not None and verb.content[0] < colon < verb.content[1]:
                verb.content = content
                if quote_i is not None:
                    verb.quote, verb.kind = quote_i, "direct"
            continue
        cue = _CueSpan(colon, colon + 1, ":", ":", "neutral")
        out.append(_Draft(cue, (src_s, src_e), content, "colon", quote_i, 0.6))
    return out


def _interviewee(text: str) -> str | None:
    """Whom an interview printed as questions and answers asks: the person its introduction
    (the text before the first "Q:") names most, by surname, when named more than once there
    ("Actress Diane Guerrero has become … Guerrero …"); None when no one is."""
    first_q = _FIRST_QUESTION_RE.search(text)
    intro = text[: first_q.start()] if first_q is not None else ""
    best: tuple[int, int, str] | None = None  # (mentions, -first position, name)
    for m in _GIVEN_AND_SURNAME_RE.finditer(intro):  # (overlapping: "Actress Ana Ruiz")
        if m.group(1).lower() not in given_names():
            continue
        surname = m.group(2)
        n = sum(1 for _ in _word_starts(intro, surname))
        if n >= 2 and (best is None or (n, -m.start()) > best[:2]):
            best = (n, -m.start(), f"{m.group(1)} {surname}")
    return best[2] if best is not None else None


# the first question of an interview, and a given name with a surname after it
_FIRST_QUESTION_RE: Final = re.compile(r"^[ \t]*Q:", re.MULTILINE)
_GIVEN_AND_SURNAME_RE: Final = re.compile(
    r"(?=\b([A-Z][a-z]+)[ \t]+(?:[A-Z]\.[ \t]+)?([A-Z][\w’'-]+))"
)


def _quotation_of_verb(
    text: str, qs: _Quotes, drafts: Sequence[_Draft], colon: int, after: int
) -> None:
    """Whom the words were said to or of, named between a verb and a colon before a quotation
    ("Ruiz told Okafor: “…”", "Diaz said of Mr. Rubio: “…”"): the quotation is what the verb
    reports, not the name with it."""
    qi = qs.starting_after(after)
    if qi is None or qs.starts[qi] != after:
        return
    for d in drafts:
        c = d.content
        if c is None or not d.cue.end <= c[0] < colon < c[1] or colon - c[0] > 60:
            continue
        words = text[c[0] : colon].split()
        if words and words[0].lower() in _ADDRESSED:
            words = words[1:]
        if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            d.content = (qs.quotes[qi].start, qs.quotes[qi].end)
            d.quote, d.kind = qi, "direct"
        return


# the labels of an interview printed as questions and answers
_INTERVIEW_LABELS: Final = frozenset(["Q", "A"])
# a question, or a word in the first or second person: a turn in a conversation
_TURN_RE: Final = re.compile(r"\?|\b(?:I|I'm|I’m|I've|I’ve|we|We|you|You|my|My|our|Our)\b")


# the words before a name that make it whom the words after a colon were said to or about,
# not who said them ("said of Mr. Rubio: …", "told Parnas: …")
_ADDRESSED: Final = frozenset(
    ["of", "to", "about", "at", "with", "on", "told", "tells", "tell", "telling", "asked", "asks"]
)


def _name_word_start(text: str, dot: int) -> int:
    """Where the word that the full stop at ``dot`` ends starts ("Rep." from its dot); for an
    initial, where the capitalised words right before it start ("Michael P." from "P.")."""
    k = dot
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    if dot - k != 1:
        return k
    while k >= 2 and text[k - 1] == " " and text[k - 2].isalpha():
        j = k - 1
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        if not text[j].isupper():
            break
        k = j
    return k


def _named_before_colon(text: str, colon: int) -> tuple[int, int] | None:
    """The person named after "from" or "by" right before a colon that opens a quotation ("a
    question from Chief Justice Ana Ruiz: “…”", "… by Times' Lars Okafor: “…”"), or after
    "Here's" ("Here's Ruiz in December 1992: “…”"): the name, or None. A name after a verb or
    another preposition is whom the words were addressed to or about ("told Parnas: “…”",
    "said of Sanders: “…”")."""
    lo = max(text.rfind("\n", 0, colon) + 1, colon - 160)
    here = _HERE_IS_RE.search(text, lo, colon)
    if here is not None and count_words(text[here.end() : colon]) <= 5:
        return here.span(1)
    end = colon
    while end > lo and text[end - 1] in " \t":
        end -= 1
    after = max(_FROM_BY_RE.finditer(text, lo, end), key=lambda m: m.start(), default=None)
    if after is None:
        return None
    before = text[lo : after.start()].rstrip()
    if not (
        before.endswith(("”", '"', "'", ","))  # a byline: '"…," by Lars Okafor:'
        or before.rpartition(" ")[2].lower() in _WORDS_FROM  # "a question from Ana Ruiz:"
    ):
        return None  # "tweets live from Maren Square:", "was elected by Maren:"
    phrase = _trim(text, after.end(), end)
    if (
        not 0 < count_words(text[phrase[0] : phrase[1]]) <= 6
        or _source_type(text, *phrase)[0] != "person"
        or not text[phrase[0]].isupper()
        or not text.endswith(person_name(text[phrase[0] : phrase[1]]), phrase[0], end)
    ):
        return None  # the name must end the phrase: "… from Ruiz's aide:" is no one named
    return phrase


_FROM_BY_RE: Final = re.compile(r"\b(?:from|by)[ \t]+")
# nouns for words someone said or wrote, before "from" and the name of who did
_WORDS_FROM: Final = frozenset(
    ["question", "questions", "statement", "message", "comment", "comments", "remark",
     "remarks", "response", "reply", "retort", "words", "quote", "letter", "note", "tweet",
     "post", "warning", "reminder", "advice", "rebuke", "rejoinder", "plea", "appeal"]
)  # fmt: skip


# "Here's Ruiz …:" before a quotation: the name that opens the phrase
_HERE_IS_RE: Final = re.compile(
    r"\bHere(?:’s|'s|[ \t]+is)[ \t]+([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"
)


# "In a CNN/ORC poll released Monday, 50 percent …": the survey is the source of the sentence's
# finding, "In" its cue (the head noun, then what follows it up to the comma)
_POLL_RE: Final = re.compile(
    r"(In)[ \t]+((?:[\w.’'/&-]+[ \t]+){0,8}?(?:[Pp]olls?|[Ss]urveys?)\b[^.;:,\n“\"]{0,50}?),[ \t]*"
)
# words that make the phrase before the comma a clause, not a noun phrase ("In a memo released
# as polls closed", "In eight states where exit polls were conducted")
_NOT_IN_POLL_NP: Final = frozenset(
    ["as", "when", "where", "which", "that", "who", "while", "after", "before", "since",
     "because", "if", "closed", "opened", "were", "was", "are", "is"]
)  # fmt: skip


def _poll_drafts(
    text: str, sentences: Sequence[Sentence], drafts: Sequence[_Draft], excluded: Sequence[Excluded]
) -> list[_Draft]:
    """``In a … poll …, finding``: a sentence that opens by placing its finding in a survey."""
    out: list[_Draft] = []
    starts = [sent.start for sent in sentences]
    i = text.find("In ")
    while i >= 0:
        k = bisect.bisect_right(starts, i) - 1
        if k >= 0 and not text[starts[k] : i].strip():  # the sentence opens with "In"
            draft = _poll_draft(text, i, sentences[k].end, drafts, excluded)
            if draft is not None:
                out.append(draft)
        i = text.find("In ", i + 3)
    return out


def _poll_draft(
    text: str, start: int, end: int, drafts: Sequence[_Draft], excluded: Sequence[Excluded]
) -> _Draft | None:
    """The relation of the sentence ``text[start:end]`` if it opens with a survey phrase."""
    m = _POLL_RE.match(text, start, end)
    if m is None or any(e.start <= start < e.end for e in excluded):
        return None
    if any(d.cue.start <= start < d.cue.end for d in drafts):
        return None
    if any(w.lower() in _NOT_IN_POLL_NP for w in WORD_RE.findall(m.group(2))):
        return None
    content = _trim(text, m.end(), end)
    if not _has_words(text, *content, 3):
        return None
    cue = _CueSpan(m.start(1), m.end(1), m.group(1), "in", "neutral")
    return _Draft(cue, _trim(text, *m.span(2)), content, "according_to", None, 0.7)


# a quotation signed with a dash and a name at the end of its line: ``“…” ― Sonya Herridge``
# (epigraphs, readers' responses, pull quotes), maybe with who they are after a comma (``—
# John Boiler, chief executive of the agency``, ``― Edwin G. Monroy, Phoenix``): group 2 is the
# source, group 3 the name
_BYLINE_RE: Final = re.compile(
    r"[ \t\xa0]*([―—–]|--)[ \t\xa0]*(([A-Z][\w.'’-]*(?:[ \t]+[\w.'’-]+){0,5}?)"
    r"(?:[ \t\xa0]?,[ \t\xa0]+[^\n“”\"]{1,80}?)?)[ \t\xa0.]*$",
    re.MULTILINE,
)
# a quotation too short to be taken for one on its own is one when it is a sentence: it ends
# with the sentence's stop inside its marks (``“Investigations are in progress.” — The Vatican
# Press Office``; not a title, ``“The Apprentice” — NBC``)
_SENTENCE_INSIDE_RE: Final = re.compile(r"[.!?][ ’'\"”]*$")  # (tokenised texts: "… . ”")


def _byline_drafts(text: str, qs: _Quotes, used: set[int]) -> list[_Draft]:
    """Quotations not yet attributed that a dash and a name sign at the end of the line."""
    out: list[_Draft] = []
    for i, q in enumerate(qs.quotes):
        if i in used:
            continue
        after = text[q.end : q.end + 3].lstrip(" \t\xa0")
        if not after or after[0] not in "―—–-":
            continue  # (the cheap test first: most quotations have no dash after them)
        if q.kind in _SHORT_KINDS and _SENTENCE_INSIDE_RE.search(text, q.start, q.end) is None:
            continue
        if text[_paragraph_bounds(text, q.start)[0] : q.start].strip():
            # the quotation opens its paragraph: a dash and a name after the last quotation of
            # a live blog's entry sign the entry ("… ,'' he said. —Will Feuer"), not the words
            continue
        m = _BYLINE_RE.match(text, q.end)
        if m is None:
            continue
        words = WORD_RE.findall(m.group(3))
        if not words or not all(w[0].isupper() for w in words):
            continue  # a name: every word capitalised ("Edwin G. Monroy")
        if len(words) < 2 and m.end(3) < m.end(2):
            continue  # a name of one word and a comma: "— Yes, she added"
        src = _trim(text, *m.span(2))
        cue = _CueSpan(m.start(1), m.end(1), m.group(1), "—", "neutral")  # one lemma for all dashes
        used.add(i)
        out.append(_Draft(cue, src, (q.start, q.end), "direct", i, 0.8))
    return out


# an embedded post's signature: a dash, its author's name and handle, and the date ("… — Paul
# Ryan (@SpeakerRyan) July 5, 2016", as pages keep the text of an embedded tweet)
_SIGNED_POST_RE: Final = re.compile(
    r"[ \t\xa0]*([―—–]|--?)[ \t\xa0]*([A-Z][\w.'’-]*(?:[ \t\xa0]+[A-Z][\w.'’-]*){0,3}"
    r"[ \t\xa0]*\(@\w{1,15}\))[ \t\xa0]*(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
    r"[ \t\xa0]+\d{1,2},[ \t\xa0]+\d{4}"
)
_POST_MAX: Final = 280
# the end of a sentence (or of an earlier post's date) and the opening of the next
_SENTENCE_OPENING_RE: Final = re.compile(r"(?:[.!?”\"]|\d{4})[ \t\xa0]+(?=[“\"‘A-Z0-9@#.])")
# what ends a post's text without being part of it: its links, an embedded picture's address
_POST_LINKS: Final = ("pic.twitter.com/", "http://", "https://")


def _without_links(text: str, start: int, end: int) -> int:
    """Where ``text[start:end]`` ends without the links and picture addresses at its end (read
    back a word at a time: a search for them would try every position)."""
    while end > start:
        space = max(text.rfind(" ", start, end), text.rfind("\xa0", start, end))
        word_start = space + 1 if space >= 0 else start
        if not text.startswith(_POST_LINKS, word_start, end):
            # a link glued to the text before it: "… too.https://t.co/…"
            glued = max(text.rfind(link, word_start, end) for link in _POST_LINKS)
            return glued if glued > word_start else end
        end = word_start
        while end > start and text[end - 1] in " \t\xa0":
            end -= 1
    return end


def _signed_posts(
    text: str, qs: _Quotes, drafts: Sequence[_Draft], excluded: Sequence[Excluded]
) -> list[tuple[_Draft, Quote]]:
    """Embedded posts kept as text, each signed after a dash by its author, handle and date:
    the author's words, a quotation without marks (from the start of its line, or of the
    markup that holds it, to the dash; its links and picture addresses are left out), as the
    dash and the name after a quotation sign it (:func:`_byline_drafts`)."""
    out: list[tuple[_Draft, Quote]] = []
    if "(@" not in text:
        return out  # (the cheap test first: no handle, no signature)
    taken = [(d.cue.start, d.cue.end) for d in drafts] + [(e.start, e.end) for e in excluded]
    quoted = [(q.start, q.end) for q in qs.quotes]
    signatures: list[re.Match[str]] = []
    handle = text.find("(@")
    while handle >= 0:
        # (from each handle, the signature around it: a scan of the whole text for dashes
        # would try every position)
        for m in _SIGNED_POST_RE.finditer(text, max(0, handle - 60), handle + 60):
            if m.start(2) < handle < m.end(2):
                signatures.append(m)
                break
        handle = text.find("(@", handle + 2)
    after = 0  # where the signature before ends: a post opens after it
    for m in signatures:
        dash = m.start(1)
        opens_after, after = after, m.end()
        if any(a <= dash < b for a, b in taken):
            continue
        start = max(text.rfind("\n", 0, dash), text.rfind(">", 0, dash), opens_after - 1) + 1
        end = dash
        while end > start and text[end - 1] in " \t\xa0":
            end -= 1
        end = _without_links(text, start, end)
        if end - start > _POST_MAX:
            # a page that kept no line or markup around the post (a post is at most 280
            # characters): where it opens cannot be told from the writer's sentences before
            # it, so only its last sentence is taken, and none of the writer's words
            openings = list(_SENTENCE_OPENING_RE.finditer(text, end - _POST_MAX, end - 1))
            if not openings:
                continue
            start = openings[-1].end()
        a, b = _trim(text, start, end)
        if not _has_words(text, a, b, 2) or any(s < b and a < e for s, e in quoted):
            continue  # (a post that holds quotation marks of its own is left as it is read)
        cue = _CueSpan(dash, m.end(1), m.group(1), "—", "neutral")
        quote = Quote(a, b, a, b, text[a:b], "direct", count_words(text[a:b]), True, 0.8)
        out.append((_Draft(cue, _trim(text, *m.span(2)), (a, b), "direct", None, 0.8), quote))
    return out


def _end_before_signatures(text: str, drafts: Sequence[_Draft], signed: Sequence[_Draft]) -> None:
    """What a relation inside a signed post reports ends before the post's signature ("The
    regime must answer … — Paul Ryan (@SpeakerRyan) July 5, 2016": not the signature)."""
    for s in signed:
        dash = s.cue.start
        for d in drafts:
            if d.content is not None and d.content[0] < dash < d.content[1]:
                cut = _trim(text, d.content[0], dash)
                cut = _trim(text, cut[0], _without_links(text, *cut))
                d.content = cut if _has_words(text, cut[0], cut[1], 1) else None


def _continuations(
    text: str,
    qs: _Quotes,
    drafts: Sequence[_Draft],
    used: set[int],
    sentences: Sequence[Sentence] = (),
) -> list[_Draft]:
    """Quotations with no cue of their own that go on with the speaker of the relation before
    them: a paragraph that opens with a quotation after an attributed paragraph, and a
    quotation that opens the sentence right after a cue's sentence in the same paragraph
    (“…,” Fox told CNN. “We don’t want him.”)."""
    out: list[_Draft] = []
    if not drafts:
        return out
    cue_starts = [d.cue.start for d in drafts]
    sent_starts: list[int] | None = None  # made when a quotation inside a paragraph asks
    content_quotes = {d.quote for d in drafts if d.quote is not None}
    for i, q in enumerate(qs.quotes):
        if i in used or i in content_quotes or q.kind == "title":
            continue
        if q.kind == "scare" and _last_visible(text, q.inner_start, q.inner_end) not in _ENDS:
            continue  # a short quotation is a sentence of its own only if it ends one
        b = q.start
        while b > 0 and text[b - 1] != "\n" and text[b - 1].isspace():
            b -= 1
        if b > 0 and text[b - 1] not in _BEFORE_SENTENCE:
            continue  # (cheaply) it opens no paragraph or sentence, nor follows a split's cue
        p_s, p_e = _paragraph_bounds(text, q.start)
        k = bisect.bisect_left(cue_starts, p_s)
        if text[p_s : q.start].strip():
            # inside a paragraph: the quotation opens the sentence right after a cue's
            j = bisect.bisect_right(cue_starts, q.start)
            if j == 0:
                continue
            if sent_starts is None:
                sent_starts = [x.start for x in sentences]
            si = bisect.bisect_right(sent_starts, q.start) - 1
            if si >= 0 and sentences[si].start != q.start:
                # a quotation split by its cue: "“I’m a New Yorker,” he said, “and New Yorkers
                # know a con when we see one.”"
                prev = drafts[j - 1]
                if not _split_quotation(text, prev, q.start, sentences[si].start, qs):
                    if not _after_abbreviation(text, q):
                        continue
                    # the sentence ended at an abbreviation the splitter kept inside it: "“…,”
                    # he said in San Jose, Calif. “These are …”" goes on as after a full stop
                    found = _speaker_draft(
                        drafts, bisect.bisect_left(cue_starts, sentences[si].start), j
                    )
                    if found is None:
                        continue
                    prev = found
            else:
                if si < 1:
                    continue
                before = sentences[si - 1]
                if (
                    before.start < p_s
                    or text[before.end : q.start].strip()
                    or (j < len(cue_starts) and cue_starts[j] < sentences[si].end)
                ):
                    continue
                # the speaker of the sentence before: its quotation's, else its main verb's
                # (not a participle's: "Cruz said about the article alleging that …")
                found = _speaker_draft(drafts, bisect.bisect_left(cue_starts, before.start), j)
                if found is None:
                    continue
                prev = found
        else:
            # no cue in the paragraph, nor in the quotation where it runs on (a transcript's
            # "WALLACE:" labels inside one quotation of several paragraphs)
            if k < len(cue_starts) and cue_starts[k] < max(p_e, q.end):
                continue
            if k == 0:
                continue
            prev = drafts[k - 1]
            prev_para = _paragraph_bounds(text, prev.cue.start)
            between = text[prev_para[1] : p_s]
            if between.strip():
                continue  # the previous attribution is not in the paragraph just before
        stance = prev.cue.stance
        cue = _CueSpan(q.start, q.start, "", "", stance)
        out.append(_Draft(cue, prev.source, (q.start, q.end), "continuation", i, 0.7))
    return out


def _after_abbreviation(text: str, q: Quote) -> bool:
    """Whether the quotation ``q`` follows an abbreviation's full stop and opens with a capital,
    as a sentence would ("… in San Jose, Calif. “These …”")."""
    dot = q.start - 1
    while dot > 0 and text[dot] in " \t":
        dot -= 1
    return (
        text[dot] == "."
        and text[q.inner_start : q.inner_start + 1].isupper()
        and ends_abbreviation(text, dot)
    )


def _split_quotation(text: str, prev: _Draft, start: int, s_start: int, qs: _Quotes) -> bool:
    """Whether a quotation at ``start`` goes on with the direct quotation of ``prev``, whose
    cue stands between them in one sentence: only the cue, its source and a comma or colon
    between ("“…,” he said, “…”", "“…,” said Ruiz, a lawyer: “…”"), at most 60 characters."""
    if prev.kind != "direct" or prev.quote is None or prev.cue.start < s_start:
        return False
    if qs.ends[prev.quote] > prev.cue.start:
        return False  # the quotation comes after its cue: "Ruiz said, “…” “…”" is two
    end = prev.cue.end
    if prev.source is not None and prev.source[1] > end:
        end = prev.source[1]
    between = text[end:start].strip()
    if not between:
        return text[:end].rstrip()[-1:] in {",", ":"}  # the source's own closing comma
    return len(between) <= 60 and between[-1] in ",:" and not any(c in between for c in '“”"‘.;')


def _speaker_draft(drafts: Sequence[_Draft], lo: int, hi: int) -> _Draft | None:
    """Among ``drafts[lo:hi]`` (one sentence's), the relation a quotation after the sentence
    goes on with: the first with a quotation as content, else the first whose cue is no
    participle; only relations with a source."""
    fallback: _Draft | None = None
    for d in drafts[lo:hi]:
        if d.source is None:
            continue
        if d.kind in _QUOTING_KINDS:
            return d
        if fallback is None and d.kind == "indirect" and not _participle(d.cue.text):
            fallback = d
    return fallback


_QUOTING_KINDS: Final = frozenset(["direct", "mixed", "colon", "continuation"])
#: what may stand before a quotation that opens a sentence or a paragraph, or that goes on
#: after its cue ("“…,” he said, “…”"), spaces aside
_BEFORE_SENTENCE: Final = frozenset(
    [".", "!", "?", "…", "”", '"', "’", "'", ")", "]", "\n", "\r", ":", "\u2029", ","]
)
_ENDS: Final = frozenset([".", "!", "?"])
_NOT_NAME_START: Final = frozenset(["The", "A", "An", "In", "On", "According", "So", "But", "And"])


#: nouns of party that end a description, not a name ("a West Virginia Democrat")
_PARTY_NOUNS: Final = _PARTY_MEMBER | _PARTY_MEMBERS
# the words after a name and a comma, up to a punctuation mark: ", Wis.," ", South Carolina."
_AFTER_COMMA_RE: Final = re.compile(
    r",[ \t]+([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)(?=[ \t]*(?:[,;:)\n]|\.(?!\w)|$))"
)


def _before_state(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is a town before its state: a place of
    ``lexicons/places.txt`` or a short capitalised abbreviation after its comma, then a
    punctuation mark ("Green Bay, Wis.,", "Sumter, South Carolina."; not "Mike Pence, Indiana
    governor"): :func:`_is_state`, also before a sentence's period ("South Carolina.")."""
    m = _AFTER_COMMA_RE.match(text, end) if text.startswith(",", end) else None
    if m is None:
        return False
    state = m.group(1)
    return _is_state(state) or _is_state(state.rstrip("."))


class _FullNameOf(Protocol):
    """The full name a surname stands for at a position, of a gender when known
    (:meth:`_FullNames.resolve`)."""

    def __call__(self, name: str, pos: int, gender: str | None = None) -> str: ...


class _Mentions:
    """Capitalised multi-word names in a text (person candidates), found on demand and only as
    far into the text as asked; a match is checked (not an organisation, not a sentence opener)
    only when asked for."""

    def __init__(
        self,
        text: str,
        quoted: Sequence[tuple[int, int]] = (),
        excluded: Sequence[tuple[int, int]] = (),
    ) -> None:
        self._text = text
        # page furniture (boilerplate): no name in it is anyone's antecedent ("Add Donald Trump
        # as an interest … Add Interest")
        self._excluded = excluded
        self._excluded_starts = [a for a, _ in excluded]
        # the spans of the quotations (sorted, disjoint): a name inside one is a candidate only
        # for a pronoun inside the same one
        self._quoted = quoted
        self._quoted_starts = [a for a, _ in quoted]
        self._scan: Iterator[re.Match[str]] | None = _CAP_NAME_RE.finditer(text)
        self._ends: list[int] = []
        self._matches: list[re.Match[str]] = []
        self._ok: dict[int, bool] = {}  # match index -> whether it is a person name
        self._names: dict[int, tuple[int, str]] = {}  # match index -> start, name (no opener)
        self._addressees: set[int] = set()  # match indexes of names after "told", "asked" …
        self._people: dict[str, bool] = {}  # full name -> whether it may name a person

    def last_before(
        self,
        pos: int,
        lo: int,
        gender: str | None = None,
        gender_of: Callable[[int, str], str | None] | None = None,
        skip: tuple[int, int] | None = None,
    ) -> tuple[int, str] | None:
        """The last name that ends by ``pos`` and starts at ``lo`` or later (and whose gender,
        when ``gender`` is given and ``gender_of(start, name)`` knows it, is that one), not
        inside ``skip``."""
        ends, matches = self._ends, self._matches
        # names are found in order and do not overlap, so their ends increase: scan until one
        # ends after ``pos`` (every name ending by ``pos`` is then known)
        while self._scan is not None and (not ends or ends[-1] <= pos):
            m = next(self._scan, None)
            if m is None:
                self._scan = None
            else:
                ends.append(m.end())
                matches.append(m)
        i = bisect.bisect_right(ends, pos) - 1
        ok = self._ok
        quoted = self._quoted
        here = self._quotation_at(pos) if quoted else -1
        while i >= 0:
            m = matches[i]
            if m.start() < lo:
                return None
            named = self._names.get(i)
            if named is None:
                name, start = m.group(), m.start()
                first, _, rest = name.partition(" ")
                if first in _SENTENCE_OPENERS and first not in _NOT_NAME_START and " " in rest:
                    # "Then Bernie Sanders answered": the opener is not part of the name
                    name = rest.lstrip()
                    start = m.end() - len(name)
                named = self._names[i] = (start, name)
            start, name = named
            if (
                (skip is not None and skip[0] <= start < skip[1])
                or (quoted and self._quotation_at(start) not in {-1, here})
                or (self._excluded and self._is_excluded(start))
            ):
                # a name inside the relation's own quotation ("“I’m a New Yorker,” he said"), or
                # in someone's words the pronoun is not in ("… called ‘La Raza lawyers’ …” …
                # the GOP candidate …, he tweeted": not La Raza)
                i -= 1
                continue
            good = ok.get(i)
            if good is None:
                good = ok[i] = (
                    _person_like(name)
                    and not _before_state(self._text, m.end())  # "Green Bay, Wis."
                    # a name with a particle opens with a given name ("Bill de Blasio"; not
                    # "Cinco de Mayo")
                    and (
                        _PARTICLE_IN_NAME_RE.search(name) is None
                        or person_name(name).split(None, 1)[0].lower() in given_names()
                    )
                    # in a headline's capitals, only a given name opens a name ("Murdoch In
                    # Talks", "Felipe Calderon Says")
                    and (
                        name.split(None, 1)[0].lower() in given_names()
                        or not _on_title_case_line(self._text, start)
                    )
                )
                if good and _addressed(self._text, start):
                    self._addressees.add(i)
            if (
                good
                and i in self._addressees
                and _SENTENCE_END_RE.search(self._text, m.end(), pos) is not None
            ):
                # whom someone told or asked is not who speaks next ("she told MSNBC’s Joy Reid
                # … “…,” she concluded"), though in the same sentence it may be ("when I asked
                # Bernie Sanders if he …")
                good = False
            if good and (
                gender is None or gender_of is None or gender_of(start, name) in {None, gender}
            ):
                return start, name
            i -= 1
        return None

    @property
    def text(self) -> str:
        return self._text

    def _is_excluded(self, pos: int) -> bool:
        i = bisect.bisect_right(self._excluded_starts, pos) - 1
        return i >= 0 and pos < self._excluded[i][1]

    def may_be_person(self, full: str) -> bool:
        """Whether a full name may name a person (remembered per name)."""
        if full not in self._people:
            self._people[full] = _person_like(full)
        return self._people[full]

    def last_surname(
        self,
        lo: int,
        pos: int,
        full_name: Callable[[str, int], str],
        gender: str | None = None,
        gender_of: Callable[[int, str], str | None] | None = None,
        skip: tuple[int, int] | None = None,
    ) -> tuple[int, str] | None:
        """The last sentence in ``text[lo:pos]`` that opens with a surname for a person named
        in full before it (``full_name``), not inside ``skip`` nor in a quotation ``pos`` is
        not in, and of ``gender`` when given and known: where it stands, and the full name."""
        text = self._text
        here = self._quotation_at(pos) if self._quoted else -1
        for m in reversed(list(_SUBJECT_SURNAME_RE.finditer(text, lo, pos))):
            start, word = m.start("name"), m.group("name")
            low = word.lower()
            if low in _NOT_SOURCE_WORDS or low in _PRONOUNS or low in _DETERMINERS:
                continue  # "That", "This", "It"
            if text[m.start()] == "." and ends_abbreviation(text, m.start()):
                continue  # no sentence ends at "Mr." or "D." ("Paul D. Ryan")
            full = full_name(word, start)
            if full == word or (skip is not None and skip[0] <= start < skip[1]):
                continue
            if self._quoted and self._quotation_at(start) not in {-1, here}:
                continue
            if not self.may_be_person(full):
                continue  # "House" is no surname of the White House
            if gender is None or gender_of is None or gender_of(start, full) in {None, gender}:
                return start, full
        return None

    def last_titled(
        self,
        lo: int,
        pos: int,
        full_name: _FullNameOf,
        gender: str | None = None,
        gender_of: Callable[[int, str], str | None] | None = None,
        skip: tuple[int, int] | None = None,
        after: int = -1,
    ) -> tuple[int, str] | None:
        """The last surname after a courtesy title ("Mr. Hannity", "Mrs. Clinton") in
        ``text[lo:pos]`` that stands as a clause's subject, not inside ``skip`` nor in a
        quotation ``pos`` is not in, nor in the sentence of a speaker whose source phrase ends
        at ``after``, and of ``gender`` when given and known: where it stands, and the full
        name it stands for (the surname when the text gave none)."""
        text = self._text
        if text.find(".", lo, pos) < 0:
            return None
        here = self._quotation_at(pos) if self._quoted else -1
        for m in reversed(list(_TITLED_SURNAME_RE.finditer(text, lo, pos))):
            start = m.start()
            if (skip is not None and skip[0] <= start < skip[1]) or (
                self._quoted and self._quotation_at(start) not in {-1, here}
            ):
                continue
            if not _clause_subject_at(text, start, m.end()):
                continue  # an object ("met with Mr. Obama", "instructed Mr. Kerry to")
            if after >= 0 and _SENTENCE_BREAK_RE.search(text, after, start) is None:
                # in what the sentence of the speaker before says ("Mr. Graham said, Mr.
                # Trump's jabs … were unacceptable. “…,” he said": Graham)
                continue
            full = full_name(
                m.group(1), start, _GENDERED_TITLES.get(m.group()[:3].rstrip(".").lower())
            )
            if gender is None or gender_of is None or gender_of(start, m.group()) in {None, gender}:
                return start, full
        return None

    def last_thing(
        self, lo: int, pos: int, skip: tuple[int, int] | None = None
    ) -> tuple[str, SourceType] | None:
        """The document or body named last by a common noun in ``text[lo:pos]`` ("the memo",
        "Thursday's memo", "the agency"), a sentence's subject first: the phrase and its type."""
        m = self._last_phrase(_THING_RE, lo, pos, skip, _any_match)
        if m is None:
            return None
        typ: SourceType = "document" if m.group(1).lower() in _THING_DOCUMENTS else "organisation"
        return m.group(), typ

    def last_group(self, lo: int, pos: int, skip: tuple[int, int] | None = None) -> str | None:
        """The group of people named last by a plural noun of the group list after a
        determiner in ``text[lo:pos]`` ("the senators", "these researchers"), a sentence's
        subject first."""
        m = self._last_phrase(_GROUP_RE, lo, pos, skip, _names_a_group)
        since = m.end() if m is not None else lo
        pair = (
            self._last_phrase(_PAIR_RE, since, pos, skip, self._two_people)
            if self._text.find(" and ", since, pos) >= 0
            else None
        )
        if pair is not None:
            # two people named since ("Hillary Clinton and Bernie Sanders answered … They")
            return f"{person_name(pair.group(1))} and {person_name(pair.group(2))}"
        return m.group() if m is not None else None

    def _two_people(self, m: re.Match[str]) -> bool:
        """Whether both names of a match of :data:`_PAIR_RE` may name a person, in full, and
        not as the object of a preposition ("a study they wrote with Daron Acemoglu and
        Brendan Price": not who "they" are)."""
        before = self._text[max(0, m.start() - 12) : m.start()].split()
        if before and before[-1].lower() in _GOVERNING_PREPOSITIONS | _ARTICLES:
            return False
        return all(" " in person_name(n) and _person_like(person_name(n)) for n in m.groups())

    def _last_phrase(
        self,
        pattern: re.Pattern[str],
        lo: int,
        pos: int,
        skip: tuple[int, int] | None,
        accept: Callable[[re.Match[str]], bool],
    ) -> re.Match[str] | None:
        """The last match of ``pattern`` in ``text[lo:pos]`` that ``accept`` takes, not inside
        ``skip`` nor in a quotation ``pos`` is not in; one that opens a sentence first (the
        subject goes on: "The report found that the agency had erred. It said …": the
        report)."""
        here = self._quotation_at(pos) if self._quoted else -1
        found: re.Match[str] | None = None
        for m in reversed(list(pattern.finditer(self._text, lo, pos))):
            start = m.start()
            if (
                (skip is not None and skip[0] <= start < skip[1])
                or (self._quoted and self._quotation_at(start) not in {-1, here})
                or not accept(m)
            ):
                continue
            if _opens_sentence(self._text, start):
                return m
            if found is None:
                found = m
        return found

    def _quotation_at(self, pos: int) -> int:
        """The index of the quotation ``pos`` is inside, or -1."""
        k = bisect.bisect_right(self._quoted_starts, pos) - 1
        return k if k >= 0 and pos < self._quoted[k][1] else -1


def _any_match(m: re.Match[str]) -> bool:
    """Every match (:meth:`_Mentions._last_phrase` with no further test)."""
    return True


def _names_a_group(m: re.Match[str]) -> bool:
    """Whether a match of :data:`_GROUP_RE` ends in a noun of the group list ("senators")."""
    return m.group(1).lower() in _GROUP_NOUNS


def _clause_subject_at(text: str, start: int, end: int) -> bool:
    """Whether the name in ``text[start:end]`` stands where a clause's subject does: after the
    start of a sentence or clause, a comma, a conjunction or a verb of saying or thinking
    ("if Mr. Obama opted", "believed Mr. Hannity was"), and before a verb, a possessive or a
    comma, not after a preposition or another verb ("with Mr. Obama", "take Mr. Trump on")."""
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and (text[j].isalnum() or (text[j] == "’" and j > 0 and text[j - 1].isalpha())):
        k = j
        while k >= 0 and (text[k].isalpha() or text[k] in "'’"):
            k -= 1
        if text[k + 1 : j + 1].lower() not in _BEFORE_CLAUSE_SUBJECT:
            return False
    after = _AFTER_SUBJECT_RE.match(text, end)
    return after is not None and after.group(1) not in _GOVERNING_PREPOSITIONS


# words after which a name opens a clause as its subject: conjunctions and verbs of saying or
# thinking without "that" ("said Mr. Ryan would", "believed Mr. Hannity was")
_BEFORE_CLAUSE_SUBJECT: Final = frozenset(
    ["and", "but", "or", "so", "yet", "if", "as", "when", "while", "that", "because", "though",
     "although", "since", "after", "before", "until", "unless", "whether", "where", "than",
     "said", "says", "say", "believe", "believes", "believed", "think", "thinks", "thought",
     "suggest", "suggests", "suggested", "argue", "argues", "argued", "know", "knows", "knew",
     "hope", "hopes", "hoped", "feel", "feels", "felt", "expect", "expects", "expected",
     "fear", "fears", "feared", "insisted", "noted", "added", "claimed", "predicted"]
)  # fmt: skip
# what follows a clause's subject: a possessive, a comma, or a word in lower case (the verb)
_AFTER_SUBJECT_RE: Final = re.compile(r"(?:['’]s?(?=[ \t])|[ \t]*,|[ \t]+([a-z]+))")

# common nouns for what can say something as "it" does: documents and bodies
_THING_DOCUMENTS: Final = frozenset(
    ["report", "memo", "memorandum", "email", "e-mail", "letter", "statement", "message", "ad",
     "advertisement", "video", "recording", "book", "study", "survey", "poll", "lawsuit",
     "complaint", "filing", "constitution", "bill", "order", "ruling", "decision", "website",
     "post", "tweet", "article", "story", "editorial", "column", "document", "analysis",
     "review", "audit", "indictment", "note", "release", "transcript", "platform", "resolution",
     "mailer", "flyer", "brochure", "leaflet", "pamphlet", "petition", "blog"]
)  # fmt: skip
_THING_BODIES: Final = frozenset(
    ["committee", "panel", "department", "agency", "company", "firm", "group", "campaign",
     "organization", "organisation", "network", "newspaper", "paper", "magazine", "government",
     "administration", "court", "board", "council", "fund", "bank", "union", "institute",
     "ministry", "commission", "foundation", "association", "coalition", "publisher",
     "channel", "station", "party", "office", "bureau", "service", "embassy", "university"]
)  # fmt: skip
# function words, which no modifier before the head of a noun phrase is
_FUNCTION_WORDS: Final = "of|in|on|at|to|for|by|with|from|the|a|an|and|or|that|which|who"
# a determiner or a possessive, up to two modifiers in lower case, and one of those nouns, in
# the singular ("the memo", "Thursday's memo", "the federal agency")
_THING_RE: Final = re.compile(
    # (not "its": what "it" has is not what "it" is, "the company wrote in its statement. It
    # added"; not "that", a relative pronoun as often; "the last time the party" is no party)
    r"(?<![\w'’-])(?:[Tt]he|[Tt]his|[A-Z][\w.&-]*['’]s)[ \t]+"
    rf"(?:(?!(?:{_FUNCTION_WORDS}|time)[ \t])"
    r"[a-z][\w-]*[ \t]+){0,2}?("
    + "|".join(sorted(_THING_DOCUMENTS | _THING_BODIES, key=lambda w: (-len(w), w)))
    + r")(?![\w'’-])"
)


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence or a line (after a full stop and blanks, or a quotation
    mark closing one)."""
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    while j >= 0 and text[j] in "”\"’'":
        j -= 1
    return j < 0 or text[j] in ".!?\n"


# a determiner or a name's possessive and a plural noun with up to two modifiers in lower case
# ("the senators", "these young researchers", "Donald Trump’s supporters"); whether the noun
# names people is checked in code
_GROUP_RE: Final = re.compile(
    r"(?<![\w'’-])(?:[Tt]he|[Tt]hese|[Tt]hose|[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,2}['’]s)[ \t]+"
    rf"(?:(?!(?:{_FUNCTION_WORDS})[ \t])"
    r"[a-z][\w-]*(?<!ing)[ \t]+){0,2}?([A-Za-z][a-z]+s)(?![\w'’-])"
)
# two capitalised names joined by "and" ("Mike Crapo and Jim Risch"; a word with a full stop
# inside a name is an initial or a title: "J. Bradford", "Sen.")
_PAIR_RE: Final = re.compile(
    r"(?<![\w'’-])((?:[A-Z](?:[\w’'-]*|[a-z]{0,3}\.)[ \t]+){1,3}[A-Z][\w’'-]+)[ \t]+and[ \t]+"
    r"((?:[A-Z](?:[\w’'-]*|[a-z]{0,3}\.)[ \t]+){1,3}[A-Z][\w’'-]+)(?![\w'’.-])"
)
# what may stand between a subject and its verb: adverbs and auxiliaries ("it also points out",
# "it previously had said", "it does say")
_ADVERBS_ONLY_RE: Final = re.compile(
    r"(?:[ \t]+(?:also|then|now|later|previously|still|further|again|just|even|already|first|"
    r"once|recently|only|not|never|does|did|has|had|have|will|would|could|may|might|can|should|"
    r"[a-z]+ly))*[ \t]+"
)
# the end of a sentence and the start of the next
_SENTENCE_BREAK_RE: Final = re.compile(r"[.!?][”\"’']*\s+[“\"‘'(]*[A-Z]")
# a courtesy title and the one capitalised word after it, as a name inside a sentence ("believed
# Mr. Hannity was behaving"), not the first word of a longer name ("Mr. John Roe")
_TITLED_SURNAME_RE: Final = re.compile(
    # (the first letter first, which the engine skips to, then what stands before it)
    r"[MD](?<![\w.][MD])(?:(?<=M)(?:rs?|s)|(?<=D)r)\.[ \t]+([A-Z][a-z]+(?:[A-Z][a-z]+)?)"
    r"(?![\w'’-]*[ \t]+[A-Z])(?![\w-])"
)

# a name of two to four words set off by a comma right after a source phrase, closed by a comma,
# a bracket or a dash ("the aide, Maria Lopez, 31")
_NAME_AFTER_ROLE_RE: Final = re.compile(
    r",[ \t]+([A-Z][\w'’-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3})[ \t]*(?=[,(—])"
)


def _previous_subject(
    text: str,
    sentences: Sequence[Sentence],
    sent_starts: Sequence[int],
    pos: int,
    full_name: Callable[[str, int], str],
) -> tuple[int, str] | None:
    """When the pronoun at ``pos`` opens its sentence (after "But", "And" … at most), the person
    named as the subject that opens the sentence before it: where the name stands, and the
    full name ("Trump said praise from Putin would not sway him. He …" -> Trump)."""
    si = bisect.bisect_right(sent_starts, pos) - 1
    if si < 1 or not _OPENER_ONLY_RE.fullmatch(text, sentences[si].start, pos):
        return None
    prev = sentences[si - 1]
    m = _SUBJECT_NAME_RE.match(text, prev.start, prev.end)
    if m is None:
        return None
    name = person_name(m.group(1))
    if " " not in name:
        name = full_name(name, m.start(1))
    if (
        " " not in name
        or " and " in name
        or name.split(None, 1)[0].lower() not in given_names()  # not "No Child Left Behind"
        or not _person_like(name)
    ):
        return None
    return m.start(1), name


def _chain_start(
    text: str, sentences: Sequence[Sentence], sent_starts: Sequence[int], pos: int, pronoun: str
) -> int:
    """Where the run of sentences that open with ``pronoun`` ("he", "she"), the one at
    ``pos`` last, begins: the position of the first pronoun of the run. Consecutive sentences
    with the same subject pronoun keep their subject ("He also took swipes at Marco Rubio. He
    mocked Rubio …": the second "he" is whoever the first is, not Rubio)."""
    si = bisect.bisect_right(sent_starts, pos) - 1
    if si < 1 or not _OPENER_ONLY_RE.fullmatch(text, sentences[si].start, pos):
        return pos
    low = pronoun.lower()
    for k in range(si - 1, max(0, si - 4) - 1, -1):
        m = _OPENING_PRONOUN_RE.match(text, sentences[k].start, sentences[k].end)
        if m is None or m.group(1).lower() != low:
            break
        pos = m.start(1)
    return pos


# what may stand before a pronoun that opens its sentence
_OPENER: Final = r"\s*(?:(?:But|And|So|Yet|Still|Then)[ \t]+)?"
_OPENER_ONLY_RE: Final = re.compile(_OPENER)
# a sentence that opens with a subject pronoun (after "But", "And" … at most)
_OPENING_PRONOUN_RE: Final = re.compile(_OPENER + r"(He|She|he|she)(?=[ \t]+[a-z])")
# a name (with a title or an office before it) that opens a sentence as its subject: a verb in
# lower case or an appositive follows ("Trump said …", "Mr. Coll said …", "Jay Carney, a former
# press secretary, …"), not another name ("Jeb Bush and Chris Christie say") nor what a name's
# possessive is ("Trump’s attorney, Alan Garten, said")
_SUBJECT_NAME_RE: Final = re.compile(
    _OPENER + r"((?:[A-Z][\w.'’-]*[ \t]+){0,5}?[A-Z][\w-]*[a-z])"
    r"(?=,[ \t]|[ \t]+[a-z])(?![ \t]+(?:and|or)[ \t]+[A-Z])"
)


def _capitalised_plural(text: str, word: str) -> bool:
    """Whether ``word``, taken for a surname, is a plural noun for people capitalised only where
    it opens a sentence ("Respondents say", "Allies said"): a noun by its ending
    (:func:`_people_plural`, not one that surnames share) or written in lower case elsewhere,
    and nowhere capitalised inside a sentence, as a surname would be ("Sanders", "Ross")."""
    for i in _word_starts(text, word):
        j = i - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j >= 0 and (text[j].isalnum() or text[j] in ",;"):
            return False  # capitalised inside a sentence: a name
    low = word.lower()
    # (many surnames end as "Sanders", "Connors", "Evans" do: such a word must also be written
    # in lower case, as a word of its own)
    return (_people_plural(low) and not low.endswith(("ers", "ors", "ans"))) or _has_word(text, low)


def _person_like(name: str) -> bool:
    """Whether a capitalised phrase of :class:`_Mentions` may name a person: not a country, a
    place, an organisation, an event or a time, nor led by a sentence opener."""
    # (the words without a possessive ending: "the Civic Alliance’s deputy leader")
    bare = _POSSESSIVE_END_RE.sub("", name)  # ("in New York's 24th district")
    words = bare.lower().split()
    first_word = name.split(None, 1)[0]
    return (
        first_word not in _NOT_NAME_START
        # an opener before one word ("While Clinton", "When Mr") is no full name
        and first_word not in _SENTENCE_OPENERS
        and _ORG_WORDS.isdisjoint(words)
        and bare not in _countries()  # "the United States. He …"
        and bare not in places()  # "… facing New Jersey. He …"
        and bare not in organisations()  # "Wells Fargo said … He"
        and not _demonym_phrase(name)  # "the Daughters of the American Revolution"
        and words[-1] not in _NOT_PERSON_HEADS  # "World War", "Iowa State Fair"
        and words[0] not in _PLACE_FIRST_WORDS  # "Lake Erie", "North Waziristan"
        and _TIME_WORDS.isdisjoint(words)  # "Later Friday"
        and words[-1] not in _PARTY_NOUNS  # "the West Virginia Democrat"
    )


# a capitalised word, not before another, that opens a sentence or a paragraph (after "But",
# "And" …, after a title), possibly with a possessive: "Trump eased his tone", "But Sanders’
# campaign …", "Mr. Rubio said"
# a surname, the verb of its clause and a conjunction right before a pronoun: the subject the
# pronoun's clause depends on ("Flynn lied when (he)", "Mr. Trump smiled as (he)")
_JOINING_WORDS: Final = (
    " when", " as", " after", " before", " because", " while", " since", " until", " once",
    " though", " although",
)  # fmt: skip
_CLAUSE_HEAD_SURNAME_RE: Final = re.compile(
    r"(?<![\w.’'-])(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.[ \t]+)?(?P<name>[A-Z][a-z]+)[ \t]+"
    rf"(?:[a-z]+[ \t]+){{1,4}}(?:{'|'.join(w.strip() for w in _JOINING_WORDS)})[ \t]+$"
)
# the words after which a subject opens a clause
_CLAUSE_OPENING_WORDS: Final = frozenset(
    ["that", "and", "but", "so", "while", "because", "if", "whether", "though", "although"]
)


def _opens_clause(text: str, pos: int) -> bool:
    """Whether a clause opens at ``pos``: after a sentence's or clause's mark or a conjunction,
    not after a verb or a preposition whose object the word is ("attack Trump personally when
    he …", "with Weaver standing behind him as he …")."""
    before = text[max(0, pos - 12) : pos].rstrip()
    if not before or before[-1] in ".!?,;:“\"‘'\n—":
        return True
    return before.rsplit(None, 1)[-1].lower() in _CLAUSE_OPENING_WORDS


_SUBJECT_SURNAME_RE: Final = re.compile(
    # (one set of marks first, which the engine skips to, then what follows each mark)
    r"[.!?\n](?:(?<=\n)[ \t]*|(?<!\n)[”\"’']?[ \t]+)(?:(?:But|And|So|Yet|Still)[ \t]+)?"
    # a phrase of time or circumstance set off before the subject ("On the eve of the
    # meetings, Trump eased his tone")
    r"(?P<intro>(?:On|In|At|After|Before|During|Since|Earlier|Later|Last|Asked|Speaking)[ \t]"
    r"[^,.;:!?\n“”\"]{1,60},[ \t]+)?"
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.[ \t]+)?(?P<name>[A-Z][a-z]+)"
    r"(?=(?:['’]s?)?(?![\w-]))(?![ \t]+[A-Z])"
    # after such a phrase, a verb follows the name (not an appositive: "On the topic of
    # another tough guy, Mr. Putin, Mr. Trump was pressed")
    r"(?(intro)(?=(?:['’]s?)?[ \t]+[a-z]))"
)

# last words of capitalised phrases that name an event, a law, a place or a building, never a
# person ("World War", "Affordable Care Act", "Union Station", "Des Moines Register Debate")
_NOT_PERSON_HEADS: Final = frozenset(
    ["war", "wars", "revolution", "survey", "act", "amendment", "award", "awards", "prize",
     "series", "cup", "games", "olympics", "avenue", "square", "island", "islands", "county",
     "airport", "station", "stadium", "arena", "plaza", "memorial", "museum", "cathedral",
     "mosque", "temple", "synagogue", "hospital", "school", "college", "academy", "summit",
     "conference", "convention", "festival", "debate", "debates", "primary", "caucuses", "fair",
     "tour", "report", "index", "poll", "program", "programme", "plan", "initiative", "treaty",
     "agreement", "accord", "doctrine", "era", "movement", "tournament", "championship", "day",
     "security", "roads", "street", "park", "city", "state", "capital", "partnership",
     "strategies", "holocaust", "river", "sea", "church", "belt", "islander", "islanders"]
)  # fmt: skip


# the words before a name that make it the one spoken to: "told MSNBC’s ", "asked CNN host "
_ADDRESSEE_RE: Final = re.compile(
    # the possessor may be a name of several words and end in a bare apostrophe: "told CNN's
    # Jake Tapper", "told Fox News’ Chris Wallace", "asked the Post's Bob Woodward"
    r"\b(?:told|tells|telling|asked|asks|asking)[ \t]+(?:(?:the[ \t]+)?"
    r"(?:[A-Z][\w.&-]*[ \t]+){0,3}[A-Z][\w.&-]*(?:’s|'s|(?<=s)’|(?<=s)')[ \t]+)?"
    r"(?:[a-z]+[ \t]+){0,2}$"
)


_SENTENCE_END_RE: Final = re.compile(r"[.!?][”\"’']*\s")


def _addressed(text: str, start: int) -> bool:
    """Whether the name at ``start`` is whom someone told or asked (:data:`_ADDRESSEE_RE`)."""
    lo = max(0, start - 40)
    window = text[lo:start]
    if "told" not in window and "tell" not in window and "ask" not in window:
        return False  # (nearly every name: no search)
    return _ADDRESSEE_RE.search(text, lo, start) is not None


# first words of capitalised phrases that name a place ("Lake Erie", "Mount Vernon", "Fort Hood",
# "North Waziristan", "Central Asia")
_PLACE_FIRST_WORDS: Final = frozenset(
    ["lake", "mount", "fort", "port", "cape", "camp", "north", "south", "east", "west",
     "northern", "southern", "eastern", "western", "central", "greater", "great", "upper",
     "lower"]
)  # fmt: skip


def _demonym_phrase(name: str) -> bool:
    """Whether a capitalised phrase opens with a demonym and holds no title or given name after
    it ("American Revolution", "Russian Embassy"; not "Mexican President Enrique Peña Nieto"),
    or ends with one after no given name ("African Americans"; not "David French")."""
    first, _, rest = name.partition(" ")
    countries = demonyms()
    titles, given = name_titles(), given_names()
    last = rest.rsplit(None, 1)[-1] if rest else first
    if countries.get(last, last) != last and first.lower() not in given:
        return True  # a people, not a person: "African Americans", "South Korean"
    if countries.get(first, first) == first:
        return False  # not a demonym (a country is its own entry: "Jordan Peterson")
    return not any(w.lower().rstrip(".") in titles or w.lower() in given for w in rest.split())


def _resolve(
    pos: int,
    pronoun: str,
    speakers: Sequence[_Speaker],
    mentions: _Mentions,
    gender_of: Callable[[int, str], str | None] | None = None,
    skip: tuple[int, int] | None = None,
    full_name: _FullNameOf | None = None,
    subject: tuple[int, str] | None = None,
    things: bool = False,
) -> tuple[str, SourceType] | None:
    """The most recent compatible named speaker or person mentioned before ``pos``: for
    ``he``/``she``, one whose gender, when known, agrees; a name inside ``skip`` (what the
    pronoun's relation reports) is not a candidate. ``full_name(surname, pos)`` is the full
    name a surname stands for at ``pos`` (:meth:`_FullNames.resolve`), for subjects named by
    surname alone. ``subject`` (:func:`_previous_subject`), the person who is the subject of
    the sentence before a pronoun that opens its own, comes before any other."""
    gender = _PRONOUNS.get(pronoun.lower())

    def inside(p: int) -> bool:
        # a speaker inside what the pronoun's relation reports is someone it reports ("Social
        # media has added …, she noted"; "“… Reagan said …,” she wrote")
        return skip is not None and skip[0] <= p < skip[1]

    if gender in {"m", "f", "s"}:
        want = gender if gender in {"m", "f"} else None
        best: tuple[int, str, SourceType] | None = None
        best_end = -1  # where the best speaker's source phrase ends
        for p, name, typ, said, cue_at in reversed(speakers):  # the last that qualifies
            # an unnamed official stays unnamed: "A senior official said … He added …"
            if (
                p < pos
                and cue_at < pos
                and not inside(p)
                and (
                    # (a place taken for a person's name is no "he": "the New York primary")
                    (typ == "person" and name not in places() and name not in _countries())
                    or (typ == "role" and _personal_head(said))
                    or (typ == "anonymous" and want is not None)
                )
                # "officials" is no "he" (the phrase, or what a relative pronoun stands for),
                # nor are two people ("Jeb Bush and Chris Christie")
                and not _plural_head(said, typ == "person")
                and not _plural_head(name, typ == "person")
                and " and " not in name
                and (
                    want is None
                    or gender_of is None
                    or _speaker_gender(p, name, typ, said, gender_of) in {None, want}
                )
            ):
                best = (p, name, typ)
                best_end = p + len(said)
                break
        lo = max(0, pos - 1500)
        found = mentions.last_before(pos, lo, want, gender_of, skip)
        # a name inside the speaker's own source phrase does not displace the speaker ("Jonas
        # Ekberg, a deputy of Mira Dalen, said … “…,” he said": he is Ekberg)
        if found is not None and (best is None or found[0] >= best_end):
            best = (found[0], found[1], "person")
            best_end = found[0] + len(found[1])
        if full_name is not None:
            # a sentence after them whose subject is the surname of someone named in full
            # before ("Donald Trump … Trump eased his tone … he said")
            later = mentions.last_surname(max(lo, best_end), pos, full_name, want, gender_of, skip)
            if later is not None:
                best = (later[0], later[1], "person")
            # a surname after a courtesy title, the latest mention ("they believed Mr. Hannity
            # was behaving as if he wanted a role")
            titled = mentions.last_titled(
                max(lo, best_end, best[0] if best else 0),
                pos,
                full_name,
                want,
                gender_of,
                skip,
                best_end if best else -1,
            )
            if titled is not None:
                best = (titled[0], titled[1], "person")
            # the subject of the clause that the pronoun's clause depends on, named by surname:
            # "Prosecutors say that Flynn lied when he said …" (not Kislyak, named in full before)
            head = (
                _CLAUSE_HEAD_SURNAME_RE.search(mentions.text, max(0, pos - 60), pos)
                if mentions.text[max(0, pos - 9) : pos].rstrip().endswith(_JOINING_WORDS)
                else None
            )
            if (
                head is not None
                and (best is None or head.start("name") > best[0])
                and _opens_clause(mentions.text, head.start())
            ):
                name = head.group("name")
                full = full_name(name, head.start("name"))
                if (
                    full != name
                    and mentions.may_be_person(full)
                    and (
                        want is None
                        or gender_of is None
                        or gender_of(head.start("name"), full) in {None, want}
                    )
                ):
                    best = (head.start("name"), full, "person")
        if subject is not None and (
            want is None or gender_of is None or gender_of(*subject) in {None, want}
        ):
            # "Trump said praise from Vladimir Putin would not sway him. He said …": the
            # subject goes on, not the last name mentioned
            best = (subject[0], subject[1], "person")
        if best and want and full_name is not None and best[1].isalpha():
            # a surname that several people bear: the one of the pronoun's gender ("Clinton …
            # she said" where Bill and Hillary Clinton are named)
            best = (best[0], full_name(best[1], best[0], want), best[2])
        return (best[1], best[2]) if best else None
    if gender == "p":
        group: tuple[int, str, SourceType] | None = None
        for p, name, typ, _, cue_at in reversed(speakers):
            if p >= pos or cue_at >= pos or inside(p):
                continue
            if typ == "organisation" or (typ in {"anonymous", "role"} and name[-1:] == "s"):
                group = (p, name, typ)
                break
        if things and pronoun.lower() == "they":
            # a group of people named since by a plural noun ("The senators sent a letter …
            # “…,” they wrote"), a sentence's subject first
            named = mentions.last_group(max(0, pos - 400, group[0] if group else 0), pos, skip)
            if named is not None:
                return named, "role"
        return (group[1], group[2]) if group else None
    if gender == "n":
        spoke: tuple[int, str, SourceType] | None = None
        for p, name, typ, _, cue_at in reversed(speakers):
            if p < pos and cue_at < pos and not inside(p) and typ in {"organisation", "document"}:
                spoke = (p, name, typ)
                break
        if things:
            # a document or a body named since, as a noun ("Thursday's memo from the panel … “…,”
            # it stated"; "The ad then references … It also mentions")
            thing = mentions.last_thing(max(0, pos - 400, spoke[0] if spoke else 0), pos, skip)
            if thing is not None:
                return thing
        return (spoke[1], spoke[2]) if spoke else None
    return None


#: words that a source of one word cannot be: sentence openers, prepositions, adverbs,
#: demonstratives and adjectives taken for a subject
_NOT_SOURCE_WORDS: Final = frozenset(
    ["that", "this", "these", "those", "there", "here", "to", "at", "of", "in", "on", "under",
     "after", "before", "even", "just", "no", "more", "what", "when", "where", "why", "how",
     "asked", "democratic", "republican", "such", "so", "yet", "if", "as", "while", "with",
     "for", "from", "by", "only", "also", "now", "then", "still", "despite", "although",
     "though", "because", "since", "during", "among", "amid", "over", "into", "about", "again",
     "meanwhile", "instead", "indeed", "however", "perhaps", "maybe", "earlier", "later",
     "today", "yesterday", "tonight", "but", "and", "or", "not", "yes",
     # contracted openings: "There’s still time for Cruz …, even after repeatedly dismissing"
     "there's", "there’s", "that's", "that’s", "what's", "what’s", "here's", "here’s",
     # an imperative addresses the reader and has no subject: "Don’t believe the polls",
     # "Never say never", "Please tell your friends", "Let’s say it works"
     "do", "don't", "don’t", "never", "please", "let's", "let’s"]
)  # fmt: skip
#: prepositions whose object, before a comma and a participle, is not the participle's subject
_GOVERNING_PREPOSITIONS: Final = frozenset(
    ["with", "for", "to", "of", "at", "in", "on", "from", "by", "about", "against", "into",
     "over", "than", "like", "between", "among"]
)  # fmt: skip
#: words after a participle that opens a sentence ("Reacting to", "Speaking at the rally")
_AFTER_OPENING_PARTICIPLE: Final = frozenset(
    ["to", "on", "at", "about", "with", "in", "from", "for", "after", "the", "a", "an", "his",
     "her", "their", "its", "out", "up", "back", "over", "through", "during", "before"]
)  # fmt: skip
_HEAD_ENDS: Final = frozenset(
    ["of", "from", "for", "with", "at", "in", "on", "who", "familiar", "close", "to", "and"]
)


@lru_cache(maxsize=4096)
def _plural_head(phrase: str, named: bool = False) -> bool:
    """Whether an unnamed source phrase has a plural head: the last word before a preposition,
    a relative pronoun or a comma ("White House officials", "Two aides to the senator",
    "officials familiar with …"); a singular "he" or "she" does not stand for it. For a phrase
    typed as a person (``named``) only a head in lower case counts ("the half-dozen Republican
    senators", not "Bernie Sanders")."""
    head = ""
    for word in phrase.split(",", 1)[0].split():
        if word.lower() in _HEAD_ENDS:
            break
        head = word
    return (
        len(head) > 3
        and (head.islower() if named else head[1:].islower())  # "Officials said" opens one
        and head.endswith("s")
        and not head.endswith(("ss", "us", "is", "'s", "’s"))
        and head.lower() not in _NOT_PLURAL_S
    )


#: pronouns of the first and second person: outside a quotation, the writer and the reader
_FIRST_SECOND: Final = frozenset(["i", "you", "we"])


def _quoted_at(qs: _Quotes, kinds: Mapping[int, QuoteKind], pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation that is someone's words (by its kind so far:
    not a scare quote or a title)."""
    i = bisect.bisect_right(qs.starts, pos) - 1
    # the last quotation that starts before ``pos``, or the one before it when that is nested
    # inside it
    return any(
        qs.quotes[k].start <= pos < qs.quotes[k].end and kinds[k] not in _SHORT_KINDS
        for k in (i, i - 1)
        if k >= 0
    )


def _speaker_gender(
    pos: int, name: str, typ: SourceType, said: str, gender_of: Callable[[int, str], str | None]
) -> str | None:
    """The gender of a speaker: a resolved "she" is a woman whoever she was taken for, else
    what the source phrase or the person's resolved name gives."""
    low = said.lower()
    if low in {"he", "she"}:
        return _PRONOUNS[low]
    return gender_of(pos, said) or (gender_of(pos, name) if typ == "person" else None)


#: titles that give a person's gender ("Mrs. Clinton", "Mr. Trump")
_GENDERED_TITLES: Final = {
    "mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m",
    "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f", "lady": "f", "queen": "f",
    "princess": "f", "sister": "f",
}  # fmt: skip


def _gender(text: str, start: int, name: str) -> str | None:
    """The gender of the person ``name`` names (at ``start`` in ``text``), when a title before
    it ("Mrs. Clinton"), its first name (``lexicons/given_names.tsv``), a title in it or a role
    noun ("the spokeswoman") gives it; ``None`` otherwise."""
    if start > 1 and text[start - 1] == " ":  # "Mrs. Clinton" with the name after it
        before = text[max(0, start - 7) : start - 1].rstrip(".")
        title = _GENDERED_TITLES.get(before[before.rfind(" ") + 1 :].lower())
        if title is not None:
            return title
    return _name_gender(name)


@lru_cache(maxsize=4096)
def _name_gender(name: str) -> str | None:
    """:func:`_gender` from the name alone (names recur, so this is cached)."""
    words = name.replace(".", " ").split()
    if not words:
        return None
    titles = name_titles()
    for w in words:
        low = w.lower()
        if low in _GENDERED_TITLES:
            return _GENDERED_TITLES[low]
        if low in titles:
            continue  # "Sen. Elizabeth Warren": the office, then the name
        if w[0].isupper():
            found = given_names().get(low)
            if found is not None:
                return found
            break  # the first name is not in the list
    last = words[-1]
    if last.islower() and last.endswith(("woman", "women")):
        return "f"  # "the spokeswoman", "a congresswoman"
    if last.islower() and last.endswith(("man", "men")) and last not in {"human", "humans"}:
        return "m"
    return None


def _is_title(words: Sequence[str], k: int) -> int:
    """How many words from ``words[k]`` on make a title (0 if none): "First Lady" is one,
    but not "Lady" alone (Lady Gaga)."""
    low = words[k].lower().rstrip(".")
    if low in name_titles() or _is_acronym(words[k]):
        return 1
    if "-" in low:
        prefix, _, rest = low.partition("-")
        if prefix in _TITLE_PREFIXES and rest in name_titles():
            return 1  # "Under-Secretary", "Vice-President", "Ex-Governor"
    if low == "first" and k + 1 < len(words) and words[k + 1].lower() == "lady":
        return 2
    return 0


# the words joined by a hyphen before a title that make another title of it
_TITLE_PREFIXES: Final = frozenset(["under", "vice", "co", "ex", "deputy", "assistant", "acting"])
# a run of capitalised words; titles and acronyms that modify a name ("U.S. President Donald
# Trump", "FBI Director James Comey") are dropped from its start (_is_title)
# (with the lower-case particles of surnames: "Bill de Blasio", "Ludwig van Beethoven")
_PARTICLE_IN_NAME_RE: Final = re.compile(rf"\s(?:{_PARTICLE_ALTERNATION})\s")
_NAME_RUN_RE: Final = re.compile(
    rf"(?:^(?:{_PARTICLE_ALTERNATION})[ \t]+)?"  # "de Blasio said"
    r"[A-Z][\w'’-]*\.?(?:[ \t]+(?:(?:de|da|di|del|della|van|von|der|den|du|le|la|bin|al|dos)"
    r"[ \t]+){0,2}[A-Z][\w'’-]*\.?)*"
)
_PARENTHESES_RE: Final = re.compile(r"\s*\([^()]*\)")
# an acronym in parentheses after a name: "(WHO)", "( ICE )"
_ACRONYM_AFTER_RE: Final = re.compile(r"[ \t]*\([ \t]*[A-Z][A-Z0-9&.-]+[ \t]*\)$")
# a lower-case word right after a run of names that makes the run a modifier ("Trump campaign
# manager Kellyanne Conway"), unless it is a preposition ("Jones of the Heritage Foundation")
_AFTER_HEAD_RE: Final = re.compile(r"[ \t]+(?!(?:of|from|at|in|for|on|with|and|or)\b)[a-z]")


@lru_cache(maxsize=4096)
def person_name(phrase: str) -> str:
    """The name in the source phrase of a person: without titles, offices, bracketed party
    labels and appositives ("Sen. Bernie Sanders (I-Vt.)" -> "Bernie Sanders", "Anatoly Lappo,
    chairman of …" -> "Anatoly Lappo", "Trump campaign manager Kellyanne Conway" -> "Kellyanne
    Conway"); the phrase itself when it holds no such name or joins several ("Romney and Ryan")."""
    apposed = _appositive_commas(phrase)  # "Ana Ruiz — a former aide"
    head = _undot(_PARENTHESES_RE.sub("", apposed.split(",", 1)[0].split(" who ", 1)[0]).strip())
    if (holder := _office_holder(head.split())) is not None:
        return holder  # "Health and Human Services Secretary Alex Azar"
    joins = _joins_people(head)
    if head[-1:].islower() and "," in apposed and not joins:
        # an office set off before the name of its holder ("American Psychiatric Association's
        # CEO and medical director, Saul Levin"): a role word, or a given name, says so
        appositive = _appositive_name(apposed)
        if appositive is not None and (
            head.rsplit(None, 1)[-1].lower() in _ROLE_WORDS
            or appositive.split(None, 1)[0].lower() in given_names()
        ):
            return person_name(appositive)
    if joins:
        # "Romney and Ryan" (not "chairman and chief executive John Okafor"); two people are
        # named as each is alone: "Sen. Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.)"
        # -> "Sherrod Brown and Robert Menendez"
        first, sep, second = head.partition(" and ")
        if sep and " and " not in second:
            pair = person_name(first.strip()), person_name(second.strip())
            if all(
                " " in n
                and n.replace(" ", "").isalpha()
                and n.istitle()
                # each a person's name in full ("Popular Christian and corporate speaker Lance
                # Wallnau", "Georgia Emergency Management and Homeland Security Director …" are
                # one person's offices)
                and (given := n.split(None, 1)[0]).lower() in given_names()
                and not _known_place(given)
                for n in pair
            ):
                return f"{pair[0]} and {pair[1]}"
        return phrase
    possessor = _POSSESSOR_NAME_RE.search(head)
    if possessor is not None:
        head = possessor.group(1)  # "Fox News’ Sean Hannity" -> "Sean Hannity"
    names: list[tuple[str, int]] = []
    last_run = 0  # where the run of the last name starts
    for m in _NAME_RUN_RE.finditer(head):
        words = m.group().split()
        k = 0
        while k < len(words) - 1 and (n := _is_title(words, k)) and k + n < len(words):
            k += n
        # an office with capitalised words before its title: "Interior Minister Lukas
        # Brandt", "Senate Majority Leader Mitch McConnell" (the name after the last title)
        for j in range(len(words) - 2, k, -1):
            n = _is_title(words, j)
            if n and j + n < len(words) and not _is_title(words, j + n):
                k = j + n
                break
        if k < len(words) - 2 and head[: m.start()].endswith(" to ") and _known_place(words[k]):
            k += 1  # the place of an office's title: "Ambassador to Norway Lars Okafor"
        if not _is_title(words, k) and not (
            k == len(words) - 1 and words[k].lower() in _TIME_WORDS
        ):
            names.append((" ".join(words[k:]), m.end()))  # (a weekday alone is no name)
            last_run = m.start()
    if (
        names
        and names[-1][1] == len(head)
        and (lead := head[:last_run].rsplit(None, 2))
        and len(lead) >= 2
        and lead[-1].islower()
        and (lead[-1] in _ROLE_WORDS or lead[-1] in _ANON_HEADS)
    ):
        # the name after an office that ends the phrase, whatever institution the office is of:
        # "Centers for Disease Control and Prevention director Dr. Robert Redfield"
        return names[-1][0].removesuffix("’s").removesuffix("'s")
    for name, end in names:  # the head of the phrase: a name not followed by a common noun
        if _OBJECT_NAME_RE.search(head, 0, end - len(name)):
            # the object of a preposition, and all after it, is what the head is of: "The
            # director of the Federal Bureau of Investigation, James B. Comey"
            break
        if not _AFTER_HEAD_RE.match(head, end):
            return name.removesuffix("’s").removesuffix("'s")
    appositive = _appositive_name(apposed)  # "The White House spokesman, Josh Earnest"
    if appositive is not None:
        return person_name(appositive)
    return names[-1][0] if names else phrase


# the words of a government department's name after an office ("Secretary of Health and Human
# Services", "Minister of Foreign Affairs") or before it ("Homeland Security Secretary")
_DEPARTMENT_WORDS: Final = frozenset(
    ["health", "human", "services", "housing", "urban", "development", "homeland", "security",
     "state", "defense", "defence", "treasury", "energy", "labor", "labour", "education",
     "agriculture", "commerce", "interior", "justice", "transportation", "veterans", "affairs",
     "foreign", "home", "trade", "environment", "environmental", "finance", "economy",
     "culture", "science", "technology", "industry", "communications", "information",
     "immigration", "public", "safety", "natural", "resources", "family", "welfare", "social",
     "employment", "business", "digital", "food", "rural", "local", "government",
     "international", "national", "intelligence", "infrastructure", "tourism", "management",
     "budget", "protection"]
)  # fmt: skip
_DEPARTMENT_JOINS: Final = frozenset(["and", "&", "the"])


def _office_holder(words: Sequence[str]) -> str | None:
    """The name after an office that names its department, when the phrase ends in it:
    "Secretary of Health and Human Services Alex Azar", "Secretary of Homeland Security
    Kirstjen Nielsen", "Housing and Urban Development Secretary Ben Carson" (the ``and`` is the
    department's, not two people's)."""
    n = len(words)
    titles = name_titles()
    for t in range(n - 3, -1, -1):
        if words[t].lower().rstrip(".") not in titles:
            continue
        j = t + 1
        joined = any(w in {"and", "&"} for w in words[:t])
        if words[j] == "of":
            if joined:
                return None  # two people: "Morell and Director of National Intelligence …"
            j += 1
            if j < n and words[j] == "the":
                # "Speaker of the House Nancy Pelosi", "Chairman of the Joint Chiefs of Staff
                # Mark Milley": the name opens with a given name, after capitalised words
                for k in range(j + 2, n - 1):
                    if not words[k - 1][:1].isupper() and words[k - 1] != "of":
                        return None
                    rest = words[k:]
                    if (
                        len(rest) <= 4
                        and words[k].lower() in given_names()
                        and all(w[:1].isupper() for w in rest)
                    ):
                        return " ".join(rest)
                return None
            start = j
            while j < n and (
                words[j].lower() in _DEPARTMENT_WORDS
                or (j > start and words[j].lower() in _DEPARTMENT_JOINS)
            ):
                j += 1
            if j == start:
                return None  # "Secretary of the Navy", "Director of Research": not known here
        elif not joined:
            continue  # a title inside the office's name ("Speaker of the House Nancy Pelosi")
        elif not all(
            w.lower() in _DEPARTMENT_WORDS or w.lower() in _DEPARTMENT_JOINS or _is_acronym(w)
            for w in words[:t]
        ):
            return None  # only a department joined by "and" before the office is read here
        rest = words[j:]
        if (
            2 <= len(rest) <= 4
            and all(w[:1].isupper() for w in rest)
            # (a longer rest may hold more of the office: "Superintendent of Public
            # Instruction Tom Torlakson")
            and (len(rest) == 2 or rest[0].lower() in given_names())
        ):
            return " ".join(rest)
        return None
    return None


def _joins_people(phrase: str) -> bool:
    """Whether "and" in ``phrase`` joins people: after a capitalised word that is no office, or
    before a capitalised word, a determiner or a preposition ("Petrov and her adviser", "the
    president and Sen. Ana Ruiz", "economists and by Democrats"; not the offices of one person,
    "CEO and medical director", "President and chief executive", "chairman and chief executive
    John Okafor")."""
    for m in _AND_RE.finditer(phrase):
        before = phrase[: m.start()].rsplit(None, 1)
        word = before[-1] if before else ""
        after = phrase[m.end() :].split(None, 1)
        nxt = after[0] if after else ""
        if _and_in_a_name(phrase, m.start(), m.end()):
            continue
        if (
            (word[:1].isupper() and word.lower() not in _ROLE_WORDS)
            or nxt[:1].isupper()
            or nxt.lower() in _DETERMINERS
            or nxt.lower() in _NP_PREPOSITIONS  # "economists and by centrist Democrats"
        ):
            return True
    return False


_AND_RE: Final = re.compile(r" (?:and|&) ")


def _and_in_a_name(phrase: str, start: int, end: int) -> bool:
    """Whether the "and" at ``phrase[start:end]`` is inside the name of an institution or an
    office that a lower-case word follows: between two words of a department ("Health and
    Human Services Department spokeswoman"), or in a capitalised run with "of" or "for" before
    it ("Centers for Disease Control and Prevention director", "Osterholm of the Center for
    Disease Research and Policy at …", "Secretary of State and Democratic presidential
    frontrunner"); not "Ruiz of Maren and Okafor", which the phrase ends in."""
    run = _CAPITALISED_RUN_BEFORE_RE.search(phrase, 0, start)
    follows = _CAPITALISED_THEN_LOWER_RE.match(phrase, end)
    if (
        run is None
        or follows is None
        or follows.group(1).lower() in given_names()
        or follows.group(2) in {"of", "from"}
    ):
        return False  # another person: "Isakson of Georgia and John Boozman of Arkansas"
    word = phrase[run.start(1) : start].rsplit(None, 1)[-1].lower()
    if word in _DEPARTMENT_WORDS and follows.group(1).lower() in _DEPARTMENT_WORDS:
        return True  # "Health and Human Services", "Housing and Urban Development"
    return run.group(2) is not None


# the capitalised words right before an "and", with "of" or "for" among them (group 2)
_CAPITALISED_RUN_BEFORE_RE: Final = re.compile(
    r"((?:[A-Z][\w.'’-]*[ \t]+)*?(?:[A-Z][\w.'’-]*[ \t]+(?:(of|for)[ \t]+)(?:the[ \t]+)?)?"
    r"(?:[A-Z][\w.'’-]*[ \t]+)*[A-Z][\w.'’-]*)\Z"
)
# capitalised words after an "and", then a lower-case word (group 1: the first of them,
# group 2: the lower-case word)
_CAPITALISED_THEN_LOWER_RE: Final = re.compile(
    r"([A-Z][\w.'’-]*)(?:[ \t]+[A-Z][\w.'’-]*)*[ \t]+([a-z]+)"
)
# a preposition (and article) after a lower-case head, right before a name: "The director of
# the ", "a spokesman for ", "the ambassador to "
_OBJECT_NAME_RE: Final = re.compile(
    r"\b[a-z]\w*[ \t]+(?:of|for|at|from|with|in|to)[ \t]+(?:the[ \t]+)?$"
)


#: the head noun of a role and the titles that stand for it before a name ("the governor":
#: "Gov. Rick Perry"); only heads that name one office holder at a time in a story
_ROLE_TITLES: Final[Mapping[str, tuple[str, ...]]] = {
    "president": ("President",),
    "governor": ("Gov.", "Governor"),
    "senator": ("Sen.", "Senator"),
    "congressman": ("Rep.", "Representative", "Congressman"),
    "congresswoman": ("Rep.", "Representative", "Congresswoman"),
    "mayor": ("Mayor",),
    "speaker": ("Speaker",),
    "secretary": ("Secretary",),
    "ambassador": ("Ambassador",),
    "judge": ("Judge",),
    "justice": ("Justice",),
    "general": ("Gen.", "General"),
    "chancellor": ("Chancellor",),
    "minister": ("Minister",),
}
# the name after a title: "(Gov.) Rick Perry", "(President) Donald J. Trump"
_NAME_AFTER_TITLE_RE: Final = re.compile(
    r"[ \t]+((?:[A-Z][\w’'-]+[ \t]+(?:[A-Z]\.[ \t]+)?(?:(?:de|van|von|da|del|der|la|le)[ \t]+)?)"
    r"{0,2}(?:[A-Z]|(?:el|al)-[A-Z])[\w’'-]+)"  # "Bill de Blasio", "Abdel Fattah el-Sisi"
)
#: words of a role phrase that need not recur before its title ("the", "then-")
_ROLE_FILLER: Final = frozenset(["the", "a", "an", "this", "that", "then", "now", "current"])


def _title_holder(text: str, role: str, pos: int) -> str | None:
    """The name a role stands for: "the governor" is the last name introduced with a
    governor's title before ``pos`` ("Texas Gov. Rick Perry"); a role with other words ("the
    Texas governor", "the former president") the last one with those words just before its
    title. The titles are searched for backwards from the role, as plain strings."""
    words = role.split(",", 1)[0].split()
    if (
        not 1 <= len(words) <= 4
        or any(w.endswith(("’s", "'s")) for w in words)
        or words[0].lower() in {"a", "an"}
    ):
        return None  # "Flynn's lawyer" is no office, "a president" no one in particular
    titles = _ROLE_TITLES.get(words[-1].lower())
    if titles is None:
        return None
    wanted = [w.lower() for w in words[:-1] if w.lower() not in _ROLE_FILLER]
    best: tuple[int, str] | None = None
    for title in titles:
        found = _last_titled(text, title, pos, wanted)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    if best is None:
        return None
    return best[1].removesuffix("’s").removesuffix("'s").rstrip("’'")  # "President Trump’s"


def _last_titled(text: str, title: str, pos: int, wanted: Sequence[str]) -> tuple[int, str] | None:
    """The last ``title`` before ``pos`` with a name after it and the role's other words just
    before it (not "Vice" unless the role says so): where it stands, and the name."""
    i = text.rfind(title, 0, pos)
    while i >= 0:
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "._"):
            m = _NAME_AFTER_TITLE_RE.match(text, i + len(title))
            if m is not None:
                before = text[max(0, i - 40) : i].lower()
                vice = before.rstrip().endswith(("vice", "vice-"))
                if ("vice" in wanted or not vice) and all(w in before for w in wanted):
                    return i, m.group(1)
        i = text.rfind(title, 0, i)
    return None


class _FullNames:
    """A surname alone ("Trump said") stands for the full name it was introduced with earlier
    in the text ("Donald Trump"), when one first name goes with that surname there; with
    several ("Donald Trump", "Ivanka Trump") it stays as it is."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._seen: dict[str, list[tuple[int, str]]] = {}  # surname -> (start, full name)

    def resolve(self, name: str, pos: int, gender: str | None = None) -> str:
        """The full name ``name`` stands for at ``pos``; of ``gender`` ("m", "f") when a
        title gives it ("Mrs. Clinton" after "Bill Clinton" and "Hillary Clinton")."""
        if not (name[:1].isupper() and _one_word(name)):
            particle, _, rest = name.partition(" ")
            if not (particle in _NAME_PARTICLES and rest[:1].isupper() and rest.isalpha()):
                return name  # several words ("de Blasio" aside), or not a capitalised word
        found = self._seen.get(name)
        if found is None:
            found = self._seen[name] = self._introductions(name)
        fulls = {full for start, full in found if start < pos}
        if gender is not None and len(fulls) > 1:
            # those whose given name is of that gender, else those whose given name is unknown
            # ("Barack Obama" for "Mr. Obama" beside "Michelle Obama")
            given = given_names()
            of = {f: given.get(f.split(None, 1)[0].lower()) for f in fulls}
            # (not a word the text writes in lower case, nor one that opens a line, as a
            # headline's "Understated Perez" does)
            opens_line = {f for start, f in found if start == 0 or self.text[start - 1] == "\n"}
            fulls = {f for f, g in of.items() if g == gender} or {
                f
                for f, g in of.items()
                if g is None
                and f not in opens_line
                and not _has_word(self.text, f.split(None, 1)[0].lower())
            }
        if len(fulls) == 2 and len({_unaccented(f) for f in fulls}) == 1:
            # one name with and without its accents ("Francois Hollande" in a headline,
            # "François Hollande" below): as the text spells it with them
            return max(fulls, key=lambda f: sum(not c.isascii() for c in f))
        if len(fulls) == 2:
            # one person introduced with and without a middle name ("Hillary Rodham Clinton",
            # "Hillary Clinton"): the shorter, as other texts name them
            short, long = sorted(fulls, key=len)
            words = long.split()
            if short == f"{words[0]} {words[-1]}":
                return short
        return fulls.pop() if len(fulls) == 1 else name

    def _introductions(self, surname: str) -> list[tuple[int, str]]:
        """Where ``surname`` follows a first name (not a title), with an optional middle
        initial, and the full name: occurrences by plain search, the words before each read
        back character by character."""
        text = self.text
        out = []
        i = text.find(surname)
        while i >= 0:
            end = i + len(surname)
            if (end == len(text) or not text[end].isalnum()) and i > 1 and text[i - 1] == " ":
                k = i - 1
                particles = ""  # "Bill de Blasio", "Ursula von der Leyen"
                while True:  # (a particle is a short word: read back to a space near by)
                    space = text.rfind(" ", k - 6 if k > 6 else 0, k)
                    if space < 1 or text[space + 1 : k] not in _NAME_PARTICLES:
                        break
                    particles = f"{text[space + 1 : k]} {particles}"
                    k = space
                middle = ""
                if k >= 3 and text[k - 1] == "." and text[k - 2].isupper() and text[k - 3] == " ":
                    middle = f" {text[k - 2]}."  # "Donald J. Trump"
                    k -= 3
                w = k
                while w > 0 and text[w - 1].isalpha():
                    w -= 1
                # (with a particle, only a given name on the list: not "Los Hijos de Trump")
                if _given_like(text, w, k) and (
                    text[w:k].lower() in given_names()
                    or (not particles and not _on_title_case_line(text, w))
                ):
                    first = text[w:k]
                    # a name of three words ("Ruth Bader Ginsburg", "Hillary Rodham Clinton"):
                    # the word before is on the list of given names
                    v = w - 1
                    while v > 0 and text[v - 1].isalpha() and w - v < 16:
                        v -= 1
                    if (
                        v < w - 1
                        and text[w - 1] == " "
                        and text[v : w - 1].lower() in given_names()
                        and _given_like(text, v, w - 1)
                    ):
                        first = f"{text[v : w - 1]} {first}"
                    out.append((w, f"{first}{middle} {particles}{surname}"))
            i = text.find(surname, end)
        return out


def _one_word(name: str) -> bool:
    """Whether ``name`` is one word of letters, also with an apostrophe or a hyphen inside it
    ("O’Neill", "Ocasio-Cortez"), and no possessive ("Clinton’s" is no surname)."""
    if name.isalpha():
        return True
    plain = name.replace("’", "").replace("'", "").replace("-", "")
    return plain.isalpha() and name[-1:].isalpha() and not name.endswith(("’s", "'s"))


def _unaccented(name: str) -> str:
    """``name`` without its diacritics ("François" -> "Francois")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _given_like(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may be a given name before a surname: one capitalised word,
    standing alone, not a title nor a word that opens a sentence."""
    word = text[start:end]
    return (
        len(word) > 1
        and word[0].isupper()
        and word[1:].islower()
        and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "’'-"))
        and word.lower() not in name_titles()
        and word not in _SENTENCE_OPENERS
    )


# capitalised words that open a sentence or clause before a name ("When Trump said")
_SENTENCE_OPENERS: Final = frozenset(
    [
        "When",
        "While",
        "After",
        "Before",
        "But",
        "And",
        "As",
        "If",
        "Since",
        "Though",
        "Although",
        "Because",
        "Then",
        "So",
        "Yet",
        "Or",
        "Nor",
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "With",
        "Without",
        "Of",
        "To",
        "Under",
        "Over",
        "During",
        "Despite",
        "Unlike",
        "Like",
        "Until",
        "Unless",
        "Whether",
        "Where",
        "Why",
        "How",
        "What",
        "Who",
        "Whom",
        "This",
        "That",
        "These",
        "Those",
        "Both",
        "Neither",
        "Either",
        "Even",
        "Only",
        "Also",
        "Still",
        "Now",
        "Later",
        "Earlier",
        "Meanwhile",
        "Instead",
        "Said",
        "Says",
        "Asked",
        "Besides",
        "Beyond",
        "Except",
        "Including",
        "Among",
        "Amid",
        "Against",
        "Across",
        "Around",
        "Behind",
        "Between",
        "Through",
        "Toward",
        "Towards",
        "Upon",
        "Within",
        "Once",
        "Whereas",
        "Told",
    ]
)


#: kinds of short quotations that are nobody's speech until attribution says otherwise
_SHORT_KINDS: Final = frozenset(["scare", "title"])

#: kinds whose content is paraphrase (the ``reported`` voice) unless it is a direct quotation
_REPORTED_KINDS: Final = frozenset(["indirect", "mixed", "according_to", "colon", "passive"])
# the kinds whose cue is a verb (with a verb group round it)
_VERB_KINDS: Final = frozenset(["direct", "indirect", "mixed", "passive"])
#: cues that are adverbs: their content is the clause they stand in, cue included
_ADVERB_CUES: Final = frozenset(["reportedly", "allegedly"])


# what may follow the head of a source between commas, up to the cue, and is not part of it:
# an auxiliary the phrase took ("A poll has, however,"), then a sentence adverb, a phrase of
# place, time, occasion or circumstance ("after a long pause", "through a spokeswoman",
# "without naming him", "as he has in the past"), or a participle's clause ("speaking on
# condition of anonymity"; not "including …", which names members of the source, nor the -ing
# words of offices: "managing director", "acting administrator")
_SOURCE_ADJUNCT_RE: Final = re.compile(
    r"(?:[ \t]+(?:has|have|had|is|are|was|were|will|would))?[ \t]*,[ \t]+(?:"
    r"however|meanwhile|though|too|also|instead|moreover|for instance|for example|by contrast"
    r"|in contrast|in turn|in particular|of course|in fact|at the time|on the other hand"
    r"|for one|for (?:his|her|their|its) part|in (?:a|an|the|his|her|their|its) [^,\n]{1,60}"
    r"|in (?:response|reply|addition|[0-9]{4}\b|[a-z]+ing\b)[^,\n]{0,100}"
    r"|(?:after|before|while|when|despite|since|through|amid|once|without|until"
    r"|as(?! well as\b)) [^,\n]{1,120}"
    r"|(?:in|at) [A-Z][^,\n]{0,40}|on [A-Z][a-z]+day|during (?!and\b)[^,\n]{1,80}"
    r"|(?!(?:including|managing|acting|presiding|ranking|founding|leading|visiting|outgoing"
    r"|incoming|reigning|governing|consulting|supervising|commanding|polling)\b)"
    r"[a-z]+ing\b[^,\n]{0,150}),?$"
)
# the word right before a position, with the spaces after it
_WORD_BEFORE_RE: Final = re.compile(r"([A-Za-z]+(?:['’][a-z]+)?)[ \t]+")
_ASCII_LETTERS: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# a preposition that opens the content right after the cue ("called for", "warned about",
# "spoke of", "agreed with", "described as"; not "to", which opens an infinitive that is the
# content, "wants to build", nor "on", which more often opens a place, "posted on Twitter")
_PARTICLE_RE: Final = re.compile(r"(for|about|of|with|as|against|over)[ \t]+(?=\S)")
# words in -ly that are no adverbs, and adverbs that are cues of their own
_LY_NOUNS: Final = frozenset(
    ["family", "assembly", "rally", "ally", "reply", "supply", "italy", "july", "daily",
     "weekly", "monthly", "holly", "belly", "bully", "jelly", "anomaly", "monopoly"]
)  # fmt: skip
_NOT_GROUP_ADVERBS: Final = _LY_NOUNS | frozenset(["only", "reportedly", "allegedly"])


def _adverb_in_ly(word: str) -> bool:
    """Whether a lower-case word in -ly is an adverb ("also", "quickly"; not "rally")."""
    return word.endswith("ly") and word not in _LY_NOUNS


# the negations of a verb group ("n't" forms are told by their ending)
_NEGATIONS: Final = frozenset(["not", "never", "cannot"])


def _in_verb_group(word: str) -> bool:
    """Whether a lower-case word may stand in a verb group before its verb: an auxiliary, a
    negation or an adverb ("has", "didn’t", "also", "falsely")."""
    if word in _NOT_GROUP_ADVERBS:
        return False
    return word in _AUX or word.endswith(("n't", "n’t")) or (word.endswith("ly") and len(word) > 4)


def _verb_group(
    text: str, d: _Draft, sentences: Sequence[Sentence], sent_starts: Sequence[int]
) -> tuple[Cue, tuple[int, int] | None]:
    """The draft's cue with the rest of its verb group, and its content: the auxiliaries,
    negations and adverbs before the verb ("has also said", "did not deny", "falsely
    claimed"), and a preposition after it that opens the content ("called for", "warned
    about"), as PolNeAR marks cues. The lemma and stance stay the verb's."""
    cue, content = d.cue, d.content
    start, end = cue.start, cue.end
    if d.kind not in _VERB_KINDS or cue.lemma in _ADVERB_CUES:
        # an adverb ("has reportedly been …") heads no verb group: the auxiliary is its
        # clause's, which is the content
        return _new_cue(start, end, cue.text, cue.lemma, cue.stance), content
    si = bisect.bisect_right(sent_starts, start) - 1
    lo = sentences[si].start if si >= 0 else 0
    if d.source is not None and d.source[1] <= start:
        lo = max(lo, d.source[1])
    negated = False
    while start > lo:
        # the word right before, with only spaces or tabs after it (as _WORD_BEFORE_RE reads it)
        j = start
        while j > lo and text[j - 1] in " \t":
            j -= 1
        k = j
        while k > lo and (text[k - 1] in _ASCII_LETTERS or text[k - 1] in "'’"):
            k -= 1
        while k < j and text[k] in "'’":
            k += 1  # a quotation mark before the word: "the agency 'has been asked"
        if j == start or k == j or _WORD_BEFORE_RE.fullmatch(text, k, start) is None:
            break
        word = text[k:j]
        if not word.islower() or not _in_verb_group(word):
            break
        if word in _NEGATIONS or word.endswith(("n't", "n’t")):
            negated = True
        start = k
    if content is not None and content[0] < start < content[1] <= cue.start:
        content = _trim(text, content[0], start)  # "The results are | expected": the group's
    if content is not None and end <= content[0] and not text[end : content[0]].strip():
        m = _PARTICLE_RE.match(text, content[0], content[1])
        if m is not None and content[1] - m.end() > 0:
            end, content = m.end(1), (m.end(), content[1])
    elif content is not None and end < content[0] and text[end : content[0]].strip() == ":":
        end = text.index(":", end) + 1  # "said:" before what is said
    if start == cue.start and end == cue.end:
        return _new_cue(start, end, cue.text, cue.lemma, cue.stance), content
    return _new_cue(start, end, text[start:end], cue.lemma, cue.stance, negated), content


def _passive_content(
    text: str, s_start: int, verb: int, agent_end: int, s_end: int
) -> tuple[int, int] | None:
    """What a passive with its agent reports: a clause after the agent ("was asked by the host
    whether …"), else the passive's subject ("The meeting was first reported by Politico",
    "These proposals have been applauded by critics"), never the agent itself."""
    m = _AFTER_AGENT_RE.match(text, agent_end, s_end)
    if m is not None:
        return _trim(text, m.start(1), s_end)
    # the verb group's auxiliaries and adverbs ("was first", "have been") belong to the cue
    tok = _before_auxiliaries(text, s_start, verb)
    if tok is None:
        return None
    found = _trim(text, s_start, tok.end)
    return found if _has_words(text, *found, 1) else None


# a clause after a passive's agent that holds what was said: "was asked by the host whether …"
_AFTER_AGENT_RE: Final = re.compile(
    r"[ \t]*,?[ \t]*((?:that|whether|if|how|why|what|to)(?![^\W_])|[“\"‘:])"
)


# a pronoun with a contracted auxiliary: "He’s", "they'd", "I’ve"
_CONTRACTED_PRONOUN_RE: Final = re.compile(r"((?i:he|she|it|they|we|i|you))['’](?i:s|d|ll|ve|re|m)")


def _label_name(label: str, names: dict[str, str]) -> str | None:
    """The name a transcript's label in capitals stands for when the text never writes it in
    ordinary case: a full label with a given name first is that name ("JAKE TAPPER" -> "Jake
    Tapper", remembered in ``names`` under "TAPPER"), a lone surname the full label before it
    ("TAPPER" -> "Jake Tapper"). ``None`` otherwise: "FIX IS IN" and "NATO" stay as written."""
    words = label.split()
    if len(words) == 1:
        return names.get(label)
    if (
        len(words) > 3
        or words[0].lower() not in given_names()
        or not all(w.isalpha() for w in words)
    ):
        return None
    name = " ".join(w.capitalize() for w in words)
    names.setdefault(words[-1], name)
    return name


def _finish(
    text: str,
    sentences: Sequence[Sentence],
    qs: _Quotes,
    drafts: Sequence[_Draft],
    excluded: Sequence[tuple[int, int]] = (),
) -> AttributionResult:
    speakers: list[_Speaker] = []
    # paragraphs opened by a speaker's label ("WALLACE: …"): paragraph start -> the label's
    # speaker, filled as the colon relations are finished (they come before their content)
    labelled: dict[int, tuple[str, SourceType]] = {}
    # a transcript's full labels in capitals with a given name first ("JAKE TAPPER:"), by the
    # surname its later labels use alone ("TAPPER:"): the name in ordinary case
    label_names: dict[str, str] = {}
    quoted: list[tuple[int, int]] = []
    for q in qs.quotes:
        if not quoted or q.start >= quoted[-1][1]:
            quoted.append((q.start, q.end))
    mentions = _Mentions(text, quoted, excluded)
    full_names = _FullNames(text)
    anonymity: dict[int, bool] = {}
    written_as_place: dict[str, bool] = {}  # one-word names: whether the text writes them so
    plurals: dict[str, bool] = {}  # one-word names: whether they are plural nouns for people

    genders: dict[tuple[int, str], str | None] = {}

    def gender_of(pos: int, name: str) -> str | None:
        """:func:`_gender`, also through the full name a surname stands for ("Secretary
        Clinton" after "Hillary Clinton")."""
        key = (pos, name)
        if key not in genders:
            found = _gender(text, pos, name)
            if found is None and name[:1].isupper():
                full = full_names.resolve(person_name(name), pos)
                if " " in full and full != name:
                    found = _gender(text, pos, full)
            genders[key] = found
        return genders[key]

    def anonymous_sentence(si: int) -> bool:
        if si not in anonymity:
            lo, hi = (sentences[si].start, sentences[si].end) if sentences else (0, len(text))
            anonymity[si] = (
                _may_grant_anonymity(text[lo:hi]) and _ANONYMITY_RE.search(text, lo, hi) is not None
            )
        return anonymity[si]

    def anonymous_at(pos: int) -> bool:
        return anonymous_sentence(max(0, bisect.bisect_right(sent_starts, pos) - 1))

    attributions: list[Attribution] = []
    interviewee: str | None = None  # whom an interview's "A:" stands for, when one asks
    kinds: dict[int, QuoteKind] = {i: q.kind for i, q in enumerate(qs.quotes)}
    sent_starts = [s.start for s in sentences]
    reported: list[ContentSpan] = []
    contents: _Contents | None = None  # built when an anonymity grant asks for it
    # the drafts come in the order of their contents; they are named in the order of their
    # sources, so that a pronoun sees every speaker before it ("some voters … said he had less
    # magnetism than they remembered": the content of "remembered" opens before "said")
    order = sorted(range(len(drafts)), key=lambda i: _named_at(drafts[i]))
    done: dict[int, Attribution] = {}
    done_reported: dict[int, ContentSpan] = {}
    for d in drafts:
        if d.quote is not None:
            kinds[d.quote] = "direct"  # someone's words before any pronoun inside asks
    for di in order:
        d = drafts[di]
        source: SourceSpan | None = None
        speaker: str | None = None
        if d.source is not None:
            s, e = d.source
            if e - s < 8 and (c := _CONTRACTED_PRONOUN_RE.fullmatch(text, s, e)) is not None:
                e = c.end(1)  # "He’s said": the auxiliary is not part of who speaks
            elif text.find(",", s, e) >= 0 and (c := _SOURCE_ADJUNCT_RE.search(text, s, e)):
                # a sentence adverb or a participle's clause is no part of who speaks: "Ted
                # Cruz, by contrast, wrote", "Trump, speaking to veterans, said"
                e = c.start()
            a_s, a_e = d.antecedent if d.antecedent is not None else (s, e)
            typ, ask = _source_type(text, a_s, a_e)
            if ask and anonymous_at(a_s):
                # the grant is the outer speaker's, not that of a source inside what they said
                # ("One senior official, speaking on condition of anonymity, said the army had
                # asked for …": the army is named)
                if contents is None:
                    contents = _Contents(drafts)
                if not contents.holds(a_s, di):
                    typ = "anonymous"
            speaker = text[a_s:a_e]
            if speaker.lower() in _RELATIVE:
                speaker, typ = None, "unknown"  # a relative pronoun whose antecedent was not found
            elif typ == "unknown":
                speaker = None  # "Nobody in Maren believes …": no one to name
            if (
                d.kind == "colon"
                and typ in {"organisation", "person"}
                and speaker
                and speaker.isupper()
            ):
                # a transcript labels its speakers in capitals ("WALLACE:", "MR. TRUMP:"); the
                # label is who the text names in ordinary case ("Fox News" stays an organisation)
                found = _ordinary_case(text, speaker)
                if found is None:
                    found = _ordinary_case(text, person_name(speaker.title()))  # "SEN. JOHN ROE"
                if found is None:
                    found = _label_name(speaker, label_names)
                if found is not None:
                    speaker, typ = found, _phrase_type(found)[0]
            if d.kind == "colon" and speaker in _INTERVIEW_LABELS:
                # an interview's labels (only an interview's: _colon_drafts): who asks is the
                # outlet, named nowhere; who answers is the person its introduction names most
                if speaker == "A" and interviewee is None:
                    interviewee = _interviewee(text) or ""
                speaker = (interviewee or None) if speaker == "A" else None
                typ = "person" if speaker else "role"
            if typ == "pronoun":
                pronoun = text[a_s:a_e].split(None, 1)[0]
                if pronoun.lower() in _FIRST_SECOND and not _quoted_at(qs, kinds, d.cue.start):
                    # "I", "we" and "you" outside a quotation are the writer and the reader
                    # ("When I asked …", "I have argued for months", "we should forever recall"),
                    # unless a transcript's label gives the paragraph's speaker ("HRC: … I
                    # think …")
                    res = labelled.get(_paragraph_bounds(text, d.cue.start)[0])
                else:
                    at = a_s
                    if pronoun.lower() in {"he", "she"}:
                        at = _chain_start(text, sentences, sent_starts, a_s, pronoun)
                    res = _resolve(
                        at,
                        pronoun,
                        speakers,
                        mentions,
                        gender_of,
                        d.content,
                        full_names.resolve,
                        _previous_subject(text, sentences, sent_starts, at, full_names.resolve),
                        # "it" right before its verb (not "It is hard to say")
                        pronoun.lower() in {"it", "they"}
                        and _ADVERBS_ONLY_RE.fullmatch(text, a_e, d.cue.start) is not None,
                    )
                # an unresolved pronoun names no one: no speaker (its source span stays)
                speaker, typ = res if res is not None else (None, typ)
            if typ == "person" and speaker:
                # one plain word (most often a surname) has no title to drop
                name = speaker if speaker.isalpha() else person_name(speaker)
                # ("Mrs. Clinton" is Hillary Clinton where Bill Clinton is named too)
                titled = _GENDERED_TITLES.get(speaker.split(None, 1)[0].rstrip(".").lower())
                speaker = full_names.resolve(name, a_s, titled if " " in speaker else None)
                if speaker.isalpha():
                    if speaker not in written_as_place:
                        written_as_place[speaker] = _written_as_place(text, speaker)
                    if written_as_place[speaker]:
                        typ = "organisation"  # a country or city the text writes as one
                    elif speaker.endswith("s") and speaker[1:].islower():  # (not "BernieSanders")
                        if speaker not in plurals:
                            plurals[speaker] = _capitalised_plural(text, speaker)
                        if plurals[speaker]:
                            typ = "role"  # "Investors say …": people, no surname
                    if (
                        typ == "person"
                        # (not "Mr. Fox": a title before the name)
                        and not (" " in text[a_s:a_e] and _is_title(text[a_s:a_e].split(), 0))
                        and (org := _organisation_named_by(speaker, speakers))
                    ):
                        # the first word of an organisation that spoke before is its short name,
                        # no surname: "the Pew Research Center found … Pew concluded"
                        speaker, typ = org, "organisation"
            elif typ != "pronoun" and speaker and "," in (head := _appositive_commas(speaker)):
                # a source typed by its head is named by it: "The Civic Alliance, which Dalen
                # leads" is the Civic Alliance, "A party official, who asked not to be named"
                # an anonymous party official, "the Post — even the devil can quote …" the
                # Post (the source span keeps the whole phrase)
                speaker = head[: head.index(",")].rstrip() or speaker
            if (
                typ in {"role", "anonymous"}
                and speaker
                and (named := _NAME_AFTER_ROLE_RE.match(text, e))
                and named.group(1).split(None, 1)[0].lower() in given_names()
            ):
                # the name set off right after the source ("the aide, Maria Lopez, 31, who …":
                # the source phrase stopped at the comma before it)
                speaker, typ = named.group(1), "person"
            if typ == "role" and speaker:
                # "the Texas governor" is the governor the text named ("Texas Gov. Rick Perry")
                holder = _title_holder(text, speaker, a_s)
                if holder is not None:
                    speaker = full_names.resolve(holder, a_s)  # "President Trump": Donald Trump
            if typ == "organisation" and speaker and speaker.isalpha() and speaker[0].isupper():
                # a word that names organisations is a surname where the text introduced a
                # person by it ("Vicente Fox … Fox told CNN"; "Fox" alone is the network)
                full = full_names.resolve(speaker, a_s)
                if " " in full and full.split(None, 1)[0].lower() in given_names():
                    speaker, typ = full, "person"
            if typ == "organisation" and speaker:
                if speaker.endswith(")"):
                    # its acronym in parentheses is no part of its name: "the World Health
                    # Organization (WHO)"
                    speaker = _ACRONYM_AFTER_RE.sub("", speaker) or speaker
                speaker = _short_organisation(speaker, speakers)
            if speaker and " (@" in speaker:
                # a post's author is named without the handle: "The Daily Beast (@thedailybeast)"
                speaker = speaker[: speaker.find(" (@")]
            if d.kind == "continuation":
                speaker = None
                for a in reversed(attributions):
                    if a.source is not None and a.source.start == s:
                        speaker = a.speaker
                        typ = a.source.type
                        break
            # the comma or dash that closes an appositive is the source's: "Brian Fallon, the
            # campaign’s press secretary, noted …" (as PolNeAR marks it)
            closed = e
            if text[e : e + 1] == "," and text.find(",", s, e) >= 0:
                closed = e + 1
            else:
                # a dashed one: "Jason Sims — a teacher —", "Joe Kall -- a co-editor --"
                after = text[e : e + 3].lstrip(" ")
                mark = "—" if after[:1] == "—" else "--" if after[:2] == "--" else ""
                if mark and mark in text[s:e]:
                    closed = text.index(mark, e) + len(mark)
            source = _new_source(s, closed, text[s:closed], typ)
            if d.kind == "colon" and speaker:
                labelled[_paragraph_bounds(text, d.cue.start)[0]] = (speaker, typ)
            if (
                typ not in {"unverified", "document", "unknown"}
                and (speaker is not None or d.kind != "colon")  # (not an interview's "A")
                # whom a report cites ("quoted one of Carson's advisers as saying") is no
                # antecedent of a later "he": the story stays with its subject
                and _cited_as(text, 0, d.cue.start) is None
            ):
                # (the gender is worked out only when a "he" or "she" asks: _speaker_gender)
                speakers.append((s, speaker or text[s:e], typ, text[s:e], d.cue.start))
        elif d.cue.lemma in _ADVERB_CUES:
            source = None
            speaker = None
        cue, c_span = _verb_group(text, d, sentences, sent_starts)
        content = _new_content(c_span[0], c_span[1]) if c_span else None
        if d.quote is not None:
            kinds[d.quote] = "direct"
        if content is not None and d.kind in _REPORTED_KINDS:
            for k in _quotes_within(qs, content.start, content.end):
                if kinds[k] == "scare":
                    kinds[k] = "mixed"
            if d.quote is None:
                done_reported[di] = content
        confidence = d.confidence
        if d.quote is not None:
            # an unbalanced or paragraph-continued quotation lowers the confidence
            confidence = round(confidence * qs.quotes[d.quote].confidence, 3)
        done[di] = _new_attribution(cue, source, content, d.kind, speaker, confidence)
        attributions.append(done[di])
    attributions = [done[i] for i in range(len(drafts))]
    reported = [done_reported[i] for i in sorted(done_reported)]
    new_quotes = tuple(
        q if kinds[i] == q.kind else replace(q, kind=kinds[i]) for i, q in enumerate(qs.quotes)
    )
    return AttributionResult(tuple(attributions), new_quotes, tuple(reported))


# ------------------------------------------------------------------------------ reported voice


def iter_reported(result: AttributionResult) -> Iterable[ContentSpan]:
    """Content spans in the ``reported`` voice (paraphrase, not quotation)."""
    return iter(result.reported)
