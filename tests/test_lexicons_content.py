"""Content of the shipped lexicons: size, coverage, rationales, and sentences that must (not) match.

Every sentence here is written for the test. Each "must match" sentence names the term and
category expected; each "must not match" sentence is a neutral sense of a lexicon word that a
rule or an inflection choice has to keep out.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from framing.lexicon import (
    LexiconSpec,
    load_lexicons,
    parse_lexicon,
    shipped_lexicon_paths,
    validate_lexicon,
)

LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"


@pytest.fixture(scope="module")
def loaded() -> LexiconSpec:
    return parse_lexicon(LEXICONS / "loaded.toml")


@pytest.fixture(scope="module")
def epistemic() -> LexiconSpec:
    return parse_lexicon(LEXICONS / "epistemic.toml")


@pytest.fixture(scope="module")
def lex():  # type: ignore[no-untyped-def]
    return load_lexicons()


def test_both_lexicons_are_shipped_valid_and_mit(
    loaded: LexiconSpec, epistemic: LexiconSpec
) -> None:
    cards = {p.name for p in shipped_lexicon_paths("terms")}
    assert {"loaded.toml", "epistemic.toml"} <= cards
    for spec in (loaded, epistemic):
        assert validate_lexicon(spec.card_path) == []
        assert spec.licence == "MIT"
        assert spec.kind == "terms"
        assert "proper_noun" in spec.default_rules
        assert spec.rules["proper_noun"].type == "veto_capitalized"


def test_loaded_size_and_categories(loaded: LexiconSpec) -> None:
    counts = Counter(e.category for e in loaded.entries)
    assert len(loaded.entries) >= 400
    assert len(counts) >= 8
    required = {
        "pejorative_label",
        "loaded_verb",
        "loaded_noun",
        "loaded_adjective",
        "euphemism",
        "hyperbole",
    }
    assert required <= set(counts)
    for category in required:
        assert counts[category] >= 30, category  # every required category is substantial


def test_epistemic_categories(epistemic: LexiconSpec) -> None:
    counts = Counter(e.category for e in epistemic.entries)
    assert set(counts) == {"hedge", "unverified_sourcing", "distancing_marker"}
    assert min(counts.values()) >= 10


def test_every_entry_has_a_rationale_sane_weight_and_no_duplicate(
    loaded: LexiconSpec, epistemic: LexiconSpec
) -> None:
    for spec in (loaded, epistemic):
        seen: set[str] = set()
        for e in spec.entries:
            assert len(e.rationale.split()) >= 3, f"{spec.name}:{e.line} {e.term}"
            assert 0.1 <= e.weight <= 3, e.term
            assert e.term not in seen, e.term
            seen.add(e.term)


def test_every_category_has_definition_and_literature(
    loaded: LexiconSpec, epistemic: LexiconSpec
) -> None:
    for spec in (loaded, epistemic):
        for cat in spec.categories.values():
            assert len(cat.definition) > 30, cat.name
            assert cat.literature, cat.name
            assert all(any(ch.isdigit() for ch in ref) for ref in cat.literature)  # dated


def test_every_rule_is_used_by_some_entry(loaded: LexiconSpec, epistemic: LexiconSpec) -> None:
    for spec in (loaded, epistemic):
        used = {r for e in spec.entries for r in spec.entry_rules(e)}
        assert set(spec.rules) <= used, set(spec.rules) - used


def test_seed_terms_are_present(loaded: LexiconSpec, epistemic: LexiconSpec) -> None:
    terms = {e.term: e.category for e in loaded.entries}
    assert terms["strongman"] == "pejorative_label"
    assert terms["regime"] == "pejorative_label"
    assert terms["insinuation"] == "loaded_noun"
    assert terms["special military operation"] == "euphemism"
    hedges = {e.term: e.category for e in epistemic.entries}
    assert hedges["unconfirmed report"] == "unverified_sourcing"
    assert hedges["so-called"] == "distancing_marker"
    assert hedges["reportedly"] == "hedge"


MUST_MATCH = [
    ("The regime jailed two more reporters on Monday.", "regime", "pejorative_label"),
    ("Critics call him a strongman who silences the courts.", "strongman", "pejorative_label"),
    ("Protesters said the junta had stolen the election.", "junta", "pejorative_label"),
    ("The senator slammed the proposal on Tuesday.", "slam", "loaded_verb"),
    ("She blasted the ruling as a betrayal of voters.", "blasted", "loaded_verb"),
    ("Ministers scrambled to contain the fallout.", "scramble", "loaded_verb"),
    ("He lashed out at reporters after the vote.", "lash out", "loaded_verb"),
    ("The spokesman dismissed the report as a hoax.", "hoax", "loaded_noun"),
    ("Supporters call the inquiry a witch hunt.", "witch hunt", "loaded_noun"),
    ("It was an outrageous decision, the union said.", "outrageous", "loaded_adjective"),
    (
        "The raid was described as a special military operation.",
        "special military operation",
        "euphemism",
    ),
    ("Officials spoke of collateral damage after the strike.", "collateral damage", "euphemism"),
    ("The floods caused catastrophic losses across the valley.", "catastrophic", "hyperbole"),
    ("The agency faces an unprecedented backlog of cases.", "unprecedented", "hyperbole"),
    ("Aid workers said the inquiry was botched from the start.", "botched", "loaded_adjective"),
    (
        "He was sentenced after years of public accusations of treason by rivals.",
        "treason",
        "loaded_noun",
    ),
    ("Witnesses said the terrorists fired on the crowd.", "terrorist", "pejorative_label"),
    (
        "So far unconfirmed reports suggest the talks have stalled.",
        "unconfirmed report",
        "unverified_sourcing",
    ),
    ("The so-called reforms left pensions untouched.", "so-called", "distancing_marker"),
    ("Police stopped the would-be assassin at the gate.", "would-be", "distancing_marker"),
    ("The governor is likely to veto the bill next week.", "likely", "hedge"),
    ("Critics called the inquiry a partisan attack on the court.", "partisan", "loaded_adjective"),
    ("The minister reportedly met the donors twice.", "reportedly", "hedge"),
    ("Opponents of the levy call it a death tax.", "death tax", "loaded_noun"),
    ("The columnist was a cheerleader for the invasion.", "cheerleader", "pejorative_label"),
    ("Residents said the rebels slaughtered villagers.", "slaughter", "loaded_verb"),
]


@pytest.mark.parametrize(("sentence", "term", "category"), MUST_MATCH)
def test_sentences_that_must_match(lex, sentence: str, term: str, category: str) -> None:  # type: ignore[no-untyped-def]
    hits = [h for h in lex.match(sentence) if h.term == term]
    assert hits, f"{term!r} not found in {sentence!r}"
    assert hits[0].category == category
    assert sentence[hits[0].start : hits[0].end] == hits[0].text


MUST_NOT_MATCH = [
    ("The new tax regime takes effect in April.", "regime"),
    ("Athletes follow a strict training regime before the games.", "regime"),
    ("The sanctions regime was extended for a year.", "regime"),
    ("Both parties have long argued about regime change in the region.", "regime"),
    ("He slammed the door and left the building.", "slam"),
    ("Engineers blasted through the rock to build the tunnel.", "blasted"),
    ("The blast killed four people near the station.", "blasted"),
    ("We had scrambled eggs for breakfast.", "scramble"),
    ("Massive stars end their lives as supernovae.", "massive"),
    ("Free radicals damage cells.", "radical"),
    ("The mob boss was arrested in Palermo.", "mob"),
    ("The company dumped toxic waste into the river.", "toxic"),
    ("A terrorist attack was foiled at the airport, police said.", "terrorist"),
    ("The group was placed on the terrorist designation list.", "terrorist"),
    ("Every defendant is innocent until proven guilty.", "innocent"),
    ("He pleaded innocent to all charges.", "innocent"),
    ("She was convicted of treason in 1953.", "treason"),
    ("The lame duck session begins next week.", "lame"),
    ("A freak accident closed the motorway.", "freak"),
    ("The muzzle flash was visible on the video.", "muzzle"),
    ("The answer lies in the data.", "lie"),
    ("The council runs a pension scheme for staff.", "scheme"),
    ("The storm destroyed dozens of homes.", "destroy"),
    ("Mr Savage, the mayor, opened the bridge.", "savage"),
    ("The cheerleaders performed at halftime.", "cheerleader"),
    ("A cover-up of the abuse was alleged in the report.", "cover up"),
    # fixed technical phrases
    ("The president used the bully pulpit to push the bill.", "bully"),
    ("The board fought off a hostile takeover by a rival.", "hostile"),
    ("Congress approved disaster relief for the coast.", "disaster"),
    # the pollsters' sample, not a hedge
    ("A poll of 800 likely Republican primary voters found Cruz ahead.", "likely"),
    ("Among likely voters, the lead shrank to two points.", "likely"),
    # "of the parties", the classifying adjective of political science
    ("The partisan divide over the bill deepened in the Senate.", "partisan"),
    ("Judges struck down partisan gerrymandering in the state.", "partisan"),
    # the modal and "be", not the distancing "would-be"
    ("The mayor said it would be hard to repair the bridge.", "would-be"),
    ("Turnout would\nbe higher, the clerk said.", "would-be"),
]


@pytest.mark.parametrize(("sentence", "term"), MUST_NOT_MATCH)
def test_sentences_that_must_not_match(lex, sentence: str, term: str) -> None:  # type: ignore[no-untyped-def]
    assert [h.text for h in lex.match(sentence) if h.term == term] == []


def test_neutral_news_sentence_has_no_loaded_hit(lex) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The city council voted 7-2 on Tuesday to approve the budget, which raises spending on "
        "schools by 3 percent. The mayor said she would sign it next week."
    )
    assert lex.match(text) == []
