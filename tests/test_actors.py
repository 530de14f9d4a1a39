"""Linking loaded labels to actors, and actor profiles."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from framing.actors import (
    actor_profiles,
    actor_words,
    demonyms,
    given_names,
    link_actors,
    places,
    read_actor_words,
    read_given_names,
)
from framing.attribution import extract_attributions
from framing.errors import LexiconError
from framing.quotes import find_quotes
from framing.text import split_sentences
from framing.types import (
    Document,
    DocumentAnalysis,
    Hit,
    Scores,
)


def label_hit(text: str, word: str, category: str = "pejorative_label") -> Hit:
    m = re.search(rf"\b{word}\b", text)
    assert m is not None
    return Hit(m.start(), m.end(), m.group(), word.lower(), category, 2.0, "loaded", 0, "authorial")


def actors(text: str, word: str) -> list[tuple[str, str]]:
    return [
        (a.actor, text[a.actor_start : a.actor_end])
        for a in link_actors(text, [label_hit(text, word)])
    ]


def test_name_after_label() -> None:
    text = "The border was closed by strongman Viktor Drazen last spring."
    assert actors(text, "strongman") == [("Viktor Drazen", "Viktor Drazen")]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "Donors abandoned the far-left Reps. Ilhan Omar and Rashida Tlaib.",
            "far-left",
            "Ilhan Omar",
        ),
        ("Exiles fled dictator President Bashar Assad in 2012.", "dictator", "Bashar Assad"),
        ("Critics fled Gov. Kessler's regime after the election.", "regime", "Kessler"),
    ],
)
def test_titles_before_the_actor_s_name_are_left_out(text: str, word: str, expected: str) -> None:
    assert actors(text, word) == [(expected, expected)]


def test_demonym_before_label() -> None:
    text = "Sanctions on the Belarusian regime were extended."
    assert actors(text, "regime") == [("Belarus", "Belarusian")]


def test_possessive_before_label() -> None:
    text = "Critics fled Kessler's regime after the election."
    assert actors(text, "regime") == [("Kessler", "Kessler")]


def test_regime_in_country() -> None:
    text = "Aid convoys were blocked by the regime in Syria for weeks."
    assert actors(text, "regime") == [("Syria", "Syria")]


def test_no_actor_nearby() -> None:
    text = "Nobody trusts a regime that jails its critics."
    assert actors(text, "regime") == []


def test_a_loaded_verb_outside_speech_is_linked_to_its_subject_only() -> None:
    # "slammed" before a name is no label of the name ...
    text = "The slammed door woke Viktor Drazen."
    hit = label_hit(text, "slammed", "loaded_verb")
    assert link_actors(text, [hit]) == ()
    # ... but the name right before a loaded verb is its subject
    text = "Viktor Drazen has repeatedly demonized the press."
    (link,) = link_actors(text, [label_hit(text, "demonized", "loaded_verb")])
    assert (link.actor, text[link.actor_start : link.actor_end], link.link) == (
        "Viktor Drazen",
        "Viktor Drazen",
        "subject",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Viktor Drazen was mocked by his rivals.",  # a passive subject is mocked, not mocking
        "The rally in Ohio erupted after the vote.",  # a name after a preposition
        "Mourners recalled the Connecticut slaughter.",  # a place before a noun of the verb
    ],
)
def test_a_loaded_verb_is_not_linked_to_what_is_no_subject(text: str) -> None:
    word = next(w for w in ("mocked", "erupted", "slaughter") if w in text)
    assert link_actors(text, [label_hit(text, word, "loaded_verb")]) == ()


def test_epistemic_categories_are_never_linked() -> None:
    text = "Viktor Drazen reportedly left."
    assert link_actors(text, [label_hit(text, "reportedly", "hedge")]) == ()


def links(text: str, word: str, category: str = "pejorative_label") -> list[tuple[str, str, str]]:
    """(actor, the words that name it, the rule) of the one hit ``word``."""
    sentences = split_sentences(text)
    attributions = extract_attributions(text, sentences, find_quotes(text, sentences))
    found = link_actors(text, [label_hit(text, word, category)], attributions.attributions)
    return [(a.actor, text[a.actor_start : a.actor_end], str(a.link)) for a in found]


@pytest.mark.parametrize(
    ("text", "word", "category", "expected"),
    [
        # a describing word right before a name
        (
            "Voters punished corrupt Lars Okafor in May.",
            "corrupt",
            "loaded_adjective",
            ("Lars Okafor", "Lars Okafor", "name_after"),
        ),
        (
            "The far-left Democrats came to him.",
            "far-left",
            "loaded_adjective",
            ("Democrats", "Democrats", "name_after"),
        ),
        # apposition
        (
            "Viktor Drazen, the country's longtime strongman, spoke first.",
            "strongman",
            "pejorative_label",
            ("Viktor Drazen", "Viktor Drazen", "appositive"),
        ),
        # a predicate, of a name, of a possessive's noun, of a pronoun
        (
            "Aid stalled. Viktor Drazen is a thug, his critics say.",
            "thug",
            "pejorative_label",
            ("Viktor Drazen", "Viktor Drazen", "predicate"),
        ),
        (
            "Lars Okafor's remarks were wildly inaccurate.",
            "inaccurate",
            "loaded_adjective",
            ("Lars Okafor", "Lars Okafor", "predicate"),
        ),
        (
            "Maria Castillo met the board. She was defensive and aggrieved.",
            "defensive",
            "loaded_adjective",
            ("Maria Castillo", "She", "predicate"),
        ),
        # named as
        (
            "Critics called Lars Okafor “unhinged.”",
            "unhinged",
            "loaded_adjective",
            ("Lars Okafor", "Lars Okafor", "named_as"),
        ),
        (
            "The ad attacked Lars Okafor as an elitist hypocrite.",
            "hypocrite",
            "derision",
            ("Lars Okafor", "Lars Okafor", "named_as"),
        ),
        # a possessive pronoun, resolved to the last person of its gender named before it
        (
            "Maria Castillo resigned on Monday after her outburst at the hearing.",
            "outburst",
            "loaded_noun",
            ("Maria Castillo", "her", "possessive"),
        ),
        # the speaker of a loaded verb of speaking, a pronoun resolved by attribution
        (
            "Maria Castillo spoke first. She slammed the plan as a giveaway.",
            "slammed",
            "loaded_verb",
            ("Maria Castillo", "She", "speaker"),
        ),
        # a describing word before a name and its possessive
        (
            "“Crooked Hillary Clinton’s top aide has been accused,” he wrote.",
            "Crooked",
            "derision",
            ("Hillary Clinton", "Hillary Clinton", "name_after"),
        ),
        # a title that begins an institution's name stays in it
        (
            "It is crushing to see the noble Justice Department in retreat.",
            "noble",
            "loaded_adjective",
            ("Justice Department", "Justice Department", "name_after"),
        ),
        # an adverb right before a cue modifies it
        (
            "Ana Ruiz bluntly accused the mayor of lying.",
            "bluntly",
            "hyperbole",
            ("Ana Ruiz", "Ana Ruiz", "speaker"),
        ),
        # a label, then a name between commas
        (
            "In a televised address the strongman, Anton Kessler, lashed out at critics.",
            "strongman",
            "pejorative_label",
            ("Anton Kessler", "Anton Kessler", "appositive"),
        ),
        # a one-word actor stands for the full name the document gives it
        (
            "“We stay,” Viktor Drazen said in 1994. Critics fled Drazen's regime.",
            "regime",
            "pejorative_label",
            ("Viktor Drazen", "Drazen", "possessive"),
        ),
    ],
)
def test_rules_link_each_kind_of_description(
    text: str, word: str, category: str, expected: tuple[str, str, str]
) -> None:
    assert links(text, word, category) == [expected]


@pytest.mark.parametrize(
    ("text", "word", "category"),
    [
        # a name that modifies a noun after it
        ("Police arrested radical Drazen supporters.", "radical", "loaded_adjective"),
        ("The raid targeted radical Islamic terrorists.", "radical", "loaded_adjective"),
        ("Readers mocked the phony LinkedIn accounts.", "phony", "loaded_adjective"),
        ("The inquiry began with the infamous Steele dossier.", "infamous", "loaded_adjective"),
        # a label that is no head: a noun follows it, or it is a possessor
        ("Tomas Reuter, a longtime regime loyalist, insisted.", "regime", "pejorative_label"),
        ("Lukas Brandt, the junta’s enforcer-in-chief, spoke first.", "junta", "pejorative_label"),
        # a demonym before a label of a person describes the person, not the country
        ("Funds came from a Russian oligarch last year.", "oligarch", "pejorative_label"),
        # "in" a place: where the people are, not who they are
        ("The army fought the extremists in Iraq.", "extremists", "pejorative_label"),
        # words of time, headlines in title case, a title alone
        ("Police detained an illegal alien in June.", "alien", "pejorative_label"),
        ("Dumb Country You Live In was the title.", "Dumb", "derision"),
        ("He was fired by a rogue Secretary of State.", "rogue", "pejorative_label"),
        # a negated predicate, a subject after a preposition, a sentence-opening common noun
        ("Viktor Drazen is not a thug.", "thug", "pejorative_label"),
        (
            "No occupant of the White House has been more aggressive.",
            "aggressive",
            "loaded_adjective",
        ),
        ("Tariffs are awful for farmers.", "awful", "loaded_adjective"),
        # a pronoun whose last possible antecedent is too far back
        (
            "Maria Castillo spoke. " + "The hearing went on for hours. " * 10 + "Her outburst.",
            "outburst",
            "loaded_noun",
        ),
        # a speaker that is no name
        ("The country mocked him for a year.", "mocked", "loaded_verb"),
        # a noun right before a cue is its subject, not a word that modifies it
        (
            "While lowering his sword, the young North Korean dictator stressed that he may act.",
            "dictator",
            "pejorative_label",
        ),
        # "her" is no man, though the given name that says so is not the name's first word
        (
            "“We will march,” Imperial Wizard David Okafor said on Monday. Critics mocked her "
            "onslaught.",
            "onslaught",
            "alarmist",
        ),
    ],
)
def test_rules_leave_out_what_names_no_actor(text: str, word: str, category: str) -> None:
    assert links(text, word, category) == []


def test_demonym_table_has_plurals_and_countries() -> None:
    table = demonyms()
    assert table["Ukrainians"] == "Ukraine"
    assert table["Belarus"] == "Belarus"


def test_places_are_neither_countries_nor_ambiguous_surnames() -> None:
    found = places()
    assert {"New Jersey", "Iowa", "Los Angeles", "West Bank"} <= found
    assert set(demonyms().values()).isdisjoint(found - {"Georgia"})  # the state, not the country
    # "Washington" is a surname and the US government as often as the city or the state
    assert "Washington" not in found


def test_given_names_leave_out_names_borne_by_women_and_men_alike() -> None:
    names = given_names()
    assert (names["hillary"], names["bridget"], names["donald"], names["bernie"]) == (
        "f",
        "f",
        "m",
        "m",
    )
    for shared in ("chris", "pat", "kelly", "jordan", "taylor", "lee", "kim", "xi"):
        assert shared not in names


@pytest.mark.parametrize(
    ("body", "line", "field", "message"),
    [
        ("name\tgender\nhillary\tf\nbernie\tx\n", 3, "gender", "must be 'f' or 'm'"),
        ("name\tgender\nHillary\tf\n", 2, None, "lower-case name"),
        ("given\tsex\nhillary\tf\n", 1, None, "expected header"),
    ],
)
def test_a_bad_given_names_table_names_file_line_and_field(
    tmp_path: Path, body: str, line: int, field: str | None, message: str
) -> None:
    path = tmp_path / "names.tsv"
    path.write_text("# a comment\n" + body, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as info:
        read_given_names(path)
    assert (info.value.file, info.value.line, info.value.field) == (str(path), line + 1, field)


def analysis(doc_id: str, text: str, hits: list[Hit]) -> DocumentAnalysis:
    sentences = split_sentences(text)
    result = extract_attributions(text, sentences, find_quotes(text, sentences))
    return DocumentAnalysis(
        document=Document(doc_id, text),
        text_hash="",
        sentences=sentences,
        excluded=(),
        quotes=result.quotes,
        hits=tuple(hits),
        attributions=result.attributions,
        actors=link_actors(text, hits, result.attributions, sentences),
        scores=Scores(0, {}, {}, {}, {}, ()),
    )


def test_actor_profiles_gather_labels_and_speech() -> None:
    t1 = "Protests grew against strongman Viktor Drazen in the capital."
    t2 = (
        "“We will not bow to pressure from abroad,” Viktor Drazen insisted.\n\n"
        "A senior Belarusian official said the border would stay open."
    )
    profiles = actor_profiles(
        [analysis("a", t1, [label_hit(t1, "strongman")]), analysis("b", t2, [])]
    )
    drazen = profiles["Viktor Drazen"]
    assert drazen.labels == {"strongman": 1}
    assert drazen.stances == {"distancing": 1}
    assert drazen.n_direct == 1
    assert drazen.n_named == 1
    assert drazen.n_documents == 2
    assert profiles["Belarus"].n_anonymous == 1


@pytest.mark.data
def test_seed_labels(seed_text: str) -> None:
    hits = [label_hit(seed_text, "strongman"), label_hit(seed_text, "regime")]
    linked = {a.label: a.actor for a in link_actors(seed_text, hits)}
    assert linked == {"strongman": "Alexander Lukashenko", "regime": "Belarus"}


def test_shipped_actor_word_lists_read_and_bound_the_rules() -> None:
    words = actor_words()
    assert "regime" in words.state_labels
    assert "oligarch" not in words.state_labels
    assert "June" in words.time_words
    assert "supporters" in words.heads_after_name
    assert words.adjective_endings == ("ic", "ian", "an", "ish", "ese", "ist")


@pytest.mark.parametrize(
    ("edit", "field", "message"),
    [
        (lambda t: t.replace("format = 1", "format = 2"), "format", "unsupported format"),
        (
            lambda t: t.replace("[lists.place_nouns]", "[lists.place_names]"),
            "lists.place_names",
            "unknown list",
        ),
        (
            lambda t: t.replace('words = ["ism", "ists", "ment", "tion", "ship"]', "words = []"),
            "lists.head_endings.words",
            "non-empty list",
        ),
        (
            lambda t: t.replace('words = ["ism",', 'words = [" ism",'),
            "lists.head_endings.words",
            "without surrounding spaces",
        ),
        (
            lambda t: t.split("[lists.state_labels]")[0],
            "lists.state_labels",
            "list missing",
        ),
    ],
)
def test_a_bad_actor_word_list_names_file_and_field(
    tmp_path: Path, edit: Callable[[str], str], field: str, message: str
) -> None:
    from framing.resources import data_path

    path = tmp_path / "actors.toml"
    path.write_text(edit(data_path("lexicons", "actors.toml").read_text(encoding="utf-8")))
    with pytest.raises(LexiconError, match=message) as info:
        read_actor_words(path)
    assert (info.value.file, info.value.field) == (str(path), field)


def test_actor_word_lists_that_are_not_toml_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "actors.toml"
    path.write_text("format = 1\n[lists\n")
    with pytest.raises(LexiconError, match="not valid TOML") as info:
        read_actor_words(path)
    assert info.value.file == str(path)


def test_a_surname_stands_for_the_shortest_full_name_that_ends_the_others() -> None:
    # the attribution's speaker keeps the capitalised label before the name; the name the
    # label is linked to ends it, so both are one person, named without the label
    text = "“We will win,” Strongman Anton Kessler told reporters.\n\nKessler’s cronies cheered."
    sentences = split_sentences(text)
    result = extract_attributions(text, sentences, find_quotes(text, sentences))
    assert [a.speaker for a in result.attributions] == ["Strongman Anton Kessler"]
    hits = [label_hit(text, "Strongman"), label_hit(text, "cronies")]
    linked = link_actors(text, hits, result.attributions)
    assert [(a.actor, a.link) for a in linked] == [
        ("Anton Kessler", "name_after"),
        ("Anton Kessler", "possessive"),
    ]
