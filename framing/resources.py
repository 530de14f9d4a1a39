"""Locate the data the package ships (lexicons, report templates).

In an installed wheel they live in ``framing/_data/``; in a checkout they are the top-level
``lexicons/`` and ``reports/`` folders beside the package.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=8)
def data_dir(name: str) -> Path:
    """The directory of shipped data ``name`` ("lexicons" or "reports")."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"shipped data folder {name!r} not found beside the framing package")


def data_path(name: str, *parts: str) -> Path:
    return data_dir(name).joinpath(*parts)


def word_list(name: str) -> list[str]:
    """The entries of a shipped one-per-line word list ``lexicons/<name>``: lines stripped,
    blank lines and ``#`` comments skipped."""
    lines = data_path("lexicons", name).read_text(encoding="utf-8").splitlines()
    return [w for w in (line.strip() for line in lines) if w and not w.startswith("#")]
