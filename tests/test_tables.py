"""Analysis results as DataFrames, Parquet datasets and DuckDB views (framing.tables)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from framing.analyze import Analyzer
from framing.errors import InputError
from framing.records import to_record
from framing.tables import (
    SCHEMAS,
    TABLES,
    ParquetDatasetWriter,
    density,
    open_tables,
    read_frames,
    to_frames,
    write_parquet,
)
from framing.types import Document, DocumentAnalysis, SkippedDocument

TEXTS = {
    "a": 'The regime slammed critics on Tuesday. "This is a disgraceful witch hunt," said J. Doe.',
    "b": "Officials claimed the so-called reforms would fail, according to sources familiar.",
    "c": "The council met on Monday and approved the budget for the new library.",
}
SOURCES = {"a": "Ledger", "b": "Ledger", "c": "Courier"}


@pytest.fixture(scope="module")
def analyses() -> list[DocumentAnalysis]:
    analyzer = Analyzer()
    return [
        analyzer.analyze(Document(id=k, text=t, source=SOURCES[k], metadata={"n": i}))
        for i, (k, t) in enumerate(TEXTS.items())
    ]


def rows(frame: pd.DataFrame) -> list[dict[str, object]]:
    """Rows as plain dicts, with every kind of missing value as None."""
    plain = frame.astype(object)
    return plain.where(plain.notna(), None).to_dict("records")  # type: ignore[no-any-return]


def test_to_frames_has_a_row_per_finding(analyses: list[DocumentAnalysis]) -> None:
    frames = to_frames(analyses)
    assert list(frames) == list(TABLES)
    for name, frame in frames.items():
        assert list(frame.columns) == SCHEMAS[name].names
    assert frames["documents"]["id"].tolist() == ["a", "b", "c"]
    assert len(frames["hits"]) == sum(len(a.hits) for a in analyses)
    assert len(frames["quotes"]) == sum(len(a.quotes) for a in analyses)
    assert len(frames["attributions"]) == sum(len(a.attributions) for a in analyses)
    docs = frames["documents"].set_index("id")
    assert docs.loc["c", "n_hits"] == 0  # a neutral article has no hits
    assert docs.loc["a", "n_words"] == analyses[0].scores.n_words
    assert docs.loc["a", "metadata"] == '{"n":0}'


def test_offsets_in_frames_index_the_text(analyses: list[DocumentAnalysis]) -> None:
    frames = to_frames(analyses)
    texts = dict(zip(frames["documents"]["doc"], frames["documents"]["text"], strict=True))
    hits = frames["hits"]
    assert len(hits) > 0
    for row in hits.itertuples():
        assert texts[row.doc][row.start : row.end] == row.text
    first = hits[hits["text"] == "slammed"].iloc[0]
    assert first["left"] == "The regime"
    assert first["right"].startswith("critics on Tuesday.")
    witch = hits[hits["term"] == "witch hunt"].iloc[0]
    assert witch["voice"] == "quoted"
    for row in frames["attributions"].itertuples():
        assert texts[row.doc][row.cue_start : row.cue_end] == row.cue


def test_records_and_analyses_give_the_same_frames(analyses: list[DocumentAnalysis]) -> None:
    from_analyses = to_frames(analyses, include_text=False)
    from_records = to_frames([to_record(a, include_text=False) for a in analyses])
    for name in TABLES:
        pd.testing.assert_frame_equal(from_analyses[name], from_records[name])
    assert from_records["documents"]["text"].isna().all()
    assert from_records["hits"]["left"].isna().all()  # no context without text


def test_empty_input_gives_typed_empty_frames() -> None:
    frames = to_frames([])
    assert all(len(f) == 0 for f in frames.values())
    assert frames["hits"]["start"].dtype == "int64"
    assert frames["hits"]["weight"].dtype == "float64"


def test_parquet_dataset_round_trips(tmp_path: Path, analyses: list[DocumentAnalysis]) -> None:
    skipped = [SkippedDocument(file="in.jsonl", line=4, field="text", reason="empty text")]
    path = write_parquet(analyses, tmp_path / "ds", skipped=skipped, manifest={"k": "v"})
    loaded = read_frames(path)
    expected = to_frames(analyses, skipped=skipped)
    for name in TABLES:
        assert rows(loaded[name]) == rows(expected[name]), name
    assert (path / "manifest.json").read_text().count('"documents": 3') == 1
    assert loaded["skipped"]["line"].tolist() == [4]


def test_writer_streams_in_row_groups(tmp_path: Path, analyses: list[DocumentAnalysis]) -> None:
    writer = ParquetDatasetWriter(tmp_path / "ds", row_group_documents=2)
    for a in analyses * 3:
        writer.add(to_record(a))
    writer.close()
    meta = pq.ParquetFile(tmp_path / "ds" / "documents.parquet").metadata
    assert meta.num_rows == 9
    assert meta.num_row_groups == 5  # 2+2+2+2+1: never more than 2 documents buffered
    docs = pq.read_table(tmp_path / "ds" / "documents.parquet").column("doc").to_pylist()
    assert docs == list(range(9))


def test_abort_keeps_the_previous_dataset(tmp_path: Path, analyses: list[DocumentAnalysis]) -> None:
    path = write_parquet(analyses[:1], tmp_path / "ds")
    writer = ParquetDatasetWriter(path)
    writer.add(to_record(analyses[1]))
    writer.abort()
    assert read_frames(path, ["documents"])["documents"]["id"].tolist() == ["a"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds"]


def test_open_tables_and_density(tmp_path: Path, analyses: list[DocumentAnalysis]) -> None:
    path = write_parquet(analyses, tmp_path / "ds")
    con = open_tables(path)
    n_docs, n_hits = con.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM hits)"
    ).fetchone()
    assert (n_docs, n_hits) == (3, sum(len(a.hits) for a in analyses))
    frame = density(path)
    ledger = frame[(frame["group"] == "Ledger") & (frame["voice"] == "all")]
    hits_ledger = [h for a in analyses[:2] for h in a.hits]
    words_ledger = sum(a.scores.n_words for a in analyses[:2])
    assert ledger["hits"].sum() == len(hits_ledger)
    assert set(ledger["words"]) == {words_ledger}
    quoted = frame[(frame["group"] == "Ledger") & (frame["voice"] == "quoted")]
    n_quoted_words = sum(a.scores.words_by_voice["quoted"] for a in analyses[:2])
    witch = quoted[quoted["category"] == "loaded_noun"].iloc[0]
    assert witch["per_1000"] == pytest.approx(witch["hits"] * 1000 / n_quoted_words)
    assert "Courier" not in set(frame["group"])  # no hits there, so no rows


def test_bad_datasets_and_arguments_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a Parquet results directory"):
        open_tables(tmp_path / "missing")
    (tmp_path / "partial").mkdir()
    with pytest.raises(InputError, match=r"documents\.parquet is missing"):
        read_frames(tmp_path / "partial")
    path = write_parquet([], tmp_path / "empty")
    with pytest.raises(InputError, match="unknown table"):
        read_frames(path, ["words"])
    with pytest.raises(InputError, match="cannot group by"):
        density(path, group="text")
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="must be a directory"):
        ParquetDatasetWriter(tmp_path / "file")
