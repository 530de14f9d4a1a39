"""Nothing a user supplies can make a run hang: lexicons are literal and bounded, large inputs
are linear. Each check runs in a subprocess with a generous timeout (never a timed assertion):
a hang fails the test instead of freezing the suite."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent

CARD = """name = "slow"
version = "1.0.0"
description = "Entries chosen to be as costly to match as the format allows."
licence = "MIT"
entries = "slow.tsv"
kind = "terms"
default_rules = ["before"]

[categories.odd]
definition = "Repetitive terms."
literature = ["None: a test fixture."]

[rules.before]
type = "veto_preceding"
words = ["a a a a a", "a-a", "aa"]
window = 5
reason = "Makes every candidate look back over the longest window."
"""
ROWS = [
    "a a a a a a\todd\t1\texact\t-before\tSix repeats of one letter: the longest allowed phrase.",
    "a\todd\t1\tnoun+verb+adj\t\tEvery inflection of a one-letter word.",
    "aaaa\todd\t1\tforms:aaaaa|aaaaaa|aaaaaaa\t\tNear-identical forms sharing prefixes.",
    "a-a-a\todd\t1\texact\t\tHyphenated repeats (also matched with spaces).",
    "a'a\todd\t1\texact\t\tAn apostrophe inside a repeat.",
]


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, capture_output=True, text=True, timeout=timeout,
        check=False,
    )  # fmt: skip


def test_pathological_lexicon_on_1mb_input_finishes(tmp_path: Path) -> None:
    (tmp_path / "slow.toml").write_text(CARD, encoding="utf-8")
    header = "term\tcategory\tweight\tinflect\trules\trationale"
    (tmp_path / "slow.tsv").write_text("\n".join([header, *ROWS, ""]), encoding="utf-8")
    paragraph = "a a a a a a-a-a a'a aaaa aaaaaaa aa a-a. " * 40
    docs = [
        {"id": "repeats", "text": (paragraph + "\n\n") * 640},  # 1 MB of near-matches
        {"id": "no-spaces", "text": "a" * 1_048_576},
    ]
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "r.jsonl"
    proc = _run(
        ["cli.py", "analyze", str(corpus), "--lexicon", str(tmp_path / "slow.toml"),
         "--only-given-lexicons", "--no-text", "-o", str(out)],
        timeout=240,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "read 2 = analysed 2 + skipped 0" in proc.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records[0]["text_hash"]) == 40
    assert records[0]["hits"]
    assert not records[1]["hits"]


def test_lexicon_terms_cannot_be_patterns(tmp_path: Path) -> None:
    from framing.errors import LexiconError
    from framing.lexicon import parse_lexicon

    (tmp_path / "slow.toml").write_text(CARD, encoding="utf-8")
    rows = ["(a+)+$\todd\t1\texact\t\tA pattern.", "a{1,99}\todd\t1\texact\t\tA pattern.",
            "[a-z]*\todd\t1\texact\t\tA pattern.", ".*\todd\t1\texact\t\tA pattern."]  # fmt: skip
    header = "term\tcategory\tweight\tinflect\trules\trationale"
    (tmp_path / "slow.tsv").write_text("\n".join([header, *rows, ""]), encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        parse_lexicon(tmp_path / "slow.toml")
    assert info.value.file is not None
    assert info.value.file.endswith("slow.tsv")
    assert info.value.line == 2
    assert info.value.field == "term"
    assert "3 more problems" in str(info.value)


def test_voice_segments_is_linear_in_the_number_of_quotes() -> None:
    """15,000 reported spans: a quadratic scan (every interval per segment) would take minutes."""
    code = (
        "from framing.scores import voice_segments\n"
        "text = 'x' * 150_000\n"
        "reported = [(i * 10, i * 10 + 5) for i in range(15_000)]\n"
        "segments = voice_segments(text, (), (), reported)\n"
        "assert len(segments) == 30_000, len(segments)\n"
    )
    try:
        proc = _run(["-c", code], timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail("voice_segments did not finish 15,000 intervals within 10 s")
    assert proc.returncode == 0, proc.stderr
