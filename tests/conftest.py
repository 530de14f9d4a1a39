"""Shared fixtures.

Tests that need the shared corpora take the ``data_dir`` fixture (and carry the ``data``
marker). Where ``FRAMING_DATA_DIR`` is unset they skip with the reason; where it is set and the
corpus is missing they fail: CI must never pass by silently skipping the real-data tests.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = "seed/000_95110dd0ef6e2adb.txt"


def _data_root() -> Path | None:
    value = os.environ.get("FRAMING_DATA_DIR")
    return Path(value) if value else None


@pytest.fixture(scope="session")
def data_dir() -> Path:
    root = _data_root()
    if root is None:
        pytest.skip("FRAMING_DATA_DIR is not set: real-corpus tests run in CI (.ci/run sets it)")
    if not root.is_dir():
        pytest.fail(f"FRAMING_DATA_DIR={root} is set but is not a directory")
    return root


def require(data_dir: Path, relative: str) -> Path:
    """A path inside the data directory that must exist (fails, never skips, when missing)."""
    path = data_dir / relative
    if not path.exists():
        pytest.fail(f"FRAMING_DATA_DIR is set but {relative} is missing from {data_dir}")
    return path


@pytest.fixture(scope="session")
def seed_text(data_dir: Path) -> str:
    return require(data_dir, SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def demo_corpus() -> Path:
    return REPO / "examples" / "demo" / "articles.jsonl"


def _least_cpu_seconds(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        fn()
        best = min(best, time.process_time() - started)
    return best


@pytest.fixture(scope="session")
def cpu_seconds() -> Callable[[Callable[[], object]], float]:
    """The least CPU time of three calls of a function: speed guards compare it with a peer
    measured in the same test (CPU time, so that other work on the machine counts less)."""
    return _least_cpu_seconds
