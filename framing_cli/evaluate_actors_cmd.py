"""`framing evaluate actors [DIR]`: actor links of loaded words against BASIL's targets."""

from __future__ import annotations

from typing import Annotated

import orjson
import typer
from rich.console import Console

from framing.evaluation.actors import evaluate_actors
from framing_cli.evaluate_voice_cmd import BasilFolder, basil_folder
from framing_cli.intervals import (
    Seed,
    format_interval,
    interval_caption,
    interval_table,
    n_boot_option,
)


def actors(
    directory: BasilFolder = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the scores and every link as JSON.")
    ] = False,
    examples: Annotated[
        bool, typer.Option("--examples", help="Also list every link with its span and target.")
    ] = False,
    n_boot: Annotated[int, n_boot_option("rate")] = 1000,
    seed: Seed = 0,
) -> None:
    """Whether the loaded words in BASIL's lexical-bias spans are linked to the actor BASIL
    says they are aimed at (its target)."""
    report = evaluate_actors(basil_folder(directory), n_boot=n_boot, seed=seed)
    if as_json:
        typer.echo(orjson.dumps(report.as_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    console = Console(highlight=False)
    table = interval_table(
        f"Actor links in BASIL's lexical-bias spans of direct aim ({report.n_articles} articles):"
        " spans a lexicon hit overlaps, spans whose hit is linked to an actor, links that name"
        " the target",
        interval_caption(report.n_boot, report.seed),
    )
    for col in ("outlet", "spans", "hit", "linked", "right", "precision", "95% CI"):
        table.add_column(col, justify="left" if col == "outlet" else "right", no_wrap=True)
    for col in ("coverage", "95% CI "):
        table.add_column(col, justify="right", no_wrap=True)
    for s in report.scores:
        table.add_row(
            s.outlet,
            str(s.spans),
            str(s.hit),
            str(s.linked),
            str(s.right),
            f"{s.precision:.3f}",
            format_interval(s.precision_ci),
            f"{s.coverage:.3f}",
            format_interval(s.coverage_ci),
        )
    console.print(table)
    rules = interval_table("By the rule that made the link", None)
    for col in ("rule", "linked", "right"):
        rules.add_column(col, justify="left" if col == "rule" else "right")
    for rule, (n, right) in report.by_link.items():
        rules.add_row(rule, str(n), str(right))
    console.print(rules)
    if examples:
        for m in report.matches:
            mark = "right" if m.right else "wrong"
            console.print(
                f"{mark}  {m.outlet}  {m.span!r} -> {m.actor} ({m.link}); target {m.target}",
                markup=False,
            )


def register(app: typer.Typer) -> None:
    """Add `actors` to the `evaluate` group."""
    app.command("actors")(actors)
