"""PolNeAR reader and scores (the floors sit a little below the measured dev figures)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.errors import DataError
from framing.evaluation.floors import floor
from framing.evaluation.polnear import (
    GoldSpan,
    PolnearArticle,
    agreement,
    evaluate,
    read_annotations,
    read_multiply_annotated,
    read_polnear,
)
from framing_cli.app import app
from tests.conftest import require


def test_read_annotations_handles_discontinuous_and_multiline(tmp_path: Path) -> None:
    ann = tmp_path / "x_ab12.ann"
    ann.write_text(
        "T1\tSource 0 5\tPeter\n"
        "T2\tCue 6 10\tsaid\n"
        "T3\tContent 11 20;25 30\tsome text\nThe rest of a span text\n"
        "T4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    gold = read_annotations(ann, 40)
    assert gold["source"] == (GoldSpan(((0, 5),)),)
    assert gold["content"][0].fragments == ((11, 20), (25, 30))
    assert gold["content"][0].start == 11
    assert gold["content"][0].end == 30


def test_bad_offsets_name_file_and_line(tmp_path: Path) -> None:
    ann = tmp_path / "x_ab12.ann"
    ann.write_text("T1\tSource 0 5\tPeter\nT2\tCue 6 x\tsaid\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_annotations(ann, 40)
    assert err.value.line == 2
    assert err.value.field == "offsets"


def test_missing_layout_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        read_polnear(tmp_path)


def test_scores_count_exact_and_overlap() -> None:
    text = "“The roads are closed,” the mayor said."
    art = PolnearArticle(
        "t",
        "demo",
        text,
        {
            "cue": (GoldSpan(((34, 38),)),),
            "source": (GoldSpan(((24, 33),)),),
            "content": (GoldSpan(((0, 23),)),),
        },
        "t_x.ann",
    )
    assert text[34:38] == "said"
    assert text[24:33] == "the mayor"
    report = evaluate([art])
    assert report.get("cue", "exact").f1 == 1.0
    assert report.get("source", "exact").f1 == 1.0
    assert report.get("content", "overlap").f1 == 1.0
    wrong = evaluate([art], lambda _t: {"cue": [(0, 3)], "source": [], "content": []})
    assert wrong.get("cue", "overlap").precision == 0.0
    assert wrong.get("source", "overlap").recall == 0.0


def _article(name: str, outlet: str) -> PolnearArticle:
    text = "“The roads are closed,” the mayor said. Officials claimed the bridge was safe."
    gold = {"cue": (GoldSpan(((34, 38),)), GoldSpan(((50, 57),)))}
    return PolnearArticle(name, outlet, text, gold, f"{name}_x.ann")


def test_each_f1_carries_a_bootstrap_interval_over_its_own_articles() -> None:
    # outlet "a": both cues found in one article, none in the other; outlet "b": always both
    arts = [_article("a1", "a"), _article("a2", "a"), _article("b1", "b"), _article("b2", "b")]
    found = {"a1": [(34, 38), (50, 57)], "a2": [], "b1": [(34, 38), (50, 57)]}
    found["b2"] = found["b1"]
    texts = iter(a.name for a in arts)

    def predictor(_text: str) -> dict[str, list[tuple[int, int]]]:
        return {"cue": found[next(texts)]}

    report = evaluate(arts, predictor, n_boot=500, seed=1)
    a_cue, b_cue = report.get("cue", outlet="a"), report.get("cue", outlet="b")
    assert a_cue.f1 == pytest.approx(2 / 3)  # P 1, R 1/2
    assert a_cue.f1_ci == (0.0, 1.0)  # a resample of a2 alone scores 0, of a1 alone 1
    assert b_cue.f1_ci == (1.0, 1.0)  # every resample of outlet b is perfect
    overall = report.get("cue")
    assert overall.f1_ci is not None
    # a resample of the four articles without a2 is perfect; one of a2 alone (0.4%) is rare
    assert 0.0 < overall.f1_ci[0] < overall.f1 < overall.f1_ci[1] == 1.0
    assert report.as_dict()["scores"][0]["f1_ci"] == [round(v, 4) for v in overall.f1_ci]
    assert (report.n_boot, report.seed) == (500, 1)


def test_no_intervals_when_no_resamples_are_asked_for() -> None:
    report = evaluate([_article("a1", "a")], lambda _t: {"cue": [(34, 38)]}, n_boot=0)
    assert report.get("cue").f1_ci is None
    assert "f1_ci" not in report.as_dict()["scores"][0]


@pytest.mark.data
@pytest.mark.slow
def test_dev_floors(data_dir: Path) -> None:
    articles = read_polnear(require(data_dir, "polnear/dev"))
    assert len(articles) == 84
    report = evaluate(articles)
    cue = report.get("cue")
    assert cue.f1_ci is not None
    assert cue.f1_ci[0] < cue.f1 < cue.f1_ci[1]
    # the floors that reports print in their method section (framing.evaluation.floors)
    assert report.get("cue").f1 >= floor("attribution.cue_overlap_f1")
    assert report.get("source").f1 >= floor("attribution.source_overlap_f1")
    assert report.get("content").f1 >= floor("attribution.content_overlap_f1")
    # exact spans: the verb group as the cue, the appositive with its closing comma as the source
    assert report.get("cue", "exact").f1 >= 0.65
    assert report.get("source", "exact").f1 >= 0.69
    assert report.get("content", "exact").f1 >= 0.55
    outlets = {s.outlet for s in report.scores} - {"all"}
    assert len(outlets) == 7


# Two annotators of one article: both mark "the mayor said" (B's source is "mayor" only);
# only A marks the second relation. A third article has one annotator and is not read.
_TWO = "“The roads are closed,” the mayor said. Officials claimed the bridge was safe."
_ANN_A = (
    "T1\tContent 0 23\t“The roads are closed,”\n"
    "T2\tSource 24 33\tthe mayor\n"
    "T3\tCue 34 38\tsaid\n"
    "T4\tSource 40 49\tOfficials\n"
    "T5\tCue 50 57\tclaimed\n"
    "T6\tContent 58 77\tthe bridge was safe\n"
)
_ANN_B = "T1\tContent 0 23\t“The roads are closed,”\nT2\tSource 28 33\tmayor\nT3\tCue 34 38\tsaid\n"


def _agreement_split(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "demo_two.txt").write_text(_TWO, encoding="utf-8")
    (root / "attributions" / "demo_two_a1.ann").write_text(_ANN_A, encoding="utf-8")
    (root / "attributions" / "demo_two_b2.ann").write_text(_ANN_B, encoding="utf-8")
    (root / "text" / "demo_one.txt").write_text("Nobody said anything.", encoding="utf-8")
    (root / "attributions" / "demo_one_a1.ann").write_text("T1\tCue 7 11\tsaid\n", "utf-8")
    return root


def test_fixture_offsets_are_the_annotated_words() -> None:
    assert _TWO[0:23] == "“The roads are closed,”"
    assert _TWO[24:33] == "the mayor"
    assert _TWO[28:33] == "mayor"
    assert _TWO[50:57] == "claimed"
    assert _TWO[58:77] == "the bridge was safe"


def test_read_multiply_annotated_keeps_only_articles_with_several_files(tmp_path: Path) -> None:
    articles = read_multiply_annotated(_agreement_split(tmp_path))
    assert [a.name for a in articles] == ["demo_two"]
    assert [who for who, _ in articles[0].annotations] == ["a1", "b2"]
    assert len(articles[0].annotations[0][1]["cue"]) == 2


def test_agreement_pools_both_directions_of_each_pair(tmp_path: Path) -> None:
    articles = read_multiply_annotated(_agreement_split(tmp_path))
    report = agreement(articles, lambda _t: {"cue": [(34, 38)], "source": [], "content": []})
    assert (report.n_articles, report.n_annotations) == (1, 2)
    cue = report.get("annotators", "cue")
    # A's 2 cues against B's 1 (1 matched), B's 1 against A's 2 (1 matched)
    assert (cue.n_pred, cue.matched_pred, cue.n_gold, cue.matched_gold) == (3, 2, 3, 2)
    assert cue.precision == cue.recall == pytest.approx(2 / 3)
    # "mayor" overlaps "the mayor" but is not the same span
    assert report.get("annotators", "source").f1 == pytest.approx(2 / 3)
    assert report.get("annotators", "source", "exact").f1 == 0.0
    system = report.get("system", "cue")
    # "said" against A (1 of 2 found) and against B (1 of 1)
    assert (system.n_pred, system.matched_pred, system.n_gold, system.matched_gold) == (2, 2, 3, 2)
    assert report.get("system", "source").recall == 0.0


def test_agreement_needs_a_multiply_annotated_article(tmp_path: Path) -> None:
    root = _agreement_split(tmp_path)
    (root / "attributions" / "demo_two_b2.ann").unlink()
    with pytest.raises(DataError, match="more than one annotation file"):
        read_multiply_annotated(root)


def test_cli_agreement_json_and_exit_code(tmp_path: Path) -> None:
    runner = CliRunner()
    root = _agreement_split(tmp_path / "split")
    result = runner.invoke(app, ["evaluate", "attribution", str(root), "--agreement", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["n_annotations"] == 2
    cue = next(r for r in data["annotators"] if (r["role"], r["criterion"]) == ("cue", "overlap"))
    assert cue["f1"] == pytest.approx(0.6667)
    table = runner.invoke(app, ["evaluate", "attribution", str(root), "--agreement"])
    assert "annotators F1" in table.output
    missing = runner.invoke(app, ["evaluate", "attribution", str(tmp_path), "--agreement"])
    # the console entry point turns it into exit code 6 (tests/test_cli.py runs that edge)
    assert isinstance(missing.exception, DataError)
    assert "not a PolNeAR split" in str(missing.exception)


def test_cli_scores_print_their_interval_and_method(tmp_path: Path) -> None:
    runner = CliRunner()
    root = _agreement_split(tmp_path / "split")
    table = runner.invoke(app, ["evaluate", "attribution", str(root), "--n-boot", "200"])
    assert table.exit_code == 0, table.output
    assert "95% CI" in table.output
    caption = " ".join(table.output.split())  # the caption wraps with the table's width
    assert "percentile bootstrap over the row's articles (200 resamples, seed 0)" in caption
    data = json.loads(
        runner.invoke(app, ["evaluate", "attribution", str(root), "--json", "--seed", "3"]).output
    )
    assert (data["n_boot"], data["seed"]) == (1000, 3)
    assert all(len(row["f1_ci"]) == 2 for row in data["scores"])
    bare = runner.invoke(app, ["evaluate", "attribution", str(root), "--n-boot", "0"])
    assert bare.exit_code == 0
    assert "95% CI" not in bare.output


@pytest.mark.data
def test_dev_agreement_sample(data_dir: Path) -> None:
    """PolNeAR dev has two articles with six annotators each: they agree on cues at overlap
    F1 0.916; the system reaches 0.826 against each of them."""
    articles = read_multiply_annotated(require(data_dir, "polnear/dev"))
    assert (len(articles), sum(len(a.annotations) for a in articles)) == (2, 12)
    report = agreement(articles)
    assert report.get("annotators", "cue").f1 >= 0.90
    assert report.get("system", "cue").f1 >= 0.80
    assert report.get("system", "content").f1 >= 0.87
