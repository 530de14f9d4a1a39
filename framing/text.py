"""Tokens, sentences and normalisation, with offsets into the original text.

Words are the matches of :data:`WORD_PATTERN`, the pattern of NLTK's data-free
:class:`~nltk.tokenize.RegexpTokenizer` (:func:`word_tokenizer` returns that tokenizer for NLTK
pipelines). The analysis runs the pattern with the standard library's ``re`` directly: NLTK 3.9+
compiles caller patterns with the third-party ``regex`` engine, whose newer Unicode tables would
make word spans and word counts disagree on recent letters, and importing NLTK costs about a second
per process.
Sentences come from a regular-expression splitter with an abbreviation list the project ships
(``lexicons/abbreviations.txt``): it runs several times faster than untrained Punkt and knows
news abbreviations such as "U.S." and "Lt. Gen.". Paragraph and line breaks always end a sentence,
because scraped articles put headlines, captions and page furniture on lines of their own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, Final

from framing.resources import word_list
from framing.types import Sentence

#: A word: letters or digits, with inner apostrophes (don't, Ukraine’s). Hyphens split words.
WORD_PATTERN = r"[^\W_]+(?:['’][^\W_]+)*"
#: :data:`WORD_PATTERN` compiled with possessive quantifiers: the same matches (nothing follows a
#: word that backtracking could give characters to), about 10% faster to scan.
WORD_RE = re.compile(r"[^\W_]++(?:['’][^\W_]++)*+")
# The same words, each found as an empty group: counting them allocates no substrings.
_WORD_COUNT_RE = re.compile(r"[^\W_]++(?:['’][^\W_]++)*+()")

#: Characters folded to a plain form of the same length before matching.
_FOLD = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "\u00ad": "-",
    }
)

_FOLD_PAIRS: tuple[tuple[str, str], ...] = tuple((chr(k), str(v)) for k, v in _FOLD.items())


def normalize(text: str) -> str:
    """Lower-case and fold apostrophes and hyphens, **keeping the length** so offsets still hold."""
    low = text.lower()
    if len(low) != len(text):  # a few characters (e.g. "İ") lower-case to two code points
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # str.replace per folded character is ~20x faster than str.translate with a dict table
    for char, plain in _FOLD_PAIRS:
        if char in low:
            low = low.replace(char, plain)
    return low


# A clitic written apart from its word, as tokenised corpora print them (Penn Treebank style,
# e.g. Article-Bias-Prediction): "ABC 's", "Russia ’ s", "they 're", "didn ’ t", "do n't", and a
# plural's possessive mark ("the voters ’ plan"), and the rest of a name after "O" or "D"
# ("Jen O ’ Malley Dillon", "Dinesh D ’ Souza"). The pattern is tried at each space before a
# mark (join_clitics); the word before it is checked there: "n't" and "’ t" only after an
# auxiliary ("Sophie in 't Veld" is a name).
#: the clitics written after an apostrophe, but "n't" ("'s", "'re", "’ve", "'ll", "'d", "'m")
CLITICS: Final = ("s", "re", "ve", "ll", "d", "m")
_CLITIC_ALTERNATION: Final = "|".join(CLITICS)
_CLITIC_AT_RE: Final = re.compile(
    rf" (?:(?P<c>['’] ?(?i:{_CLITIC_ALTERNATION}))|(?P<t>['’] ?(?i:t))|(?P<n>(?i:n)['’](?i:t))"
    r"|(?<=[OD] )(?<![^\W_][OD] )(?P<o>['’] ?[A-Z][a-z]+)|(?P<p>['’])(?= [^\W_]))(?![^\W_])"
)
_NEGATED: Final = frozenset(
    ["do", "does", "did", "ca", "wo", "would", "could", "should", "is", "are", "was", "were",
     "has", "have", "had", "must", "need", "ai"]
)  # fmt: skip
# the apostrophes of detached clitics
_APOSTROPHES: Final = ("'", "’")
_OPENING_SINGLE_MARKS: Final = ("‘", " ` ")


def _word_before(text: str, pos: int) -> str:
    """The run of letters and digits that ends at ``pos``, lower-cased."""
    k = pos
    while k > 0 and text[k - 1].isalnum():
        k -= 1
    return text[k:pos].lower()


def _detached_clitics(text: str) -> list[tuple[int, int]]:
    """The spans of the detached clitics of ``text``, each with the spaces before it (one
    span for clitics that follow one another). Each apostrophe is found by a search for one
    character (far quicker than for the two of a space and a mark, as spaces are everywhere)
    and the pattern is tried only where a space, or a space and "n", stands before it."""
    found: list[tuple[int, int]] = []
    for mark in _APOSTROPHES:
        pos = text.find(mark, 1)
        while pos > 0:
            before = text[pos - 1]
            at = pos - 1 if before == " " else pos - 2 if before in "nN" else -1
            if at > 0 and text[at] == " " and text[at - 1].isalnum():
                m = _CLITIC_AT_RE.match(text, at)
                if m is not None:
                    kind = m.lastgroup
                    word = _word_before(text, at) if kind in {"t", "n"} else ""
                    if (
                        (kind == "t" and word.endswith("n") and word[:-1] in _NEGATED)
                        or (kind == "n" and word in _NEGATED)
                        or kind in {"c", "o"}
                        or (kind == "p" and text[at - 1] in "sS" and _closes_no_quotation(text, at))
                    ):
                        found.append(m.span())
            pos = text.find(mark, pos + 1)
    merged: list[tuple[int, int]] = []
    for a, b in sorted(found):
        if merged and merged[-1][1] == a:
            merged[-1] = (merged[-1][0], b)  # one after another: "O ’ Rourke ’ s"
        else:
            merged.append((a, b))
    return merged


def _closes_no_quotation(text: str, pos: int) -> bool:
    """Whether no opening single quotation mark comes before ``pos`` on its line, so that a
    mark after a plural at ``pos`` is its possessive ("‘ Fake News ’ and" closes a quotation)."""
    line = text.rfind("\n", 0, pos) + 1
    return all(text.find(mark, line, pos) < 0 for mark in _OPENING_SINGLE_MARKS)


class JoinedClitics:
    """A text with its detached clitics joined to their words, **of the same length**: the
    spaces before a clitic move after it ("ABC 's Devin" -> "ABC's  Devin"), so that every
    offset outside a clitic is the same in both. ``clitics`` holds, for each joined clitic,
    where it starts and ends in ``text`` and where its characters stand in the original.
    (A plain class, not a dataclass: mypyc compiles this module.)"""

    __slots__ = ("clitics", "starts", "text")

    def __init__(self, text: str, clitics: tuple[tuple[int, int, tuple[int, ...]], ...]) -> None:
        self.text = text
        self.clitics = clitics  # (start, end, original positions)
        self.starts = tuple(c[0] for c in clitics)  # the clitics' starts in ``text``

    def original_start(self, pos: int) -> int:
        """The original offset of a span that starts at ``pos`` of :attr:`text`."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0:
            start, end, chars = self.clitics[i]
            if pos < end:
                return chars[pos - start]
        return pos

    def original_end(self, pos: int) -> int:
        """The original offset of a span that ends at ``pos`` of :attr:`text`."""
        i = bisect.bisect_left(self.starts, pos) - 1
        if i >= 0:
            start, end, chars = self.clitics[i]
            if pos <= end:
                return chars[pos - start - 1] + 1
        return pos


def join_clitics(text: str) -> JoinedClitics | None:
    """``text`` with its detached clitics joined (:class:`JoinedClitics`), or ``None`` when it
    has none."""
    spans = _detached_clitics(text)
    if not spans:
        return None
    parts: list[str] = []
    clitics: list[tuple[int, int, tuple[int, ...]]] = []
    last = 0
    for a, b in spans:
        chars = tuple(k for k in range(a, b) if text[k] != " ")
        clitic = "".join(text[k] for k in chars)
        parts.append(text[last:a])
        parts.append(clitic + " " * (b - a - len(clitic)))
        clitics.append((a, a + len(clitic), chars))
        last = b
    parts.append(text[last:])
    return JoinedClitics("".join(parts), tuple(clitics))


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word spans ``(start, end)`` in ``text[start:end]``, as offsets into ``text``."""
    return [
        (m.start(), m.end())
        for m in WORD_RE.finditer(text, start, len(text) if end is None else end)
    ]


@lru_cache(maxsize=1)
def word_tokenizer() -> Any:
    """NLTK's ``RegexpTokenizer`` over :data:`WORD_PATTERN` (same words as :func:`word_spans` on
    text within Unicode 14), for users who compose NLTK pipelines. Imported on first use."""
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(WORD_PATTERN)


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Number of words in ``text[start:end]`` (fast path, no span objects)."""
    return len(_WORD_COUNT_RE.findall(text, start, len(text) if end is None else end))


# The byte table of word_classes: a letter or digit is "a", the apostrophe that can join two
# words "'", anything else " ". Only its ASCII half is used (the text is ASCII when translated).
_ASCII_CLASSES = bytes(
    ord("a") if chr(i).isalnum() else ord("'") if chr(i) == "'" else ord(" ") for i in range(256)
)
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")
# Up to this many distinct non-ASCII characters, word_classes replaces them one by one.
_MAX_REPLACED = 32


def word_classes(text: str) -> bytes:
    """One byte per character of ``text``, as far as :data:`WORD_PATTERN` is concerned: ``a``
    for a letter or digit (``[^\\W_]``, which is ``str.isalnum``), ``'`` for an apostrophe
    (``'`` or ``’``), a space for anything else. :func:`count_class_words` counts the words of
    any slice of it several times faster than the regular expression counts those of the text,
    so a caller that counts many stretches of one text builds this once."""
    if not text.isascii():
        # each non-ASCII character becomes the ASCII character of its class
        chars = {
            char: "a" if char.isalnum() else "'" if char == "’" else " "
            for char in set("".join(_NON_ASCII_RE.findall(text)))
        }
        if len(chars) <= _MAX_REPLACED:
            # news text has a handful of them (curly quotes, dashes, a few accented letters):
            # one str.replace each is several times faster than str.translate with a table
            for char, ascii_char in chars.items():
                text = text.replace(char, ascii_char)
        else:  # text in another script: one pass, whatever the number of characters
            text = text.translate({ord(char): ascii_char for char, ascii_char in chars.items()})
    return text.encode("ascii").translate(_ASCII_CLASSES)


def count_class_words(classes: bytes, start: int = 0, end: int | None = None) -> int:
    """Number of words in ``classes[start:end]`` (see :func:`word_classes`); equal to
    :func:`count_words` of the same slice of the text.

    A word starts at a letter or digit unless it continues a word: one right after a letter or
    digit, or right after an apostrophe that itself follows one (``don't``). So the starts are
    the ``a`` at the very beginning or after a space, and the ``'a`` at the very beginning or after
    a space or another apostrophe; none of the three patterns counted can overlap itself.
    """
    c = classes[start:end] if start or end is not None else classes
    return (
        c.startswith(b"a")
        + c.count(b" a")
        + c.startswith(b"'a")
        + c.count(b" 'a")
        + c.count(b"''a")
    )


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Lower-case abbreviations (without their final period) that do not end a sentence."""
    return frozenset(w.lower().rstrip(".") for w in word_list("abbreviations.txt"))


# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space and an
# opening quote, bracket, capital or digit. Line breaks are handled separately.
# Group 1 is the punctuation, group 2 the spaces after the closing marks.
# (``([.!?…][.!?…]*)`` rather than ``([.!?…]+)``, the same matches: a pattern that opens with a
# plain character class lets the engine skip ahead to the next candidate; one that opens with a
# repeat makes it try the whole pattern at every position.)
_BOUNDARY_RE = re.compile(r"([.!?…][.!?…]*)[\"'”’»)\]]*(?=([ \t\xa0]+)[\"'“‘«(\[]?[^\W_a-z])")
# A non-blank line without its surrounding whitespace (``\s`` is ``str.isspace``).
_TRIMMED_LINE_RE = re.compile(r"\S(?:[^\n]*\S)?")
_LAST_WORD_RE = re.compile(r"([^\W_](?:[\w.'’-]*[^\W_])?)\.$")
_ACRONYM_RE = re.compile(r"(?:[a-z]\.)+[a-z]")
_INITIAL_NEXT_RE = re.compile(r"[A-Za-z]\.")


#: capitalised words that open a sentence and follow no abbreviation inside one (no title,
#: initial, state or company form comes before "The", "He" or "But"), after closing marks and
#: spaces ("I" and "A" are left out: initials, "J. A. Smith")
_OPENER_NEXT_RE = re.compile(
    r"[\"'”’)\]]*[ \t\xa0]+(?:The|He|She|It|They|We|But|And|In|This|That|These|Those|His|Her|Its"
    r"|Their|Our|There|After|When|While|If|Yet)(?![^\W_])"
)
#: abbreviations that may stand before such a word inside a sentence: titles and ranks, which
#: stand before a name only (a title-case "Mr. And Mrs. Smith"), and "Das Volk vs. The State"
_BEFORE_OPENERS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "rev", "gov", "sen", "sens", "rep", "reps", "pres", "gen",
     "lt", "col", "maj", "capt", "cpl", "sgt", "adm", "cmdr", "lt.gen", "brig", "amb", "atty",
     "supt", "insp", "det", "vs", "v"]
)  # fmt: skip
#: abbreviations of "number", which stand before a numeral only: "no" is also the word no
_NUMBER_ABBREVIATIONS = frozenset(["no", "nos"])


def _is_abbreviation(text: str, dot: int, abbrevs: frozenset[str]) -> bool:
    """Does the period at ``dot`` end an abbreviation (Mr., U.S., Lt.) rather than a sentence?"""
    # No match can start at or before a space (the word's characters exclude it): searching
    # from the last space gives the same match with fewer attempts.
    lo = max(0, dot - 20)
    m = _LAST_WORD_RE.search(text, max(lo, text.rfind(" ", lo, dot) + 1), dot + 1)
    if m is None:
        return False
    word = m.group(1).lower()
    if word in _NUMBER_ABBREVIATIONS:
        # "No. 5", "Nos. 3 and 4", but "He said no. The vote …" ends a sentence
        rest = text[dot + 1 : dot + 4].lstrip()
        return rest[:1].isdigit()
    if not (
        word in abbrevs
        # Single initials ("J. Smith") and dotted acronyms ("U.N.") are abbreviations.
        # (a digit is no initial: "on March 9. Ten days later")
        or (len(word) == 1 and word.isalpha())
        or _ACRONYM_RE.fullmatch(word) is not None
        or _ends_party_label(text, dot, word, abbrevs)
    ):
        return False
    # not before a word that opens sentences and follows no abbreviation inside one: "… in San
    # Bernardino, Calif. The Islamic State said", "… to enter the U.S. The proposal" (tested
    # only here, after an abbreviation: every plain sentence end passes above)
    return word in _BEFORE_OPENERS or _OPENER_NEXT_RE.match(text, dot + 1) is None


def _ends_party_label(text: str, dot: int, word: str, abbrevs: frozenset[str]) -> bool:
    """Whether ``word`` before the period at ``dot`` is a party and a state after a name:
    "(D-Conn.)", "R-N.C.," (not a lone letter after a hyphen: "We chose Plan-B. Then …")."""
    _, hyphen, tail = word.rpartition("-")
    if not hyphen:
        return False
    if len(tail) == 1:  # the first letter of "N.C." in "R-N.C."
        return _INITIAL_NEXT_RE.match(text, dot + 1) is not None
    return tail in abbrevs or _ACRONYM_RE.fullmatch(tail) is not None


def ends_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation or initial ("Mr.", "U.S.", "J.")
    rather than a phrase (the shipped abbreviation list, as the sentence splitter uses it)."""
    return _is_abbreviation(text, dot, abbreviations())


#: Marks that end a clause: the words before one are not next to the words after it, so a
#: ``*_preceding`` rule of a lexicon or of the cue card reads back only to the last of them.
#: Quotation marks are not among them: a scare quote opens on the very term it marks ("a
#: migrant “invasion”").
CLAUSE_MARKS = ",;:()[]—–"
_CLAUSE_MARK_RE = re.compile("[" + re.escape(CLAUSE_MARKS) + "]")


def clause_start(text: str, lo: int, hi: int) -> int:
    """Where the clause that reaches ``hi`` starts in ``text[lo:hi]``: just after the last
    :data:`CLAUSE_MARKS` character there, or ``lo`` when there is none."""
    start = lo
    for mark in CLAUSE_MARKS:
        after = text.rfind(mark, lo, hi) + 1
        if after > start:
            start = after
    return start


def clause_end(text: str, lo: int, hi: int) -> int:
    """Where the clause that starts at or before ``lo`` ends in ``text[lo:hi]``: at the first
    of :data:`CLAUSE_MARKS` there, or ``hi`` when there is none."""
    m = _CLAUSE_MARK_RE.search(text, lo, hi)
    return m.start() if m is not None else hi


def line_spans(text: str) -> list[tuple[int, int]]:
    """Non-blank lines (split at ``\\n`` only) as ``(start, end)``, trimmed of surrounding
    whitespace (``str.isspace``, so ``\\r`` too)."""
    return [m.span() for m in _TRIMMED_LINE_RE.finditer(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans, trimmed of surrounding whitespace, covering every non-blank line."""
    abbrevs = abbreviations()
    # Sentence ends inside lines, found in one scan of the whole text: a boundary match holds no
    # line break (nor does its look-ahead), and it ends before a space that is followed by a
    # non-space, so each lies strictly inside one trimmed line, as if lines were scanned one by one.
    cuts = [
        (m.end(), m.end(2))  # the next sentence starts after the spaces (never at a space)
        for m in _BOUNDARY_RE.finditer(text)
        if m.group(1) != "." or not _is_abbreviation(text, m.start(), abbrevs)
    ]
    spans: list[tuple[int, int]] = []
    k = 0
    for cur, end in line_spans(text):
        while k < len(cuts) and cuts[k][0] < end:
            spans.append((cur, cuts[k][0]))
            cur = cuts[k][1]
            k += 1
        spans.append((cur, end))  # not empty: ``cur`` is at a non-space character
    return spans


def split_sentences(text: str) -> tuple[Sentence, ...]:
    return tuple(Sentence(i, s, e) for i, (s, e) in enumerate(sentence_spans(text)))


class SpanIndex:
    """Which of a sorted, non-overlapping list of spans contains an offset (bisect lookups)."""

    __slots__ = ("_ends", "_starts", "items")

    def __init__(self, spans: Sequence[tuple[int, int]], items: Sequence[object] | None = None):
        order = sorted(range(len(spans)), key=lambda i: spans[i])
        self._starts = [spans[i][0] for i in order]
        self._ends = [spans[i][1] for i in order]
        self.items = [items[i] for i in order] if items is not None else list(order)

    def find(self, pos: int) -> int | None:
        """Index (in sorted order) of the span containing ``pos``, or ``None``."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self._ends[i]:
            return i
        return None

    def covers(self, start: int, end: int) -> int | None:
        """Index of the span that contains the whole of ``[start, end)``, or ``None``."""
        i = self.find(start)
        if i is not None and end <= self._ends[i]:
            return i
        return None

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(zip(self._starts, self._ends, strict=True))


def sentence_of(sentences: Sequence[Sentence], pos: int) -> int:
    """Index of the sentence containing (or, between sentences, preceding) ``pos``."""
    starts = [s.start for s in sentences]
    return max(0, bisect.bisect_right(starts, pos) - 1)


#: words that stay lower case in title case ("The Art of the Deal")
TITLE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "as",
        "from",
        "with",
        "vs",
        "via",
        "nor",
        "over",
        "into",
        "up",
        "is",
    ]
)


@lru_cache(maxsize=1024)
def is_title_or_caps(line: str) -> bool:
    """Whether a line is a headline in title case or all capitals: its capitals say nothing
    about names (at least three quarters of its content words capitalised, or all capitals)."""
    words = [w for w in WORD_RE.findall(line) if w[0].isalpha()]
    if not words:
        return False
    if all(w.isupper() for w in words if len(w) > 1):
        return True
    content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    if len(content) < 3:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.75
