"""BASIL voice and speaker evaluation: span voice, speaker classes, the command, the floors.

The tests before the last use two tiny articles written here in BASIL's layout; only the floor
test reads BASIL. The floors sit a little below the figures measured on the 221 annotated
articles (quoted-voice F1 0.950; quoted spans of a person attributed 0.920, named right 0.772).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.errors import DataError
from framing.evaluation.basil import (
    evaluate_voice,
    names_gold,
    speaker_class,
    voice_of,
)
from framing.evaluation.floors import floor
from framing.types import Attribution, Cue, SourceSpan
from framing_cli.app import app
from tests.conftest import require

_COUNCIL = [
    ["“The budget is a disgrace,” Mayor Ana Ruiz said on Monday.", "“It is a reckless gamble.”"],
    ["Critics said the plan was wasteful.", "The council then passed a shameful compromise."],
]
_HARBOUR = [
    ["The harbour board met on Tuesday.", "Its chair called the delay “a scandal.”"],
]


def _span(paragraphs: list[list[str]], phrase: str, quote: str, speaker: str = "") -> dict:
    sentences = [s for p in paragraphs for s in p]
    i = next(i for i, s in enumerate(sentences) if phrase in s)
    start = sentences[i].index(phrase)
    return {
        "id": f"p{i}",
        "start": start,
        "end": start + len(phrase),
        "txt": phrase,
        "bias": "lex",
        "quote": quote,
        "speaker": speaker,
    }


def _write(root: Path) -> Path:
    """Two articles in BASIL's layout: articles/<year>/<id>.json, annotations/<year>/…_ann.json."""
    (root / "articles" / "2019").mkdir(parents=True)
    (root / "annotations" / "2019").mkdir(parents=True)
    council = [
        _span(_COUNCIL, "disgrace", "yes", "Ana_Ruiz"),
        _span(_COUNCIL, "reckless gamble", "yes", "Ana_Ruiz"),  # the next sentence goes on
        _span(_COUNCIL, "wasteful", "no"),  # paraphrase: reported, not quoted
        _span(_COUNCIL, "shameful", "no"),  # the outlet's own word
    ]
    harbour = [_span(_HARBOUR, "a scandal.", "yes", "other_anti")]
    for name, source, paragraphs, spans in (
        ("t1_1", "fox", _COUNCIL, council),
        ("t1_2", "NYT", _HARBOUR, harbour),
    ):
        article = {"title": "A headline", "source": source, "body-paragraphs": paragraphs}
        (root / "articles" / "2019" / f"{name}.json").write_text(json.dumps(article))
        ann = {"phrase-level-annotations": spans}
        (root / "annotations" / "2019" / f"{name}_ann.json").write_text(json.dumps(ann))
    return root


def test_every_span_gets_the_voice_that_covers_it(tmp_path: Path) -> None:
    report = evaluate_voice(_write(tmp_path / "basil"))
    assert (report.n_articles, report.n_spans) == (2, 5)
    fox = report.voice_of_outlet("fox")
    assert dict(fox.counts) == {
        (False, "authorial"): 1,  # "shameful"
        (False, "reported"): 1,  # "wasteful", inside what the critics said
        (True, "quoted"): 2,
    }
    everything = report.voice_of_outlet()
    assert (everything.n(), everything.n(quoted=True), everything.n(voice="quoted")) == (5, 3, 3)
    assert everything.precision == everything.recall == everything.f1 == 1.0


def test_quoted_spans_are_attributed_and_named(tmp_path: Path) -> None:
    report = evaluate_voice(_write(tmp_path / "basil"))
    person = report.speaker("person", "fox")
    # the second quotation has no cue: it goes on with Ana Ruiz
    assert (person.quoted, person.attributed, person.named_right) == (2, 2, 2)
    generic = report.speaker("generic")
    assert (generic.quoted, generic.attributed, generic.named_right) == (1, 1, None)
    assert generic.named_right_rate is None
    # lower-case outlet names are read as BASIL's upper-case ones
    assert {v.outlet for v in report.voice} == {"all", "fox", "nyt"}


@pytest.mark.parametrize(
    ("gold", "cls"),
    [
        ("Donald_Trump", "person"),
        ("Ruth_Bader_Ginsburg", "person"),
        ("other_anti", "generic"),
        ("House_Democrats", "other named"),
        ("Trump", "other named"),  # one word: a surname or a group, not told apart
        ("NAACP", "other named"),
    ],
)
def test_speaker_classes(gold: str, cls: str) -> None:
    assert speaker_class(gold) == cls


def _relation(speaker: str | None, source: str | None) -> Attribution:
    cue = Cue(0, 4, "said", "say", "neutral")
    src = SourceSpan(5, 5 + len(source), source, "person") if source else None
    return Attribution(cue=cue, source=src, content=None, kind="indirect", speaker=speaker)


def test_a_gold_name_matches_by_its_last_word() -> None:
    assert names_gold("Felipe_Calder", _relation("Felipe Calderón", "Calderón"))  # truncated
    assert names_gold("Donald_Trump", _relation(None, "Mr. Trump"))  # the source alone
    assert not names_gold("Nancy_Pelosi", _relation("Joy Reid", "she"))
    assert not names_gold("Ted_Cruz", _relation("Ted Lieu", "Lieu"))  # the given name is no match
    assert not names_gold("Ted_Cruz", _relation(None, None))
    # a hyphenated surname is named by its parts, and only by all of them
    assert names_gold("Alexandria_Ocasio-Cortez", _relation("Ocasio-Cortez", "Ocasio-Cortez"))
    assert not names_gold("Alexandria_Ocasio-Cortez", _relation("Ana Cortez", "Cortez"))


def test_voice_of_takes_the_voice_of_most_characters() -> None:
    segments = [(0, 10, "authorial"), (10, 14, "quoted"), (14, 30, "reported")]
    assert voice_of(segments, 8, 14) == "quoted"  # 4 quoted against 2 authorial
    assert voice_of(segments, 12, 16) == "quoted"  # a tie keeps the earlier voice
    assert voice_of(segments, 40, 50) == "authorial"  # past the text: the outlet's


def test_command_prints_tables_and_json(tmp_path: Path) -> None:
    root = _write(tmp_path / "basil")
    runner = CliRunner()
    table = runner.invoke(app, ["evaluate", "voice", str(root)])
    assert table.exit_code == 0, table.output
    assert "Speakers of the quoted spans" in table.output
    as_json = runner.invoke(app, ["evaluate", "voice", str(root), "--json"])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.output)
    assert data["voice"][0]["by_voice"]["not_quoted"]["reported"] == 1
    assert data["speakers"][0] == {
        "outlet": "all",
        "speaker_class": "person",
        "quoted": 2,
        "attributed": 2,
        "attributed_rate": 1.0,
        "attributed_ci": [1.0, 1.0],
        "named_right": 2,
        "named_right_rate": 1.0,
        "named_right_ci": [1.0, 1.0],
    }
    assert (data["n_boot"], data["seed"]) == (1000, 0)
    assert data["voice"][0]["f1_ci"] == [1.0, 1.0]
    caption = " ".join(table.output.split())
    assert "95% CI: percentile bootstrap over the row's articles (1,000 resamples, seed 0)" in (
        caption
    )


def test_rates_carry_intervals_over_their_articles(tmp_path: Path) -> None:
    root = _write(tmp_path / "basil")
    report = evaluate_voice(root, n_boot=400, seed=2)
    # one outlet's article is perfect, so is every resample of it
    assert report.voice_of_outlet("fox").f1_ci == (1.0, 1.0)
    generic = report.speaker("generic")
    assert (generic.attributed_ci, generic.named_right_ci) == ((1.0, 1.0), None)
    # a class with no quoted span has no interval
    assert report.speaker("other named").attributed_ci is None
    bare = evaluate_voice(root, n_boot=0)
    assert bare.voice_of_outlet().f1_ci is None
    assert bare.as_dict()["voice"][0]["f1_ci"] is None  # type: ignore[index]


def test_a_folder_without_articles_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="articles"):
        evaluate_voice(tmp_path)


# ----------------------------------------------------------------------- the real corpus floor


@pytest.mark.data
def test_voice_and_speakers_reach_the_floors_on_basil(data_dir: Path) -> None:
    report = evaluate_voice(require(data_dir, "basil"))
    assert report.n_articles >= 200
    assert report.voice_of_outlet().f1 >= floor("voice.quoted_f1")
    f1_ci = report.voice_of_outlet().f1_ci
    assert f1_ci is not None
    assert f1_ci[0] < report.voice_of_outlet().f1 < f1_ci[1]
    assert report.voice_of_outlet().recall >= 0.95
    person = report.speaker("person")
    assert person.quoted >= 150
    assert person.attributed_rate >= floor("voice.person_attributed")
    assert person.named_right_rate is not None
    assert person.named_right_rate >= floor("voice.person_named_right")
    assert report.speaker("generic").attributed_rate >= 0.89
    assert {v.outlet for v in report.voice} == {"all", "fox", "hpo", "nyt"}
