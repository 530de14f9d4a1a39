"""`framing experiment` command group and the top-level `framing classify`."""

from __future__ import annotations

import typer

app = typer.Typer(help="Run and compare classifier experiments.", no_args_is_help=True)


def register(app_: typer.Typer) -> None:
    """Add `classify` to the root app."""
