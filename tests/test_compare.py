"""Outlet comparison: metrics with intervals, corrected tests, sentences only where they hold."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from test_aggregate import FAST, make_corpus, make_record
from typer.testing import CliRunner

from framing.aggregate import Params, tables_from_records
from framing.compare import (
    compare,
    difference_tests,
    distinctive_terms,
    findings,
    write_comparison,
)
from framing_cli.app import app


def _three_outlets() -> list[dict[str, object]]:
    """ "Loud Post" is loaded; "Calm Times" and "Quiet Herald" are written the same way."""
    records = make_corpus()
    for i in range(12):
        records.append(
            make_record(
                f"quiet-{i}",
                "Quiet Herald",
                f"The council met on Tuesday to discuss the budget for next year in detail. "
                f"The mayor said the plan is sound {i}."
                + (" Some called it a regime." if i == 5 else ""),
                cues=[("said", "neutral", "person", "the mayor")],
                metadata={"event": f"e{i % 4}"},
            )
        )
    return records


def test_every_metric_per_outlet_has_an_interval() -> None:
    result = compare(tables_from_records(_three_outlets()), FAST)
    m = result.metrics
    assert set(m["group"]) == {"Calm Times", "Loud Post", "Quiet Herald"}
    assert {"density", "stance", "sourcing"} <= set(m["family"])
    finite = m.dropna(subset=["value"])
    assert (finite["low"] <= finite["value"] + 1e-9).all()
    assert (finite["value"] <= finite["high"] + 1e-9).all()


def test_differences_are_stated_only_where_they_hold() -> None:
    result = compare(tables_from_records(_three_outlets()), FAST, pairwise=True)
    tests = result.tests
    loud_calm = tests[
        (tests.group_a == "Calm Times") & (tests.group_b == "Loud Post")
        | (tests.group_a == "Loud Post") & (tests.group_b == "Calm Times")
    ]
    distancing = loud_calm[loud_calm.metric == "stance:distancing"].iloc[0]
    assert distancing["significant"]
    assert distancing["q"] < 0.05
    sentences = "\n".join(result.findings)
    assert "Loud Post's attribution cues are more often distancing than those of the other" in (
        sentences
    )
    # the two outlets written the same way: no significant difference, no sentence about them
    same = tests[(tests.group_a == "Calm Times") & (tests.group_b == "Quiet Herald")]
    assert len(same)
    assert not same["significant"].any()
    assert not any("Calm Times" in s and "Quiet Herald" in s for s in result.findings)
    assert (tests["q"] >= tests["p"] - 1e-12).all()  # BH never lowers a p-value


def test_identical_outlets_give_no_findings() -> None:
    records = []
    for outlet in ("North Star", "South Star"):
        for i in range(10):
            records.append(
                make_record(
                    f"{outlet}-{i}",
                    outlet,
                    "Officials said the regime held talks today with partners "
                    + "and more " * (i % 4),
                    cues=[("said", "neutral", "person", "Officials")],
                )
            )
    result = compare(tables_from_records(records), FAST)
    assert len(result.tests) > 0
    assert result.findings == ()


def _short_and_long(thug_docs: int) -> list[dict[str, object]]:
    """ "Brief Wire" writes short articles, "Long Read" long ones; only Brief Wire uses
    "thugs", in ``thug_docs`` of its articles (twice each)."""
    records = []
    for i in range(20):
        text = "The council met today and the mayor said the plan is sound."
        if i < thug_docs:
            text += " Critics called the protesters thugs, and thugs again."
        records.append(make_record(f"brief-{i}", "Brief Wire", text))
        long_text = " ".join(["The council met today and discussed the budget at length."] * 8)
        records.append(make_record(f"long-{i}", "Long Read", long_text))
    return records


def test_a_rare_event_is_described_not_tested() -> None:
    # one article with two hits: a permutation test of the ratio would mostly test that Brief
    # Wire's articles are short, and came out "significant"
    tables = tables_from_records(_short_and_long(thug_docs=1), count_words=True)
    tests = difference_tests(tables, FAST)
    assert "density:all:pejorative_label" not in set(tests["metric"])
    metrics = compare(tables, FAST).metrics
    rare = metrics[
        (metrics.metric == "density:all:pejorative_label") & (metrics.group == "Brief Wire")
    ]
    assert rare["numerator"].iloc[0] == 2  # still described, with its interval
    assert not any("pejorative" in f for f in compare(tables, FAST).findings)
    # what the test said of that one article when every event was tested
    everything = Params(n_boot=200, n_permutations=200, seed=1, min_events=1, min_event_docs=1)
    old = difference_tests(tables, everything)
    assert old[old.metric == "density:all:pejorative_label"]["significant"].iloc[0]


def test_an_event_in_enough_articles_is_tested() -> None:
    tables = tables_from_records(_short_and_long(thug_docs=6), count_words=True)
    tests = difference_tests(tables, FAST)
    row = tests[tests.metric == "density:all:pejorative_label"].iloc[0]
    assert row["significant"]  # 12 hits in 6 of 20 short articles, none in the long ones
    lenient = difference_tests(tables, Params(n_boot=200, n_permutations=200, min_events=100))
    assert "density:all:pejorative_label" not in set(lenient["metric"])


def test_cli_minimum_evidence_options(tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    results.write_text(
        "".join(json.dumps(r) + "\n" for r in _short_and_long(thug_docs=1)), encoding="utf-8"
    )
    runner = CliRunner()
    tested = {}
    for name, extra in (("default", []), ("every", ["--min-events", "1", "--min-event-docs", "1"])):
        out = tmp_path / name
        args = ["compare", str(results), "-o", str(out), "--bootstrap", "50",
                "--permutations", "50", "--formats", "json,csv", *extra]  # fmt: skip
        run = runner.invoke(app, args)
        assert run.exit_code == 0, run.output
        table = out / "differences.csv"  # not written when nothing is tested
        lines = table.read_text(encoding="utf-8").splitlines() if table.exists() else []
        rows = csv.DictReader(lines)
        tested[name] = {row["metric"] for row in rows}
        method = json.loads((out / "comparison.json").read_text(encoding="utf-8"))["method"]
        assert method["params"]["min_events"] == (10 if name == "default" else 1)
    assert "density:all:pejorative_label" not in tested["default"]
    assert "density:all:pejorative_label" in tested["every"]


def test_large_comparisons_use_the_normal_approximation() -> None:
    tables = tables_from_records(_three_outlets())
    small = difference_tests(tables, FAST)
    approx = difference_tests(tables, Params(n_boot=100, n_permutations=100, exact_max_docs=5))
    assert set(small["test"]) == {"permutation (200)"}
    assert set(approx["test"]) == {"permutation, normal approx."}
    key = ["group_a", "group_b", "metric"]
    merged = small.merge(approx, on=key, suffixes=("", "_n"))
    assert merged["difference"].to_numpy() == pytest.approx(merged["difference_n"].to_numpy())


def test_distinctive_terms_log_odds_sign() -> None:
    tables = tables_from_records(_three_outlets())
    terms = distinctive_terms(tables, FAST)
    # over hit terms, each outlet's share of its own hits: Loud Post's hits include "thugs",
    # the calm outlets' only hit is "regime"
    loud = terms[(terms.group == "Loud Post") & (terms.versus == "(rest)")].set_index("term")
    assert loud.loc["thugs", "z"] > 0 > loud.loc["regime", "z"]
    calm = terms[(terms.group == "Calm Times") & (terms.versus == "(rest)")].set_index("term")
    assert calm.loc["regime", "z"] > 0
    assert "thugs" not in calm.index or calm.loc["thugs", "z"] < 0
    tables_words = tables_from_records(_three_outlets(), count_words=True)
    words = distinctive_terms(tables_words, FAST, vocabulary="words")
    loud_words = words[(words.group == "Loud Post") & (words.versus == "(rest)")].set_index("term")
    # over all words: Loud Post never mentions the council and is the only one with thugs
    assert loud_words.loc["council", "z"] < 0 < loud_words.loc["thugs", "z"]


def test_story_comparison_pairs_outlets_on_shared_events() -> None:
    tables = tables_from_records(_three_outlets(), story_field="event")
    result = compare(tables, FAST)
    stories = result.stories
    assert set(stories["story"]) == {"e0", "e1", "e2", "e3"}
    pair = result.story_pairs.set_index(["group_a", "group_b"]).loc[("Calm Times", "Loud Post")]
    assert pair["stories"] == 4
    assert pair["b_more_loaded"] == 4


def test_story_cue_counts_leave_out_continuations() -> None:
    records = _three_outlets()
    quiet = [r for r in records if r["source"] == "Quiet Herald"]
    before = compare(tables_from_records(records, story_field="event"), FAST).stories
    for r in quiet:
        continuation = dict(r["attributions"][0])
        continuation["kind"] = "continuation"
        r["attributions"] = [*r["attributions"], continuation]
    after = compare(tables_from_records(records, story_field="event"), FAST).stories
    key = ["story", "group"]
    assert after.set_index(key)["cues"].equals(before.set_index(key)["cues"])


def test_outputs_and_csv_injection(tmp_path: Path) -> None:
    records = _three_outlets()
    for r in records:
        if r["source"] == "Quiet Herald":
            r["source"] = '=HYPERLINK("http://example.invalid","x")'
    tables = tables_from_records(records, count_words=True)
    written = write_comparison(compare(tables, FAST), tmp_path, FAST)
    names = {p.name for p in written}
    assert {"comparison.html", "comparison.md", "comparison.json", "metrics.csv"} <= names
    assert {"differences.csv", "distinctive_terms.csv", "distinctive_words.csv"} <= names
    with (tmp_path / "metrics.csv").open(encoding="utf-8", newline="") as handle:
        groups = {row["group"] for row in csv.DictReader(handle)}
    assert '\'=HYPERLINK("http://example.invalid","x")' in groups
    assert not any(g.startswith(("=", "+", "-", "@")) for g in groups)
    data = json.loads((tmp_path / "comparison.json").read_text(encoding="utf-8"))
    assert data["method"]["params"]["n_permutations"] == FAST.n_permutations
    html = (tmp_path / "comparison.html").read_text(encoding="utf-8")
    for section in ("findings", "metrics", "differences", "terms", "method"):
        assert f'id="{section}"' in html


def test_actors_across_outlets_are_written_and_escaped(tmp_path: Path) -> None:
    records = make_corpus()  # "Officials" are linked to "regime" in the loud outlet
    records[0]["actors"][0]["actor"] = "<b>Officials</b>"
    result = compare(tables_from_records(records), FAST)
    assert "<b>Officials</b>" in set(result.actors["actor"])
    written = {p.name for p in write_comparison(result, tmp_path, FAST)}
    assert "actors.csv" in written
    html = (tmp_path / "comparison.html").read_text(encoding="utf-8")
    assert 'id="actors"' in html
    assert "&lt;b&gt;Officials&lt;/b&gt;" in html
    assert "<b>Officials</b>" not in html
    data = json.loads((tmp_path / "comparison.json").read_text(encoding="utf-8"))
    row = next(a for a in data["actors"] if a["actor"] == "<b>Officials</b>")
    assert (row["group"], row["words"], row["top_words"]) == ("Loud Post", 1, "regime")


def test_markdown_lists_exactly_the_tables_written(tmp_path: Path) -> None:
    """Without story metadata no stories.csv is written, and the page must not point to one."""
    tables = tables_from_records(_three_outlets(), count_words=True)
    result = compare(tables, FAST)  # no story field: no same-story tables
    written = {p.name for p in write_comparison(result, tmp_path, FAST)}
    md = (tmp_path / "comparison.md").read_text(encoding="utf-8")
    listed = (
        md.split("Full tables: ", 1)[1].split(".\n", 1)[0].replace("\\_", "_")
    )  # Markdown escapes _
    csvs = sorted(n for n in written if n.endswith(".csv"))
    assert sorted(listed.replace(".csv", "").split(", ")) == [n[:-4] for n in csvs]
    assert "stories.csv" not in md
    assert "distinctive_words.csv" in listed
    assert f"never below 1/({FAST.n_permutations} + 1)" in md
    no_csv = tmp_path / "no-csv"
    write_comparison(result, no_csv, FAST, formats=("md",))
    assert "Full tables" not in (no_csv / "comparison.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- real data


def _require(data_dir: Path, relative: str) -> Path:
    """A path in the shared data that must exist (fails, never skips, when it is missing)."""
    path = data_dir / relative
    if not path.exists():
        pytest.fail(f"FRAMING_DATA_DIR is set but {relative} is missing from {data_dir}")
    return path


def _independent_distancing(results: Path) -> dict[str, float]:
    """Share of attribution cues with distancing stance per source, from the analyze JSONL (a
    continuation paragraph has no cue of its own)."""
    cues: dict[str, int] = {}
    distancing: dict[str, int] = {}
    with results.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            source = record["source"]
            for attribution in record["attributions"]:
                if attribution["kind"] == "continuation":
                    continue
                cues[source] = cues.get(source, 0) + 1
                if attribution["cue"]["stance"] == "distancing":
                    distancing[source] = distancing.get(source, 0) + 1
    return {s: distancing.get(s, 0) / n for s, n in cues.items() if n}


@pytest.mark.data
@pytest.mark.slow
def test_article_bias_prediction_fifteen_outlets(data_dir: Path, tmp_path: Path) -> None:
    source = _require(data_dir, "article_bias_prediction/articles.jsonl")
    sample = tmp_path / "abp.jsonl"
    per_outlet: dict[str, int] = {}
    with source.open(encoding="utf-8") as handle, sample.open("w", encoding="utf-8") as out:
        for line in handle:  # the first 15 articles of each outlet, read as written
            outlet = json.loads(line)["source"]
            if per_outlet.get(outlet, 0) < 15:
                per_outlet[outlet] = per_outlet.get(outlet, 0) + 1
                out.write(line)
    assert len(per_outlet) == 15
    results = tmp_path / "results.jsonl"
    runner = CliRunner()
    run = runner.invoke(
        app,
        [
            "analyze",
            str(sample),
            "-o",
            str(results),
            "--text-field",
            "content_original",
            "--id-field",
            "ID",
            "-j",
            "1",
            "-q",
        ],
    )
    assert run.exit_code == 0, run.output
    out = tmp_path / "compare"
    run = runner.invoke(
        app,
        [
            "compare",
            str(results),
            "--by",
            "source",
            "--story-field",
            "topic",
            "-o",
            str(out),
            "--bootstrap",
            "200",
            "--permutations",
            "200",
        ],
    )
    assert run.exit_code == 0, run.output
    data = json.loads((out / "comparison.json").read_text(encoding="utf-8"))
    assert len(data["summary"]["groups"]) == 15
    expected = _independent_distancing(results)
    shares = {m["group"]: m["value"] for m in data["metrics"] if m["metric"] == "stance:distancing"}
    assert expected
    assert set(expected) <= set(shares)
    for group, share in expected.items():
        assert shares[group] == pytest.approx(share)
    for row in data["tests"]:  # a sentence only for what survives the correction
        assert row["significant"] == (row["q"] is not None and row["q"] < 0.05)
    assert len(data["findings"]) == min(60, sum(r["significant"] for r in data["tests"]))


@pytest.mark.data
@pytest.mark.slow
def test_basil_three_outlets_same_story(data_dir: Path, tmp_path: Path) -> None:
    from framing.aggregate import read_tables
    from framing.analyze import Analyzer
    from framing.datasets import load_basil_documents
    from framing.pipeline import analyze_documents

    _require(data_dir, "basil/articles")
    corpus = load_basil_documents(data_dir)
    triplets = sorted({str(d.metadata["triplet-uuid"]) for d in corpus.documents})[:20]
    chosen = [d for d in corpus.documents if d.metadata["triplet-uuid"] in triplets]
    results = tmp_path / "basil.jsonl"
    analyze_documents(chosen, Analyzer(), results, skipped=[])
    tables = read_tables(results, story_field="triplet-uuid", count_words=True)
    assert tables.groups == ["fox", "hpo", "nyt"]
    result = compare(tables, Params(n_boot=200, n_permutations=500), pairwise=True)
    assert result.stories["story"].nunique() == 20
    assert len(result.story_pairs) == 3
    assert (result.story_pairs["stories"] == 20).all()
    write_comparison(result, tmp_path / "out", Params(n_boot=200, n_permutations=500))
    data = json.loads((tmp_path / "out" / "comparison.json").read_text(encoding="utf-8"))
    expected = _independent_distancing(results)
    shares = {m["group"]: m["value"] for m in data["metrics"] if m["metric"] == "stance:distancing"}
    for group, share in expected.items():
        assert shares[group] == pytest.approx(share)


def test_findings_at_equal_evidence_put_each_outlet_against_the_rest_first() -> None:

    def row(a: str, b: str, metric: str) -> dict[str, object]:
        return {
            "group_a": a,
            "group_b": b,
            "metric": metric,
            "family": "stance",
            "voice": "all",
            "label": "distancing",
            "value_a": 0.3,
            "value_b": 0.01,
            "difference": 0.29,
            "q": 0.003,
            "significant": True,
        }

    tests = pd.DataFrame(
        [
            row("Alpha Post", "Zeta Daily", "stance:distancing"),
            row("Zeta Daily", "(rest)", "stance:distancing"),
        ]
    )
    (first,) = findings(tests, limit=1)
    assert first.startswith("Zeta Daily")
    assert "the other outlets" in first
