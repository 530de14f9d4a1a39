"""Outputs are safe to open and share: escaped HTML, neutralised CSV cells, atomic writes, files
only under the chosen output folder, and byte-identical results on a second run."""

from __future__ import annotations

import base64
import csv
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from framing.analyze import Analyzer
from framing.pipeline import analyze_documents
from framing.safe import atomic_write_bytes, neutralize_csv_cell
from framing.types import Document, SkippedDocument

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "examples" / "demo" / "articles.jsonl"

ART = (
    "The council voted on Tuesday to close the old bridge. Critics slammed the plan as a power "
    "grab, and the mayor said the repairs would take a year. “We have no other choice,” she told "
    "reporters. <script>alert('in-text')</script>"
)
HOSTILE_SOURCES = [
    '=HYPERLINK("http://example.invalid","click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "../../escaped",
    "<img src=x onerror=alert('source')>",
    "Left/Right\x07 Review",
    "Daily 🗞️ News",
    "L" * 10_000,
]
# Charts keep their text as text (svg.fonttype "none"): a browser draws the emoji of a source
# name with its own fonts; matplotlib only warns that its layout font has no such glyph.
pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing from font:UserWarning")
UNESCAPED_TAG = re.compile(r"(?<!\\)<(?:img|script|b)\b")  # a tag not escaped as \<
RAW_HTML = ("<img src=x onerror", "<script>alert(")


def _corpus(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(18):
            source = HOSTILE_SOURCES[i % len(HOSTILE_SOURCES)]
            record = {
                "id": f"d{i}",
                "source": source,
                "title": "<b>Bridge</b> & \"vote\" <script>alert('title')</script>",
                "story": f"e{i % 3}",
                "text": f"{ART} Item {i}.",
            }
            f.write(json.dumps(record) + "\n")
    return path


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two runs of analyze, report and compare on the hostile corpus (root/run1, root/run2)."""
    from typer.testing import CliRunner

    from framing_cli.app import app

    root = tmp_path_factory.mktemp("outputs")
    corpus = _corpus(root / "in.jsonl")
    runner = CliRunner()
    for run in ("run1", "run2"):
        out = root / run
        steps = [
            ["analyze", str(corpus), "-o", str(out / "results.jsonl"), "-q"],
            ["report", str(out / "results.jsonl"), "-o", str(out / "report"), "--bootstrap", "10"],
            ["compare", str(out / "results.jsonl"), "-o", str(out / "compare"), "--bootstrap",
             "10", "--permutations", "10", "--story-field", "story"],
        ]  # fmt: skip
        for args in steps:
            result = runner.invoke(app, args)
            assert result.exit_code == 0, (args, result.output, result.exception)
    return root


def test_html_and_svg_escape_text_and_source_names(shared: Path) -> None:
    pages = [p for p in _files(shared / "run1") if p.suffix in (".html", ".svg")]
    assert any(p.suffix == ".html" for p in pages)
    for page in pages:
        content = page.read_text(encoding="utf-8")
        for raw in RAW_HTML:
            assert raw not in content, (page.name, raw)
    index = (shared / "run1" / "report" / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror" in index  # shown, as text


def test_every_chart_is_well_formed_svg(shared: Path) -> None:
    """A control character in a source name (BEL here) would make an SVG chart malformed XML,
    which a browser does not draw at all: charts hold U+FFFD in its place."""
    charts: list[bytes] = []
    for page in _files(shared / "run1"):
        if page.suffix == ".svg":
            charts.append(page.read_bytes())
        elif page.suffix == ".html":
            found = re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", page.read_text())
            charts.extend(base64.b64decode(b) for b in found)
    assert len(charts) >= 3
    for svg in charts:
        ET.fromstring(svg)  # raises on a malformed chart
        assert b"\x07" not in svg
    assert any("Left/Right\ufffd Review".encode() in svg for svg in charts)


def test_markdown_escapes_inline_html(shared: Path) -> None:
    for page in (p for p in _files(shared / "run1") if p.suffix == ".md"):
        content = page.read_text(encoding="utf-8")
        assert not UNESCAPED_TAG.search(content), (page.name, UNESCAPED_TAG.search(content))
    index = (shared / "run1" / "report" / "index.md").read_text(encoding="utf-8")
    assert "\\<img src=x onerror" in index  # shown, as text


def test_outputs_stay_under_the_output_folder(shared: Path) -> None:
    created = {p.relative_to(shared) for p in _files(shared)}
    assert all(p.parts[0] in ("in.jsonl", "run1", "run2") for p in created), created
    for path in created:
        for part in path.parts:
            assert part not in ("..", ".")
            assert "/" not in part
            assert part.isprintable(), part
            assert len(part.encode("utf-8")) <= 255
    assert not (shared.parent / "escaped").exists()
    assert not list(shared.rglob(".*.tmp")), "temporary files left behind"


def test_compare_csv_cells_are_neutralised(shared: Path) -> None:
    tables = [p for p in _files(shared / "run1" / "compare") if p.suffix == ".csv"]
    assert tables
    for table in tables:
        with table.open(encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                for cell in row:
                    assert not _is_formula(cell), (table.name, cell)


def _is_formula(cell: str) -> bool:
    if not cell.startswith(("=", "+", "-", "@")):
        return False
    try:
        float(cell)
    except ValueError:
        return True
    return False  # a negative number is data


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        (-2.5, -2.5),
        (3, 3),
    ],
)
def test_neutralize_csv_cell(value: object, expected: object) -> None:
    assert neutralize_csv_cell(value) == expected


def test_results_are_byte_identical_across_runs(shared: Path) -> None:
    compared = 0
    for first in _files(shared / "run1"):
        if first.suffix not in (".jsonl", ".json", ".csv"):
            continue
        second = shared / "run2" / first.relative_to(shared / "run1")
        # the manifest names its inputs and outputs, which are the same files for both runs
        a, b = first.read_bytes(), second.read_bytes()
        at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
        assert a == b, (first.relative_to(shared), a[at - 80 : at + 80], b[at - 80 : at + 80])
        compared += 1
    assert compared >= 10


# ------------------------------------------------------------------------------ atomic writes


def _interrupted(docs: list[Document], after: int) -> Iterator[Document]:
    for i, d in enumerate(docs):
        if i == after:
            raise KeyboardInterrupt
        yield d


def test_interrupted_analysis_leaves_previous_results_intact(tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    out.write_bytes(b'{"previous": true}\n')
    docs = [Document(id=f"d{i}", text=f"{ART} Item {i}.") for i in range(5)]
    skipped: list[SkippedDocument] = []
    with pytest.raises(KeyboardInterrupt):
        analyze_documents(_interrupted(docs, 3), Analyzer(), out, skipped=skipped)
    assert out.read_bytes() == b'{"previous": true}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.jsonl"]


def test_atomic_write_failure_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src: Any, dst: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_bytes(target, b"new and longer")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


# ----------------------------------------------------------------------------------- --jobs


def test_output_does_not_depend_on_jobs(tmp_path: Path, cli: Callable[..., Any]) -> None:
    """The demo corpus plus a file of good and bad records: results and errors in input order."""
    bad = tmp_path / "mixed.jsonl"
    bad.write_text(
        "{oops\n"
        + json.dumps({"id": "ledger-e1", "text": ART})  # a duplicate id of the demo corpus
        + "\n"
        + json.dumps({"id": "blank", "text": " "})
        + "\n",
        encoding="utf-8",
    )
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}" / "results.jsonl"
        result = cli(["analyze", str(DEMO), str(bad), "-o", str(out), "-q", "--jobs", jobs])
        assert result.code == 0, result.output
        outputs.append((out.read_bytes(), (out.parent / "results.errors.jsonl").read_bytes()))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].count(b"\n") >= 25
    assert b"ledger-e1#2" in outputs[0][0]
    assert outputs[0][1].count(b"\n") == 2


def test_analysis_is_byte_identical_on_the_demo_corpus(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    runs = []
    for name in ("a", "b"):
        out = tmp_path / name / "results.jsonl"
        result = cli(["analyze", str(DEMO), "-o", str(out), "-q"])
        assert result.code == 0, result.output
        runs.append(out.read_bytes())
    assert runs[0] == runs[1]
    assert runs[0].count(b"\n") >= 24
