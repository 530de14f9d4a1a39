"""The accuracy table that tests assert and reports print (framing/evaluation/floors.py)."""

from __future__ import annotations

from pathlib import Path

from framing.evaluation.floors import FLOORS, as_records, floor

TESTS = Path(__file__).parent


def test_every_floor_is_asserted_by_a_test_of_its_corpus() -> None:
    # a floor that no test reads would be printed in reports without being held
    sources = "".join(
        p.read_text(encoding="utf-8") for p in TESTS.glob("test_*.py") if p.name != "test_floors.py"
    )
    for key in FLOORS:
        assert f'floor("{key}")' in sources, key


def test_floors_are_rates_and_records_keep_their_order() -> None:
    assert all(0 < f.floor < 1 for f in FLOORS.values())
    assert [r["key"] for r in as_records()] == list(FLOORS)
    assert floor("voice.quoted_f1") == FLOORS["voice.quoted_f1"].floor
