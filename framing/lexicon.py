"""Lexicons: parse, validate, compile and match as separate steps.

- :func:`parse_lexicon` reads a card (``NAME.toml``) and its entries file (``NAME.tsv``) into a
  :class:`LexiconSpec`, keeping the line of every entry;
- :func:`validate_lexicon` lists every problem with file, line and field;
- :func:`compile_lexicons` turns specs into :class:`CompiledLexicons`: one trie-shaped regular
  expression per lexicon over every surface form (inflections generated from declared rules),
  and one pattern that scans the text once for all lexicons (same matches, see
  :func:`combined_scan` and :func:`scan_spans`);
- :meth:`CompiledLexicons.match` finds hits; context rules (declared as data in the card) veto or
  require candidates, and :meth:`CompiledLexicons.explain` also returns what was vetoed and why.

The format is documented in ``docs/LEXICON_FORMAT.md``.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from framing.errors import LexiconError
from framing.resources import data_dir
from framing.text import WORD_RE, clause_end, clause_start, is_title_or_caps, normalize
from framing.types import Hit, Sentence, Veto

RuleType = Literal[
    "veto_capitalized",
    "veto_preceding",
    "veto_following",
    "veto_clause",
    "require_preceding",
    "require_following",
    "require_hyphen",
]
RULE_TYPES: tuple[str, ...] = (
    "veto_capitalized",
    "veto_preceding",
    "veto_following",
    "veto_clause",
    "require_preceding",
    "require_following",
    "require_hyphen",
)
#: Rule types that read no context words (no ``words`` or ``window`` fields).
WORDLESS_RULE_TYPES = frozenset(["veto_capitalized", "require_hyphen"])
KINDS = ("terms", "cues")
INFLECTIONS = ("exact", "noun", "verb", "adj")
COLUMNS = ("term", "category", "weight", "inflect", "rules", "rationale")
MAX_TERM_WORDS = 6
MAX_WINDOW = 5
_NAME_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
_TERM_RE = re.compile(r"[^\W_]+(?:['\-\s][^\W_]+)*\Z")
_SPLIT_RE = re.compile(r"[\s\-]+")


# --------------------------------------------------------------------------------------- specs


@dataclass(frozen=True, slots=True)
class CategorySpec:
    name: str
    definition: str
    literature: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    name: str
    type: str
    reason: str
    words: tuple[tuple[str, ...], ...] = ()
    window: int = 1


@dataclass(frozen=True, slots=True)
class EntrySpec:
    term: str
    category: str
    weight: float
    inflect: str
    rules: tuple[str, ...]
    rationale: str
    line: int


@dataclass(frozen=True, slots=True)
class LexiconSpec:
    name: str
    version: str
    description: str
    licence: str
    kind: str
    categories: Mapping[str, CategorySpec]
    rules: Mapping[str, RuleSpec]
    default_rules: tuple[str, ...]
    entries: tuple[EntrySpec, ...]
    card_path: str
    entries_path: str
    content_hash: str = ""

    def provenance(self) -> dict[str, str]:
        """Name, version, content hash and kind (reported with every result)."""
        return {
            "name": self.name,
            "version": self.version,
            "hash": self.content_hash,
            "kind": self.kind,
        }

    def entry_rules(self, entry: EntrySpec) -> tuple[str, ...]:
        """The rules that apply to ``entry``: defaults, plus its own, minus its ``-name``s."""
        removed = {r[1:] for r in entry.rules if r.startswith("-")}
        names = [r for r in self.default_rules if r not in removed]
        names += [r for r in entry.rules if not r.startswith("-") and r not in names]
        return tuple(names)


@dataclass(frozen=True, slots=True)
class LexiconProblem:
    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        what = f" field {self.field!r}:" if self.field else ""
        return f"{where}:{what} {self.message}"


# ------------------------------------------------------------------------------------- parsing


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in _SPLIT_RE.split(normalize(phrase.strip())) if w)


def _read_card(card: Path, problems: list[LexiconProblem]) -> dict[str, Any]:
    try:
        raw = card.read_bytes()
    except OSError as exc:
        problems.append(LexiconProblem(str(card), None, None, f"cannot read card: {exc}"))
        return {}
    try:
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(LexiconProblem(str(card), None, None, f"card is not UTF-8: {exc}"))
        return {}
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        line = int(m.group(1)) if m else None
        problems.append(LexiconProblem(str(card), line, None, f"invalid TOML: {exc}"))
        return {}
    return data


def _card_line(card_text: str, key: str) -> int | None:
    """Best-effort line of a key or table header in the card, for messages."""
    for i, line in enumerate(card_text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith(f"[{key}]") or stripped.split("=")[0].strip() == key:
            return i
    return None


def _parse(card_path: Path) -> tuple[LexiconSpec | None, list[LexiconProblem]]:
    problems: list[LexiconProblem] = []
    card_file = str(card_path)
    if card_path.suffix == ".tsv":
        problems.append(
            LexiconProblem(
                card_file, None, None, "pass the lexicon's card (.toml), not its entries"
            )
        )
        return None, problems
    data = _read_card(card_path, problems)
    if not data:
        return None, problems
    card_text = card_path.read_text(encoding="utf-8")

    def card_problem(key: str, message: str, line_key: str | None = None) -> None:
        problems.append(
            LexiconProblem(card_file, _card_line(card_text, line_key or key), key, message)
        )

    def text_field(key: str, required: bool = True) -> str:
        value = data.get(key)
        if value is None:
            if required:
                card_problem(key, "missing")
            return ""
        if not isinstance(value, str) or not value.strip():
            card_problem(key, "must be a non-empty string")
            return ""
        return value

    name = text_field("name")
    if name and not _NAME_RE.match(name):
        card_problem("name", "must match [a-z][a-z0-9_]*")
    version = text_field("version")
    if version and not re.fullmatch(r"\d+\.\d+\.\d+", version):
        card_problem("version", "must be a semantic version such as 1.0.0")
    description = text_field("description")
    licence = text_field("licence")
    kind = text_field("kind", required=False) or "terms"
    if kind not in KINDS:
        card_problem("kind", f"must be one of {', '.join(KINDS)}")
    entries_name = text_field("entries")

    categories: dict[str, CategorySpec] = {}
    raw_categories = data.get("categories")
    if not isinstance(raw_categories, dict) or not raw_categories:
        card_problem("categories", "at least one [categories.NAME] table is required")
    else:
        for cname, cval in raw_categories.items():
            key = f"categories.{cname}"
            if not _NAME_RE.match(cname):
                card_problem(key, "category names must match [a-z][a-z0-9_]*", key)
            if not isinstance(cval, dict):
                card_problem(key, "must be a table", key)
                continue
            definition = cval.get("definition")
            literature = cval.get("literature")
            if not isinstance(definition, str) or not definition.strip():
                card_problem(key, "needs a 'definition'", key)
                definition = ""
            if (
                not isinstance(literature, list)
                or not literature
                or not all(isinstance(x, str) and x.strip() for x in literature)
            ):
                card_problem(key, "needs 'literature': a non-empty list of references", key)
                literature = []
            categories[cname] = CategorySpec(cname, definition, tuple(literature))

    rules: dict[str, RuleSpec] = {}
    raw_rules = data.get("rules", {})
    if not isinstance(raw_rules, dict):
        card_problem("rules", "must be a table of [rules.NAME] tables")
        raw_rules = {}
    for rname, rval in raw_rules.items():
        key = f"rules.{rname}"
        if not isinstance(rval, dict):
            card_problem(key, "must be a table", key)
            continue
        rtype = rval.get("type")
        if rtype not in RULE_TYPES:
            card_problem(key, f"'type' must be one of {', '.join(RULE_TYPES)}", key)
            continue
        reason = rval.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            card_problem(key, "needs a 'reason'", key)
            reason = ""
        words: tuple[tuple[str, ...], ...] = ()
        window = 1
        if rtype not in WORDLESS_RULE_TYPES:
            raw_words = rval.get("words")
            if (
                not isinstance(raw_words, list)
                or not raw_words
                or not all(isinstance(w, str) and _words(w) for w in raw_words)
            ):
                card_problem(key, "needs 'words': a non-empty list of words or phrases", key)
            else:
                words = tuple(_words(w) for w in raw_words)
            raw_window = rval.get("window", 1)
            if not isinstance(raw_window, int) or not 1 <= raw_window <= MAX_WINDOW:
                card_problem(key, f"'window' must be an integer from 1 to {MAX_WINDOW}", key)
            else:
                window = raw_window
        rules[rname] = RuleSpec(rname, rtype, reason, words, window)

    default_rules_raw = data.get("default_rules", [])
    default_rules: tuple[str, ...] = ()
    if not isinstance(default_rules_raw, list) or not all(
        isinstance(r, str) for r in default_rules_raw
    ):
        card_problem("default_rules", "must be a list of rule names")
    else:
        default_rules = tuple(default_rules_raw)
        for r in default_rules:
            if r not in rules:
                card_problem("default_rules", f"unknown rule {r!r}")

    entries: list[EntrySpec] = []
    entries_path = (
        card_path.parent / entries_name if entries_name else card_path.with_suffix(".tsv")
    )
    entries_bytes = b""
    if entries_name and (
        Path(entries_name).is_absolute()
        or not entries_path.resolve().is_relative_to(card_path.parent.resolve())
    ):
        card_problem(
            "entries", "must name a file in the card's own folder (no '..', no absolute path)"
        )
        entries_name = ""
    if entries_name:
        try:
            entries_bytes = entries_path.read_bytes()
        except OSError as exc:
            card_problem("entries", f"cannot read entries file {entries_path}: {exc}")
    if entries_bytes:
        entries = _parse_entries(entries_path, entries_bytes, categories, rules, problems)
    elif entries_name and not problems:
        problems.append(LexiconProblem(str(entries_path), None, None, "entries file is empty"))

    digest = hashlib.sha256(card_path.read_bytes() + b"\0" + entries_bytes).hexdigest()[:12]
    spec = LexiconSpec(
        name=name,
        version=version,
        description=description,
        licence=licence,
        kind=kind,
        categories=categories,
        rules=rules,
        default_rules=default_rules,
        entries=tuple(entries),
        card_path=card_file,
        entries_path=str(entries_path),
        content_hash=digest,
    )
    return spec, problems


def _parse_entries(
    path: Path,
    raw: bytes,
    categories: Mapping[str, CategorySpec],
    rules: Mapping[str, RuleSpec],
    problems: list[LexiconProblem],
) -> list[EntrySpec]:
    file = str(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            LexiconProblem(file, bad_line, None, f"not valid UTF-8 at byte {exc.start}")
        )
        return []
    lines = text.splitlines()
    header_idx = next(
        (i for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")), None
    )
    if header_idx is None:
        problems.append(LexiconProblem(file, None, None, "no header line"))
        return []
    header = [h.strip() for h in lines[header_idx].split("\t")]
    if tuple(header) != COLUMNS:
        problems.append(
            LexiconProblem(
                file,
                header_idx + 1,
                None,
                f"header must be the tab-separated columns {' '.join(COLUMNS)}; got {header}",
            )
        )
        return []
    entries: list[EntrySpec] = []
    seen: dict[tuple[str, str], int] = {}
    for number, line in enumerate(lines[header_idx + 1 :], start=header_idx + 2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            problems.append(
                LexiconProblem(
                    file,
                    number,
                    None,
                    f"expected {len(COLUMNS)} tab-separated cells, got {len(cells)}",
                )
            )
            continue
        term, category, weight_s, inflect, rules_s, rationale = (c.strip() for c in cells)
        ok = True

        def bad(field_name: str, message: str, _n: int = number) -> None:
            nonlocal ok
            ok = False
            problems.append(LexiconProblem(file, _n, field_name, message))

        if not term:
            bad("term", "empty term")
        elif not _TERM_RE.match(term.replace("’", "'")):
            bad("term", "only letters, digits, spaces, hyphens and apostrophes are allowed")
        elif len(_words(term)) > MAX_TERM_WORDS:
            bad("term", f"more than {MAX_TERM_WORDS} words")
        elif term != term.lower():
            bad("term", "terms are written in lower case (matching ignores case)")
        if category not in categories:
            bad("category", f"unknown category {category!r} (not in the card)")
        try:
            weight = float(weight_s)
            if not 0.1 <= weight <= 3.0:
                bad("weight", "must be between 0.1 and 3")
        except ValueError:
            weight = 0.0
            bad("weight", f"not a number: {weight_s!r}")
        for part in inflect.split("+") if inflect else ["<empty>"]:
            if part.startswith("forms:"):
                forms = [f for f in part[6:].split("|") if f.strip()]
                if not forms or not all(_TERM_RE.match(f.strip()) for f in forms):
                    bad("inflect", "forms: needs |-separated words or phrases")
            elif part not in INFLECTIONS:
                bad(
                    "inflect", f"unknown inflection {part!r}: use exact, noun, verb, adj, forms:a|b"
                )
        rule_names = tuple(r.strip() for r in rules_s.split(",") if r.strip())
        for r in rule_names:
            if r.lstrip("-") not in rules:
                bad("rules", f"unknown rule {r.lstrip('-')!r} (not in the card)")
            elif not r.startswith("-") and rules[r].type == "require_hyphen" and "-" not in term:
                bad("rules", f"rule {r!r} (require_hyphen) needs a hyphenated term")
        if not rationale:
            bad("rationale", "every entry needs a short rationale")
        key = (" ".join(_words(term)), category)
        if ok and key in seen:
            bad("term", f"duplicate of line {seen[key]}")
        if ok:
            seen[key] = number
            entries.append(
                EntrySpec(term, category, weight, inflect, rule_names, rationale, number)
            )
    return entries


def validate_lexicon(path: str | Path) -> list[LexiconProblem]:
    """Every problem in a lexicon card and its entries file (empty when valid)."""
    _, problems = _parse(Path(path))
    return problems


def parse_lexicon(path: str | Path) -> LexiconSpec:
    """Parse a lexicon card and its entries; raise :class:`LexiconError` on any problem."""
    spec, problems = _parse(Path(path))
    if problems or spec is None:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise LexiconError(
            first.message + more, file=first.file, line=first.line, field=first.field
        )
    return spec


def shipped_lexicon_paths(kind: str | None = "terms") -> list[Path]:
    """Cards of the lexicons that ship with the package (of one ``kind``, or all)."""
    paths = sorted(data_dir("lexicons").glob("*.toml"))
    out = []
    for p in paths:
        try:
            card = tomllib.loads(p.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        if "entries" not in card:  # not a lexicon card (e.g. boilerplate patterns)
            continue
        if kind is None or card.get("kind", "terms") == kind:
            out.append(p)
    return out


# ---------------------------------------------------------------------------------- inflection

_VOWELS = set("aeiou")


def _noun_forms(w: str) -> set[str]:
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return {w + "es"}
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        return {w[:-1] + "ies"}
    return {w + "s"}


def _verb_forms(w: str) -> set[str]:
    forms = set(_noun_forms(w))  # third person -s follows the plural spelling rules
    if w.endswith("e"):
        forms |= {w + "d", w[:-1] + "ing"}
        if w.endswith("ie"):
            forms.add(w[:-2] + "ying")
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ied", w + "ing"}
    else:
        forms |= {w + "ed", w + "ing"}
        cvc = (
            len(w) >= 3
            and w[-1] not in _VOWELS
            and w[-1] not in "wxy"
            and w[-2] in _VOWELS
            and (w[-3] not in _VOWELS or w[-4:-2] == "qu")  # (quip -> quipped)
        )
        if cvc:  # slam -> slammed; both spellings are generated for longer words (target)
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


def _adj_forms(w: str) -> set[str]:
    if w.endswith("ic"):
        return {w + "ally"}
    if w.endswith("le") and len(w) > 2 and w[-3] not in _VOWELS:
        return {w[:-1] + "y"}
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        return {w[:-1] + "ily"}
    if w.endswith("ll"):
        return {w + "y"}
    return {w + "ly"}


def surface_forms(term: str, inflect: str) -> dict[tuple[str, ...], str]:
    """Surface forms of an entry (as word tuples) mapped to the rule that produced each."""
    base = _words(term)
    forms: dict[tuple[str, ...], str] = {base: "lemma"}
    if len(base) > 1 and "-" in term:  # witch-hunt also matches witchhunt
        forms.setdefault(("".join(base),), "hyphen:closed")
    for part in inflect.split("+"):
        if part == "noun":
            for f in _noun_forms(base[-1]):
                forms.setdefault((*base[:-1], f), "inflection:noun")
        elif part == "verb":
            for f in _verb_forms(base[0]):
                forms.setdefault((f, *base[1:]), "inflection:verb")
        elif part == "adj":
            for f in _adj_forms(base[-1]):
                forms.setdefault((*base[:-1], f), "inflection:adj")
        elif part.startswith("forms:"):
            for f in part[6:].split("|"):
                if _words(f):
                    forms.setdefault(_words(f), "inflection:listed")
    return forms


# ------------------------------------------------------------------------------------ compiling

FORM_SEP = "\x00"  # word separator symbol inside the trie (shared with the cue matcher)
_SEP_PATTERN = r"(?:[ \t]*-[ \t]*|[ \t]+\n?[ \t]*|\n[ \t]*)"


def _trie_body(keys: Iterable[str]) -> str:
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict[str, Any]) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            head = _SEP_PATTERN if ch == FORM_SEP else re.escape(ch)
            alts.append(head + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def trie_pattern(keys: Iterable[str]) -> str:
    """One regular expression matching any key, as a whole word (separators as in text)."""
    return r"(?<![^\W_])" + _trie_body(keys) + r"(?![^\W_])"


_WORD_CHAR_RE = re.compile(r"[^\W_]")


def scan_body(keys: Sequence[str]) -> str:
    """The keys as a whole-word pattern without the test before the first character, for the
    combined scan of :class:`CompiledLexicons`; "" when a key starts or ends with a non-word
    character (two matches could then share the character that separates them)."""
    if not keys or not all(_WORD_CHAR_RE.match(k[0]) and _WORD_CHAR_RE.match(k[-1]) for k in keys):
        return ""
    return _trie_body(keys) + r"(?![^\W_])"


# the character a combined scan consumes before a form (see combined_scan)
_SCAN_START = "[^0-9A-Za-z]"


def combined_scan(bodies: Sequence[str], any_body: str = "") -> re.Pattern[str] | None:
    r"""One pattern that scans a text once for every :func:`scan_body` in ``bodies``.

    It consumes one character, then looks ahead for each body in turn (group ``k + 1`` holds
    the match of the ``k``-th body, if any). The engine only tries positions after a character
    that is not an ASCII letter or digit, and tries them once for all bodies; :func:`scan_spans`
    turns its matches into those each body's own pattern would find with ``finditer``.

    Before the bodies one by one, a position must pass a look-ahead for any of them: their
    alternation, or ``any_body`` when given, which must match exactly where one of the bodies
    does (such as the :func:`scan_body` of all their keys together: one trie is tried faster
    than the tries of the bodies one after the other, and nearly every position fails it).

    The consumed character is tested with a plain ASCII class, ``[^0-9A-Za-z]``, which the
    engine checks several times faster than the Unicode class ``[\W_]``. That class also lets
    through non-ASCII letters and digits, so callers keep a match only where the consumed
    character ``c`` is not ``c.isalnum()``, which is exactly ``[\W_]`` (``_`` included).
    """
    if not bodies:
        return None
    if len(bodies) == 1:
        return re.compile(rf"{_SCAN_START}(?=({bodies[0]}))")
    any_member = any_body or "|".join(f"(?:{b})" for b in bodies)
    each = "".join(f"(?:(?=({b})))?" for b in bodies)
    return re.compile(rf"{_SCAN_START}(?={any_member}){each}")


def scan_spans(
    norm: str,
    patterns: Sequence[re.Pattern[str]],
    scan: re.Pattern[str] | None,
    members: Sequence[int],
) -> list[list[tuple[int, int]]]:
    """For each of ``patterns``, the spans of ``pattern.finditer(norm)``, in order.

    The patterns listed in ``members`` are found by one pass of ``scan`` (from
    :func:`combined_scan` of their bodies, in that order) plus a match at the very start of the
    text, which has no character before it; the scan also reports overlapping candidates, and
    those starting before the end of the last kept one are dropped, as ``finditer`` would never
    try them. The other patterns are run on their own.
    """
    in_scan = set(members) if scan is not None else set()
    found = [
        [] if i in in_scan else [m.span() for m in p.finditer(norm)] for i, p in enumerate(patterns)
    ]
    if scan is None:
        return found
    last = [0] * len(members)
    for k, i in enumerate(members):
        first = patterns[i].match(norm)
        if first is not None:
            found[i].append(first.span())
            last[k] = first.end()
    for m in scan.finditer(norm):
        if norm[m.start()].isalnum():  # a letter or digit outside ASCII: not [\W_]
            continue
        for k, i in enumerate(members):
            start, end = m.span(k + 1)
            if start >= last[k]:  # -1 when this pattern did not match here
                found[i].append((start, end))
                last[k] = end
    return found


def _combined_scan(
    compiled: Sequence[_CompiledLexicon],
) -> tuple[re.Pattern[str] | None, tuple[int, ...]]:
    """:func:`combined_scan` of the lexicons with a scan body, and which lexicons those are."""
    members = tuple(i for i, c in enumerate(compiled) if c.body)
    # The keys of all of them in one trie match where one lexicon's trie does (a trie matches
    # exactly its keys, and every body here is a trie with the same whole-word test after it).
    any_body = scan_body([key for i in members for key in compiled[i].targets])
    return combined_scan([compiled[i].body for i in members], any_body), members


@dataclass(frozen=True, slots=True)
class _Target:
    entry: EntrySpec
    form_rule: str
    rules: tuple[RuleSpec, ...]


@dataclass(frozen=True, slots=True)
class _CompiledLexicon:
    spec: LexiconSpec
    pattern: re.Pattern[str]
    targets: Mapping[str, tuple[_Target, ...]]
    #: See :func:`scan_body`.
    body: str = ""


def _compile_one(spec: LexiconSpec) -> _CompiledLexicon:
    targets: dict[str, list[_Target]] = {}
    for entry in spec.entries:
        rules = tuple(spec.rules[r] for r in spec.entry_rules(entry) if r in spec.rules)
        for form, how in surface_forms(entry.term, entry.inflect).items():
            key = FORM_SEP.join(form)
            bucket = targets.setdefault(key, [])
            if all(t.entry is not entry for t in bucket):
                bucket.append(_Target(entry, how, rules))
    pattern = re.compile(trie_pattern(targets)) if targets else re.compile(r"(?!x)x")
    frozen = {k: tuple(v) for k, v in targets.items()}
    return _CompiledLexicon(spec, pattern, frozen, scan_body(list(targets)))


_MATCH_SEP_RE = re.compile(r"[\s\-]+")


def form_key(matched: str) -> str:
    """The trie key of a matched (normalised) surface form: its words joined by
    :data:`FORM_SEP`, whatever spaces, line breaks or hyphens separated them in the text."""
    if matched.isalpha():
        return matched  # one word, nearly always
    return FORM_SEP.join(w for w in _MATCH_SEP_RE.split(matched) if w)


@dataclass(frozen=True, slots=True)
class Explanation:
    hits: tuple[Hit, ...]
    vetoes: tuple[Veto, ...]


@dataclass(frozen=True)
class CompiledLexicons:
    """Compiled lexicons, ready to match. Build with :func:`compile_lexicons`."""

    specs: tuple[LexiconSpec, ...]
    _compiled: tuple[_CompiledLexicon, ...] = field(repr=False)
    _scan: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    _scan_members: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @property
    def categories(self) -> dict[str, CategorySpec]:
        return {c: spec for s in self.specs for c, spec in s.categories.items()}

    def provenance(self) -> list[dict[str, str]]:
        """Name, version and content hash of each lexicon (reported with every result)."""
        return [s.provenance() for s in self.specs]

    def match(
        self, text: str, sentences: Sequence[Sentence] | None = None, *, norm: str | None = None
    ) -> list[Hit]:
        """Hits in ``text`` (voice ``authorial``; the analyzer assigns voices). ``norm`` is
        ``framing.text.normalize(text)`` when the caller has it already."""
        return list(self._run(text, sentences, None, norm))

    def explain(self, text: str, sentences: Sequence[Sentence] | None = None) -> Explanation:
        vetoes: list[Veto] = []
        hits = tuple(self._run(text, sentences, vetoes))
        return Explanation(hits, tuple(vetoes))

    def _run(
        self,
        text: str,
        sentences: Sequence[Sentence] | None,
        vetoes: list[Veto] | None,
        norm: str | None = None,
    ) -> Iterable[Hit]:
        if sentences is None:
            from framing.text import split_sentences

            sentences = split_sentences(text)
        if norm is None:
            norm = normalize(text)
        ctx = _Context(text, norm, sentences)
        out: list[Hit] = []
        for lex, spans in zip(self._compiled, self._spans(norm), strict=True):
            name = lex.spec.name
            for start, end in spans:
                key = form_key(norm[start:end])
                for target in lex.targets.get(key, ()):
                    fired: list[str] = [] if target.form_rule == "lemma" else [target.form_rule]
                    veto = ctx.check(start, end, target.rules, fired)
                    entry = target.entry
                    if veto is not None:
                        if vetoes is not None:
                            vetoes.append(
                                Veto(
                                    start,
                                    end,
                                    text[start:end],
                                    entry.term,
                                    entry.category,
                                    name,
                                    veto.name,
                                    veto.reason,
                                )
                            )
                        continue
                    out.append(
                        Hit(
                            start=start,
                            end=end,
                            text=text[start:end],
                            term=entry.term,
                            category=entry.category,
                            weight=entry.weight,
                            lexicon=name,
                            sentence=ctx.sentence_index(start),
                            voice="authorial",
                            rules=tuple(fired),
                        )
                    )
        out.sort(key=lambda h: (h.start, h.end, h.lexicon, h.term))
        return out

    def _spans(self, norm: str) -> list[list[tuple[int, int]]]:
        """For each lexicon, the spans of ``pattern.finditer(norm)``, in order."""
        patterns = [lex.pattern for lex in self._compiled]
        return scan_spans(norm, patterns, self._scan, self._scan_members)


class _Context:
    """Lazily computed context of a text for evaluating rules."""

    __slots__ = ("norm", "sentences", "starts", "text")

    def __init__(self, text: str, norm: str, sentences: Sequence[Sentence]) -> None:
        self.text = text
        self.norm = norm
        self.sentences = sentences
        self.starts = [s.start for s in sentences]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def _sentence_bounds(self, pos: int) -> tuple[int, int]:
        if not self.sentences:
            return 0, len(self.text)
        s = self.sentences[self.sentence_index(pos)]
        return s.start, max(s.end, pos)

    def check(
        self, start: int, end: int, rules: Sequence[RuleSpec], fired: list[str]
    ) -> RuleSpec | None:
        """The first rule that vetoes this candidate, or ``None`` (appending satisfied rules)."""
        for rule in rules:
            if rule.type == "veto_capitalized":
                if self._is_name(start):
                    return rule
                continue
            if rule.type == "require_hyphen":
                if spaced(self.text, start, end):
                    return rule
                fired.append(rule.name)
                continue
            s_start, s_end = self._sentence_bounds(start)
            if rule.type == "veto_clause":
                # the whole clause that holds the match is one of the phrases ("That said,")
                lo = clause_start(self.norm, max(s_start, start - 120), start)
                hi = clause_end(self.norm, end, min(s_end, end + 120))
                if tuple(WORD_RE.findall(self.norm, lo, hi)) in rule.words:
                    return rule
                continue
            if rule.type.endswith("preceding"):
                lo = clause_start(self.norm, max(s_start, start - 120), start)
                words = WORD_RE.findall(self.norm, lo, start)
                found = _ends_within(words, rule.words, rule.window)
            else:
                words = WORD_RE.findall(self.norm, end, min(s_end, end + 120))
                found = _starts_within(words, rule.words, rule.window)
            if rule.type.startswith("veto") and found:
                return rule
            if rule.type.startswith("require"):
                if not found:
                    return rule
                fired.append(rule.name)
        return None

    def _is_name(self, start: int) -> bool:
        text = self.text
        if not text[start].isupper():
            return False
        s_start, _ = self._sentence_bounds(start)
        if not any(c.isalnum() for c in text[s_start:start]):
            return False  # first word of its sentence
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        return not is_title_or_caps(line)


def spaced(text: str, start: int, end: int) -> bool:
    """Whether the words of the match ``text[start:end]`` are separated by whitespace (``would
    be``) rather than joined by hyphens (``would-be``)."""
    return any(c.isspace() for c in text[start:end])


def _ends_within(words: Sequence[str], phrases: Sequence[tuple[str, ...]], window: int) -> bool:
    n = len(words)
    for phrase in phrases:
        size = len(phrase)
        for back in range(window):
            stop = n - back
            if stop - size < 0:
                break
            if tuple(words[stop - size : stop]) == phrase:
                return True
    return False


def _starts_within(words: Sequence[str], phrases: Sequence[tuple[str, ...]], window: int) -> bool:
    for phrase in phrases:
        size = len(phrase)
        for ahead in range(window):
            if ahead + size > len(words):
                break
            if tuple(words[ahead : ahead + size]) == phrase:
                return True
    return False


def compile_lexicons(specs: Iterable[LexiconSpec]) -> CompiledLexicons:
    specs = tuple(specs)
    names = [s.name for s in specs]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise LexiconError(f"two lexicons share the name {sorted(dupes)[0]!r}")
    compiled = tuple(_compile_one(s) for s in specs)
    return CompiledLexicons(specs, compiled, *_combined_scan(compiled))


def load_lexicons(
    paths: Iterable[str | Path] | None = None, *, include_shipped: bool | None = None
) -> CompiledLexicons:
    """Parse and compile lexicons.

    With no ``paths`` the shipped "terms" lexicons are used. With ``paths`` only those are used
    unless ``include_shipped=True``.
    """
    chosen = [Path(p) for p in paths] if paths else []
    if include_shipped or (include_shipped is None and not chosen):
        chosen = shipped_lexicon_paths("terms") + chosen
    return compile_lexicons(parse_lexicon(p) for p in chosen)


@lru_cache(maxsize=1)
def default_lexicons() -> CompiledLexicons:
    """The shipped lexicons, compiled once per process."""
    return load_lexicons()
