"""What the evaluation commands share about bootstrap intervals: their options, the caption
that states the method, a table narrow enough for them, and how an interval is written."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich import box
from rich.table import Table


def n_boot_option(scores: str) -> Any:
    """The ``--n-boot`` option of a command whose ``scores`` get intervals ("F1", "rate")."""
    return typer.Option(
        "--n-boot",
        min=0,
        help=f"Bootstrap resamples of the articles for each {scores}'s 95% interval (0: none).",
    )


Seed = Annotated[int, typer.Option(help="Seed of the bootstrap resamples.")]


def interval_caption(n_boot: int, seed: int, of: str = "") -> str | None:
    """The method line under a table with intervals (``None`` when there are none)."""
    if not n_boot:
        return None
    label = f"95% CI of {of}" if of else "95% CI"
    return (
        f"{label}: percentile bootstrap over the row's articles ({n_boot:,} resamples, seed {seed})"
    )


def interval_table(title: str, caption: str | None) -> Table:
    """A table without vertical rules or edge padding, so that an interval column fits in 80
    columns."""
    return Table(
        title=title, caption=caption, box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True
    )


def format_interval(interval: tuple[float, float] | None) -> str:
    """An interval to two places ("0.73–0.78"), or nothing."""
    return "" if interval is None else f"{interval[0]:.2f}–{interval[1]:.2f}"
