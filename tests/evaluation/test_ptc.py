"""PTC loaded-language evaluation: overlap scoring, the corpus reader, the command, the floor.

The scoring and reader tests use tiny articles written here; only the floor test reads PTC.
The floor sits a little below the figure measured on the training articles (F1 0.440).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.errors import DataError
from framing.evaluation.floors import floor
from framing.evaluation.ptc import (
    DEFAULT_TECHNIQUES,
    EPISTEMIC_CATEGORIES,
    GoldSpan,
    PtcArticle,
    SpanScore,
    default_categories,
    evaluate_loaded_language,
    gold_spans,
    read_ptc,
    score_spans,
)
from framing.lexicon import load_lexicons
from framing_cli.app import app
from tests.conftest import require

# ------------------------------------------------------------------------- overlap scoring


def test_a_hit_inside_a_gold_span_is_correct_and_finds_it() -> None:
    s = score_spans([(10, 15)], [(5, 20)])
    assert (s.hits, s.correct, s.gold, s.found) == (1, 1, 1, 1)
    assert s.precision == s.recall == s.f1 == 1.0


def test_touching_spans_do_not_overlap() -> None:
    # end is exclusive: [0, 5) and [5, 9) share no character
    s = score_spans([(0, 5), (9, 12)], [(5, 9)])
    assert (s.correct, s.found) == (0, 0)
    assert s.precision == 0.0
    assert s.recall == 0.0
    assert s.f1 == 0.0


def test_partial_overlap_counts_on_both_sides() -> None:
    s = score_spans([(3, 8)], [(7, 20)])
    assert (s.correct, s.found) == (1, 1)


def test_one_hit_can_find_two_gold_spans_and_two_hits_one_span() -> None:
    wide = score_spans([(0, 30)], [(2, 5), (20, 25)])
    assert (wide.hits, wide.correct, wide.gold, wide.found) == (1, 1, 2, 2)
    two = score_spans([(2, 4), (6, 8)], [(0, 10)])
    assert (two.hits, two.correct, two.gold, two.found) == (2, 2, 1, 1)


def test_duplicates_count_once_and_empty_spans_match_nothing() -> None:
    s = score_spans([(1, 4), (1, 4), (6, 6)], [(0, 5), (0, 5), (6, 9)])
    assert (s.hits, s.correct, s.gold, s.found) == (2, 1, 2, 1)


def test_rates_and_sums() -> None:
    s = SpanScore(hits=4, correct=1, gold=2, found=1) + SpanScore(
        hits=0, correct=0, gold=2, found=1
    )
    assert (s.hits, s.correct, s.gold, s.found) == (4, 1, 4, 2)
    assert s.precision == pytest.approx(0.25)
    assert s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(2 * 0.25 * 0.5 / 0.75)
    assert SpanScore(0, 0, 0, 0).f1 == 0.0  # no division by zero


def test_gold_spans_filter_by_technique() -> None:
    art = PtcArticle(
        "1",
        "x" * 40,
        (
            GoldSpan(0, 5, ("Loaded_Language",)),
            GoldSpan(6, 9, ("Doubt",)),
            GoldSpan(10, 20, ("Doubt", "Name_Calling,Labeling")),
        ),
    )
    assert gold_spans(art, DEFAULT_TECHNIQUES) == [(0, 5), (10, 20)]
    assert gold_spans(art, ["Doubt"]) == [(6, 9), (10, 20)]


# ---------------------------------------------------------------- evaluation on hand-made text

TEXT = (
    "Minister slams rivals\n\n"
    "The minister slammed the plan as a disgraceful hoax.\n"
    "Officials reportedly met on Tuesday to discuss the budget.\n"
)


def _article() -> PtcArticle:
    slammed = TEXT.index("slammed")
    hoax_phrase = TEXT.index("disgraceful hoax")
    return PtcArticle(
        "7",
        TEXT,
        (
            GoldSpan(slammed, slammed + len("slammed"), ("Loaded_Language",)),
            GoldSpan(
                hoax_phrase, hoax_phrase + len("disgraceful hoax"), ("Name_Calling,Labeling",)
            ),
            GoldSpan(0, 8, ("Doubt",)),  # not an evaluated technique
        ),
    )


def test_evaluation_counts_hits_against_gold() -> None:
    lex = load_lexicons()
    ev = evaluate_loaded_language("unused", lex, articles=[_article()])
    # hits: slams, slammed, disgraceful, hoax; "reportedly" is a hedge and is not evaluated
    assert ev.overall.gold == 2
    assert ev.overall.found == 2
    assert ev.overall.hits == 4
    assert ev.overall.correct == 3  # "slams" in the title overlaps no gold span
    assert "hedge" not in ev.categories
    assert ev.by_category["loaded_adjective"].correct == 1
    terms = {t.term: (t.hits, t.correct) for t in ev.terms}
    assert terms["hoax"] == (1, 1)
    assert "reportedly" not in terms
    assert [p["name"] for p in ev.lexicons] == ["epistemic", "loaded"]


def test_categories_and_weights_are_parameters() -> None:
    lex = load_lexicons()
    hedges = evaluate_loaded_language("unused", lex, articles=[_article()], categories=["hedge"])
    assert (hedges.overall.hits, hedges.overall.correct) == (1, 0)
    assert set(default_categories(lex)).isdisjoint(EPISTEMIC_CATEGORIES)
    strong = evaluate_loaded_language("unused", lex, articles=[_article()], min_weight=2.5)
    assert strong.overall.hits < 4
    with pytest.raises(DataError, match="unknown category 'nonsense'"):
        evaluate_loaded_language("unused", lex, articles=[_article()], categories=["nonsense"])


# --------------------------------------------------------------------------------- the reader


def _write_corpus(root: Path, labels: str) -> Path:
    (root / "train-articles").mkdir(parents=True)
    (root / "train-articles" / "article7.txt").write_text(TEXT, encoding="utf-8", newline="")
    (root / "train-articles" / "article8.txt").write_text("No labels here.\n", encoding="utf-8")
    (root / "train-task2-TC.labels.tsv").write_text(labels, encoding="utf-8")
    return root


def test_read_ptc_merges_techniques_and_keeps_unlabelled_articles(tmp_path: Path) -> None:
    s = TEXT.index("slammed")
    labels = (
        f"7\tLoaded_Language\t{s}\t{s + 7}\n"
        f"7\tName_Calling,Labeling\t{s}\t{s + 7}\n"
        "7\tDoubt\t0\t8\n"
    )
    arts = read_ptc(_write_corpus(tmp_path, labels))
    assert [a.id for a in arts] == ["7", "8"]
    first = arts[0]
    assert first.text == TEXT
    assert first.gold[0] == GoldSpan(0, 8, ("Doubt",))
    assert first.gold[1].techniques == ("Loaded_Language", "Name_Calling,Labeling")
    assert first.text[first.gold[1].start : first.gold[1].end] == "slammed"
    assert arts[1].gold == ()


@pytest.mark.parametrize(
    ("labels", "line", "field", "message"),
    [
        ("7\tLoaded_Language\t3\t9\n7\tLoaded_Language\t4\n", 2, None, "expected 4"),
        ("7\tLoaded_Language\tthree\t9\n", 1, "start", "not a character offset"),
        ("\n7\tLoaded_Language\t9\t3\n", 2, "end", "empty or reversed"),
        ("7\tLoaded_Language\t3\t9000\n", 1, "end", "ends after its text"),
        ("7\tLoaded_Language\t3\t9\n99\tLoaded_Language\t3\t9\n", 2, "article", "without a text"),
    ],
)
def test_read_ptc_names_file_line_and_field(
    tmp_path: Path, labels: str, line: int, field: str | None, message: str
) -> None:
    with pytest.raises(DataError, match=message) as info:
        read_ptc(_write_corpus(tmp_path, labels))
    assert info.value.file is not None
    assert info.value.file.endswith("train-task2-TC.labels.tsv")
    assert info.value.line == line
    assert info.value.field == field


def test_read_ptc_rejects_a_folder_without_the_layout(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="lacks train-articles"):
        read_ptc(tmp_path)


# -------------------------------------------------------------------------------- the command


def test_command_prints_a_table_and_json(tmp_path: Path) -> None:
    s = TEXT.index("slammed")
    root = _write_corpus(tmp_path / "ptc", f"7\tLoaded_Language\t{s}\t{s + 7}\n")
    runner = CliRunner()
    table = runner.invoke(app, ["evaluate", "loaded-language", str(root), "--terms", "3"])
    assert table.exit_code == 0, table.output
    assert "all evaluated" in table.output
    assert "slam" in table.output
    as_json = runner.invoke(app, ["evaluate", "loaded-language", str(root), "--json"])
    assert as_json.exit_code == 0, as_json.output
    assert '"found": 1' in as_json.output
    assert '"articles": 2' in as_json.output


# ----------------------------------------------------------------------- the real corpus floor


@pytest.mark.data
def test_shipped_lexicons_reach_the_floor_on_ptc(data_dir: Path) -> None:
    ev = evaluate_loaded_language(require(data_dir, "ptc"), load_lexicons())
    assert ev.n_articles >= 300
    assert ev.overall.gold > 2000
    assert ev.overall.f1 >= floor("lexicon.loaded_language_f1")
    assert ev.overall.precision >= 0.41
    assert ev.overall.recall >= 0.42
    # the two largest categories each carry real evidence
    assert ev.by_category["loaded_adjective"].precision >= 0.45
    assert ev.by_category["pejorative_label"].found >= 150
