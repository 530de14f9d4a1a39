"""Linking loaded labels to actors, and actor profiles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from framing.actors import (
    actor_profiles,
    demonyms,
    given_names,
    link_actors,
    places,
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
        # a title alone is kept: nothing else names the actor
        ("Exiles fled the regime of President in 2012.", "regime", "President"),
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


def test_non_label_categories_are_not_linked() -> None:
    text = "The slammed door woke Viktor Drazen."
    hit = label_hit(text, "slammed", "loaded_verb")
    assert link_actors(text, [hit]) == ()


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
