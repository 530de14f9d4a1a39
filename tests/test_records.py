"""Records round-trip and are byte-identical across runs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from framing.analyze import analyze_text
from framing.errors import InputError
from framing.records import dumps, from_record, read_records, to_record

TEXT = (
    "Critics say the so-called reform is a smear campaign.\n\n"
    "“It is a witch hunt,” the minister insisted, according to state media."
)


def test_record_round_trip_preserves_the_analysis() -> None:
    analysis = analyze_text(TEXT, id="r1", source="Example Post")
    record = to_record(analysis)
    assert record["id"] == "r1"
    assert record["source"] == "Example Post"
    assert list(record)[:3] == ["id", "source", "title"]
    again = from_record(record)
    assert dataclasses.asdict(again) == dataclasses.asdict(analysis)


def test_actor_links_round_trip_and_old_records_without_links_still_read() -> None:
    text = "Protesters marched against strongman Viktor Drazen on Sunday."
    record = to_record(analyze_text(text))
    assert [(a["actor"], a["label"], a["link"]) for a in record["actors"]] == [
        ("Viktor Drazen", "strongman", "name_after")
    ]
    assert from_record(record).actors[0].link == "name_after"
    for actor in record["actors"]:
        del actor["link"]  # a record written before links were recorded
    assert from_record(record).actors[0].link is None


def test_serialisation_is_byte_identical() -> None:
    one = dumps(to_record(analyze_text(TEXT)))
    two = dumps(to_record(analyze_text(TEXT)))
    assert one == two
    assert one.endswith(b"\n")


def test_records_without_text() -> None:
    record = to_record(analyze_text(TEXT), include_text=False)
    assert "text" not in record
    assert from_record(record).document.text == ""


def test_read_records_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "results.jsonl"
    path.write_bytes(dumps(to_record(analyze_text(TEXT))) + b"{broken\n")
    reader = read_records(path)
    assert next(reader)["n_words"] > 0
    with pytest.raises(InputError, match=r"results\.jsonl:2"):
        next(reader)


def test_read_records_refuses_non_analysis_json(tmp_path: Path) -> None:
    path = tmp_path / "raw.jsonl"
    path.write_text('{"id": "a", "text": "not analysed"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a `framing analyze` record"):
        list(read_records(path))
