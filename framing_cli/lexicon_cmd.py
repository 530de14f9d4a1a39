"""`framing lexicon` command group."""

from __future__ import annotations

import typer

from framing_cli import lexicon_induce_cmd

app = typer.Typer(help="List, show, validate and explain lexicons.", no_args_is_help=True)
lexicon_induce_cmd.register(app)
