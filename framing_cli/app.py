"""Root typer app: registers every command group and turns FramingError into exit codes."""

from __future__ import annotations

import sys

import typer

from framing import __version__, compiled_modules
from framing.errors import FramingError
from framing_cli import (
    analyze_cmd,
    datasets_cmd,
    evaluate_cmd,
    experiment_cmd,
    lexicon_cmd,
    report_cmd,
)

app = typer.Typer(
    name="framing",
    help="Media-bias and framing analysis with evidence for every number.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        compiled = compiled_modules()
        build = f"compiled: {', '.join(compiled)}" if compiled else "pure Python"
        typer.echo(f"framing {__version__} ({build})")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Media-bias and framing analysis with evidence for every number."""


analyze_cmd.register(app)
report_cmd.register(app)
app.add_typer(lexicon_cmd.app, name="lexicon")
app.add_typer(evaluate_cmd.app, name="evaluate")
app.add_typer(experiment_cmd.app, name="experiment")
experiment_cmd.register(app)  # top-level "classify"
app.add_typer(datasets_cmd.app, name="datasets")


def main() -> None:
    """Console entry point: domain errors become a one-line message and an exit code."""
    try:
        app(standalone_mode=False)
    except FramingError as exc:
        typer.echo(f"error: {exc.describe()}", err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("aborted", err=True)
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.exceptions.TyperException as exc:  # usage errors: bad option, unknown command
        show = getattr(exc, "show", None)
        if show is None:
            raise
        show()
        sys.exit(getattr(exc, "exit_code", 2))
