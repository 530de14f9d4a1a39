"""`framing report` and `framing compare`: per-source reports and outlet comparison."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from framing.errors import InputError

if TYPE_CHECKING:
    from framing.aggregate import Tables

# The report modules (pandas, matplotlib, SciPy) are imported inside the commands, so that other
# commands start without them.

InputArg = Annotated[
    Path,
    typer.Argument(
        help="`framing analyze` output (.jsonl), or raw input that is analysed first.",
    ),
]
OutOpt = Annotated[Path, typer.Option("--output", "-o", help="Output folder.")]
ByOpt = Annotated[
    str, typer.Option("--by", help="Field to group documents by (top-level or metadata).")
]
SkippedOpt = Annotated[
    Path | None,
    typer.Option(
        "--skipped",
        help="Skipped-documents JSONL ({file,line,field,reason,id}); default: the analyze "
        "errors file beside the input.",
    ),
]
StoryOpt = Annotated[
    str | None,
    typer.Option("--story-field", help="Field shared by articles on the same story."),
]
BootOpt = Annotated[int, typer.Option("--bootstrap", min=0, help="Bootstrap resamples.")]
PermOpt = Annotated[int, typer.Option("--permutations", min=0, help="Permutations per test.")]
AlphaOpt = Annotated[
    float, typer.Option("--alpha", min=0.0001, max=0.5, help="1 - confidence level; FDR level.")
]
SeedOpt = Annotated[int, typer.Option("--seed", help="Random seed (bootstrap, permutations).")]
FormatOpt = Annotated[
    str, typer.Option("--formats", help="Comma-separated: html, md, json (and csv for compare).")
]
TextFieldOpt = Annotated[str, typer.Option(help="Raw input only: the field holding the text.")]
IdFieldOpt = Annotated[str, typer.Option(help="Raw input only: the field holding the id.")]


def _formats(value: str, allowed: set[str]) -> tuple[str, ...]:
    chosen = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [v for v in chosen if v not in allowed]
    if unknown or not chosen:
        raise typer.BadParameter(
            f"unknown format {unknown[0] if unknown else value!r}; use {sorted(allowed)}",
            param_hint="--formats",
        )
    return chosen


def _tables(
    input: Path,
    output: Path,
    by: str,
    story_field: str | None,
    skipped: Path | None,
    *,
    count_words: bool,
    text_field: str,
    id_field: str,
) -> Tables:
    from framing.aggregate import open_tables
    from framing.corpus import FieldMap

    if skipped is not None and not skipped.is_file():
        raise InputError("skipped-documents file not found", file=str(skipped))
    return open_tables(
        input,
        workdir=output,
        group_field=by,
        story_field=story_field,
        skipped=skipped,
        count_words=count_words,
        fields=FieldMap(text=text_field, id=id_field),
    )


def report(
    input: InputArg,
    output: OutOpt,
    by: ByOpt = "source",
    skipped: SkippedOpt = None,
    bootstrap: BootOpt = 1000,
    alpha: AlphaOpt = 0.05,
    seed: SeedOpt = 0,
    formats: FormatOpt = "html,md,json",
    text_field: TextFieldOpt = "text",
    id_field: IdFieldOpt = "id",
) -> None:
    """One framing report per source plus an index page (HTML, Markdown, JSON)."""
    from framing.aggregate import Params
    from framing.report import write_reports

    chosen = _formats(formats, {"html", "md", "json"})
    tables = _tables(
        input,
        output,
        by,
        None,
        skipped,
        count_words=False,
        text_field=text_field,
        id_field=id_field,
    )
    params = Params(n_boot=bootstrap, alpha=alpha, seed=seed)
    written = write_reports(tables, output, params, formats=chosen)
    typer.echo(
        f"{len(tables.documents)} documents, {len(tables.groups)} {by} reports, "
        f"{len(written)} files in {output}"
    )


def compare(
    input: InputArg,
    output: OutOpt,
    by: ByOpt = "source",
    story_field: StoryOpt = None,
    pairwise: Annotated[
        bool, typer.Option("--pairwise", help="Also test every pair of outlets.")
    ] = False,
    all_words: Annotated[
        bool,
        typer.Option(
            "--all-words/--hit-terms-only",
            help="Distinctive terms over all words of the texts too (needs text).",
        ),
    ] = True,
    skipped: SkippedOpt = None,
    bootstrap: BootOpt = 1000,
    permutations: PermOpt = 1000,
    alpha: AlphaOpt = 0.05,
    seed: SeedOpt = 0,
    prior_size: Annotated[
        float,
        typer.Option(
            "--prior-size", min=1.0, help="Dirichlet prior size of the log-odds (Monroe et al.)."
        ),
    ] = 1000.0,
    min_events: Annotated[
        int,
        typer.Option(
            "--min-events",
            min=1,
            help="Test a metric only with at least this many events in the two groups.",
        ),
    ] = 10,
    min_event_docs: Annotated[
        int,
        typer.Option(
            "--min-event-docs",
            min=1,
            help="... and with events in at least this many of their articles.",
        ),
    ] = 5,
    formats: FormatOpt = "html,md,json,csv",
    text_field: TextFieldOpt = "text",
    id_field: IdFieldOpt = "id",
) -> None:
    """Compare outlets: every metric with intervals, tested differences, distinctive terms."""
    from framing.aggregate import Params
    from framing.compare import compare as run_compare
    from framing.compare import write_comparison

    chosen = _formats(formats, {"html", "md", "json", "csv"})
    tables = _tables(
        input,
        output,
        by,
        story_field,
        skipped,
        count_words=all_words,
        text_field=text_field,
        id_field=id_field,
    )
    params = Params(
        n_boot=bootstrap,
        alpha=alpha,
        seed=seed,
        n_permutations=permutations,
        prior_size=prior_size,
        min_events=min_events,
        min_event_docs=min_event_docs,
    )
    result = run_compare(tables, params, pairwise=pairwise)
    written = write_comparison(result, output, params, formats=chosen)
    typer.echo(
        f"{len(tables.documents)} documents, {len(tables.groups)} groups, "
        f"{int(result.tests['significant'].sum()) if len(result.tests) else 0} significant "
        f"differences of {len(result.tests)} tested; {len(written)} files in {output}"
    )


def register(app: typer.Typer) -> None:
    """Add `report` and `compare` to `app`."""
    app.command("report")(report)
    app.command("compare")(compare)
