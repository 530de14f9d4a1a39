"""Run the analysis over a corpus and write results: streaming, parallel, incremental, atomic.

Every input document ends up either in the results or in the errors file with its reason, and
the run checks that ``read == analysed + skipped``. Documents are read, analysed and written
one chunk at a time (memory does not grow with the corpus), by ``jobs`` processes or a Dask
cluster (:mod:`framing.parallel`, :mod:`framing.dask_engine`), always in input order, so the
output does not depend on the engine.

Incremental runs (``incremental=True``) reuse the records of the previous output for documents
whose key (text hash and metadata) is unchanged, provided the run key (package version,
analyzer parameters with lexicon hashes, ``include_text``) matches the previous manifest.
While such a run is under way the results go to a checkpoint file next to the output
(``.NAME.partial`` with its key in ``.NAME.partial.json``); if it is interrupted the next
incremental run resumes from it, analysing only what was not finished.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

import orjson

from framing import __version__
from framing.analyze import Analyzer, text_hash
from framing.corpus import MAX_TEXT_CHARS, FieldMap, detect_format, read_documents
from framing.errors import ConfigError
from framing.parallel import (
    Outcome,
    ProcessEngine,
    Reused,
    Submit,
    default_jobs,
    local_submitter,
    run_ordered,
)
from framing.records import dumps
from framing.types import Document, SkippedDocument

__all__ = [
    "RunSummary",
    "analyze_documents",
    "analyze_inputs",
    "document_key",
    "estimate_documents",
    "record_key",
    "run_key",
    "sidecar",
]

Engine = Literal["local", "dask"]


@dataclass(frozen=True, slots=True)
class RunSummary:
    output: str
    errors_file: str
    manifest_file: str
    read: int
    analysed: int
    skipped: int
    skipped_documents: tuple[SkippedDocument, ...] = field(repr=False, default=())
    reused: int = 0  # of ``analysed``, records taken over from an earlier run
    parquet: str | None = None

    @property
    def balanced(self) -> bool:
        return self.read == self.analysed + self.skipped


def sidecar(output: Path, kind: str) -> Path:
    """``results.jsonl`` -> ``results.errors.jsonl`` / ``results.manifest.json``."""
    stem = output.name[: -len(".jsonl")] if output.name.endswith(".jsonl") else output.name
    suffix = ".errors.jsonl" if kind == "errors" else ".manifest.json"
    return output.with_name(stem + suffix)


def skipped_record(s: SkippedDocument) -> dict[str, Any]:
    return {"file": s.file, "line": s.line, "field": s.field, "id": s.id, "reason": s.reason}


class _AtomicOutput:
    """A file written under a temporary name and renamed into place on success only."""

    def __init__(self, path: Path, tmp: Path | None = None) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        if tmp is None:
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            self.tmp = Path(name)
            self.handle: IO[bytes] = os.fdopen(fd, "wb")
        else:
            self.tmp = tmp
            self.handle = tmp.open("wb")

    def write(self, data: bytes) -> None:
        self.handle.write(data)

    def commit(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.tmp, self.path)

    def abort(self, *, keep: bool = False) -> None:
        """Close; remove the temporary file unless ``keep`` (a checkpoint to resume from)."""
        try:
            self.handle.flush()
        finally:
            self.handle.close()
        if not keep:
            self.tmp.unlink(missing_ok=True)


# --------------------------------------------------------------------------- incremental


def _sha1(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def run_key(analyzer: Analyzer, include_text: bool) -> str:
    """What must not change for earlier records to be reused: package version, analyzer
    parameters (with each lexicon's content hash) and whether texts are included."""
    params = {"framing_version": __version__, "analyzer": analyzer.params(), "text": include_text}
    return _sha1(orjson.dumps(params, option=orjson.OPT_SORT_KEYS))


def _key(doc_id: Any, hash_: Any, fields: Sequence[Any], metadata: Any) -> str:
    data = orjson.dumps(
        [doc_id, hash_, *fields, metadata], option=orjson.OPT_SORT_KEYS, default=str
    )
    return _sha1(data)


def document_key(doc: Document) -> str:
    """The key of a document: id, text hash and metadata (title, date, … and extra fields)."""
    fields = (doc.source, doc.title, doc.date, doc.url, doc.author)
    return _key(doc.id, text_hash(doc.text), fields, dict(doc.metadata))


def record_key(record: dict[str, Any]) -> str:
    """The :func:`document_key` of the document an analyze record was made from."""
    fields = tuple(record.get(k) for k in ("source", "title", "date", "url", "author"))
    return _key(record.get("id"), record.get("text_hash"), fields, record.get("metadata") or {})


class _ReuseIndex:
    """Where earlier records are: key -> (file, offset, length); read back on demand."""

    def __init__(self) -> None:
        self._where: dict[str, tuple[int, int, int]] = {}
        self._files: list[IO[bytes]] = []

    def __len__(self) -> int:
        return len(self._where)

    def add_file(self, path: Path, stack: ExitStack) -> None:
        handle = stack.enter_context(path.open("rb"))
        number = len(self._files)
        self._files.append(handle)
        offset = 0
        for line in handle:
            size = len(line)
            if line.endswith(b"\n"):  # a last line cut short by an interruption is ignored
                try:
                    record = orjson.loads(line)
                except orjson.JSONDecodeError:
                    record = None
                if isinstance(record, dict) and "text_hash" in record:
                    self._where.setdefault(record_key(record), (number, offset, size))
            offset += size

    def get(self, key: str) -> bytes | None:
        where = self._where.get(key)
        if where is None:
            return None
        number, offset, size = where
        handle = self._files[number]
        handle.seek(offset)
        return handle.read(size)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        value = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    return value if isinstance(value, dict) else {}


def _checkpoint_paths(output: Path) -> tuple[Path, Path, Path]:
    """(partial results, their key, records saved from an earlier interrupted run)."""
    return (
        output.with_name(f".{output.name}.partial"),
        output.with_name(f".{output.name}.partial.json"),
        output.with_name(f".{output.name}.resume"),
    )


def _prepare_resume(output: Path, key: str) -> None:
    """Move a matching checkpoint's complete records to the resume file; drop stale ones."""
    partial, partial_key, resume = _checkpoint_paths(output)
    if partial.exists() and _read_json(partial_key).get("run_key") == key:
        if resume.exists():  # interrupted twice: keep both runs' records
            with resume.open("ab") as dst, partial.open("rb") as src:
                for line in src:
                    if line.endswith(b"\n"):
                        dst.write(line)
            partial.unlink()
        else:
            os.replace(partial, resume)
    else:
        partial.unlink(missing_ok=True)
        resume.unlink(missing_ok=True)
    partial_key.unlink(missing_ok=True)


# --------------------------------------------------------------------------- running


def _engine_outcomes(
    items: Iterable[Document | Reused],
    analyzer: Analyzer,
    stack: ExitStack,
    *,
    jobs: int,
    engine: Engine,
    scheduler: str | None,
    chunk_size: int | None,
    include_text: bool,
    on_error: Literal["fail", "skip"],
) -> Iterator[Outcome]:
    submit: Submit
    if engine == "dask":
        from framing.dask_engine import DaskEngine, dask_client

        client = stack.enter_context(dask_client(scheduler, n_workers=jobs))
        dask = DaskEngine(client, analyzer, include_text=include_text, on_error=on_error)
        return run_ordered(
            items, dask.submitter(), chunk_size=chunk_size or 64, max_pending=dask.max_pending
        )
    if engine != "local":
        raise ConfigError(f"unknown engine {engine!r}: use 'local' or 'dask'", field="engine")
    if jobs <= 1:
        submit = local_submitter(analyzer, include_text, on_error)
        return run_ordered(items, submit, chunk_size=chunk_size or 16, max_pending=1)
    pool = stack.enter_context(
        ProcessEngine(analyzer, jobs, include_text=include_text, on_error=on_error)
    )
    # chunks of 64: fewer round trips to the workers than 16 (2 jobs against 1 on the 10x
    # PolNeAR corpus, compiled build: 1.72x with 16, 1.75x with 32, 1.78x with 64)
    return run_ordered(
        items, pool.submitter(), chunk_size=chunk_size or 64, max_pending=pool.max_pending
    )


def analyze_documents(
    documents: Iterable[Document],
    analyzer: Analyzer,
    output: Path,
    *,
    skipped: list[SkippedDocument],
    include_text: bool = True,
    on_error: Literal["fail", "skip"] = "skip",
    progress: Callable[[int], None] | None = None,
    inputs: Sequence[str] = (),
    jobs: int | None = 1,
    engine: Engine = "local",
    scheduler: str | None = None,
    chunk_size: int | None = None,
    parquet: Path | None = None,
    incremental: bool = False,
) -> RunSummary:
    """Analyse ``documents`` into ``output`` (JSONL) with its errors file and manifest.

    ``jobs``: worker processes (``None``: all cores; 1: this process) or, with
    ``engine="dask"``, local-cluster workers when no ``scheduler`` address is given.
    ``parquet``: also write the results as a Parquet dataset directory
    (:mod:`framing.tables`). ``incremental``: reuse earlier records (see the module docs).
    ``skipped`` is the list the reader appends to; it is read at the end of the run.
    ``progress`` is called with the number of documents done so far.
    """
    output = Path(output)
    errors_path = sidecar(output, "errors")
    manifest_path = sidecar(output, "manifest")
    n_jobs = default_jobs() if jobs is None else max(1, jobs)
    key = run_key(analyzer, include_text)
    partial, partial_key, resume = _checkpoint_paths(output)

    analysed = reused = 0
    failed: list[SkippedDocument] = []
    table_writer = None
    with ExitStack() as stack:
        index = _ReuseIndex()
        if incremental:
            output.parent.mkdir(parents=True, exist_ok=True)
            _prepare_resume(output, key)
            if output.is_file() and _read_json(manifest_path).get("run_key") == key:
                index.add_file(output, stack)
            if resume.is_file():
                index.add_file(resume, stack)
            out = _AtomicOutput(output, partial)
            partial_key.write_bytes(orjson.dumps({"run_key": key, "output": output.name}))
        else:
            out = _AtomicOutput(output)

        def items() -> Iterator[Document | Reused]:
            for doc in documents:
                line = index.get(document_key(doc)) if len(index) else None
                yield Reused(line) if line is not None else doc

        try:
            if parquet is not None:
                from framing.tables import ParquetDatasetWriter

                table_writer = ParquetDatasetWriter(parquet)
            outcomes = _engine_outcomes(
                items(),
                analyzer,
                stack,
                jobs=n_jobs,
                engine=engine,
                scheduler=scheduler,
                chunk_size=chunk_size,
                include_text=include_text,
                on_error=on_error,
            )
            for done, outcome in enumerate(outcomes, 1):
                if outcome.line is None:
                    assert outcome.failure is not None
                    failed.append(outcome.failure)
                else:
                    out.write(outcome.line)
                    if table_writer is not None:
                        table_writer.add_json(outcome.line)
                    analysed += 1
                    reused += outcome.reused
                if progress is not None:
                    progress(done)
            out.commit()
        except BaseException:
            out.abort(keep=incremental)
            if table_writer is not None:
                table_writer.abort()
            raise
    if incremental:
        partial_key.unlink(missing_ok=True)
        resume.unlink(missing_ok=True)

    all_skipped = tuple(skipped) + tuple(failed)
    errors = _AtomicOutput(errors_path)
    for s in all_skipped:
        errors.write(dumps(skipped_record(s)))
    errors.commit()
    summary = RunSummary(
        output=str(output),
        errors_file=str(errors_path),
        manifest_file=str(manifest_path),
        read=analysed + len(all_skipped),
        analysed=analysed,
        skipped=len(all_skipped),
        skipped_documents=all_skipped,
        reused=reused,
        parquet=str(parquet) if parquet is not None else None,
    )
    manifest = {
        "framing_version": __version__,
        "inputs": list(inputs),
        "analyzer": analyzer.params(),
        "include_text": include_text,
        "run_key": key,
        "counts": {"read": summary.read, "analysed": analysed, "skipped": summary.skipped},
        "results": output.name,
        "errors": errors_path.name,
    }
    if table_writer is not None:
        table_writer.close(all_skipped, manifest)
    mf = _AtomicOutput(manifest_path)
    mf.write(orjson.dumps(manifest, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
    mf.commit()
    return summary


def analyze_inputs(
    inputs: Sequence[str | Path],
    output: Path,
    *,
    analyzer: Analyzer | None = None,
    fields: FieldMap | None = None,
    source: str | None = None,
    fmt: str | None = None,
    on_error: Literal["fail", "skip"] = "skip",
    include_text: bool = True,
    progress: Callable[[int], None] | None = None,
    jobs: int | None = 1,
    engine: Engine = "local",
    scheduler: str | None = None,
    chunk_size: int | None = None,
    parquet: Path | None = None,
    incremental: bool = False,
    max_chars: int | None = MAX_TEXT_CHARS,
) -> RunSummary:
    """Read ``inputs`` with :func:`framing.corpus.read_documents` and analyse them
    (the options are those of :func:`analyze_documents`; ``max_chars`` is the longest text
    analysed, longer ones are skipped with their size, ``None`` for no limit)."""
    skipped: list[SkippedDocument] = []
    docs = read_documents(
        inputs,
        fields=fields or FieldMap(),
        source=source,
        on_error=on_error,
        skipped=skipped,
        fmt=fmt,
        max_chars=max_chars,
    )
    return analyze_documents(
        docs,
        analyzer or Analyzer(),
        output,
        skipped=skipped,
        include_text=include_text,
        on_error=on_error,
        progress=progress,
        inputs=[str(i) for i in inputs],
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        chunk_size=chunk_size,
        parquet=parquet,
        incremental=incremental,
    )


def estimate_documents(inputs: Sequence[str | Path]) -> int | None:
    """How many documents ``inputs`` hold, when that is cheap to count (for progress bars):
    .txt/.html files (one document each) and lines of plain JSONL files; ``None`` when an
    input is stdin, CSV or compressed."""
    total = 0
    for item in inputs:
        path = Path(item)
        if str(item) == "-" or not path.exists():
            return None
        files: Iterable[Path] = [path]
        if path.is_dir():
            files = (
                Path(folder, name)
                for folder, dirnames, names in os.walk(path)
                if not any(part.startswith(".") for part in Path(folder).relative_to(path).parts)
                for name in names
                if not name.startswith(".") and detect_format(Path(name)) is not None
            )
        for file in files:
            fmt = detect_format(file)
            if fmt in ("txt", "html"):
                total += 1
            elif fmt == "jsonl" and not file.name.lower().endswith(".gz"):
                with file.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                return None
    return total
