"""`framing evaluate` command group: measure the analysis against annotated corpora."""

from __future__ import annotations

import typer

from framing_cli import (
    evaluate_actors_cmd,
    evaluate_attribution_cmd,
    evaluate_lexicon_cmd,
    evaluate_voice_cmd,
)

app = typer.Typer(help="Measure the analysis against annotated corpora.", no_args_is_help=True)
evaluate_attribution_cmd.register(app)
evaluate_lexicon_cmd.register(app)
evaluate_voice_cmd.register(app)
evaluate_actors_cmd.register(app)
