"""PolNeAR reader and scores (the floors sit a little below the measured dev figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import DataError
from framing.evaluation.polnear import (
    GoldSpan,
    PolnearArticle,
    evaluate,
    read_annotations,
    read_polnear,
)
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


@pytest.mark.data
@pytest.mark.slow
def test_dev_floors(data_dir: Path) -> None:
    articles = read_polnear(require(data_dir, "polnear/dev"))
    assert len(articles) == 84
    report = evaluate(articles)
    assert report.get("cue").f1 >= 0.725
    assert report.get("source").f1 >= 0.74
    assert report.get("content").f1 >= 0.81
    outlets = {s.outlet for s in report.scores} - {"all"}
    assert len(outlets) == 7
