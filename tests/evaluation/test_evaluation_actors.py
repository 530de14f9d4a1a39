"""Actor links against BASIL's targets: target matching, the counts, the command, the floor.

The tests before the last use two tiny articles written here in BASIL's layout; only the floor
test reads BASIL.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.errors import DataError
from framing.evaluation.actors import evaluate_actors, names_target
from framing.evaluation.floors import floor
from framing_cli.app import app
from tests.conftest import require

_SENATE = [
    ["Senator Ana Ruiz slammed the budget on Monday.", "Critics called Ruiz “unhinged.”"],
    ["The vote was delayed again.", "Lars Okafor's henchmen left the chamber."],
]
_PORT = [["The harbour board met on Tuesday.", "Its chair called the delay a disgrace."]]


def _span(paragraphs: list[list[str]], phrase: str, target: str, aim: str = "dir") -> dict:
    sentences = [s for p in paragraphs for s in p]
    i = next(i for i, s in enumerate(sentences) if phrase in s)
    start = sentences[i].index(phrase)
    return {
        "id": f"p{i}",
        "start": start,
        "end": start + len(phrase),
        "txt": phrase,
        "bias": "lex",
        "aim": aim,
        "target": target,
        "quote": "no",
        "speaker": "",
    }


def _write(root: Path) -> Path:
    (root / "articles" / "2019").mkdir(parents=True)
    (root / "annotations" / "2019").mkdir(parents=True)
    senate = [
        _span(_SENATE, "slammed", "Ana_Ruiz"),  # the speaker of a loaded verb of speaking
        _span(_SENATE, "unhinged", "Ana_Ruiz"),  # "called Ruiz …": the full name
        _span(_SENATE, "henchmen", "Budget_Committee"),  # linked, to someone else
        _span(_SENATE, "delayed", "Ana_Ruiz"),  # no lexicon hit
        _span(_SENATE, "henchmen", "Lars_Okafor", aim="ind_anti"),  # not of direct aim
    ]
    port = [_span(_PORT, "disgrace", "Harbour_Board")]  # a hit that no rule links
    for name, source, paragraphs, spans in (
        ("t1_1", "fox", _SENATE, senate),
        ("t1_2", "NYT", _PORT, port),
    ):
        article = {"title": "A headline", "source": source, "body-paragraphs": paragraphs}
        (root / "articles" / "2019" / f"{name}.json").write_text(json.dumps(article))
        ann = {"phrase-level-annotations": spans}
        (root / "annotations" / "2019" / f"{name}_ann.json").write_text(json.dumps(ann))
    return root


@pytest.mark.parametrize(
    ("target", "actor", "expected"),
    [
        ("Donald_Trump", "Trump", True),
        ("Donald_Trump", "Donald Trump", True),
        ("David_Brat", "Dave Brat", True),  # a short form of the given name
        ("House_Democrats", "Democrats", True),
        ("House_Democrats", "Democratic", True),
        ("Internal_Revenue_Service", "IRS", True),  # an acronym of the target's words
        ("Donald_Trump", "Melania Trump", False),  # another person of the surname
        ("House_Democrats", "Nancy Pelosi", False),
        ("House_Republicans", "House Democrats", False),  # "house" names no one
        ("Ana_Ruiz", "the Ukrainians", False),
    ],
)
def test_a_target_is_named_by_a_word_that_says_who(target: str, actor: str, expected: bool) -> None:
    assert names_target(target, actor) is expected


def test_links_are_counted_against_targets(tmp_path: Path) -> None:
    report = evaluate_actors(_write(tmp_path / "basil"), n_boot=0)
    assert report.n_articles == 2
    everything = report.score()
    # 5 spans of direct aim; 4 overlap a hit; "slammed", "unhinged" and "henchmen" are linked;
    # the first two name their target
    assert (everything.spans, everything.hit, everything.linked, everything.right) == (
        5,
        4,
        3,
        2,
    )
    assert everything.precision == pytest.approx(2 / 3)
    assert everything.coverage == pytest.approx(3 / 4)
    nyt = report.score("nyt")
    assert (nyt.spans, nyt.hit, nyt.linked, nyt.right) == (1, 1, 0, 0)
    assert nyt.precision == 0.0  # nothing linked: no precision to speak of, reported as 0
    assert report.by_link == {"named_as": (1, 1), "possessive": (1, 0), "speaker": (1, 1)}
    wrong = [m for m in report.matches if not m.right]
    assert [(m.span, m.actor, m.target) for m in wrong] == [
        ("henchmen", "Lars Okafor", "Budget_Committee")
    ]


def test_command_prints_tables_examples_and_json(tmp_path: Path) -> None:
    root = _write(tmp_path / "basil")
    runner = CliRunner()
    table = runner.invoke(app, ["evaluate", "actors", str(root), "--examples", "--n-boot", "200"])
    assert table.exit_code == 0, table.output
    assert "By the rule that made the link" in " ".join(table.output.split())
    assert "wrong  fox  'henchmen' -> Lars Okafor (possessive); target Budget_Committee" in (
        table.output
    )
    as_json = runner.invoke(app, ["evaluate", "actors", str(root), "--json", "--n-boot", "200"])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.output)
    assert data["scores"][0]["outlet"] == "all"
    assert (data["scores"][0]["linked"], data["scores"][0]["right"]) == (3, 2)
    assert data["by_link"]["speaker"] == {"linked": 1, "right": 1}
    assert {m["span"] for m in data["matches"]} == {"slammed", "unhinged", "henchmen"}
    assert data["n_boot"] == 200


def test_a_folder_without_articles_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="articles"):
        evaluate_actors(tmp_path)


# ----------------------------------------------------------------------- the real corpus floor


@pytest.mark.data
def test_actor_links_reach_the_floor_on_basil(data_dir: Path) -> None:
    report = evaluate_actors(require(data_dir, "basil"))
    everything = report.score()
    assert report.n_articles >= 140  # the articles with a lexical span of direct aim
    assert everything.linked >= 15
    assert everything.precision >= floor("actors.precision")
    assert everything.precision_ci is not None
    assert everything.precision_ci[0] < everything.precision <= everything.precision_ci[1]
    assert {s.outlet for s in report.scores} == {"all", "fox", "hpo", "nyt"}
