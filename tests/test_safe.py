"""Safe file names, atomic writes and CSV-injection neutralising."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.safe import (
    MAX_STEM,
    atomic_write_text,
    neutralize_csv_cell,
    safe_filename,
    unique_filenames,
)


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..",
        "a/b",
        "a\\b",
        "news\x00site",
        "line\nbreak",
        "/absolute",
        "CON",
        "   ",
        "",
        "x" * 400,
    ],
)
def test_safe_filename_has_no_separators_dots_or_controls(name: str, tmp_path: Path) -> None:
    stem = safe_filename(name)
    assert stem
    assert "/" not in stem
    assert "\\" not in stem
    assert not stem.startswith(".")
    assert ".." not in stem
    assert all(ch.isprintable() for ch in stem)
    assert len(stem) <= MAX_STEM
    assert stem.lower() != "con"
    # writing it stays inside the folder
    target = (tmp_path / f"{stem}.html").resolve()
    assert target.parent == tmp_path.resolve()


def test_plain_names_are_kept_and_changed_names_get_a_hash() -> None:
    assert safe_filename("BBC_News") == "BBC_News"
    a, b = safe_filename("a/b"), safe_filename("a?b")
    assert a != b
    assert a.startswith("a_b-")
    assert len(a) == len("a_b-") + 8


def test_unique_filenames_never_collide_case_insensitively() -> None:
    names = ["Fox", "fox", "Fox/", "Fox?"]
    stems = unique_filenames(names)
    assert len({s.lower() for s in stems.values()}) == len(names)


def test_atomic_write_replaces_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    atomic_write_text(target, "first")
    atomic_write_text(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


@pytest.mark.parametrize("cell", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", '=HYPERLINK("x")'])
def test_formula_cells_are_neutralised(cell: str) -> None:
    out = neutralize_csv_cell(cell)
    assert isinstance(out, str)
    assert out.startswith("'")
    assert out[1:] == cell


@pytest.mark.parametrize("cell", ["Fox News", "a=b", 3.5, -2.0, 0, None])
def test_ordinary_cells_and_numbers_are_unchanged(cell: object) -> None:
    assert neutralize_csv_cell(cell) == cell
