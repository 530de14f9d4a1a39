"""Find the page furniture in scraped articles: captions, credits, share and comment prompts,
newsletter and advertising markers, and trailing related-headline teasers.

The patterns are data (``lexicons/boilerplate.toml``, format in ``docs/INPUT.md``), loaded,
validated and compiled once. Detection works line by line: every excluded span is a whole line
(without its surrounding whitespace), so a span never cuts through article prose.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from framing.errors import LexiconError
from framing.resources import data_path
from framing.text import WORD_RE, line_spans, normalize
from framing.types import Excluded

__all__ = [
    "BoilerplateRules",
    "Rule",
    "TeaserSettings",
    "default_rules",
    "detect_boilerplate",
    "load_boilerplate_rules",
]

MatchKind = Literal["line", "prefix", "regex", "contains"]
_KINDS: tuple[MatchKind, ...] = ("line", "prefix", "regex", "contains")
_TRAILING = " :*.!|>»›"
_SENTENCE_END = ".!?…;:,"
_CLOSERS = "\"'”’»)]"


def _fold(line: str) -> str:
    """The comparison form of a line or phrase: lower case, one space, no trailing markers."""
    # split() cuts at runs of str.isspace characters and drops the empty ends: joined with one
    # space, that is the text with each run of \s made one space and stripped (twice as fast)
    return " ".join(normalize(line).split()).rstrip(_TRAILING)


@dataclass(frozen=True, slots=True)
class Rule:
    """One declared pattern: lines it matches are excluded with ``reason``."""

    reason: str
    kind: MatchKind
    max_chars: int
    phrases: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    note: str = ""
    #: Text every match of ``pattern`` contains (a quick rejection; "" when there is none).
    literal: str = ""

    def matches(self, line: str, folded: str) -> bool:
        if len(line) > self.max_chars:
            return False
        if self.kind == "line":
            return folded in self.phrases
        if self.kind == "prefix":
            return folded.startswith(self.prefixes)
        assert self.pattern is not None
        if self.kind == "regex":
            return self.pattern.fullmatch(line) is not None
        return self.pattern.search(line) is not None


@dataclass(frozen=True, slots=True)
class TeaserSettings:
    """How trailing related-headline blocks are recognised (see the ``[teaser]`` table)."""

    min_words: int = 3
    max_words: int = 25
    min_capitalised: float = 0.8
    min_lines: int = 2
    after: frozenset[str] = frozenset()
    minor_words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    """A compiled rule set, as loaded from a boilerplate TOML file."""

    rules: tuple[Rule, ...]
    reasons: Mapping[str, str]
    teaser: TeaserSettings
    max_line_chars: int
    origin: str
    #: All ``contains`` patterns as one alternation: a line none of them can match skips them all.
    contains_any: re.Pattern[str] | None = None
    #: The ``regex`` rules, tested one by one (each with its literal) by the quick rejection.
    regex_rules: tuple[Rule, ...] = ()
    #: Every ``line`` phrase and every ``prefix`` of all rules, for the same quick rejection.
    any_phrases: frozenset[str] = frozenset()
    any_prefixes: tuple[str, ...] = ()
    #: The ``contains`` rules, tested one by one (each with its literal) by the quick rejection.
    contains_rules: tuple[Rule, ...] = ()
    #: The longest line each kind of rule may match (0 when no rule is of that kind).
    kind_max_chars: Mapping[str, int] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------


def load_boilerplate_rules(path: str | Path) -> BoilerplateRules:
    """Parse, validate and compile a boilerplate rules file; errors name the file and field."""
    path = Path(path)
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError("boilerplate rules file not found", file=where) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"not valid TOML: {exc}", file=where) from None
    _check_keys(data, {"format", "max_line_chars", "reasons", "rules", "teaser"}, where, "")
    if data.get("format") != 1:
        raise LexiconError("unsupported format (expected 1)", file=where, field="format")
    max_line = _int(data.get("max_line_chars", 2000), where, "max_line_chars", 1, 100_000)
    reasons = data.get("reasons")
    if not isinstance(reasons, dict) or not reasons:
        raise LexiconError("a [reasons] table is required", file=where, field="reasons")
    for name, definition in reasons.items():
        if not isinstance(definition, str) or not definition.strip():
            raise LexiconError(
                "each reason needs a definition", file=where, field=f"reasons.{name}"
            )
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise LexiconError("at least one [[rules]] entry is required", file=where, field="rules")
    rules = tuple(
        _compile_rule(raw, where, f"rules[{i}]", set(reasons), max_line)
        for i, raw in enumerate(raw_rules)
    )
    teaser = _teaser_settings(data.get("teaser", {}), where, set(reasons))
    return BoilerplateRules(
        rules,
        dict(reasons),
        teaser,
        max_line,
        where,
        contains_any=_any_pattern(rules, "contains"),
        contains_rules=tuple(r for r in rules if r.kind == "contains"),
        regex_rules=tuple(r for r in rules if r.kind == "regex"),
        any_phrases=frozenset(p for r in rules for p in r.phrases),
        any_prefixes=tuple(p for r in rules for p in r.prefixes),
        kind_max_chars={
            k: max((r.max_chars for r in rules if r.kind == k), default=0) for k in _KINDS
        },
    )


# A numbered back-reference would point at another pattern's group once patterns are joined.
_BACKREF_RE = re.compile(r"\\(?:[1-9]|g<\d)")


def _any_pattern(rules: Sequence[Rule], kind: MatchKind) -> re.Pattern[str] | None:
    """The patterns of all rules of ``kind`` as one alternation, or ``None`` if there are none or
    they cannot be joined without changing what each matches. ``search`` (and ``fullmatch``) of
    the alternation finds something exactly when one of the patterns does."""
    parts = []
    for rule in rules:
        if rule.kind == kind and rule.pattern is not None:
            if _BACKREF_RE.search(rule.pattern.pattern):
                return None
            scoped = "(?i:" if rule.pattern.flags & re.IGNORECASE else "(?:"
            parts.append(f"{scoped}{rule.pattern.pattern})")
    if not parts:
        return None
    try:
        return re.compile("|".join(parts))
    except re.error:  # e.g. global inline flags or a group name used by two patterns
        return None


@lru_cache(maxsize=1)
def default_rules() -> BoilerplateRules:
    """The project's rules (``lexicons/boilerplate.toml``), compiled once."""
    return load_boilerplate_rules(data_path("lexicons", "boilerplate.toml"))


def _check_keys(table: Mapping[str, Any], allowed: set[str], where: str, prefix: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise LexiconError(
            f"unknown key(s) {unknown}; allowed: {sorted(allowed)}",
            file=where,
            field=prefix or None,
        )


def _int(value: object, where: str, field: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise LexiconError(f"must be an integer from {low} to {high}", file=where, field=field)
    return value


def _compile_rule(raw: object, where: str, field: str, reasons: set[str], max_line: int) -> Rule:
    if not isinstance(raw, dict):
        raise LexiconError("each rule must be a table", file=where, field=field)
    allowed = {"reason", "match", "phrases", "pattern", "max_chars", "ignore_case", "note"}
    _check_keys(raw, allowed, where, field)
    reason = raw.get("reason")
    if reason not in reasons:
        raise LexiconError(
            f"reason {reason!r} is not declared in [reasons]", file=where, field=f"{field}.reason"
        )
    kind = raw.get("match")
    if kind not in _KINDS:
        raise LexiconError(f"match must be one of {_KINDS}", file=where, field=f"{field}.match")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise LexiconError("note must be a string", file=where, field=f"{field}.note")
    max_chars = _int(raw.get("max_chars", max_line), where, f"{field}.max_chars", 1, max_line)
    if kind in ("line", "prefix"):
        phrases = raw.get("phrases")
        if (
            not isinstance(phrases, list)
            or not phrases
            or not all(isinstance(p, str) and _fold(p) for p in phrases)
        ):
            raise LexiconError(
                "phrases must be a non-empty list of non-empty strings",
                file=where,
                field=f"{field}.phrases",
            )
        folded = tuple(_fold(p) for p in phrases)
        if kind == "line":
            return Rule(reason, kind, max_chars, phrases=frozenset(folded), note=note)
        return Rule(reason, kind, max_chars, prefixes=folded, note=note)
    pattern = raw.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise LexiconError("a regex rule needs a pattern", file=where, field=f"{field}.pattern")
    flags = re.IGNORECASE if raw.get("ignore_case", False) else 0
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise LexiconError(
            f"invalid pattern: {exc}", file=where, field=f"{field}.pattern"
        ) from None
    return Rule(reason, kind, max_chars, pattern=compiled, note=note, literal=_literal(compiled))


def _literal(pattern: re.Pattern[str]) -> str:
    """The longest run of literal characters at the top level of ``pattern``: every match
    contains it. Under case-insensitive matching only characters without case count."""
    # The standard library's own regex parser (private, stable since 3.11). Without it, or if its
    # shape ever changes, a rule simply has no literal prefilter: slower, never wrong.
    try:
        import re._constants as re_constants  # type: ignore[import-not-found]
        import re._parser as re_parser  # type: ignore[import-not-found]

        parsed = re_parser.parse(pattern.pattern, pattern.flags)
        literal = re_constants.LITERAL
    except Exception:  # pragma: no cover - depends on the Python version
        return ""
    ignore_case = bool(parsed.state.flags & re.IGNORECASE)
    best = run = ""
    for op, value in parsed.data:
        char = chr(value) if op is literal else ""
        if char and not (ignore_case and not (char.isascii() and not char.isalpha())):
            run += char
            best = max(best, run, key=len)
        else:
            run = ""
    return best


def _teaser_settings(raw: object, where: str, reasons: set[str]) -> TeaserSettings:
    if not isinstance(raw, dict):
        raise LexiconError("[teaser] must be a table", file=where, field="teaser")
    allowed = {"min_words", "max_words", "min_capitalised", "min_lines", "after", "minor_words"}
    _check_keys(raw, allowed, where, "teaser")
    after = raw.get("after", [])
    if not isinstance(after, list) or not all(a in reasons for a in after):
        raise LexiconError(
            "after must list reasons declared in [reasons]", file=where, field="teaser.after"
        )
    minor = raw.get("minor_words", [])
    if not isinstance(minor, list) or not all(isinstance(w, str) for w in minor):
        raise LexiconError("minor_words must be strings", file=where, field="teaser.minor_words")
    share = raw.get("min_capitalised", 0.8)
    if not isinstance(share, int | float) or not 0 <= share <= 1:
        raise LexiconError(
            "must be a number from 0 to 1", file=where, field="teaser.min_capitalised"
        )
    return TeaserSettings(
        min_words=_int(raw.get("min_words", 3), where, "teaser.min_words", 1, 100),
        max_words=_int(raw.get("max_words", 25), where, "teaser.max_words", 1, 200),
        min_capitalised=float(share),
        min_lines=_int(raw.get("min_lines", 2), where, "teaser.min_lines", 1, 100),
        after=frozenset(after),
        minor_words=frozenset(w.lower() for w in minor),
    )


# ---------------------------------------------------------------------------------------------
# Detection
# ---------------------------------------------------------------------------------------------


def detect_boilerplate(text: str, rules: BoilerplateRules | None = None) -> tuple[Excluded, ...]:
    """Whole-line spans of ``text`` that are not article prose, sorted, with their reasons.

    Each span satisfies ``text[span.start:span.end] == span.text``.
    """
    rules = rules or default_rules()
    lines = line_spans(text)
    reasons: list[str | None] = [_line_reason(text[s:e], rules) for s, e in lines]
    _mark_teasers(text, lines, reasons, rules)
    return tuple(
        Excluded(start, end, reason, text[start:end])
        for (start, end), reason in zip(lines, reasons, strict=True)
        if reason is not None
    )


def _line_reason(line: str, rules: BoilerplateRules) -> str | None:
    n = len(line)
    if n > rules.max_line_chars:
        return None  # longer than any declared boilerplate: prose (or a data blob)
    if not _may_match(line, rules):
        return None
    folded: str | None = None  # folded on first need: most lines are prose no rule can match
    any_contains: bool | None = None
    for rule in rules.rules:
        if n > rule.max_chars:
            continue
        if rule.kind == "contains" and rules.contains_any is not None:
            if any_contains is None:
                any_contains = rules.contains_any.search(line) is not None
            if not any_contains:
                continue
        if folded is None and rule.kind in ("line", "prefix"):
            folded = _fold(line)
        if rule.matches(line, folded or ""):
            return rule.reason
    return None


def _may_match(line: str, rules: BoilerplateRules) -> bool:
    """A quick necessary condition for :func:`_line_reason`: can any rule match ``line``? Most
    lines are prose, which one lookup (phrases and prefixes) and a literal test per pattern (a
    text every match contains) reject without running most patterns."""
    n = len(line)
    limits = rules.kind_max_chars
    if not limits:
        return True  # rules built by hand, without the combined tests
    if n <= max(limits.get("line", 0), limits.get("prefix", 0)):
        folded = _fold(line)
        if folded in rules.any_phrases or folded.startswith(rules.any_prefixes):
            return True
    if n <= limits.get("contains", 0) and _any_pattern_matches(line, rules.contains_rules, False):
        return True
    # the regex rules one by one rather than as one alternation, so that the literal test skips
    # the patterns that cannot match (the alternation would run them all, and some first scan
    # back over the whole line, such as the credit ending in "Getty Images")
    return n <= limits.get("regex", 0) and _any_pattern_matches(line, rules.regex_rules, True)


def _any_pattern_matches(line: str, rules: Sequence[Rule], whole: bool) -> bool:
    """Whether the pattern of one of ``rules`` matches ``line`` (the whole line when ``whole``,
    else anywhere in it), trying each only when the line is short enough and holds its literal."""
    n = len(line)
    for rule in rules:
        if n <= rule.max_chars and rule.literal in line and rule.pattern is not None:
            found = rule.pattern.fullmatch(line) if whole else rule.pattern.search(line)
            if found is not None:
                return True
    return False


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def _is_teaser_like(line: str, settings: TeaserSettings) -> bool:
    """A short title-case line without sentence-final punctuation (a headline)."""
    if _ends_sentence(line) or not (line[0].isupper() or line[0].isdigit()):
        return False
    words = WORD_RE.findall(line)
    if not settings.min_words <= len(words) <= settings.max_words:
        return False
    content = [w for w in words if w.lower() not in settings.minor_words]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return capitalised / len(content) >= settings.min_capitalised


def _is_article_paragraph(line: str, settings: TeaserSettings) -> bool:
    return _ends_sentence(line) or len(WORD_RE.findall(line)) > settings.max_words


def _mark_teasers(
    text: str,
    lines: Sequence[tuple[int, int]],
    reasons: list[str | None],
    rules: BoilerplateRules,
) -> None:
    """Mark the trailing block of headline-like lines after the last article paragraph."""
    settings = rules.teaser
    last_article = None
    for i in range(len(lines) - 1, -1, -1):
        if reasons[i] is None and _is_article_paragraph(text[slice(*lines[i])], settings):
            last_article = i
            break
    if last_article is None:
        return  # no article paragraph: a lone headline is a title, not a teaser
    candidates: list[int] = []
    boundary = last_article
    for i in range(len(lines) - 1, last_article, -1):
        if reasons[i] is not None:
            continue
        if not _is_teaser_like(text[slice(*lines[i])], settings):
            boundary = i
            break
        candidates.append(i)
    if not candidates:
        return
    first = min(candidates)
    after_block = any(reasons[j] in settings.after for j in range(boundary + 1, first))
    if after_block or len(candidates) >= settings.min_lines:
        for i in candidates:
            reasons[i] = "teaser"
