"""`framing evaluate loaded-language [DIR]`: lexicon hits against PTC loaded-language spans."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.console import Console
from rich.table import Table

from framing.errors import DataError
from framing.evaluation.ptc import DEFAULT_TECHNIQUES, PtcEvaluation, evaluate_loaded_language
from framing.lexicon import load_lexicons


def _default_dir() -> Path:
    root = os.environ.get("FRAMING_DATA_DIR")
    if not root:
        raise DataError("no PTC folder given and FRAMING_DATA_DIR is not set", field="directory")
    return Path(root) / "ptc"


def _as_dict(ev: PtcEvaluation, directory: Path) -> dict[str, object]:
    def row(s: object) -> dict[str, object]:
        from framing.evaluation.ptc import SpanScore

        assert isinstance(s, SpanScore)
        return {
            "hits": s.hits,
            "correct": s.correct,
            "gold": s.gold,
            "found": s.found,
            "precision": round(s.precision, 4),
            "recall": round(s.recall, 4),
            "f1": round(s.f1, 4),
        }

    return {
        "corpus": str(directory),
        "articles": ev.n_articles,
        "techniques": list(ev.techniques),
        "categories": list(ev.categories),
        "min_weight": ev.min_weight,
        "lexicons": [dict(p) for p in ev.lexicons],
        "overall": row(ev.overall),
        "by_category": {c: row(s) for c, s in ev.by_category.items()},
        "terms": [
            {"term": t.term, "category": t.category, "hits": t.hits, "correct": t.correct}
            for t in ev.terms
        ],
    }


def loaded_language(
    directory: Annotated[
        Path | None,
        typer.Argument(help="The PTC folder (default: $FRAMING_DATA_DIR/ptc)."),
    ] = None,
    lexicon: Annotated[
        list[Path] | None,
        typer.Option("--lexicon", "-l", help="A lexicon card (.toml); repeat. Default: shipped."),
    ] = None,
    category: Annotated[
        list[str] | None,
        typer.Option(
            "--category",
            "-c",
            help="Evaluate only this hit category; repeat. Default: all "
            "but the epistemic ones (hedge, unverified_sourcing, distancing_marker).",
        ),
    ] = None,
    technique: Annotated[
        list[str] | None,
        typer.Option(
            "--technique",
            "-t",
            help="A PTC technique counted as gold; repeat. Default: "
            + " and ".join(DEFAULT_TECHNIQUES)
            + ".",
        ),
    ] = None,
    min_weight: Annotated[
        float, typer.Option("--min-weight", help="Ignore entries lighter than this weight.")
    ] = 0.0,
    terms: Annotated[
        int, typer.Option("--terms", help="Also list the N most frequent terms with precision.")
    ] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Span precision, recall and F1 of lexicon hits against PTC loaded language and labels."""
    folder = directory if directory is not None else _default_dir()
    lexicons = load_lexicons(lexicon or None)
    ev = evaluate_loaded_language(
        folder,
        lexicons,
        techniques=tuple(technique) if technique else DEFAULT_TECHNIQUES,
        categories=tuple(category) if category else None,
        min_weight=min_weight,
    )
    if as_json:
        typer.echo(orjson.dumps(_as_dict(ev, folder), option=orjson.OPT_INDENT_2).decode())
        return
    console = Console(highlight=False)
    names = ", ".join(f"{p['name']} {p['version']} ({p['hash']})" for p in ev.lexicons)
    table = Table(
        title=f"Loaded language on PTC ({ev.n_articles} articles; gold: "
        f"{', '.join(ev.techniques)}; lexicons: {names})"
    )
    for col in ("category", "hits", "correct", "P", "found", "gold", "R", "F1"):
        table.add_column(col, justify="left" if col == "category" else "right")
    rows = [("all evaluated", ev.overall), *ev.by_category.items()]
    for name, s in rows:
        table.add_row(
            name,
            str(s.hits),
            str(s.correct),
            f"{s.precision:.3f}",
            str(s.found),
            str(s.gold),
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
        )
    console.print(table)
    if terms > 0:
        tt = Table(title=f"The {terms} most frequent terms")
        for col in ("term", "category", "hits", "correct", "P"):
            tt.add_column(col, justify="left" if col in {"term", "category"} else "right")
        for t in ev.terms[:terms]:
            tt.add_row(t.term, t.category, str(t.hits), str(t.correct), f"{t.correct / t.hits:.3f}")
        console.print(tt)


def register(app: typer.Typer) -> None:
    """Add `loaded-language` to the `evaluate` group."""
    app.command("loaded-language")(loaded_language)
