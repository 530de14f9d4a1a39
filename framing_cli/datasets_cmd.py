"""`framing datasets` command group."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from framing.datasets import available

app = typer.Typer(help="The labelled corpora the experiments can use.", no_args_is_help=True)

_console = Console(highlight=False)


@app.command("list")
def list_(
    root: Annotated[
        Path | None,
        typer.Option("--root", help="Data folder (default: $FRAMING_DATA_DIR)."),
    ] = None,
) -> None:
    """Show which datasets are found in the data folder, with citation and licence note."""
    table = Table("dataset", "found", "folder", "description", "citation", "licence")
    for info, folder, found in available(root):
        table.add_row(
            info.name,
            "yes" if found else "no",
            str(folder),
            info.description,
            info.citation,
            info.licence,
        )
    _console.print(table)
