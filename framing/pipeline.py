"""Run the analysis over a corpus and write results: streaming, counted, atomic.

Every input document ends up either in the results or in the errors file with its reason, and
the run checks that ``read == analysed + skipped``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import orjson

from framing import __version__
from framing.analyze import Analyzer
from framing.corpus import FieldMap, read_documents
from framing.errors import FramingError
from framing.records import dumps, to_record
from framing.types import Document, SkippedDocument


@dataclass(frozen=True, slots=True)
class RunSummary:
    output: str
    errors_file: str
    manifest_file: str
    read: int
    analysed: int
    skipped: int
    skipped_documents: tuple[SkippedDocument, ...] = field(repr=False, default=())

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

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self.tmp = Path(tmp)
        self.handle = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        self.handle.write(data)

    def commit(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.handle.close()
        self.tmp.unlink(missing_ok=True)


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
) -> RunSummary:
    """Analyse ``documents`` into ``output`` (JSONL) with its errors file and manifest."""
    output = Path(output)
    errors_path = sidecar(output, "errors")
    manifest_path = sidecar(output, "manifest")
    out = _AtomicOutput(output)
    analysed = 0
    failed: list[SkippedDocument] = []
    try:
        for doc in documents:
            try:
                analysis = analyzer.analyze(doc)
            except FramingError:
                raise
            except Exception as exc:  # an analysis bug must not lose the document silently
                if on_error == "fail":
                    raise
                failed.append(
                    SkippedDocument(
                        file=(doc.origin or "?").rsplit(":", 1)[0],
                        line=None,
                        field=None,
                        reason=f"analysis failed: {type(exc).__name__}: {exc}",
                        id=doc.id,
                    )
                )
                continue
            out.write(dumps(to_record(analysis, include_text=include_text)))
            analysed += 1
            if progress is not None:
                progress(analysed)
        out.commit()
    except BaseException:
        out.abort()
        raise
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
    )
    manifest = {
        "framing_version": __version__,
        "inputs": list(inputs),
        "analyzer": analyzer.params(),
        "counts": {"read": summary.read, "analysed": analysed, "skipped": summary.skipped},
        "results": output.name,
        "errors": errors_path.name,
    }
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
) -> RunSummary:
    """Read ``inputs`` with :func:`framing.corpus.read_documents` and analyse them."""
    skipped: list[SkippedDocument] = []
    docs = read_documents(
        inputs,
        fields=fields or FieldMap(),
        source=source,
        on_error=on_error,
        skipped=skipped,
        fmt=fmt,
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
    )
