"""Lexicon parsing, validation, compilation and matching (parse, compile, match are separate)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.errors import LexiconError
from framing.lexicon import (
    compile_lexicons,
    load_lexicons,
    parse_lexicon,
    scan_body,
    shipped_lexicon_paths,
    surface_forms,
    validate_lexicon,
)
from framing.text import normalize

CARD = """\
name = "mini"
version = "1.2.0"
description = "A small lexicon for tests."
licence = "MIT"
entries = "mini.tsv"
default_rules = ["proper_noun"]

[categories.pejorative_label]
definition = "Disparaging labels."
literature = ["Recasens et al. 2013"]

[categories.loaded_verb]
definition = "Violent verbs for speech."
literature = ["Da San Martino et al. 2019"]

[rules.proper_noun]
type = "veto_capitalized"
reason = "A capitalised word mid-sentence is a name."

[rules.technical_regime]
type = "veto_preceding"
words = ["tax", "training", "exchange rate"]
window = 2
reason = "A system of rules, not a government."

[rules.hyphenated]
type = "require_hyphen"
reason = "Only written as one hyphenated word."

[rules.needs_critics]
type = "require_following"
words = ["critics", "the plan"]
window = 2
reason = "Only as a verb of criticism."
"""

HEADER = "term\tcategory\tweight\tinflect\trules\trationale\n"
ENTRIES = HEADER + (
    "regime\tpejorative_label\t1.5\tnoun\ttechnical_regime\tDelegitimises a government.\n"
    "strongman\tpejorative_label\t2\tnoun\t\tRule by force, not office.\n"
    "slam\tloaded_verb\t1.5\tverb\tneeds_critics\tViolent metaphor for criticism.\n"
    "lash out\tloaded_verb\t1.5\tverb\t\tViolent metaphor.\n"
    "witch-hunt\tpejorative_label\t2\tnoun\t-proper_noun\tCasts an inquiry as persecution.\n"
    "special military operation\tpejorative_label\t2\texact\t-proper_noun\tEuphemism.\n"
    "head-hunter\tpejorative_label\t1\tnoun\thyphenated\tA recruiter as a predator.\n"
)


def write_lexicon(tmp_path: Path, entries: str = ENTRIES, card: str = CARD) -> Path:
    (tmp_path / "mini.tsv").write_text(entries, encoding="utf-8")
    path = tmp_path / "mini.toml"
    path.write_text(card, encoding="utf-8")
    return path


@pytest.fixture
def mini(tmp_path: Path):
    return load_lexicons([write_lexicon(tmp_path)])


def found(lex, text: str) -> list[tuple[str, str]]:
    return [(h.text, h.term) for h in lex.match(text)]


def test_parse_keeps_lines_categories_and_hash(tmp_path: Path) -> None:
    spec = parse_lexicon(write_lexicon(tmp_path))
    assert spec.name == "mini"
    assert spec.version == "1.2.0"
    assert [e.line for e in spec.entries] == [2, 3, 4, 5, 6, 7, 8]
    assert set(spec.categories) == {"pejorative_label", "loaded_verb"}
    assert len(spec.content_hash) == 12
    assert spec.entry_rules(spec.entries[4]) == ()  # witch-hunt removes the default
    assert spec.entry_rules(spec.entries[0]) == ("proper_noun", "technical_regime")


def test_inflections_are_generated_from_declared_rules() -> None:
    assert set(surface_forms("slam", "verb")) >= {("slams",), ("slammed",), ("slamming",)}
    assert set(surface_forms("accuse", "verb")) >= {("accused",), ("accusing",), ("accuses",)}
    # "qu" is one consonant: the final consonant doubles as after any other
    assert set(surface_forms("quip", "verb")) >= {("quipped",), ("quipping",), ("quips",)}
    assert ("quieted",) in surface_forms("quiet", "verb")
    assert set(surface_forms("lash out", "verb")) >= {("lashed", "out"), ("lashes", "out")}
    assert set(surface_forms("witch-hunt", "noun")) >= {("witch", "hunts"), ("witchhunt",)}
    assert set(surface_forms("crony", "noun")) >= {("cronies",)}
    assert set(surface_forms("brutal", "adj")) >= {("brutally",)}
    assert ("slew",) in surface_forms("slay", "verb+forms:slew|slain")


def test_multiword_hyphen_case_and_apostrophe_variants(mini) -> None:
    text = (
        "The regime’s envoy and a strongman's allies faced a witch hunt, "
        "then witch-hunts and a witchhunt over the “special military operation”."
    )
    terms = [t for _, t in found(mini, text)]
    assert terms == ["regime", "strongman", "witch-hunt", "witch-hunt", "witch-hunt",
                     "special military operation"]  # fmt: skip
    for h in mini.match(text):
        assert text[h.start : h.end] == h.text


def test_phrase_does_not_cross_punctuation_or_paragraphs(mini) -> None:
    assert found(mini, "They called it a witch. Hunt season opened.") == []
    assert found(mini, "a special military\n\noperation") == []
    assert found(mini, "a special military\noperation") == [
        ("special military\noperation", "special military operation")
    ]


def test_context_rules_veto_and_require(mini) -> None:
    assert found(mini, "The new tax regime starts in May.") == []
    assert found(mini, "The exchange-rate regime held.") == []
    assert found(mini, "The regime jailed reporters.") == [("regime", "regime")]
    assert found(mini, "He slammed critics of the bill.") == [("slammed", "slam")]
    assert found(mini, "He slammed the door.") == []


def test_require_hyphen_keeps_joined_words_and_vetoes_spaced_ones(mini) -> None:
    assert found(mini, "A head-hunter called.") == [("head-hunter", "head-hunter")]
    assert found(mini, "Two head‐hunters called.") == [("head‐hunters", "head-hunter")]  # U+2010
    assert found(mini, "He went head hunting, then a head\nhunter called.") == []
    vetoes = mini.explain("A head hunter called.").vetoes
    assert [(v.text, v.rule) for v in vetoes] == [("head hunter", "hyphenated")]


def test_preceding_rules_read_back_only_to_the_last_clause_mark(mini) -> None:
    # "tax" ends the clause before the comma: it does not make the regime a tax system
    assert found(mini, "They raised the tax, regime loyalists said.") == [("regime", "regime")]
    assert found(mini, "They cut training (regime officials disagreed).") == [("regime", "regime")]
    # a quotation mark is not a clause mark: a scare quote opens on the term itself
    assert found(mini, "A new tax “regime” starts in May.") == []
    assert found(mini, "The new tax 'regime' starts in May.") == []


def test_proper_nouns_are_not_hits_but_sentence_starts_and_headlines_are(mini) -> None:
    assert found(mini, "We met Mr. Strongman at noon.") == []
    assert found(mini, "Strongman rule returned.") == [("Strongman", "strongman")]
    assert found(mini, "Inside The Strongman Playbook Of A Nervous Capital") == [
        ("Strongman", "strongman")
    ]


def test_explain_reports_the_vetoing_rule(mini) -> None:
    result = mini.explain("A training regime and a regime.")
    assert [(h.start, h.term) for h in result.hits] == [(24, "regime")]
    assert [(v.text, v.rule) for v in result.vetoes] == [("regime", "technical_regime")]
    assert result.vetoes[0].reason == "A system of rules, not a government."
    inflected = mini.explain("She lashed out at critics.").hits[0]
    assert inflected.rules == ("inflection:verb",)


@pytest.mark.parametrize(
    ("entries", "line", "field", "message"),
    [
        (HEADER + "regime\tnope\t1\tnoun\t\tr\n", 2, "category", "unknown category"),
        (HEADER + "regime\tpejorative_label\t9\tnoun\t\tr\n", 2, "weight", "between"),
        (HEADER + "regime\tpejorative_label\tx\tnoun\t\tr\n", 2, "weight", "not a number"),
        (HEADER + "# c\n\nregime\tpejorative_label\t1\tplural\t\tr\n", 4, "inflect", "unknown"),
        (HEADER + "regime\tpejorative_label\t1\tnoun\tmissing\tr\n", 2, "rules", "unknown rule"),
        (HEADER + "regime\tpejorative_label\t1\tnoun\t\t\n", 2, "rationale", "rationale"),
        (
            HEADER + "regime\tpejorative_label\t1\tnoun\thyphenated\tr\n",
            2,
            "rules",
            "needs a hyphenated term",
        ),
        (HEADER + "re(g)+ime\tpejorative_label\t1\tnoun\t\tr\n", 2, "term", "only letters"),
        (HEADER + "Regime\tpejorative_label\t1\tnoun\t\tr\n", 2, "term", "lower case"),
        (HEADER + "regime\tpejorative_label\t1\n", 2, None, "expected 6"),
        (
            HEADER
            + "regime\tpejorative_label\t1\tnoun\t\tr\nregime\tpejorative_label\t2\texact\t\tr\n",
            3,
            "term",
            "duplicate of line 2",
        ),
    ],
)
def test_validator_names_file_line_and_field(
    tmp_path: Path, entries: str, line: int, field: str | None, message: str
) -> None:
    problems = validate_lexicon(write_lexicon(tmp_path, entries))
    assert len(problems) == 1
    p = problems[0]
    assert p.file.endswith("mini.tsv")
    assert p.line == line
    assert p.field == field
    assert message in p.message
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(tmp_path / "mini.toml")


def test_validator_reports_every_problem_and_card_keys(tmp_path: Path) -> None:
    card = CARD.replace('version = "1.2.0"', 'version = "one"').replace(
        'literature = ["Da San Martino et al. 2019"]', "literature = []"
    )
    entries = HEADER + "a\tnope\t1\tnoun\t\tr\nb\tnope\t1\tnoun\t\tr\n"
    problems = validate_lexicon(write_lexicon(tmp_path, entries, card))
    fields = sorted(str(p.field) for p in problems)
    assert fields == ["categories.loaded_verb", "category", "category", "version"]
    version = next(p for p in problems if p.field == "version")
    assert version.file.endswith("mini.toml")
    assert version.line == 2


def test_invalid_toml_reports_line(tmp_path: Path) -> None:
    problems = validate_lexicon(write_lexicon(tmp_path, card=CARD + "\n[rules.x\n"))
    assert problems[0].line is not None
    assert "invalid TOML" in problems[0].message


def test_bad_rule_definitions_are_rejected(tmp_path: Path) -> None:
    card = CARD + '\n[rules.bad]\ntype = "regex"\nreason = "x"\n'
    card += '\n[rules.wide]\ntype = "veto_preceding"\nwords = ["a"]\nwindow = 50\nreason = "x"\n'
    problems = validate_lexicon(write_lexicon(tmp_path, card=card))
    assert {p.field for p in problems} == {"rules.bad", "rules.wide"}


@pytest.mark.parametrize("entries", ["../outside.tsv", "/etc/hostname"])
def test_entries_outside_the_card_folder_are_refused_unread(tmp_path: Path, entries: str) -> None:
    card_dir = tmp_path / "cards"
    card_dir.mkdir()
    (tmp_path / "outside.tsv").write_text("SECRET first line\n", encoding="utf-8")
    card = write_lexicon(
        card_dir, card=CARD.replace('entries = "mini.tsv"', f'entries = "{entries}"')
    )
    problems = validate_lexicon(card)
    assert [p.field for p in problems] == ["entries"]
    assert "own folder" in problems[0].message
    assert all("SECRET" not in p.message for p in problems)


def test_duplicate_lexicon_names_are_refused(tmp_path: Path) -> None:
    spec = parse_lexicon(write_lexicon(tmp_path))
    with pytest.raises(LexiconError, match="share the name"):
        compile_lexicons([spec, spec])


def test_a_megabyte_without_spaces_costs_no_more_than_ordinary_prose(mini, cpu_seconds) -> None:
    # a guard against catastrophic backtracking, as a ratio to a peer measured in the same run
    # (ordinary prose of the same length), not a wall-clock limit: about 0.1x when this was
    # written; backtracking would make it hundreds of times slower
    text = "regime" * 170_000 + " regime"
    prose = ("The regime said the council met on Tuesday. " * 30_000)[: len(text)]
    hits = mini.match(text)
    assert [h.start for h in hits] == [len(text) - 6]
    assert cpu_seconds(lambda: mini.match(text)) < 10 * cpu_seconds(lambda: mini.match(prose))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("regim strongwch-hunt’'\n .,“”RS")), max_size=120))
def test_every_hit_is_exact_on_arbitrary_text(tmp_path_factory, text: str) -> None:
    lex = load_lexicons([write_lexicon(tmp_path_factory.mktemp("lx"))])
    for h in lex.match(text):
        assert 0 <= h.start < h.end <= len(text)
        assert text[h.start : h.end] == h.text


def test_shipped_lexicons_are_valid() -> None:
    cards = shipped_lexicon_paths(kind=None)
    assert {c.stem for c in cards} >= {"loaded", "epistemic", "cues"}
    for card in cards:
        assert validate_lexicon(card) == [], card


# --- the combined scan finds exactly what each lexicon's own pattern finds ----------------------

SECOND_CARD = CARD.replace('name = "mini"', 'name = "second"').replace("mini.tsv", "second.tsv")
SECOND_ENTRIES = HEADER + (
    "hunt\tpejorative_label\t1\tnoun\t-proper_noun\tOverlaps the other lexicon's phrase.\n"
    "military\tpejorative_label\t1\texact\t-proper_noun\tInside a phrase of the other one.\n"
    "hunt season\tpejorative_label\t1\texact\t-proper_noun\tTwo phrases that overlap.\n"
    "season ticket\tpejorative_label\t1\texact\t-proper_noun\tTwo phrases that overlap.\n"
)


@pytest.fixture
def both(tmp_path: Path):
    (tmp_path / "second.tsv").write_text(SECOND_ENTRIES, encoding="utf-8")
    (tmp_path / "second.toml").write_text(SECOND_CARD, encoding="utf-8")
    return load_lexicons([write_lexicon(tmp_path), tmp_path / "second.toml"])


def own_spans(lexicons, text: str) -> list[list[tuple[int, int]]]:
    norm = normalize(text)
    return [[m.span() for m in lex.pattern.finditer(norm)] for lex in lexicons._compiled]


@pytest.mark.parametrize(
    "text",
    [
        "regime change",  # a match at the very start of the text
        "a witch-hunt, witch hunts and witchhunts",
        "the special military operation began",  # overlapping matches of the two lexicons
        "regimes regime_regime _regime regime's strongman-strongmen",
        "hunt hunt hunt",  # adjacent matches separated by one character
        # letters and digits outside ASCII are word characters: no match may start after them
        "éregime ßhunt ٣regime ²hunt Ⅻregime 中hunt _regime —regime «hunt»",
        "a hunt season ticket",  # a lexicon's own matches never overlap
        "",
    ],
)
def test_combined_scan_equals_each_lexicons_own_pattern(both, text: str) -> None:
    assert both._spans(normalize(text)) == own_spans(both, text)


def test_both_lexicons_report_overlapping_hits(both) -> None:
    hits = both.match("The special military operation began.")
    assert [(h.lexicon, h.text) for h in hits] == [
        ("mini", "special military operation"),
        ("second", "military"),
    ]
    assert not both.match("militaryish hunter")


def test_keys_ending_in_a_non_word_character_are_not_scanned() -> None:
    assert scan_body(["abc", "x\x00y"]) != ""
    assert scan_body(["abc", "o'"]) == ""
    assert scan_body([]) == ""


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="regimhuntsaock _-'’.\néß٣²Ⅻ中—«", max_size=80))
def test_combined_scan_equals_own_patterns_on_arbitrary_text(tmp_path_factory, text: str) -> None:
    tmp = tmp_path_factory.mktemp("both")
    (tmp / "second.tsv").write_text(SECOND_ENTRIES, encoding="utf-8")
    (tmp / "second.toml").write_text(SECOND_CARD, encoding="utf-8")
    lexicons = load_lexicons([write_lexicon(tmp), tmp / "second.toml"])
    assert lexicons._spans(normalize(text)) == own_spans(lexicons, text)


def test_a_normalised_text_passed_in_gives_the_same_hits() -> None:
    from framing.lexicon import default_lexicons

    text = "The REGIME’s so-called “referendum” was a sham, the strongman’s critics said."
    lexicons = default_lexicons()
    hits = lexicons.match(text)
    assert hits
    assert lexicons.match(text, norm=normalize(text)) == hits


def test_a_clause_rule_vetoes_only_a_clause_of_its_words_alone(tmp_path: Path) -> None:
    card = CARD + (
        '\n[rules.aside]\ntype = "veto_clause"\nwords = ["that said", "say"]\n'
        'reason = "The writer\'s aside, not speech."\n'
    )
    entries = ENTRIES + "say\tloaded_verb\t1\tverb+forms:said\taside\tReports speech.\n"
    lex = load_lexicons([write_lexicon(tmp_path, entries, card)])
    assert found(lex, "That said, the regime fell.") == [("regime", "regime")]
    assert found(lex, "A country like, say, Ruritania would object.") == []
    # the same words with more in their clause are speech
    assert found(lex, "Critics said that the regime fell.") == [
        ("said", "say"),
        ("regime", "regime"),
    ]
    assert found(lex, "Officials say, however, that it fell.") == [("say", "say")]
    vetoes = lex.explain("That said, it fell.").vetoes
    assert [(v.text, v.rule) for v in vetoes] == [("said", "aside")]
