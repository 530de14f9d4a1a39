"""Analyse documents in chunks, in worker processes or in-process, keeping input order.

Documents are grouped into chunks of ``chunk_size``; each chunk is analysed by one worker,
which serialises every record to its JSONL line before sending it back (bytes are cheaper to
move between processes than dataclasses). At most ``max_pending`` chunks are in flight, so
memory stays bounded however long the input is, and results are yielded in input order: the
output of ``jobs=N`` is byte-identical to ``jobs=1``.

The same ordered, bounded loop drives every engine: :func:`local_submitter` (this process),
:class:`ProcessEngine` (a :mod:`multiprocessing` pool whose initializer receives the analyzer
once per worker) and :mod:`framing.dask_engine` (a Dask cluster).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from framing.analyze import Analyzer
from framing.errors import FramingError
from framing.records import dumps, to_record
from framing.types import Document, SkippedDocument

__all__ = [
    "Outcome",
    "ProcessEngine",
    "Reused",
    "analyze_chunk",
    "default_jobs",
    "local_submitter",
    "run_ordered",
]

OnError = Literal["fail", "skip"]


@dataclass(frozen=True, slots=True)
class Reused:
    """A record taken from an earlier run instead of analysing the document again."""

    line: bytes


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result for one input document: its JSONL line, or why it could not be analysed."""

    line: bytes | None
    failure: SkippedDocument | None = None
    reused: bool = False


@dataclass(frozen=True, slots=True)
class _RaisedError:
    """A :class:`FramingError` raised in a worker, carried back with its file/line/field."""

    kind: type[FramingError]
    message: str
    file: str | None
    line: int | None
    field: str | None

    def rebuild(self) -> FramingError:
        return self.kind(self.message, file=self.file, line=self.line, field=self.field)


#: What a submitted chunk returns when asked for its result.
ChunkResult = list[Outcome] | _RaisedError
#: Start analysing a chunk; returns a function that waits for and returns its outcomes.
Submit = Callable[[list[Document]], Callable[[], ChunkResult]]


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _failure(doc: Document, exc: BaseException) -> SkippedDocument:
    return SkippedDocument(
        file=(doc.origin or "?").rsplit(":", 1)[0],
        line=None,
        field=None,
        reason=f"analysis failed: {type(exc).__name__}: {exc}",
        id=doc.id,
    )


def analyze_chunk(
    analyzer: Analyzer, docs: Iterable[Document], include_text: bool, on_error: OnError
) -> ChunkResult:
    """Analyse ``docs`` into JSONL lines; an unexpected error fails only that document
    (or the run, with ``on_error="fail"``)."""
    out: list[Outcome] = []
    for doc in docs:
        try:
            line = dumps(to_record(analyzer.analyze(doc), include_text=include_text))
        except FramingError as exc:
            return _RaisedError(type(exc), exc.message, exc.file, exc.line, exc.field)
        except Exception as exc:  # an analysis bug must not lose the document silently
            if on_error == "fail":
                raise
            out.append(Outcome(None, _failure(doc, exc)))
            continue
        out.append(Outcome(line))
    return out


def local_submitter(analyzer: Analyzer, include_text: bool, on_error: OnError) -> Submit:
    """Analyse each chunk in this process, when it is submitted."""

    def submit(docs: list[Document]) -> Callable[[], ChunkResult]:
        result = analyze_chunk(analyzer, docs, include_text, on_error)
        return lambda: result

    return submit


def run_ordered(
    items: Iterable[Document | Reused],
    submit: Submit,
    *,
    chunk_size: int = 16,
    max_pending: int = 1,
) -> Iterator[Outcome]:
    """One :class:`Outcome` per item, in input order, with at most ``max_pending`` chunks
    submitted and not yet consumed. :class:`Reused` items pass through without analysis."""
    pending: deque[tuple[list[Document | Reused], Callable[[], ChunkResult] | None]] = deque()

    def drain() -> Iterator[Outcome]:
        chunk, wait = pending.popleft()
        result: ChunkResult = wait() if wait is not None else []
        if isinstance(result, _RaisedError):
            raise result.rebuild()
        analysed = iter(result)
        for item in chunk:
            if isinstance(item, Reused):
                yield Outcome(item.line, reused=True)
            else:
                yield next(analysed)

    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, max(1, chunk_size))):
        docs = [d for d in chunk if isinstance(d, Document)]
        pending.append((chunk, submit(docs) if docs else None))
        while len(pending) > max(0, max_pending - 1):
            yield from drain()
    while pending:
        yield from drain()


# ----------------------------------------------------------------------- process pool

_WORKER: dict[str, Any] = {}


def _init_worker(analyzer: Analyzer, include_text: bool, on_error: OnError) -> None:
    _WORKER["args"] = (analyzer, include_text, on_error)


def _work(docs: list[Document]) -> ChunkResult:
    analyzer, include_text, on_error = _WORKER["args"]
    return analyze_chunk(analyzer, docs, include_text, on_error)


class ProcessEngine:
    """A pool of ``jobs`` worker processes, each holding one copy of the analyzer.

    Use as a context manager; :meth:`submitter` feeds :func:`run_ordered`. Up to
    ``2 * jobs + 1`` chunks are in flight, so workers never wait for the reader.
    """

    def __init__(
        self, analyzer: Analyzer, jobs: int, *, include_text: bool, on_error: OnError
    ) -> None:
        self.jobs = max(1, jobs)
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self._pool = multiprocessing.get_context(method).Pool(
            self.jobs, initializer=_init_worker, initargs=(analyzer, include_text, on_error)
        )

    @property
    def max_pending(self) -> int:
        return 2 * self.jobs + 1

    def submitter(self) -> Submit:
        def submit(docs: list[Document]) -> Callable[[], ChunkResult]:
            handle = self._pool.apply_async(_work, (docs,))
            return handle.get

        return submit

    def __enter__(self) -> ProcessEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self._pool.close()
        else:
            self._pool.terminate()
        self._pool.join()
