"""`framing evaluate voice [DIR]`: voice and speaker of BASIL's bias spans."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich import box
from rich.console import Console
from rich.table import Table

from framing.datasets import data_root
from framing.evaluation.basil import SPAN_VOICES, evaluate_voice


def voice(
    directory: Annotated[
        Path | None,
        typer.Argument(help="The BASIL folder (default: $FRAMING_DATA_DIR/basil)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    n_boot: Annotated[
        int,
        typer.Option(
            "--n-boot",
            min=0,
            help="Bootstrap resamples of the articles for each rate's 95% interval (0: none).",
        ),
    ] = 1000,
    seed: Annotated[int, typer.Option(help="Seed of the bootstrap resamples.")] = 0,
) -> None:
    """Whether each BASIL bias span is quoted (voice) and, when it is, whose (speaker)."""
    folder = directory if directory is not None else data_root() / "basil"
    report = evaluate_voice(folder, n_boot=n_boot, seed=seed)
    if as_json:
        typer.echo(orjson.dumps(report.as_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    console = Console(highlight=False)
    method = (
        f"95% CI: percentile bootstrap over the row's articles ({report.n_boot:,} resamples, "
        f"seed {report.seed})"
        if report.n_boot
        else None
    )
    table = Table(
        title=f"Voice of BASIL bias spans ({report.n_articles} articles, {report.n_spans} spans):"
        " BASIL's quote flag against the voice; P, R, F1 of the quoted voice",
        caption=method,
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    for col in ("outlet", "quote", *SPAN_VOICES, "P", "R", "F1", "95% CI"):
        table.add_column(
            col, justify="left" if col in {"outlet", "quote"} else "right", no_wrap=col == "95% CI"
        )
    for v in report.voice:
        for quoted in (True, False):
            scores = (
                (f"{v.precision:.3f}", f"{v.recall:.3f}", f"{v.f1:.3f}", _ci(v.f1_ci))
                if quoted
                else ("", "", "", "")
            )
            table.add_row(
                v.outlet if quoted else "",
                "yes" if quoted else "no",
                *(str(v.n(quoted, x)) for x in SPAN_VOICES),
                *scores,
            )
    console.print(table)
    st = Table(
        title="Speakers of the quoted spans (named right: persons only)",
        caption=method,
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    columns = ("outlet", "gold speaker", "quoted", "attributed", "share", "95% CI")
    for col in (*columns, "named right", "share ", "95% CI "):
        st.add_column(
            col,
            justify="left" if col in {"outlet", "gold speaker"} else "right",
            no_wrap=col.startswith("95%"),
        )
    for s in report.speakers:
        right = s.named_right_rate
        st.add_row(
            s.outlet,
            s.speaker_class,
            str(s.quoted),
            str(s.attributed),
            f"{s.attributed_rate:.3f}",
            _ci(s.attributed_ci),
            "" if s.named_right is None else str(s.named_right),
            "" if right is None else f"{right:.3f}",
            _ci(s.named_right_ci),
        )
    console.print(st)


def _ci(interval: tuple[float, float] | None) -> str:
    return "" if interval is None else f"{interval[0]:.2f}–{interval[1]:.2f}"


def register(app: typer.Typer) -> None:
    """Add `voice` to the `evaluate` group."""
    app.command("voice")(voice)
