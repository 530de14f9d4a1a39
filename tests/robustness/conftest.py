"""Helpers for the robustness suite: run the CLI the way ``framing`` runs it, read its outputs."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from framing.errors import FramingError
from framing_cli.app import app

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class CliResult:
    """Exit code and output of one command, with domain errors rendered as ``main()`` does."""

    code: int
    output: str  # stdout and stderr together

    def records(self, path: Path) -> list[dict[str, Any]]:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _invoke(args: Sequence[str], stdin: bytes | str | None = None) -> CliResult:
    """Run ``framing ARGS`` in-process. A FramingError becomes ``error: <describe>`` and its exit
    code, exactly as :func:`framing_cli.app.main` does; any other exception is a test failure
    (it would be a traceback for the user)."""
    runner = CliRunner(env={"COLUMNS": "100000"})  # no wrapping of long paths
    result = runner.invoke(app, list(args), input=stdin, catch_exceptions=True)
    exc = result.exception
    if exc is None or isinstance(exc, SystemExit):
        return CliResult(result.exit_code, result.output)
    if isinstance(exc, FramingError):
        return CliResult(exc.exit_code, result.output + f"error: {exc.describe()}\n")
    raise AssertionError(
        f"framing {' '.join(args)} raised {type(exc).__name__}: {exc} (a traceback for the user)"
    ) from exc


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    return _invoke


def run_checkout(
    args: Sequence[str], timeout: float, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """``python cli.py ARGS`` as a user of a checkout runs it (a real process, real exit code)."""
    return subprocess.run(
        [sys.executable, "cli.py", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **kwargs,
    )


@pytest.fixture
def checkout() -> Callable[..., subprocess.CompletedProcess[str]]:
    return run_checkout
