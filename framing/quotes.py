"""Direct quotations: find quoted stretches of text and the marks that delimit them.

The scanner visits only quotation-mark characters (one regular-expression pass), so it runs at
tens of megabytes per second. Conventions it knows:

- double marks (“ ” and straight ``"``), single marks (‘ ’ and straight ``'``) and guillemets
  (« »); a straight mark opens when it follows a space or an opening bracket and closes
  otherwise;
- apostrophes are not quote marks: ``Ukraine’s``, ``don’t``, ``the ’90s``, ``students’``;
- nesting: inside an outer quotation, marks of the other family (‘…’ inside “…”) are part of
  the outer quotation, which is the one reported;
- newswire paragraphs: a paragraph that opens a quotation without closing it, followed by a
  paragraph that opens again, continues the same quotation;
- unbalanced marks never raise: the quotation closes at the end of its paragraph with
  ``balanced=False`` and a lower ``confidence``.

Short quotations (at most ``scare_max_words`` words) are provisionally ``kind="scare"``:
whether they are someone's words is only known after attribution
(:func:`framing.attribution.extract_attributions` reclassifies them as ``mixed`` or ``direct``).
A short quotation written in title case is ``kind="title"``: news style puts the names of
books, programmes, songs, slogans and campaigns in quotation marks (“Meet the Press”, “America
First”), which keeps no distance from them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from framing.text import (
    CLITICS,
    TITLE_SMALL_WORDS,
    count_class_words,
    count_words,
    is_title_or_caps,
)
from framing.types import Quote, QuoteKind, Sentence

#: Quotations of at most this many words are scare quotes until attribution says otherwise.
SCARE_MAX_WORDS = 4

#: Confidence of a quotation continued over paragraphs by the newswire convention.
CONTINUED_CONFIDENCE = 0.9
#: Confidence of a quotation whose closing mark is missing (closed at the paragraph end).
UNBALANCED_CONFIDENCE = 0.5

# Every quotation-mark character, and line breaks (paragraph ends); two straight single marks
# ('') are one match, taken before a single one, and so are two backticks (``), the opening
# double mark of Penn Treebank-style and LaTeX text (``Yes,'' he said; closed by ''). Two kinds
# of match are left out because the pairing below would ignore them anyway:
# - a single mark between two letters or digits (don't, Ukraine’s), which _classify takes for an
#   apostrophe before looking at anything else (about half of all marks);
# - the line breaks and spaces after a line break: only the first break of a run of blank lines
#   can meet an open quotation (nothing between the breaks can open one), so one match (at that
#   first break) stands for the run.
# The pattern opens with one character class so that the engine skips to the next mark quickly;
# the checks come after the mark (an alternation at the start would be tried at every position).
_MARK_RE = re.compile(
    r"""["'`“”„‟‘’‚‛«»\n]"""
    # the second mark of '' or of ``, or the blank lines after a break
    r"(?:(?<=')'|(?<=`)`|(?<=\n)\s*+)?"
    r"(?!(?<=[^\W_]['‘’‚‛])[^\W_])"  # not a single mark between two letters or digits
)
_DOUBLE_OPEN = frozenset("“„‟")
_DOUBLE_CLOSE = frozenset("”")
_SINGLE_OPEN = frozenset("‘‚‛")
_SINGLE_CLOSE = frozenset("’")
_OPENING_CONTEXT = frozenset("([{<—–-/\u2014\u2013")
# Elisions that begin with an apostrophe ('em, 'cause, 'til, 'n', 'tis, 'twas).
_ELISION_RE = re.compile(r"(?:em|cause|til|n|tis|twas|bout|round)\b", re.IGNORECASE)
_DECADE_RE = re.compile(r"\d\d(?:s\b|\b)")


@dataclass(slots=True)
class _Mark:
    pos: int
    family: str  # "d" double, "s" single, "g" guillemet
    can_open: bool
    can_close: bool
    width: int = 1  # two for a doubled straight mark ('') used as a double quotation mark


# a clitic after the space that follows a mark ("Russia ’ s", "didn ’ t"), or right after the
# mark ("Congress 's"): matched from the character before the clitic
_SPACED_CLITIC_RE = re.compile(rf"[ '’](?i:t|{'|'.join(CLITICS)})(?![^\W_])")


def _classify(text: str, pos: int, n: int) -> _Mark | None:
    """Role of the mark at ``pos``; ``None`` for an apostrophe or an inch/foot sign."""
    ch = text[pos]
    prev = text[pos - 1] if pos > 0 else " "
    nxt = text[pos + 1] if pos + 1 < n else " "
    prev_space = prev.isspace() or prev in _OPENING_CONTEXT or prev in "“‘\"'«"
    next_space = nxt.isspace()
    if ch == "«":
        return _Mark(pos, "g", True, False)
    if ch == "»":
        return _Mark(pos, "g", False, True)
    if ch in _DOUBLE_OPEN:
        if not prev_space and (next_space or nxt in ".,;:!?"):
            return _Mark(pos, "d", False, True)  # a mis-typed closer: “abhorrent“ in
        return _Mark(pos, "d", True, False)
    if ch in _DOUBLE_CLOSE:
        return _Mark(pos, "d", False, True)
    if ch == '"':
        if prev.isdigit() and not prev_space:
            return None  # 6'2" (inches)
        can_open = prev_space and not next_space
        can_close = not prev_space
        if not can_open and not can_close:
            can_open = can_close = True
        return _Mark(pos, "d", can_open, can_close)
    # single marks: ‘ ’ ' and low/reversed variants
    prev_alnum = prev.isalnum()
    next_alnum = nxt.isalnum()
    if prev_alnum and next_alnum:
        return None  # don't, Ukraine’s, O’Brien
    if ch in _SINGLE_OPEN:
        if next_space and not (
            nxt == " "
            and prev_space
            and text[pos + 2 : pos + 3].isalnum()
            and _ELISION_RE.match(text, pos + 2) is None  # "go ‘ round"
        ):
            return None  # (a tokenised text spaces its marks: "a ‘ hoax ’")
        return _Mark(pos, "s", True, False)
    # ’ or ': apostrophe, opener (straight, or a mis-typed curly) or closer
    if prev_space and nxt.isdigit() and _DECADE_RE.match(text, pos + 1):
        return None  # the ’90s, class of '16
    if prev_space and next_alnum:
        if _ELISION_RE.match(text, pos + 1) or (
            prev == " " and _SPACED_CLITIC_RE.match(text, pos) is not None
        ):
            return None  # 'em; or a clitic written apart ("Congress 's session")
        if ch == "'":
            return _Mark(pos, "s", True, False)
        return None  # ’ before a word after a space: an apostrophe ('em) or a typo
    if not prev.isspace() and not next_alnum:
        return _Mark(pos, "s", False, True)  # a closer, or a plural possessive (students’)
    if (
        ch == "’"
        and prev == " "
        and pos >= 2
        and not text[pos - 2].isspace()
        and (next_space or nxt in ".,;:!?")
        and _SPACED_CLITIC_RE.match(text, pos + 1) is None
    ):
        # a tokenised text's closer ("a ‘ hoax ’ ."), or a plural possessive ("voters ’ plan");
        # not a clitic written apart ("Russia ’ s")
        return _Mark(pos, "s", False, True)
    return None


def _classify_doubled(text: str, pos: int, n: int) -> _Mark | None:
    """Two straight single marks (``''``), the double quotation mark of some newswire styles."""
    prev = text[pos - 1] if pos > 0 else " "
    nxt = text[pos + 2] if pos + 2 < n else " "
    prev_space = prev.isspace() or prev in _OPENING_CONTEXT or prev in '“‘"«'
    next_space = nxt.isspace()
    can_open = prev_space and not next_space
    can_close = not prev_space
    if not can_open and not can_close:
        can_open = can_close = True  # spaced on both sides: pairing decides
    return _Mark(pos, "d", can_open, can_close, 2)


def _paragraph_end(text: str, pos: int, n: int) -> int:
    nl = text.find("\n", pos)
    return n if nl < 0 else nl


def _continues(text: str, para_end: int, n: int, family: str) -> int | None:
    """Position of the opening mark that continues a quotation in the next paragraph."""
    i = para_end
    while i < n and text[i].isspace():
        i += 1
    if i >= n:
        return None
    ch = text[i]
    if family == "d" and (
        ch in _DOUBLE_OPEN or ch == '"' or text.startswith("''", i) or text.startswith("``", i)
    ):
        return i
    if family == "g" and ch == "«":
        return i
    if family == "s" and (ch in _SINGLE_OPEN or ch == "'"):
        return i
    return None


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


_TITLE_WORD_RE = re.compile(r"[^\W\d_][\w’'.-]*")


def _title_case(text: str, start: int, inner_start: int, inner_end: int) -> bool:
    """Whether a short quotation is a name in title case (“Meet the Press”, “Daybreak”): its
    first word and every word but the small ones capitalised, not all in capitals (“LOSER” is
    emphasis), in a line that is not a headline. A single word counts only inside a sentence,
    where a capital is not the sentence's own."""
    words = _TITLE_WORD_RE.findall(text, inner_start, inner_end)
    if not words or not words[0][0].isupper():
        return False
    if not all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words):
        return False
    if all(w.isupper() for w in words if len(w) > 1):
        return False  # all capitals: emphasis or an acronym, not a title
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", inner_end)
    if is_title_or_caps(text[line_start : line_end if line_end >= 0 else len(text)]):
        return False  # a headline: every word is capitalised (Fears of Staged ‘Provocation’)
    if len(words) == 1:
        k = start
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k == 0 or text[k - 1] in ".!?:\n\"“”‘’'«»—–-(":
            return False  # at the start of a sentence or line every word is capitalised
    return True


def _make(
    text: str,
    classes: bytes | None,
    start: int,
    end: int,
    inner_start: int,
    inner_end: int,
    balanced: bool,
    confidence: float,
    scare_max_words: int,
) -> Quote:
    if classes is None:
        n_words = count_words(text, inner_start, inner_end)
    else:
        n_words = count_class_words(classes, inner_start, inner_end)
    kind: QuoteKind = "scare" if n_words <= scare_max_words else "direct"
    if kind == "scare" and _title_case(text, start, inner_start, inner_end):
        kind = "title"
    return Quote(
        start=start,
        end=end,
        inner_start=inner_start,
        inner_end=inner_end,
        text=text[start:end],
        kind=kind,
        n_words=n_words,
        balanced=balanced,
        confidence=confidence,
    )


def find_quotes(
    text: str,
    sentences: Sequence[Sentence] | None = None,
    *,
    scare_max_words: int = SCARE_MAX_WORDS,
    classes: bytes | None = None,
) -> tuple[Quote, ...]:
    """Direct quotations in ``text``, in order, never overlapping.

    ``sentences`` is accepted so that callers can pass the spans they already have; quotation
    marks are paired per paragraph (line), so it is not needed. Quotations with at most
    ``scare_max_words`` words get ``kind="scare"``, longer ones ``"direct"``. ``classes`` is
    :func:`framing.text.word_classes` of ``text`` when the caller has it: the words of each
    quotation are then counted on it, a few times faster (the same counts).
    """
    del sentences  # pairing is by paragraph; the argument keeps the pipeline signature uniform
    n = len(text)
    marks: list[_Mark] = []
    any_mark = False  # a quotation mark, not only line breaks
    for m in _MARK_RE.finditer(text):
        pos = m.start()
        if text[pos] == "\n":
            marks.append(_Mark(pos, "\n", False, False))
            continue
        if text[pos] == "`":
            if m.end() - pos < 2:
                continue  # a lone backtick is not a quotation mark
            mark: _Mark | None = _Mark(pos, "d", True, False, 2)  # `` only ever opens
        else:
            mark = (
                _classify_doubled(text, pos, n) if m.end() - pos == 2 else _classify(text, pos, n)
            )
        if mark is not None:
            marks.append(mark)
            any_mark = True
    if not any_mark:
        return ()
    marks.append(_Mark(n, "\n", False, False))  # the end of the text ends the last paragraph

    quotes: list[Quote] = []
    skipped: set[int] = set()  # openers found to be apostrophes after a failed pairing
    i = 0
    open_mark: _Mark | None = None
    open_index = -1
    possessive: _Mark | None = None  # a closer of the open quotation taken for a possessive
    continued = False
    while i < len(marks):
        mk = marks[i]
        if open_mark is None:
            if mk.family != "\n" and mk.can_open and i not in skipped:
                open_mark, open_index, continued = mk, i, False
                possessive = None
            i += 1
            continue
        if mk.family == "\n":
            para_end = mk.pos
            nxt = _continues(text, para_end, n, open_mark.family)
            if nxt is not None:
                # newswire convention: skip the re-opening mark, keep the quotation open
                continued = True
                i += 1
                while i < len(marks) and marks[i].pos <= nxt:
                    i += 1
                continue
            if open_mark.family == "d" and (close := _closer_lines_on(text, marks, i)) > 0:
                # lines broken inside one quotation with no mark of their own, closed at the
                # end of a later line (a post quoted line by line: “I had to fire him. \n He
                # pled guilty. \n There was nothing to hide!”)
                continued = True
                i = close
                continue
            if open_mark.family == "s" and not continued:
                # an unclosed single opener is more often an apostrophe: rescan after it
                skipped.add(open_index)
                i = open_index + 1
                open_mark = None
                continue
            end = _trim_end(text, open_mark.pos + open_mark.width, para_end)
            quotes.append(
                _make(
                    text,
                    classes,
                    open_mark.pos,
                    end,
                    open_mark.pos + open_mark.width,
                    end,
                    False,
                    UNBALANCED_CONFIDENCE,
                    scare_max_words,
                )
            )
            open_mark = None
            i += 1
            continue
        if open_mark.family == "s" and (
            (mk.family == "s" and mk.can_open and not mk.can_close)
            or (mk.family == "d" and text[open_mark.pos + 1] == " ")
        ):
            # a single opener before another one, or a spaced one (a tokenised text's) before a
            # double mark: the quotation closed at a mark taken for a plural's possessive
            # ("have 'started the ratification process' on the terms …, adding: 'For now"), or
            # else the opener was an apostrophe ("CBS Sports ‘ Sam Quinn praised … as “ powerful
            # , ” …"): start again after it
            if possessive is not None:
                quotes.append(
                    _closed(text, classes, open_mark, possessive, continued, scare_max_words)
                )
                open_mark = None
                continue  # (the mark here may open the next one)
            skipped.add(open_index)
            i = open_index + 1
            open_mark = None
            continue
        if (
            mk.family == open_mark.family
            and mk.can_close
            and mk.pos > open_mark.pos + open_mark.width
        ):
            if open_mark.family == "s" and _plural_possessive(text, marks, i):
                possessive = mk
                i += 1
                continue
            quotes.append(_closed(text, classes, open_mark, mk, continued, scare_max_words))
            open_mark = None
        i += 1
    return tuple(quotes)


#: how far a quotation may run over lines that no mark opens (line breaks, characters)
_LINES_WITHOUT_MARKS = 5
_CHARS_WITHOUT_MARKS = 800


def _closer_lines_on(text: str, marks: Sequence[_Mark], i: int) -> int:
    """Where (an index into ``marks``) the double closing mark is that ends a later line, when
    the lines from the break ``marks[i]`` on hold no other quotation mark before it and it
    comes within a few lines; 0 when there is none."""
    start = marks[i].pos
    lines = 0
    for j in range(i, len(marks)):
        mk = marks[j]
        if mk.pos - start > _CHARS_WITHOUT_MARKS:
            return 0
        if mk.family == "\n":
            lines += 1
            if lines > _LINES_WITHOUT_MARKS or mk.pos >= len(text):
                return 0
            continue
        if mk.family != "d" or not mk.can_close:
            return 0  # another quotation's mark, or one that opens a quotation
        end = _paragraph_end(text, mk.pos, len(text))
        return j if not text[mk.pos + mk.width : end].strip() else 0
    return 0


def _closed(
    text: str,
    classes: bytes | None,
    opener: _Mark,
    closer: _Mark,
    continued: bool,
    scare_max_words: int,
) -> Quote:
    """The balanced quotation from ``opener`` to ``closer``."""
    return _make(
        text,
        classes,
        opener.pos,
        closer.pos + closer.width,
        opener.pos + opener.width,
        closer.pos,
        True,
        CONTINUED_CONFIDENCE if continued else 1.0,
        scare_max_words,
    )


def _plural_possessive(text: str, marks: Sequence[_Mark], i: int) -> bool:
    """``students’ union``: an ``s’`` before a lower-case word, with a later closer in the line."""
    pos = marks[i].pos
    before = pos - 2 if text[pos - 1] == " " else pos - 1  # (tokenised: "voters ’ plan")
    if text[before] not in "sS" or pos + 2 >= len(text):
        return False
    if not (text[pos + 1] == " " and text[pos + 2].islower()):
        return False
    for later in marks[i + 1 :]:
        if later.family == "\n":
            return False
        if later.family == "s" and later.can_close:
            return True
    return False
