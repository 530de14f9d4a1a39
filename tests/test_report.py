"""Per-source reports: sections, numbers, escaping and safe file names."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_aggregate import FAST, make_corpus, make_record, write_jsonl
from typer.testing import CliRunner

from framing.aggregate import read_tables, tables_from_records
from framing.errors import InputError
from framing.report import annotate, build_source_report, category_classes, write_reports
from framing_cli.app import app

SECTIONS = (
    "summary",
    "density",
    "terms",
    "attribution",
    "actors",
    "scare-quotes",
    "timeline",
    "examples",
    "method",
)
EVIL = '<script>window.pwned=1</script>"><img src=x onerror="window.pwned=2">'


def _hostile_records() -> list[dict[str, object]]:
    records = make_corpus()
    text = f"The regime answered {EVIL} and critics slammed it."
    evil = make_record("evil-1", f"Bad/..{EVIL}", text)
    evil["title"] = EVIL
    records.append(evil)
    records.append(make_record("evil-2", "../../escape", "The thugs left. The regime stayed."))
    return records


def _stems(out: Path) -> dict[str, str]:
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    return {e["group"]: e["stem"] for e in index["reports"]}


def test_report_files_per_source_and_index(tmp_path: Path) -> None:
    tables = tables_from_records(make_corpus())
    written = write_reports(tables, tmp_path, FAST)
    names = sorted(p.name for p in written)
    stems = _stems(tmp_path)
    assert stems["Loud Post"].startswith("Loud_Post-")  # sanitised: hash suffix
    for stem in (stems["Calm Times"], stems["Loud Post"], "index"):
        for ext in ("html", "md", "json"):
            assert f"{stem}.{ext}" in names
    html = (tmp_path / f"{stems['Loud Post']}.html").read_text(encoding="utf-8")
    for section in SECTIONS:
        assert re.search(f'<section[^>]* id="{section}"', html), section
    assert "data:image/svg+xml;base64," in html
    assert "http://" not in html.replace("http://www.w3.org", "")  # no external resources
    assert "@media print" in html
    anchors = set(re.findall(r'href="#([^"]+)"', html))
    assert anchors  # table of contents and keyword-in-context links
    assert anchors <= set(re.findall(r' id="([^"]+)"', html))  # every link has a target
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert f'href="{stems["Loud Post"]}.html"' in index
    assert f'href="{stems["Calm Times"]}.html"' in index


def test_report_json_matches_an_independent_recomputation(tmp_path: Path) -> None:
    records = make_corpus()
    tables = tables_from_records(records)
    write_reports(tables, tmp_path, FAST, formats=("json",))
    stem = _stems(tmp_path)["Loud Post"]
    data = json.loads((tmp_path / f"{stem}.json").read_text(encoding="utf-8"))
    loud = [r for r in records if r["source"] == "Loud Post"]
    authorial_words = sum(r["scores"]["words_by_voice"]["authorial"] for r in loud)
    authorial_pej = sum(
        1
        for r in loud
        for h in r["hits"]
        if h["voice"] == "authorial" and h["category"] == "pejorative_label"
    )
    row = next(
        d
        for d in data["density"]
        if d["voice"] == "authorial" and d["category"] == "pejorative_label"
    )
    assert row["per_1000"] == pytest.approx(1000 * authorial_pej / authorial_words)
    assert row["low"] <= row["per_1000"] <= row["high"]
    assert data["summary"]["documents"] == 12
    stances = {s["stance"]: s for s in data["attribution"]["stances"]}
    assert stances["distancing"]["share"] == pytest.approx(0.5)
    assert data["method"]["params"]["n_boot"] == FAST.n_boot
    assert data["method"]["params"]["seed"] == FAST.seed
    assert data["method"]["package_version"]
    assert data["method"]["lexicons"]  # names, versions and hashes of the lexicons
    assert [e["label"] for e in data["examples"]] == ["most loaded", "least loaded"]


def test_script_in_text_and_source_is_escaped(tmp_path: Path) -> None:
    tables = tables_from_records(_hostile_records())
    written = write_reports(tables, tmp_path, FAST)
    html_files = [p for p in written if p.suffix == ".html"]
    assert html_files
    for path in html_files:
        html = path.read_text(encoding="utf-8")
        assert "<script" not in html.lower()
        assert "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", "")
        assert "<img src=x" not in html
    evil_page = next(p for p in html_files if p.name.startswith("Bad_"))
    text = evil_page.read_text(encoding="utf-8")
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in text
    md = evil_page.with_suffix(".md").read_text(encoding="utf-8")
    assert "<script>" not in md
    assert "\\<script\\>" in md


def test_source_names_become_safe_file_names(tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = write_reports(tables_from_records(_hostile_records()), out, FAST, formats=("json",))
    for path in written:
        assert path.resolve().parent == out.resolve()
        assert ".." not in path.name
        assert "/" not in path.stem
    assert not (tmp_path / "escape.json").exists()
    stems = _stems(out)
    assert re.fullmatch(r"escape-[0-9a-f]{8}", stems["../../escape"])


def test_annotation_uses_offsets_and_skips_mismatches() -> None:
    record = make_record("a", "X", "The regime and the thugs.")
    tables = tables_from_records([record])
    hits = tables.hits.copy()
    segments, dropped = annotate(record["text"], hits, category_classes(tables.categories))
    assert dropped == 0
    marked = [s for s in segments if "cls" in s]
    assert [s["text"] for s in marked] == ["regime", "thugs"]
    assert "category: pejorative_label" in marked[0]["title"]
    assert "voice: authorial" in marked[0]["title"]
    assert "".join(s["text"] for s in segments) == record["text"]
    hits.loc[0, "start"] += 1  # offsets that no longer match the recorded text
    segments, dropped = annotate(record["text"], hits, category_classes(tables.categories))
    assert dropped == 1
    assert [s["text"] for s in segments if "cls" in s] == ["thugs"]


def test_report_from_file_without_text_shows_hits_only(tmp_path: Path) -> None:
    records = make_corpus()
    for r in records:
        del r["text"]
    path = write_jsonl(tmp_path / "results.jsonl", records)
    tables = read_tables(path)
    report, _ = build_source_report(tables, "Loud Post", FAST)
    assert report["examples"][0]["has_text"] is False
    assert report["top_terms"][0]["examples"][0]["left"] is None


def test_skipped_file_is_summarised_with_reasons(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "results.jsonl", make_corpus())
    skipped = tmp_path / "skipped.jsonl"
    skipped.write_text(
        '{"file": "in.jsonl", "line": 3, "field": "text", "reason": "empty text", "id": "x"}\n'
        '{"file": "in.jsonl", "line": 9, "field": "text", "reason": "empty text", "id": "y"}\n',
        encoding="utf-8",
    )
    tables = read_tables(path, skipped=skipped)
    report, _ = build_source_report(tables, "Calm Times", FAST)
    assert report["skipped"]["count"] == 2
    assert report["skipped"]["by_reason"] == [["empty text", 2]]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"file": "in.jsonl", "line": 3}\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_tables(path, skipped=bad)
    assert info.value.field == "reason"
    assert info.value.line == 1


# ---------------------------------------------------------------------------- real data


def _require(data_dir: Path, relative: str) -> Path:
    """A path in the shared data that must exist (fails, never skips, when it is missing)."""
    path = data_dir / relative
    if not path.exists():
        pytest.fail(f"FRAMING_DATA_DIR is set but {relative} is missing from {data_dir}")
    return path


def _independent_density(results: Path) -> dict[str, float]:
    """All hits per 1,000 scored words per source, straight from the analyze JSONL."""
    hits: dict[str, int] = {}
    words: dict[str, int] = {}
    with results.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            source = record["source"]
            hits[source] = hits.get(source, 0) + len(record["hits"])
            words[source] = words.get(source, 0) + record["n_words"]
    return {s: 1000 * hits[s] / words[s] for s in hits}


@pytest.mark.data
@pytest.mark.slow
def test_polnear_reports_for_the_seven_outlets(data_dir: Path, tmp_path: Path) -> None:
    from framing.analyze import Analyzer
    from framing.datasets import load_polnear_documents
    from framing.pipeline import analyze_documents

    _require(data_dir, "polnear/train/text")
    corpus = load_polnear_documents(data_dir, compartments=("train",))
    per_outlet: dict[str, int] = {}
    chosen = []
    for doc in corpus.documents:  # the first 12 articles of each outlet (name order)
        key = str(doc.source)
        if per_outlet.get(key, 0) < 12:
            per_outlet[key] = per_outlet.get(key, 0) + 1
            chosen.append(doc)
    assert len(per_outlet) == 7
    results = tmp_path / "polnear.jsonl"
    analyze_documents(chosen, Analyzer(), results, skipped=[])
    out = tmp_path / "report"
    run = CliRunner().invoke(
        app, ["report", str(results), "--by", "source", "-o", str(out), "--bootstrap", "200"]
    )
    assert run.exit_code == 0, run.output
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert len(index["reports"]) == 7
    expected = _independent_density(results)
    for row in index["groups"]:
        assert row["per_1000"] == pytest.approx(expected[row["group"]])
        assert row["low"] <= row["per_1000"] <= row["high"]
    for entry in index["reports"]:
        report = json.loads((out / f"{entry['stem']}.json").read_text(encoding="utf-8"))
        assert report["summary"]["documents"] == 12
        assert (out / f"{entry['stem']}.html").stat().st_size > 10_000


def test_no_analysed_document_gives_an_index_with_the_skipped_ones(tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    results.write_text("", encoding="utf-8")
    skipped = tmp_path / "skipped.jsonl"
    skipped.write_text(
        '{"file": "in.jsonl", "line": 1, "field": "text", "reason": "text is empty", "id": "a"}\n',
        encoding="utf-8",
    )
    tables = read_tables(results, skipped=skipped)
    written = write_reports(tables, tmp_path / "out", FAST)
    assert sorted(p.name for p in written) == ["index.html", "index.json", "index.md"]
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert index["summary"]["documents"] == 0
    assert index["skipped"]["by_reason"] == [["text is empty", 1]]


def test_markdown_tables_and_method_render_as_markdown(tmp_path: Path) -> None:
    tables = tables_from_records(make_corpus())
    write_reports(tables, tmp_path, FAST, formats=("md",))
    stem = next(p.stem for p in tmp_path.glob("Loud_Post-*.md"))
    md = (tmp_path / f"{stem}.md").read_text(encoding="utf-8")
    header = "| Category | Voice | Hits | Words | Per 1,000 | Low | High |\n|---|"
    assert header in md
    table = md[md.index(header) :].split("\n\n", 1)[0].splitlines()
    assert len(table) == 2 + 4 * 3  # header, rule, (2 categories + any) x 4 voices
    assert "\n## Method\n" in md
    assert "\\#\\# Method" not in md
    assert (tmp_path / "figures" / f"{stem}-density.svg").is_file()


def test_method_states_the_accuracy_the_tests_assert(tmp_path: Path) -> None:
    from framing.evaluation.floors import FLOORS

    tables = tables_from_records(make_corpus())
    write_reports(tables, tmp_path, FAST)
    stem = next(p.stem for p in tmp_path.glob("Loud_Post-*.json"))
    method = json.loads((tmp_path / f"{stem}.json").read_text(encoding="utf-8"))["method"]
    # the report prints the same table that tests/evaluation asserts, in the same order
    assert [a["key"] for a in method["accuracy"]] == list(FLOORS)
    assert method["accuracy"][0]["floor"] == FLOORS["attribution.cue_overlap_f1"].floor
    html = (tmp_path / f"{stem}.html").read_text(encoding="utf-8")
    section = html[html.index('id="method"') :]
    assert "Measured accuracy" in section
    assert "PolNeAR dev (84 articles, 7 outlets)" in section
    md = (tmp_path / f"{stem}.md").read_text(encoding="utf-8")
    assert "**Measured accuracy**" in md
    assert "quoted voice against annotated quotation flags, F1 on BASIL" in md
