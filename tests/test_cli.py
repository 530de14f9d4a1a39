"""The command line: thin wrappers, domain errors become exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing_cli.app import app

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()


def test_checkout_entry_point_shows_help() -> None:
    result = subprocess.run(
        [sys.executable, "cli.py", "--help"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    for command in ("analyze", "annotate", "lexicon", "report", "compare", "experiment"):
        assert command in result.stdout


def test_version_says_which_build_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import framing_cli.app as cli_app

    monkeypatch.setattr(cli_app, "compiled_modules", lambda: ())
    assert runner.invoke(app, ["--version"]).output == "framing 0.1.0 (pure Python)\n"
    monkeypatch.setattr(cli_app, "compiled_modules", lambda: ("attribution", "text"))
    result = runner.invoke(app, ["--version"])
    assert result.output == "framing 0.1.0 (compiled: attribution, text)\n"


def test_starting_the_command_line_imports_no_numerical_or_learning_library() -> None:
    # every process of `framing analyze` (workers included) pays for what the app imports at
    # start; numpy, scikit-learn, pandas, matplotlib, scipy and NLTK are imported by the
    # commands that use them
    heavy = ["numpy", "sklearn", "pandas", "matplotlib", "scipy", "nltk", "skops", "duckdb"]
    code = f"import sys, framing_cli.app; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_analyze_writes_results_errors_and_manifest(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "source": "Post", "text": "The regime slammed critics."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "c", "source": "Post", "text": "   "}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "out" / "results.jsonl"
    result = runner.invoke(app, ["analyze", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "read 3 = analysed 1 + skipped 2" in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a"]
    assert {h["term"] for h in records[0]["hits"]} >= {"regime"}
    errors = [
        json.loads(x) for x in (tmp_path / "out" / "results.errors.jsonl").read_text().splitlines()
    ]
    assert [e["line"] for e in errors] == [2, 3]
    manifest = json.loads((tmp_path / "out" / "results.manifest.json").read_text())
    assert manifest["counts"] == {"read": 3, "analysed": 1, "skipped": 2}
    assert {lx["name"] for lx in manifest["analyzer"]["lexicons"]} >= {"loaded", "epistemic"}


def test_on_error_fail_exits_with_input_error_code(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("{not json\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "cli.py", "analyze", str(corpus), "-o", str(tmp_path / "o.jsonl"),
         "--on-error", "fail"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "in.jsonl:1" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_lexicon_explain_shows_hits_and_vetoes() -> None:
    result = runner.invoke(app, ["lexicon", "explain", "The tax regime and the regime's spies."])
    assert result.exit_code == 0, result.output
    assert "VETO" in result.output
    assert "HIT" in result.output


def test_lexicon_validate_reports_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "x.toml").write_text(
        'name = "x"\nversion = "1.0.0"\ndescription = "d"\nlicence = "MIT"\nentries = "x.tsv"\n'
        '[categories.c]\ndefinition = "d"\nliterature = ["l"]\n',
        encoding="utf-8",
    )
    (tmp_path / "x.tsv").write_text(
        "term\tcategory\tweight\tinflect\trules\trationale\nfoo\tnope\t1\texact\t\tr\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "cli.py", "lexicon", "validate", str(tmp_path / "x.toml")],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 3
    assert "x.tsv:2: field 'category'" in result.stderr


@pytest.mark.parametrize("command", [["lexicon", "list"], ["lexicon", "show", "loaded"]])
def test_lexicon_listing_commands(command: list[str]) -> None:
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.output
    assert "loaded" in result.output


def test_annotate_prints_hits_with_voice(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("“The regime lies,” she said. The strongman left.", encoding="utf-8")
    result = runner.invoke(app, ["annotate", str(article)])
    assert result.exit_code == 0, result.output
    assert "quoted" in result.output
    assert "authorial" in result.output


def test_analyze_max_chars_skips_and_lists_overlong_texts(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    long_text = "The council met again. " * 10
    corpus.write_text(
        json.dumps({"id": "short", "text": "The regime fell."}) + "\n"
        + json.dumps({"id": "long", "text": long_text}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "results.jsonl"
    result = runner.invoke(app, ["analyze", str(corpus), "-o", str(out), "--max-chars", "100"])
    assert result.exit_code == 0, result.output
    assert "read 2 = analysed 1 + skipped 1" in result.output
    errors = [json.loads(x) for x in (tmp_path / "results.errors.jsonl").read_text().splitlines()]
    assert [(e["id"], e["line"], e["field"]) for e in errors] == [("long", 2, "text")]
    assert "230 characters" in errors[0]["reason"]
