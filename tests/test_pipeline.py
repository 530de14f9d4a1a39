"""Running the analysis over a corpus: counts, parallel = serial, incremental runs, resume."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from framing.analyze import Analyzer
from framing.errors import InputError
from framing.pipeline import (
    analyze_documents,
    analyze_inputs,
    document_key,
    estimate_documents,
    record_key,
    run_key,
)
from framing.records import read_records
from framing.types import Document, SkippedDocument
from tests.conftest import require

ARTICLES = [
    'The regime slammed critics on Tuesday. "This is a disgraceful witch hunt," said Jane Doe.',
    "Officials claimed the so-called reforms would fail, according to sources familiar with it.",
    "The council met on Monday and approved the budget for the new library.",
    "Critics called the radical plan a scheme to silence the opposition, the mayor said.",
    "Rain is expected on Friday across the valley, forecasters said.",
]


def write_corpus(path: Path, n: int, *, changed: int | None = None, bad_line: bool = False) -> Path:
    lines = []
    for i in range(n):
        text = ARTICLES[i % len(ARTICLES)] + f" Story {i}."
        if i == changed:
            text += " The statement was later corrected."
        lines.append(orjson.dumps({"id": f"a{i}", "text": text, "source": f"outlet{i % 2}"}))
        if bad_line and i == 1:
            lines.append(b'{"id": "broken", "text": ')
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


class CountingAnalyzer(Analyzer):
    """Counts the documents it really analyses; can stop the run like an interruption."""

    def __init__(self, *args: object, stop_after: int | None = None, **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.calls = 0
        self.stop_after = stop_after

    def analyze(self, document: Document):  # type: ignore[no-untyped-def]
        if self.stop_after is not None and self.calls >= self.stop_after:
            raise KeyboardInterrupt
        self.calls += 1
        return super().analyze(document)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def counting(analyzer: Analyzer, stop_after: int | None = None) -> CountingAnalyzer:
    return CountingAnalyzer(analyzer.lexicons, stop_after=stop_after)


def test_counts_balance_with_a_bad_record(tmp_path: Path, analyzer: Analyzer) -> None:
    corpus = write_corpus(tmp_path / "in.jsonl", 4, bad_line=True)
    out = tmp_path / "out.jsonl"
    summary = analyze_inputs([corpus], out, analyzer=analyzer)
    assert (summary.read, summary.analysed, summary.skipped) == (5, 4, 1)
    assert summary.balanced
    errors = [orjson.loads(x) for x in (tmp_path / "out.errors.jsonl").read_bytes().splitlines()]
    assert errors[0]["line"] == 3
    assert errors[0]["file"].endswith("in.jsonl")
    manifest = orjson.loads((tmp_path / "out.manifest.json").read_bytes())
    assert manifest["counts"] == {"read": 5, "analysed": 4, "skipped": 1}
    assert manifest["run_key"] == run_key(analyzer, True)


def test_two_jobs_give_byte_identical_output(tmp_path: Path, analyzer: Analyzer) -> None:
    corpus = write_corpus(tmp_path / "in.jsonl", 37, bad_line=True)
    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"j{jobs}" / "out.jsonl"
        s = analyze_inputs([corpus], out, analyzer=analyzer, jobs=jobs, chunk_size=4)
        assert (s.analysed, s.skipped) == (37, 1)
        outputs[jobs] = [
            (out.parent / name).read_bytes()
            for name in ("out.jsonl", "out.errors.jsonl", "out.manifest.json")
        ]
    assert outputs[1] == outputs[2]
    ids = [r["id"] for r in read_records(tmp_path / "j2" / "out.jsonl")]
    assert ids == [f"a{i}" for i in range(37)]


def test_document_key_matches_record_key_and_sees_changes(
    tmp_path: Path, analyzer: Analyzer
) -> None:
    doc = Document(id="x", text="The regime slammed critics.", source="s", metadata={"k": 1})
    analyze_documents([doc], analyzer, tmp_path / "o.jsonl", skipped=[])
    (record,) = list(read_records(tmp_path / "o.jsonl"))
    assert record_key(record) == document_key(doc)
    other_text = Document(id="x", text="The regime slammed critics!", source="s", metadata={"k": 1})
    other_meta = Document(id="x", text=doc.text, source="s", metadata={"k": 2})
    other_id = Document(id="y", text=doc.text, source="s", metadata={"k": 1})
    keys = {document_key(d) for d in (doc, other_text, other_meta, other_id)}
    assert len(keys) == 4


def test_run_key_depends_on_options(analyzer: Analyzer) -> None:
    assert run_key(analyzer, True) == run_key(Analyzer(analyzer.lexicons), True)
    assert run_key(analyzer, True) != run_key(analyzer, False)
    assert run_key(analyzer, True) != run_key(Analyzer(analyzer.lexicons, top_terms=3), True)


def test_run_key_depends_on_the_word_lists(
    analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Editing a word list (titles before names change speakers) must re-analyse everything."""
    import framing.analyze

    before = run_key(analyzer, True)
    assert set(analyzer.params()["word_lists"]) == {  # type: ignore[arg-type]
        "abbreviations.txt",
        "demonyms.tsv",
        "titles.txt",
        "given_names.tsv",
        "places.txt",
        "organisations.txt",
        "actors.toml",
    }
    real = framing.analyze._file_hash
    monkeypatch.setattr(
        framing.analyze,
        "_file_hash",
        lambda path: "edited" if path.endswith("titles.txt") else real(path),
    )
    assert run_key(analyzer, True) != before


def test_incremental_run_analyses_only_new_and_changed(tmp_path: Path, analyzer: Analyzer) -> None:
    out = tmp_path / "out.jsonl"
    first = counting(analyzer)
    analyze_inputs([write_corpus(tmp_path / "v1.jsonl", 6)], out, analyzer=first, incremental=True)
    assert first.calls == 6
    grown = write_corpus(tmp_path / "v2.jsonl", 9, changed=2)
    second = counting(analyzer)
    summary = analyze_inputs([grown], out, analyzer=second, incremental=True)
    assert second.calls == 4  # a2 changed, a6..a8 new
    assert (summary.analysed, summary.reused) == (9, 5)
    fresh = tmp_path / "fresh.jsonl"
    analyze_inputs([grown], fresh, analyzer=analyzer)
    assert out.read_bytes() == fresh.read_bytes()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_incremental_run_with_other_options_reanalyses(tmp_path: Path, analyzer: Analyzer) -> None:
    out = tmp_path / "out.jsonl"
    corpus = write_corpus(tmp_path / "in.jsonl", 3)
    analyze_inputs([corpus], out, analyzer=analyzer, incremental=True)
    again = counting(analyzer)
    s = analyze_inputs([corpus], out, analyzer=again, incremental=True, include_text=False)
    assert again.calls == 3
    assert s.reused == 0
    assert all("text" not in r for r in read_records(out))


def test_interrupted_run_resumes_without_loss_or_duplicates(
    tmp_path: Path, analyzer: Analyzer
) -> None:
    corpus = write_corpus(tmp_path / "in.jsonl", 20)
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        analyze_inputs(
            [corpus], out, analyzer=counting(analyzer, 7), incremental=True, chunk_size=2
        )
    assert not out.exists()  # nothing half-written at the output path
    assert (tmp_path / ".out.jsonl.partial").exists()
    with pytest.raises(KeyboardInterrupt):  # interrupted a second time
        analyze_inputs(
            [corpus], out, analyzer=counting(analyzer, 5), incremental=True, chunk_size=2
        )
    last = counting(analyzer)
    summary = analyze_inputs([corpus], out, analyzer=last, incremental=True, chunk_size=2)
    assert last.calls == 20 - 6 - 4  # completed chunks of 2 survive each interruption
    assert (summary.read, summary.analysed, summary.reused) == (20, 20, 10)
    fresh = tmp_path / "fresh.jsonl"
    analyze_inputs([corpus], fresh, analyzer=analyzer)
    assert out.read_bytes() == fresh.read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl")]


def test_non_incremental_failure_leaves_previous_output(tmp_path: Path, analyzer: Analyzer) -> None:
    corpus = write_corpus(tmp_path / "in.jsonl", 5)
    out = tmp_path / "out.jsonl"
    analyze_inputs([corpus], out, analyzer=analyzer)
    before = out.read_bytes()
    with pytest.raises(KeyboardInterrupt):
        analyze_inputs([corpus], out, analyzer=counting(analyzer, 2))
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_truncated_checkpoint_line_is_ignored(tmp_path: Path, analyzer: Analyzer) -> None:
    corpus = write_corpus(tmp_path / "in.jsonl", 6)
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        analyze_inputs(
            [corpus], out, analyzer=counting(analyzer, 4), incremental=True, chunk_size=2
        )
    partial = tmp_path / ".out.jsonl.partial"
    data = partial.read_bytes()
    partial.write_bytes(data[:-25])  # the last record cut short (as by a crash)
    last = counting(analyzer)
    analyze_inputs([corpus], out, analyzer=last, incremental=True)
    assert last.calls == 3
    assert [r["id"] for r in read_records(out)] == [f"a{i}" for i in range(6)]


def test_failure_in_analysis_is_listed_not_lost(tmp_path: Path, analyzer: Analyzer) -> None:
    class Broken(Analyzer):
        def analyze(self, document: Document):  # type: ignore[no-untyped-def]
            if document.id == "a1":
                raise ZeroDivisionError("division by zero")
            return super().analyze(document)

    docs = [Document(id=f"a{i}", text=ARTICLES[i], origin=f"f.jsonl:{i + 1}") for i in range(3)]
    skipped = [SkippedDocument(file="f.jsonl", line=9, field="text", reason="empty")]
    s = analyze_documents(docs, Broken(analyzer.lexicons), tmp_path / "o.jsonl", skipped=skipped)
    assert (s.read, s.analysed, s.skipped) == (4, 2, 2)
    assert s.skipped_documents[1].id == "a1"
    assert s.skipped_documents[1].file == "f.jsonl"


def test_unknown_engine_is_rejected(tmp_path: Path, analyzer: Analyzer) -> None:
    from framing.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown engine"):
        analyze_documents([], analyzer, tmp_path / "o.jsonl", skipped=[], engine="spark")  # type: ignore[arg-type]


def test_estimate_documents(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("one")
    (tmp_path / "d" / "b.txt").write_text("two")
    (tmp_path / "d" / ".hidden.txt").write_text("no")
    (tmp_path / "d" / "notes.md").write_text("no")
    corpus = write_corpus(tmp_path / "in.jsonl", 4)
    assert estimate_documents([tmp_path / "d", corpus]) == 6
    (tmp_path / "t.csv").write_text("id,text\n1,x\n")
    assert estimate_documents([tmp_path / "t.csv"]) is None
    assert estimate_documents(["-"]) is None


def test_missing_input_is_an_input_error(tmp_path: Path, analyzer: Analyzer) -> None:
    with pytest.raises(InputError, match="does not exist"):
        analyze_inputs([tmp_path / "nope.jsonl"], tmp_path / "o.jsonl", analyzer=analyzer)


@pytest.mark.data
def test_polnear_two_jobs_equal_one(tmp_path: Path, data_dir: Path, analyzer: Analyzer) -> None:
    files = sorted(require(data_dir, "polnear/train/text").glob("*.txt"))[:40]
    outs = []
    for jobs in (1, 2):
        out = tmp_path / f"{jobs}.jsonl"
        s = analyze_inputs(files, out, analyzer=analyzer, jobs=jobs, parquet=tmp_path / f"{jobs}")
        assert s.analysed == 40
        assert s.skipped == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert (tmp_path / "1" / "hits.parquet").read_bytes() == (
        tmp_path / "2" / "hits.parquet"
    ).read_bytes()


def test_cli_jobs_parquet_and_incremental(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from framing_cli.app import app

    runner = CliRunner()
    corpus = write_corpus(tmp_path / "in.jsonl", 9, bad_line=True)
    out = tmp_path / "out.jsonl"
    args = ["analyze", str(corpus), "-o", str(out), "--parquet", str(tmp_path / "tables")]
    first = runner.invoke(app, [*args, "--jobs", "2", "--incremental"])
    assert first.exit_code == 0, first.output
    assert "read 10 = analysed 9, 0 reused + skipped 1" in first.output
    assert "docs/s" not in first.output  # no progress bar when stderr is not a terminal
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == sorted(
        [f"{t}.parquet" for t in ("documents", "hits", "quotes", "attributions", "actors")]
        + ["skipped.parquet", "manifest.json"]
    )
    second = runner.invoke(app, [*args, "--jobs", "1", "--incremental"])
    assert "analysed 9, 9 reused" in second.output
    quiet = runner.invoke(app, [*args, "--quiet"])
    assert quiet.exit_code == 0
    assert "read 10" not in quiet.output
    bad = runner.invoke(app, [*args, "--scheduler", "tcp://127.0.0.1:1"])
    assert bad.exit_code != 0
    assert "needs --engine dask" in bad.output


def test_progress_bar_shows_rate_and_total(tmp_path: Path) -> None:
    import io

    from rich.console import Console

    from framing_cli.analyze_cmd import progress_bar

    corpus = write_corpus(tmp_path / "in.jsonl", 5)
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100)
    with progress_bar(console, [str(corpus)], enabled=True) as advance:
        assert advance is not None
        for done in range(1, 6):
            advance(done)
    shown = buffer.getvalue()
    assert "5/5" in shown
    assert "docs/s" in shown
    with progress_bar(console, [str(corpus)], enabled=False) as advance:
        assert advance is None
