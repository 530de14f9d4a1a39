"""`framing analyze` and `framing annotate`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from framing.analyze import Analyzer
from framing.corpus import MAX_TEXT_CHARS, FieldMap, read_documents
from framing.errors import InputError
from framing.lexicon import load_lexicons
from framing.pipeline import analyze_inputs, estimate_documents
from framing.types import SkippedDocument

LexiconOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--lexicon", "-l", help="A lexicon card (.toml); repeatable. Adds to the shipped ones."
    ),
]
OnlyOpt = Annotated[
    bool, typer.Option("--only-given-lexicons", help="Use only the --lexicon cards given.")
]


def make_analyzer(
    lexicon: list[Path] | None, only_given: bool = False, *, boilerplate: bool = True
) -> Analyzer:
    lexicons = load_lexicons(lexicon or None, include_shipped=not only_given)
    return Analyzer(lexicons, boilerplate=boilerplate)


def field_map(
    id_field: str, text_field: str, source_field: str, title_field: str, date_field: str,
    url_field: str, author_field: str,
) -> FieldMap:  # fmt: skip
    return FieldMap(
        id=id_field,
        text=text_field,
        source=source_field,
        title=title_field,
        date=date_field,
        url=url_field,
        author=author_field,
    )


def analyze(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders of .txt files, or - for stdin.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Results file (JSONL).")],
    lexicon: LexiconOpt = None,
    only_given_lexicons: OnlyOpt = False,
    id_field: Annotated[str, typer.Option(help="Input field holding the document id.")] = "id",
    text_field: Annotated[str, typer.Option(help="Input field holding the text.")] = "text",
    source_field: Annotated[str, typer.Option(help="Input field holding the outlet.")] = "source",
    title_field: Annotated[str, typer.Option(help="Input field holding the title.")] = "title",
    date_field: Annotated[str, typer.Option(help="Input field holding the date.")] = "date",
    url_field: Annotated[str, typer.Option(help="Input field holding the URL.")] = "url",
    author_field: Annotated[str, typer.Option(help="Input field holding the author.")] = "author",
    source: Annotated[
        str | None, typer.Option(help="Outlet name for every document (overrides folder names).")
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="Input format: jsonl, csv, txt, html.")
    ] = None,
    on_error: Annotated[
        str, typer.Option(help="fail: stop at the first bad document; skip: list it and go on.")
    ] = "skip",
    no_text: Annotated[bool, typer.Option("--no-text", help="Leave article text out.")] = False,
    no_boilerplate: Annotated[
        bool, typer.Option("--no-boilerplate", help="Score boilerplate too.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Worker processes (default: all cores). Same output."
        ),
    ] = None,
    parquet: Annotated[
        Path | None,
        typer.Option(
            "--parquet", help="Also write the results as a Parquet dataset in this directory."
        ),
    ] = None,
    incremental: Annotated[
        bool,
        typer.Option(
            "--incremental",
            help="Reuse the records of the previous output for unchanged documents; "
            "resume an interrupted run.",
        ),
    ] = False,
    engine: Annotated[
        str, typer.Option(help="local: processes on this machine; dask: a Dask cluster.")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (host:port); default: a local cluster."),
    ] = None,
    chunk_size: Annotated[
        int | None,
        typer.Option(min=1, help="Documents per task (default 16 with one job, else 64)."),
    ] = None,
    max_chars: Annotated[
        int,
        typer.Option(
            min=0, help="Skip (and list) texts longer than this many characters; 0: no limit."
        ),
    ] = MAX_TEXT_CHARS,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")
    ] = False,
) -> None:
    """Analyse documents: loaded terms with voice, quotations, attributions, scores (JSONL)."""
    if on_error not in ("fail", "skip"):
        raise typer.BadParameter("must be 'fail' or 'skip'", param_hint="--on-error")
    if engine not in ("local", "dask"):
        raise typer.BadParameter("must be 'local' or 'dask'", param_hint="--engine")
    if scheduler is not None and engine != "dask":
        raise typer.BadParameter("needs --engine dask", param_hint="--scheduler")
    mode: Literal["fail", "skip"] = "fail" if on_error == "fail" else "skip"
    run_engine: Literal["local", "dask"] = "dask" if engine == "dask" else "local"
    analyzer = make_analyzer(lexicon, only_given_lexicons, boilerplate=not no_boilerplate)
    err = Console(stderr=True)
    with progress_bar(err, inputs, enabled=not quiet and err.is_terminal) as advance:
        summary = analyze_inputs(
            inputs,
            output,
            analyzer=analyzer,
            fields=field_map(
                id_field,
                text_field,
                source_field,
                title_field,
                date_field,
                url_field,
                author_field,
            ),
            source=source,
            fmt=fmt,
            on_error=mode,
            include_text=not no_text,
            progress=advance,
            jobs=jobs,
            engine=run_engine,
            scheduler=scheduler,
            chunk_size=chunk_size,
            parquet=parquet,
            incremental=incremental,
            max_chars=max_chars or None,
        )
    for s in summary.skipped_documents:
        where = s.file + (f":{s.line}" if s.line is not None else "")
        what = f" field {s.field!r}:" if s.field else ""
        err.print(f"skipped {where}:{what} {s.reason}", markup=False, highlight=False)
    if not quiet:
        reused = f", {summary.reused} reused" if incremental else ""
        tables = f"; tables: {summary.parquet}" if summary.parquet else ""
        err.print(
            f"read {summary.read} = analysed {summary.analysed}{reused} + skipped "
            f"{summary.skipped} -> {summary.output} (errors: {summary.errors_file}){tables}",
            markup=False,
            highlight=False,
        )
    if not summary.balanced:  # pragma: no cover - a guarantee, checked at run time
        err.print("error: document counts do not add up", markup=False)
        raise typer.Exit(70)


@contextmanager
def progress_bar(
    console: Console, inputs: Sequence[str], *, enabled: bool
) -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar (documents, documents/s, ETA when the total can be counted)."""
    if not enabled:
        yield None
        return
    columns = (
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("analyse", total=estimate_documents(inputs), rate="-")

        def advance(done: int) -> None:
            speed = bar.tasks[0].speed
            bar.update(task, completed=done, rate=f"{speed:,.0f}" if speed else "-")

        yield advance


_CATEGORY_STYLES = {
    "pejorative_label": "bold red",
    "loaded_verb": "bold magenta",
    "loaded_noun": "magenta",
    "loaded_adjective": "red",
    "euphemism": "bold cyan",
    "hyperbole": "yellow",
    "hedge": "blue",
    "unverified_sourcing": "bold blue",
    "distancing_marker": "bold yellow",
}
_VOICE_DECOR = {"authorial": "", "quoted": " italic", "reported": " underline"}


def annotate(
    file: Annotated[
        str, typer.Argument(help="A .txt, .html, .jsonl or .csv file, or - for stdin.")
    ],
    lexicon: LexiconOpt = None,
    only_given_lexicons: OnlyOpt = False,
    doc_id: Annotated[
        str | None, typer.Option("--id", help="Which document of a multi-document file.")
    ] = None,
) -> None:
    """Print an article with hits highlighted by category (colour) and voice (style)."""
    analyzer = make_analyzer(lexicon, only_given_lexicons)
    skipped: list[SkippedDocument] = []
    console = Console(highlight=False)
    shown = 0
    for doc in read_documents([file], fields=FieldMap(), on_error="fail", skipped=skipped):
        if doc_id is not None and doc.id != doc_id:
            continue
        analysis = analyzer.analyze(doc)
        text = Text(doc.text)
        for e in analysis.excluded:
            text.stylize("dim strike", e.start, e.end)
        for q in analysis.quotes:
            text.stylize("green" if q.kind != "scare" else "bold green", q.start, q.end)
        for a in analysis.attributions:
            text.stylize("reverse", a.cue.start, a.cue.end)
        for h in analysis.hits:
            style = _CATEGORY_STYLES.get(h.category, "bold") + _VOICE_DECOR[h.voice]
            text.stylize(style, h.start, h.end)
        console.rule(f"{doc.id} ({doc.source or 'no source'})")
        console.print(text)
        legend = Text("categories: ")
        for cat, style in _CATEGORY_STYLES.items():
            legend.append(cat, style=style)
            legend.append("  ")
        console.print(legend)
        console.print(
            "voice: authorial = plain, quoted = italic, reported = underlined; "
            "quotes green (scare quotes bold), cues reversed, boilerplate struck through"
        )
        for h in analysis.hits:
            console.print(
                f"  {h.start:>6}-{h.end:<6} {h.text!r:28} {h.category:20} {h.voice:9} "
                f"term={h.term} w={h.weight:g} {' '.join(h.rules)}"
            )
        shown += 1
    if shown == 0:
        raise InputError(
            "no document to annotate" + (f" with id {doc_id!r}" if doc_id else ""), file=file
        )
    sys.stdout.flush()


def register(app: typer.Typer) -> None:
    """Add `analyze` and `annotate` to the root app."""
    app.command("analyze")(analyze)
    app.command("annotate")(annotate)
