"""`framing evaluate voice [DIR]`: voice and speaker of BASIL's bias spans."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.console import Console

from framing.datasets import data_root
from framing.evaluation.basil import SPAN_VOICES, evaluate_voice
from framing_cli.intervals import (
    Seed,
    format_interval,
    interval_caption,
    interval_table,
    n_boot_option,
)

#: the BASIL folder argument of the commands that evaluate on BASIL (voice, actors)
BasilFolder = Annotated[
    Path | None, typer.Argument(help="The BASIL folder (default: $FRAMING_DATA_DIR/basil).")
]


def basil_folder(directory: Path | None) -> Path:
    """The folder given, or BASIL's place in the data directory."""
    return directory if directory is not None else data_root() / "basil"


def voice(
    directory: BasilFolder = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    n_boot: Annotated[int, n_boot_option("rate")] = 1000,
    seed: Seed = 0,
) -> None:
    """Whether each BASIL bias span is quoted (voice) and, when it is, whose (speaker)."""
    report = evaluate_voice(basil_folder(directory), n_boot=n_boot, seed=seed)
    if as_json:
        typer.echo(orjson.dumps(report.as_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    console = Console(highlight=False)
    method = interval_caption(report.n_boot, report.seed)
    table = interval_table(
        f"Voice of BASIL bias spans ({report.n_articles} articles, {report.n_spans} spans):"
        " BASIL's quote flag against the voice; P, R, F1 of the quoted voice",
        method,
    )
    for col in ("outlet", "quote", *SPAN_VOICES, "P", "R", "F1", "95% CI"):
        table.add_column(
            col, justify="left" if col in {"outlet", "quote"} else "right", no_wrap=col == "95% CI"
        )
    for v in report.voice:
        for quoted in (True, False):
            scores = (
                (f"{v.precision:.3f}", f"{v.recall:.3f}", f"{v.f1:.3f}", format_interval(v.f1_ci))
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
    st = interval_table("Speakers of the quoted spans (named right: persons only)", method)
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
            format_interval(s.attributed_ci),
            "" if s.named_right is None else str(s.named_right),
            "" if right is None else f"{right:.3f}",
            format_interval(s.named_right_ci),
        )
    console.print(st)


def register(app: typer.Typer) -> None:
    """Add `voice` to the `evaluate` group."""
    app.command("voice")(voice)
