"""`framing lexicon` command group: list, show, validate, explain (and induce)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from framing.errors import LexiconError
from framing.lexicon import (
    load_lexicons,
    parse_lexicon,
    shipped_lexicon_paths,
    validate_lexicon,
)
from framing_cli import lexicon_induce_cmd

app = typer.Typer(help="List, show, validate and explain lexicons.", no_args_is_help=True)
lexicon_induce_cmd.register(app)

_console = Console(highlight=False)


def _resolve(name_or_path: str) -> Path:
    path = Path(name_or_path)
    if path.suffix == ".toml" and path.exists():
        return path
    for card in shipped_lexicon_paths(kind=None):
        if card.stem == name_or_path:
            return card
    raise LexiconError(f"no lexicon card named {name_or_path!r} (give a .toml path or a name)")


@app.command("list")
def list_() -> None:
    """List the shipped lexicons with version, content hash and entry counts."""
    table = Table("name", "kind", "version", "hash", "entries", "categories")
    for card in shipped_lexicon_paths(kind=None):
        spec = parse_lexicon(card)
        table.add_row(
            spec.name,
            spec.kind,
            spec.version,
            spec.content_hash,
            str(len(spec.entries)),
            ", ".join(spec.categories),
        )
    _console.print(table)


@app.command("show")
def show(
    lexicon: Annotated[str, typer.Argument(help="A shipped lexicon's name or a card path.")],
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
) -> None:
    """Show a lexicon's card, categories, rules and entries."""
    spec = parse_lexicon(_resolve(lexicon))
    _console.print(
        f"[bold]{spec.name}[/bold] {spec.version} ({spec.kind}) hash {spec.content_hash}"
    )
    _console.print(spec.description, markup=False)
    counts = Counter(e.category for e in spec.entries)
    for name, cat in spec.categories.items():
        _console.print(f"\n[bold]{name}[/bold] ({counts[name]} entries)")
        _console.print(f"  {cat.definition}", markup=False)
        for ref in cat.literature:
            _console.print(f"  - {ref}", markup=False)
    if spec.rules:
        _console.print("\n[bold]rules[/bold]")
        for rule in spec.rules.values():
            words = ", ".join(" ".join(w) for w in rule.words)
            extra = f" window={rule.window} words=[{words}]" if rule.words else ""
            _console.print(f"  {rule.name}: {rule.type}{extra}: {rule.reason}", markup=False)
    table = Table("line", "term", "category", "weight", "inflect", "rules", "rationale")
    for e in spec.entries:
        if category is None or e.category == category:
            table.add_row(
                str(e.line),
                e.term,
                e.category,
                f"{e.weight:g}",
                e.inflect,
                ",".join(spec.entry_rules(e)),
                e.rationale,
            )
    _console.print(table)


@app.command("validate")
def validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Lexicon cards (.toml); default: the shipped ones.")
    ] = None,
) -> None:
    """Check lexicons against the format; report every problem with file and line."""
    cards = paths or shipped_lexicon_paths(kind=None)
    n_problems = 0
    for card in cards:
        problems = validate_lexicon(card)
        for p in problems:
            typer.echo(str(p), err=True)
        n_problems += len(problems)
        if not problems:
            spec = parse_lexicon(card)
            typer.echo(f"ok {card} ({len(spec.entries)} entries, hash {spec.content_hash})")
    if n_problems:
        raise LexiconError(f"{n_problems} problem(s) in {len(cards)} lexicon(s)")


@app.command("explain")
def explain(
    text: Annotated[str, typer.Argument(help="Text to explain.")],
    lexicon: Annotated[
        list[Path] | None, typer.Option("--lexicon", "-l", help="Extra lexicon cards.")
    ] = None,
) -> None:
    """Show each hit in TEXT and the rule that made it, and each candidate a rule vetoed."""
    lex = load_lexicons(lexicon or None, include_shipped=True)
    result = lex.explain(text)
    if not result.hits and not result.vetoes:
        typer.echo("no hits and no vetoed candidates")
    for h in result.hits:
        how = ", ".join(h.rules) or "lemma"
        _console.print(
            f"HIT   {h.start}-{h.end} {h.text!r} -> {h.lexicon}:{h.term} "
            f"[{h.category}, weight {h.weight:g}] via {how}",
            markup=False,
        )
    for v in result.vetoes:
        _console.print(
            f"VETO  {v.start}-{v.end} {v.text!r} ({v.lexicon}:{v.term}, {v.category}) "
            f"by rule {v.rule}: {v.reason}",
            markup=False,
        )
