"""Chunked, ordered, bounded analysis (framing.parallel)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from framing.analyze import Analyzer
from framing.errors import FramingError, InputError
from framing.parallel import (
    ChunkResult,
    ProcessEngine,
    Reused,
    analyze_chunk,
    default_jobs,
    local_submitter,
    run_ordered,
)
from framing.records import dumps, to_record
from framing.types import Document

TEXTS = [
    'The regime slammed critics on Tuesday. "This is a disgraceful witch hunt," said Jane Doe.',
    "Officials claimed the so-called reforms would fail, according to sources familiar with it.",
    "The council met on Monday and approved the budget for the new library.",
    "Critics called the radical plan a scheme to silence the opposition.",
]


def docs(n: int) -> list[Document]:
    return [Document(id=f"d{i}", text=TEXTS[i % len(TEXTS)] + f" Item {i}.") for i in range(n)]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def expected(analyzer: Analyzer, documents: list[Document]) -> list[bytes]:
    return [dumps(to_record(analyzer.analyze(d))) for d in documents]


def test_default_jobs_is_at_least_one() -> None:
    assert default_jobs() >= 1


def test_local_run_keeps_order_and_passes_reused_records(analyzer: Analyzer) -> None:
    documents = docs(7)
    items: list[Document | Reused] = [*documents[:3], Reused(b"old\n"), *documents[3:]]
    submit = local_submitter(analyzer, True, "skip")
    lines = [o.line for o in run_ordered(items, submit, chunk_size=3)]
    want = expected(analyzer, documents)
    assert lines == [*want[:3], b"old\n", *want[3:]]


def test_pending_chunks_are_bounded(analyzer: Analyzer) -> None:
    """The input is pulled no further than max_pending chunks ahead of the output."""
    pulled = 0

    def source() -> Iterator[Document]:
        nonlocal pulled
        for d in docs(40):
            pulled += 1
            yield d

    inner = local_submitter(analyzer, True, "skip")
    outstanding: list[int] = []

    def submit(chunk: list[Document]) -> Callable[[], ChunkResult]:
        outstanding.append(len(chunk))
        return inner(chunk)

    seen = 0
    for _ in run_ordered(source(), submit, chunk_size=4, max_pending=3):
        seen += 1
        assert pulled - seen <= 3 * 4
    assert seen == 40
    assert sum(outstanding) == 40


def test_analysis_failure_becomes_a_skipped_document(analyzer: Analyzer) -> None:
    class Broken(Analyzer):
        def analyze(self, document: Document):  # type: ignore[no-untyped-def]
            if document.id == "d1":
                raise ValueError("boom")
            return super().analyze(document)

    broken = Broken(analyzer.lexicons)
    out = analyze_chunk(broken, docs(3), True, "skip")
    assert isinstance(out, list)
    assert [o.line is None for o in out] == [False, True, False]
    failure = out[1].failure
    assert failure is not None
    assert failure.id == "d1"
    assert "ValueError: boom" in failure.reason
    with pytest.raises(ValueError, match="boom"):
        analyze_chunk(broken, docs(3), True, "fail")


def test_framing_error_in_a_chunk_is_raised_with_its_location(analyzer: Analyzer) -> None:
    class Strict(Analyzer):
        def analyze(self, document: Document):  # type: ignore[no-untyped-def]
            raise InputError("bad text", file="in.jsonl", line=3, field="text")

    submit = local_submitter(Strict(analyzer.lexicons), True, "skip")
    with pytest.raises(InputError) as info:
        list(run_ordered(docs(2), submit))
    assert (info.value.file, info.value.line, info.value.field) == ("in.jsonl", 3, "text")
    assert isinstance(info.value, FramingError)


def test_process_pool_output_equals_in_process(analyzer: Analyzer) -> None:
    documents = docs(25)
    with ProcessEngine(analyzer, 2, include_text=False, on_error="skip") as pool:
        lines = [
            o.line
            for o in run_ordered(
                documents, pool.submitter(), chunk_size=3, max_pending=pool.max_pending
            )
        ]
    assert lines == [dumps(to_record(analyzer.analyze(d), include_text=False)) for d in documents]
