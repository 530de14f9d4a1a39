"""The demo corpus comes out of `framing compare` as written (examples/demo/expected.toml)."""

from __future__ import annotations

import itertools
import json
import tomllib
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

from framing.aggregate import Params, read_tables
from framing.compare import Comparison, compare
from framing_cli.app import app

EXPECTED = Path(__file__).resolve().parent.parent / "examples" / "demo" / "expected.toml"
PARAMS = Params(n_boot=300, n_permutations=2000, seed=3)
EVALUATIVE = (
    "pejorative_label",
    "loaded_noun",
    "loaded_verb",
    "loaded_adjective",
    "hyperbole",
    "distancing_marker",
)


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return tomllib.loads(EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results(demo_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "results.jsonl"
    run = CliRunner().invoke(app, ["analyze", str(demo_corpus), "-o", str(out)])
    assert run.exit_code == 0, run.output
    return out


@pytest.fixture(scope="module")
def comparison(results: Path) -> Comparison:
    return compare(read_tables(results, story_field="event"), PARAMS, pairwise=True)


def _metric(metrics: pd.DataFrame, name: str) -> pd.DataFrame:
    return metrics[metrics["metric"] == name].set_index("group")


def expected_metrics(metrics: pd.DataFrame) -> pd.DataFrame:
    """The metrics of expected.toml, per outlet, from the comparison's numerators."""
    words = _metric(metrics, "density:all:(any)")["denominator"]

    def authorial(categories: tuple[str, ...]) -> pd.Series:
        total = pd.Series(0.0, index=words.index)
        for category in categories:
            part = _metric(metrics, f"density:authorial:{category}")
            if len(part):
                total = total.add(part["numerator"], fill_value=0.0)
        return 1000.0 * total / words

    quoted = _metric(metrics, "density:quoted:(any)")["numerator"]
    every = _metric(metrics, "density:all:(any)")["numerator"]
    anonymous = _metric(metrics, "sourcing:anonymous_rate")
    unverified = _metric(metrics, "sourcing:unverified_rate")
    return pd.DataFrame(
        {
            "authorial_pejorative_per_1000": authorial(("pejorative_label",)),
            "authorial_evaluative_per_1000": authorial(EVALUATIVE),
            "authorial_epistemic_per_1000": authorial(("hedge", "unverified_sourcing")),
            "authorial_euphemism_per_1000": authorial(("euphemism",)),
            "quoted_loaded_per_1000": 1000.0 * quoted / words,
            "quoted_share_of_loaded": quoted / every,
            "direct_quote_share": _metric(metrics, "sourcing:direct_quote_share")["value"],
            "distancing_share": _metric(metrics, "stance:distancing")["value"],
            "unverified_sourcing_rate": (anonymous["numerator"] + unverified["numerator"])
            / anonymous["denominator"],
        }
    )


def test_leaders_come_out_as_written(comparison: Comparison, expected: dict[str, Any]) -> None:
    values = expected_metrics(comparison.metrics)
    keys = expected["outlet_keys"]
    for metric, leader_key in expected["leaders"].items():
        leader = keys[leader_key]
        column = values[metric]
        for other in column.index.drop(leader):
            assert column[leader] >= 1.5 * column[other], (metric, leader, other)


def test_orderings_come_out_as_written(comparison: Comparison, expected: dict[str, Any]) -> None:
    values = expected_metrics(comparison.metrics)
    keys = expected["outlet_keys"]
    for metric, order in expected["orderings"].items():
        column = values[metric]
        for higher, lower in itertools.pairwise(order):
            assert column[keys[higher]] > column[keys[lower]], (metric, higher, lower)


def test_partisan_outlet_differs_from_the_wire_with_stated_significance(
    comparison: Comparison,
) -> None:
    tests = comparison.tests
    pair = tests[
        (tests.group_a == "Continental Wire Service") & (tests.group_b == "The Veloria Ledger")
    ].set_index("metric")
    for metric in ("density:authorial:pejorative_label", "stance:distancing"):
        row = pair.loc[metric]
        assert row["difference"] < 0, metric
        assert row["significant"], metric
    findings = "\n".join(comparison.findings)
    assert "The Veloria Ledger's attribution cues are more often distancing than those of" in (
        findings
    )
    assert "The Veloria Ledger uses more pejorative_label terms in authorial voice" in findings
    # two outlets with no distancing cues by construction: nothing to state
    neutral = tests[
        (tests.group_a == "Continental Wire Service")
        & (tests.group_b == "The Maren Courier")
        & (tests.metric == "stance:distancing")
    ]
    assert neutral.empty or not neutral["significant"].any()
    assert not any(
        "distancing" in s and "Continental Wire Service" in s and "The Maren Courier" in s
        for s in comparison.findings
    )


def test_same_story_table_covers_all_events(
    comparison: Comparison, expected: dict[str, Any]
) -> None:
    stories = comparison.stories
    assert sorted(stories["story"].unique()) == expected["events"]
    assert stories.groupby("story")["group"].nunique().eq(4).all()


def test_readme_demo_command_writes_the_report(results: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    run = CliRunner().invoke(app, ["report", str(results), "--by", "source", "-o", str(out)])
    assert run.exit_code == 0, run.output
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert len(index["reports"]) == 4
    assert (out / "index.html").is_file()
    for entry in index["reports"]:
        assert (out / f"{entry['stem']}.html").is_file()


def test_raw_input_is_analysed_first(demo_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "compare"
    run = CliRunner().invoke(
        app,
        [
            "compare",
            str(demo_corpus),
            "-o",
            str(out),
            "--permutations",
            "200",
            "--bootstrap",
            "200",
            "--formats",
            "json,csv",
        ],
    )
    assert run.exit_code == 0, run.output
    assert (out / "analysis.jsonl").is_file()  # kept, so later runs can read it directly
    data = json.loads((out / "comparison.json").read_text(encoding="utf-8"))
    assert len(data["summary"]["groups"]) == 4
    assert not (out / "comparison.html").exists()


def test_missing_input_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from framing_cli.app import main

    missing = tmp_path / "nothing.jsonl"
    monkeypatch.setattr("sys.argv", ["framing", "report", str(missing), "-o", str(tmp_path)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2  # InputError
    assert str(missing) in capsys.readouterr().err
