"""`framing lexicon induce`: candidate loaded terms from labelled documents, for review."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console
from rich.table import Table

from framing.corpus import FieldMap, read_documents
from framing.lexicon import parse_lexicon, shipped_lexicon_paths
from framing.types import SkippedDocument

if TYPE_CHECKING:
    from framing.induce import Candidate, LabelledText, SpanAnnotated


def _table(title: str, rows: tuple[Candidate, ...], known: bool) -> Table:
    table = Table(title=title)
    table.add_column("term", no_wrap=True)
    for col in ("positive", "negative", "log-odds", "z"):
        table.add_column(col, justify="right")
    if known:
        table.add_column("entry", overflow="fold")
    for c in rows:
        cells = [c.term, str(c.count_positive), str(c.count_negative), f"{c.log_odds:+.2f}"]
        cells.append(f"{c.z:+.2f}")
        if known:
            cells.append(c.known_as or "")
        table.add_row(*cells)
    return table


def induce(
    inputs: Annotated[list[str], typer.Argument(help="CSV/JSONL files (or - for stdin).")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Candidates file (.tsv); its card goes beside.")
    ],
    label_field: Annotated[
        str | None, typer.Option("--label-field", help="Field holding each text's label.")
    ] = None,
    positive: Annotated[
        list[str] | None,
        typer.Option("--positive", help="Label value of the positive class; repeat."),
    ] = None,
    spans_field: Annotated[
        str | None,
        typer.Option(
            "--spans-field",
            help="Instead of labels: field with a JSON list of [start, end] annotated spans; "
            "words inside count as positive, the rest of the text as negative.",
        ),
    ] = None,
    negative: Annotated[
        list[str] | None,
        typer.Option(
            "--negative",
            help="Label value of the negative class; repeat. Default: every other value.",
        ),
    ] = None,
    text_field: Annotated[str, typer.Option(help="Field holding the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="Field holding the id (if any).")] = "id",
    fmt: Annotated[
        str | None, typer.Option("--format", help="Input format: jsonl, csv, tsv.")
    ] = None,
    on_error: Annotated[
        str, typer.Option(help="fail: stop at the first bad record; skip: list it and go on.")
    ] = "skip",
    min_count: Annotated[
        int, typer.Option(min=1, help="Drop terms seen fewer times (both classes).")
    ] = 5,
    top: Annotated[int, typer.Option(min=1, help="Write at most this many candidates.")] = 200,
    prior_size: Annotated[
        float, typer.Option(min=0.001, help="Size of the Dirichlet prior (pseudo-counts).")
    ] = 1000.0,
    max_ngram: Annotated[int, typer.Option(min=1, max=2, help="1: words; 2: and bigrams.")] = 2,
    keep_names: Annotated[
        bool, typer.Option("--keep-names", help="Count capitalised mid-sentence words too.")
    ] = False,
    lexicon: Annotated[
        list[Path] | None,
        typer.Option(
            "--lexicon", "-l", help="Also flag terms of this lexicon card; repeat (plus shipped)."
        ),
    ] = None,
    show: Annotated[int, typer.Option(min=0, help="Rows of each table to print.")] = 25,
) -> None:
    """Propose loaded-term candidates by weighted log-odds (Monroe et al. 2008) for review."""
    # imported here: framing.induce needs numpy, which other commands do not
    from framing.induce import induce_terms, label_documents, span_documents, write_candidates

    if on_error not in ("fail", "skip"):
        raise typer.BadParameter("must be 'fail' or 'skip'", param_hint="--on-error")
    if spans_field is None and (label_field is None or not positive):
        raise typer.BadParameter(
            "give --label-field and --positive, or --spans-field", param_hint="--label-field"
        )
    if spans_field is not None and (label_field is not None or positive or negative):
        raise typer.BadParameter(
            "--spans-field replaces --label-field/--positive/--negative",
            param_hint="--spans-field",
        )
    mode: Literal["fail", "skip"] = "fail" if on_error == "fail" else "skip"
    skipped: list[SkippedDocument] = []
    docs = read_documents(
        inputs,
        fields=FieldMap(id=id_field, text=text_field),
        fmt=fmt,
        on_error=mode,
        skipped=skipped,
    )
    data: tuple[LabelledText | SpanAnnotated, ...]
    excluded: Mapping[str, int] = {}
    if spans_field is not None:
        data = span_documents(docs, spans_field)
    else:
        assert label_field is not None
        assert positive
        labelled = label_documents(docs, label_field, positive, negative)
        data, excluded = labelled.texts, labelled.excluded
    cards = [*shipped_lexicon_paths("terms"), *shipped_lexicon_paths("cues"), *(lexicon or [])]
    specs = [parse_lexicon(p) for p in cards]  # a term known to several is shown by the first
    result = induce_terms(
        data,
        lexicons=specs,
        min_count=min_count,
        prior_size=prior_size,
        max_ngram=max_ngram,
        top=top,
        keep_names=keep_names,
    )
    tsv, card = write_candidates(result, output)
    console = Console(highlight=False)
    units = (
        f"{result.n_positive_units} annotated spans in {result.n_negative_units} texts"
        if spans_field is not None
        else f"{result.n_positive_units} positive and {result.n_negative_units} negative texts"
    )
    console.print(
        f"{units} ({result.tokens_positive} and {result.tokens_negative} counted words)",
        markup=False,
    )
    for value, n in sorted(excluded.items()):
        console.print(f"left out: {n} text(s) labelled {value!r}", markup=False)
    for s in skipped:
        where = f"{s.file}:{s.line}" if s.line is not None else s.file
        console.print(f"skipped: {where}: {s.reason}", markup=False)
    if show:
        console.print(_table("Candidates (over-represented in positive)", result.candidates[:show],
                             known=False))  # fmt: skip
        console.print(_table("Already in the lexicons", result.known[:show], known=True))
    console.print(
        f"wrote {len(result.candidates)} candidates to {tsv} (card {card}); "
        f"{len(result.known)} known terms listed as comments",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    """Add `induce` to the `lexicon` group."""
    app.command("induce")(induce)
