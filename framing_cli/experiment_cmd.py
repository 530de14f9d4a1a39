"""`framing experiment` command group (`run`, `compare`) and the top-level `framing classify`."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.console import Console
from rich.table import Table

from framing.corpus import read_documents
from framing.errors import InputError

# scikit-learn and skops are imported inside the commands, so that other commands start fast.
from framing.text import sentence_spans
from framing.types import SkippedDocument

app = typer.Typer(help="Run and compare classifier experiments.", no_args_is_help=True)

_console = Console(highlight=False)
_err = Console(stderr=True, highlight=False)


@app.command("run")
def run(
    config: Annotated[Path, typer.Argument(help="Experiment config (TOML).")],
    runs_dir: Annotated[
        Path, typer.Option("--runs-dir", "-o", help="Folder that receives the run directory.")
    ] = Path("runs"),
) -> None:
    """Run one experiment config and write its run directory."""
    from framing.experiments import run_experiment

    result = run_experiment(config, runs_dir)
    m = result.metrics
    ci = (m.get("bootstrap") or {}).get("macro_f1_95ci") or [None, None]
    table = Table("run", "dataset", "scheme", "items", "macro-F1", "95% CI", "accuracy", "ROC-AUC")
    table.add_row(
        str(m["name"]),
        str(m["dataset"]),
        str(m["scheme"]),
        str(m["n_items"]),
        f"{m['macro_f1']:.4f} ± {m['macro_f1_std']:.4f}",
        f"{ci[0]:.4f}–{ci[1]:.4f}" if ci[0] is not None else "-",
        f"{m['accuracy']:.4f}",
        "-" if m.get("roc_auc") is None else f"{m['roc_auc']:.4f}",
    )
    _console.print(table)
    _console.print(f"run directory: {result.run_dir} ({result.seconds:.1f} s)")


@app.command("compare")
def compare(
    runs: Annotated[list[Path], typer.Argument(help="Run directories to compare.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the table (.csv) and the plot (.svg) here."),
    ] = None,
) -> None:
    """Compare runs: a table of macro-F1 (with intervals), accuracy and AUC, and a bar plot."""
    from framing.experiments import compare_runs, comparison_svg

    rows = compare_runs(runs)
    table = Table("run", "dataset", "scheme", "features", "model", "macro-F1", "95% CI", "acc")
    for r in rows:
        ci = "-" if r["ci_low"] is None else f"{r['ci_low']:.3f}–{r['ci_high']:.3f}"
        table.add_row(
            str(r["run"]),
            str(r["dataset"]),
            str(r["scheme"]),
            str(r["features"]),
            str(r["model"]),
            f"{r['macro_f1']:.4f}",
            ci,
            f"{r['accuracy']:.4f}",
        )
    _console.print(table)
    if output is not None:
        output.mkdir(parents=True, exist_ok=True)
        with (output / "comparison.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        (output / "comparison.svg").write_bytes(comparison_svg(rows))
        _console.print(f"wrote {output / 'comparison.csv'} and {output / 'comparison.svg'}")


def _items(
    inputs: list[str], unit: str, lines: bool, skipped: list[SkippedDocument]
) -> list[dict[str, Any]]:
    """The texts to classify, each with its id and (for sentences) offsets into its document."""
    items: list[dict[str, Any]] = []
    if lines:
        for name in inputs:
            path = Path(name)
            try:
                content = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"cannot read: {exc}", file=name) from exc
            for n, line in enumerate(content.splitlines(), start=1):
                if line.strip():
                    items.append({"id": f"{path.stem}:{n}", "text": line.strip()})
        return items
    for doc in read_documents(inputs, skipped=skipped):
        if unit == "document":
            items.append({"id": doc.id, "text": doc.text})
            continue
        for i, (start, end) in enumerate(sentence_spans(doc.text)):
            items.append(
                {
                    "id": f"{doc.id}:{i}",
                    "document": doc.id,
                    "start": start,
                    "end": end,
                    "text": doc.text[start:end],
                }
            )
    return items


def classify(
    inputs: Annotated[
        list[str], typer.Argument(help="Documents (files, folders or '-' for stdin).")
    ],
    model: Annotated[Path, typer.Option("--model", "-m", help="A model.skops from a run.")],
    unit: Annotated[
        str, typer.Option(help="Classify whole documents or each sentence (document|sentence).")
    ] = "document",
    lines: Annotated[
        bool, typer.Option("--lines", help="Read each input as plain text, one item per line.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or table.")] = "jsonl",
) -> None:
    """Label new documents or sentences with a saved model (labels and class scores)."""
    from framing.models import load_model, predict

    if unit not in ("document", "sentence"):
        raise InputError(f"--unit must be document or sentence, not {unit!r}", field="unit")
    if fmt not in ("jsonl", "table"):
        raise InputError(f"--format must be jsonl or table, not {fmt!r}", field="format")
    loaded = load_model(model)
    skipped: list[SkippedDocument] = []
    items = _items(inputs, unit, lines, skipped)
    for s in skipped:
        where = f"{s.file}:{s.line}" if s.line else s.file
        _err.print(f"skipped {where}: {s.reason}")
    predictions = predict(loaded, [it["text"] for it in items])
    if fmt == "table":
        table = Table("id", "labels", "scores", "text")
        for it, p in zip(items, predictions, strict=True):
            scores = ", ".join(f"{k}={v:.3f}" for k, v in p.scores.items())
            text = it["text"] if len(it["text"]) <= 80 else it["text"][:77] + "..."
            table.add_row(str(it["id"]), "|".join(p.labels), scores, text)
        _console.print(table)
        return
    for it, p in zip(items, predictions, strict=True):
        record = {
            **{k: v for k, v in it.items() if k != "text"},
            "labels": list(p.labels),
            "scores": dict(p.scores),
            "score_kind": p.kind,
            "text": it["text"],
        }
        sys.stdout.buffer.write(orjson.dumps(record) + b"\n")
    sys.stdout.flush()


def register(app_: typer.Typer) -> None:
    """Add `classify` to the root app."""
    app_.command("classify")(classify)
