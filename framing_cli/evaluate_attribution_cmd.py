"""`framing evaluate attribution DIR`: attribution spans against PolNeAR gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.console import Console
from rich.table import Table

from framing.evaluation.polnear import (
    AgreementReport,
    agreement,
    evaluate_directory,
    read_multiply_annotated,
)
from framing_cli.intervals import (
    Seed,
    format_interval,
    interval_caption,
    interval_table,
    n_boot_option,
)


def attribution(
    directory: Annotated[
        Path, typer.Argument(help="A PolNeAR split: a folder with text/ and attributions/.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    per_outlet: Annotated[
        bool, typer.Option("--per-outlet/--overall", help="Also show one row per outlet.")
    ] = True,
    n_boot: Annotated[int, n_boot_option("F1")] = 1000,
    seed: Seed = 0,
    with_agreement: Annotated[
        bool,
        typer.Option(
            "--agreement",
            help="Score the annotators against each other, and the system against each of "
            "them, on the articles that several annotators annotated.",
        ),
    ] = False,
) -> None:
    """Precision, recall and F1 of cue, source and content spans (exact and overlap)."""
    if with_agreement:
        _print_agreement(directory, agreement(read_multiply_annotated(directory)), as_json)
        return
    report = evaluate_directory(directory, n_boot=n_boot, seed=seed)
    if as_json:
        typer.echo(orjson.dumps(report.as_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    table = interval_table(
        f"Attribution spans on {directory} ({report.n_articles} articles)",
        interval_caption(report.n_boot, report.seed, of="F1"),
    )
    columns = ["outlet", "role", "match", "P", "R", "F1", "95% CI", "pred", "gold"]
    if not report.n_boot:
        columns.remove("95% CI")
    for col in columns:
        table.add_column(
            col,
            justify="left" if col in {"outlet", "role", "match"} else "right",
            no_wrap=col == "95% CI",
        )
    for s in report.scores:
        if s.outlet != "all" and not per_outlet:
            continue
        cells = [s.outlet, s.role, s.criterion, f"{s.precision:.3f}", f"{s.recall:.3f}"]
        cells.append(f"{s.f1:.3f}")
        if s.f1_ci is not None:
            cells.append(format_interval(s.f1_ci))
        table.add_row(*cells, str(s.n_pred), str(s.n_gold))
    Console().print(table)


def _print_agreement(directory: Path, report: AgreementReport, as_json: bool) -> None:
    if as_json:
        typer.echo(orjson.dumps(report.as_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    table = Table(
        title=f"Agreement on {directory} ({report.n_articles} articles, "
        f"{report.n_annotations} annotations)",
        caption="annotators: every ordered pair of annotators of an article, pooled "
        "(precision and recall are its two directions); system: against each annotator",
    )
    for col in ("role", "match", "annotators F1", "system P", "system R", "system F1"):
        table.add_column(col, justify="left" if col in {"role", "match"} else "right")
    for human, system in zip(report.annotators, report.system, strict=True):
        table.add_row(
            human.role,
            human.criterion,
            f"{human.f1:.3f}",
            f"{system.precision:.3f}",
            f"{system.recall:.3f}",
            f"{system.f1:.3f}",
        )
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add `attribution` to the `evaluate` group."""
    app.command("attribution")(attribution)
