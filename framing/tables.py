"""Analysis results as tables: pandas DataFrames, Parquet datasets, DuckDB views.

The JSONL records of ``framing analyze`` (docs/SCHEMA.md) flatten into six tables, one row per

- ``documents``: document (id, outlet, title, date, words by voice, scores, optionally text);
- ``hits``: lexicon hit (span, term, category, voice, weight, keyword-in-context);
- ``quotes``: quotation;
- ``attributions``: attribution relation (cue, source, content, stance, speaker);
- ``actors``: loaded label linked to an actor;
- ``skipped``: input document that could not be read or analysed (file, line, field, reason).

Every table but ``skipped`` has ``doc`` (the 0-based position of the document in the results,
the join key) and ``id``. Offsets are character offsets into the document text, as in the JSONL.

- :func:`to_frames` turns analyses (or records) into pandas DataFrames in memory;
- :class:`ParquetDatasetWriter` streams records into a Parquet dataset directory, a row group
  at a time (``framing analyze --parquet DIR``), never holding the corpus in memory;
- :func:`open_tables` opens such a directory as a DuckDB connection with one view per table;
- :func:`read_frames` loads a dataset directory as DataFrames; :func:`density` is an example
  aggregation (hits per 1,000 words by group, category and voice) done in DuckDB.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import orjson
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from framing.errors import InputError
from framing.records import to_record
from framing.types import VOICES, DocumentAnalysis, SkippedDocument

__all__ = [
    "CONTEXT_CHARS",
    "SCHEMAS",
    "TABLES",
    "ParquetDatasetWriter",
    "density",
    "open_tables",
    "read_frames",
    "record_rows",
    "to_frames",
    "write_parquet",
]

#: Characters of context kept on each side of a hit (``hits.left`` / ``hits.right``).
CONTEXT_CHARS = 70

_STR = pa.string()
_INT = pa.int64()
_F64 = pa.float64()
_BOOL = pa.bool_()

#: The Arrow schema of each table (column order is the order of the DataFrames too).
SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("doc", _INT),
            ("id", _STR),
            ("source", _STR),
            ("title", _STR),
            ("date", _STR),
            ("url", _STR),
            ("author", _STR),
            ("metadata", _STR),  # JSON object (query with DuckDB's json_extract)
            ("text_hash", _STR),
            ("n_words", _INT),
            *((f"words_{v}", _INT) for v in VOICES),
            ("n_sentences", _INT),
            ("n_excluded", _INT),
            ("n_hits", _INT),
            ("n_quotes", _INT),
            ("n_attributions", _INT),
            *((f"weighted_{v}", _F64) for v in ("all", *VOICES)),
            ("direct_quote_share", _F64),
            ("anonymous_rate", _F64),
            ("unverified_rate", _F64),
            ("n_speakers", _INT),
            ("text", _STR),  # null when analysed with --no-text
        ]
    ),
    "hits": pa.schema(
        [
            ("doc", _INT),
            ("id", _STR),
            ("start", _INT),
            ("end", _INT),
            ("text", _STR),
            ("term", _STR),
            ("category", _STR),
            ("weight", _F64),
            ("lexicon", _STR),
            ("sentence", _INT),
            ("voice", _STR),
            ("rules", _STR),  # space-separated
            ("scare_quoted", _BOOL),
            ("left", _STR),  # context before the hit (whitespace collapsed); null without text
            ("right", _STR),
        ]
    ),
    "quotes": pa.schema(
        [
            ("doc", _INT),
            ("id", _STR),
            ("start", _INT),
            ("end", _INT),
            ("inner_start", _INT),
            ("inner_end", _INT),
            ("text", _STR),
            ("kind", _STR),
            ("n_words", _INT),
            ("balanced", _BOOL),
            ("confidence", _F64),
        ]
    ),
    "attributions": pa.schema(
        [
            ("doc", _INT),
            ("id", _STR),
            ("cue_start", _INT),
            ("cue_end", _INT),
            ("cue", _STR),
            ("lemma", _STR),
            ("stance", _STR),
            ("negated", _BOOL),  # a negation in the cue's verb group ("did not deny")
            ("source_start", _INT),
            ("source_end", _INT),
            ("source_text", _STR),
            ("source_type", _STR),  # "none" when the attribution has no source span
            ("content_start", _INT),
            ("content_end", _INT),
            ("kind", _STR),
            ("speaker", _STR),
            ("confidence", _F64),
        ]
    ),
    "actors": pa.schema(
        [
            ("doc", _INT),
            ("id", _STR),
            ("actor", _STR),
            ("label", _STR),
            ("category", _STR),
            ("start", _INT),
            ("end", _INT),
            ("actor_start", _INT),
            ("actor_end", _INT),
            ("voice", _STR),
            ("link", _STR),
        ]
    ),
    "skipped": pa.schema(
        [("file", _STR), ("line", _INT), ("field", _STR), ("reason", _STR), ("id", _STR)]
    ),
}

#: Table names, in the order they are written.
TABLES: tuple[str, ...] = tuple(SCHEMAS)

Rows = dict[str, list[dict[str, Any]]]


def _collapse(text: str) -> str:
    return " ".join(text.split())


def record_rows(record: Mapping[str, Any], doc: int) -> Rows:
    """The table rows of one analyze record (``doc`` is its position in the results)."""
    doc_id = record["id"]
    text = record.get("text")
    scores = record.get("scores") or {}
    by_voice = scores.get("words_by_voice") or {}
    weighted = scores.get("weighted") or {}
    attribution = scores.get("attribution") or {}
    hits = record.get("hits") or []
    quotes = record.get("quotes") or []
    attrs = record.get("attributions") or []

    def num(value: Any) -> float | None:
        return float(value) if isinstance(value, int | float) else None

    document = {
        "doc": doc,
        "id": doc_id,
        "source": record.get("source"),
        "title": record.get("title"),
        "date": record.get("date"),
        "url": record.get("url"),
        "author": record.get("author"),
        "metadata": orjson.dumps(record.get("metadata") or {}).decode(),
        "text_hash": record.get("text_hash"),
        "n_words": record.get("n_words", scores.get("n_words")),
        **{f"words_{v}": int(by_voice.get(v, 0)) for v in VOICES},
        "n_sentences": len(record.get("sentences") or ()),
        "n_excluded": len(record.get("excluded") or ()),
        "n_hits": len(hits),
        "n_quotes": len(quotes),
        "n_attributions": len(attrs),
        **{f"weighted_{v}": num(weighted.get(v)) for v in ("all", *VOICES)},
        "direct_quote_share": num(attribution.get("direct_quote_share")),
        "anonymous_rate": num(attribution.get("anonymous_rate")),
        "unverified_rate": num(attribution.get("unverified_rate")),
        "n_speakers": attribution.get("n_speakers"),
        "text": text,
    }
    hit_rows = []
    for h in hits:
        left = right = None
        if isinstance(text, str):
            left = _collapse(text[max(0, h["start"] - CONTEXT_CHARS) : h["start"]])
            right = _collapse(text[h["end"] : h["end"] + CONTEXT_CHARS])
        hit_rows.append(
            {
                "doc": doc,
                "id": doc_id,
                "start": h["start"],
                "end": h["end"],
                "text": h["text"],
                "term": h["term"],
                "category": h["category"],
                "weight": float(h["weight"]),
                "lexicon": h["lexicon"],
                "sentence": h["sentence"],
                "voice": h["voice"],
                "rules": " ".join(h.get("rules") or ()),
                "scare_quoted": bool(h.get("scare_quoted", False)),
                "left": left,
                "right": right,
            }
        )
    quote_rows = [{"doc": doc, "id": doc_id, **{k: q[k] for k in _QUOTE_KEYS}} for q in quotes]
    attr_rows = []
    for a in attrs:
        cue = a["cue"]
        source = a.get("source")
        content = a.get("content")
        attr_rows.append(
            {
                "doc": doc,
                "id": doc_id,
                "cue_start": cue["start"],
                "cue_end": cue["end"],
                "cue": cue["text"],
                "lemma": cue["lemma"],
                "stance": cue["stance"],
                "negated": bool(cue.get("negated", False)),
                "source_start": source["start"] if source else None,
                "source_end": source["end"] if source else None,
                "source_text": source["text"] if source else None,
                "source_type": source["type"] if source else "none",
                "content_start": content["start"] if content else None,
                "content_end": content["end"] if content else None,
                "kind": a["kind"],
                "speaker": a.get("speaker"),
                "confidence": float(a.get("confidence", 1.0)),
            }
        )
    actor_rows = [
        # ("link" is absent from records written before links were recorded)
        {"doc": doc, "id": doc_id, **{k: x[k] for k in _ACTOR_KEYS if k != "link"}}
        | {"link": x.get("link")}
        for x in record.get("actors") or []
    ]
    return {
        "documents": [document],
        "hits": hit_rows,
        "quotes": quote_rows,
        "attributions": attr_rows,
        "actors": actor_rows,
    }


_QUOTE_KEYS = [n for n in SCHEMAS["quotes"].names if n not in ("doc", "id")]
_ACTOR_KEYS = [n for n in SCHEMAS["actors"].names if n not in ("doc", "id")]


def skipped_rows(skipped: Iterable[SkippedDocument]) -> list[dict[str, Any]]:
    return [
        {"file": s.file, "line": s.line, "field": s.field, "reason": s.reason, "id": s.id}
        for s in skipped
    ]


def _frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    names = SCHEMAS[table].names
    return (
        pd.DataFrame(rows, columns=names)
        if rows
        else pd.DataFrame(
            {n: pd.Series(dtype=_DTYPES[str(SCHEMAS[table].field(n).type)]) for n in names}
        )
    )


_DTYPES = {"int64": "int64", "double": "float64", "bool": "bool", "string": "object"}


def to_frames(
    analyses: Iterable[DocumentAnalysis | Mapping[str, Any]],
    *,
    include_text: bool = True,
    skipped: Iterable[SkippedDocument] = (),
) -> dict[str, pd.DataFrame]:
    """The analyses (or their JSONL records) as pandas DataFrames, one per table.

    Keys are :data:`TABLES`; columns follow :data:`SCHEMAS`. ``doc`` numbers the analyses in
    the order given. Holds everything in memory: for large corpora write a Parquet dataset with
    ``framing analyze --parquet DIR`` and query it with :func:`open_tables`.
    """
    rows: Rows = {name: [] for name in TABLES}
    for doc, item in enumerate(analyses):
        record = (
            to_record(item, include_text=include_text)
            if isinstance(item, DocumentAnalysis)
            else item
        )
        for name, part in record_rows(record, doc).items():
            rows[name].extend(part)
    rows["skipped"] = skipped_rows(skipped)
    return {name: _frame(name, rows[name]) for name in TABLES}


class ParquetDatasetWriter:
    """Stream analyze records into a Parquet dataset directory.

    The directory gets one file per table (``documents.parquet``, ``hits.parquet``, …,
    ``skipped.parquet``) plus ``manifest.json``. Rows are buffered and written as a row group
    every ``row_group_documents`` documents, so memory stays bounded. The dataset is built in a
    temporary directory next to ``path`` and moved into place by :meth:`close`; :meth:`abort`
    removes it, leaving an earlier dataset at ``path`` untouched.
    """

    def __init__(self, path: str | Path, *, row_group_documents: int = 1000) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise InputError("the Parquet output must be a directory", file=str(self.path))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.", dir=self.path.parent))
        self.row_group_documents = max(1, row_group_documents)
        self._rows: Rows = {name: [] for name in TABLES if name != "skipped"}
        self._writers = {
            name: pq.ParquetWriter(self.tmp / f"{name}.parquet", SCHEMAS[name])
            for name in TABLES
            if name != "skipped"
        }
        self.documents = 0

    def add(self, record: Mapping[str, Any]) -> None:
        """Add one analyze record (a dict as in docs/SCHEMA.md)."""
        for name, part in record_rows(record, self.documents).items():
            self._rows[name].extend(part)
        self.documents += 1
        if len(self._rows["documents"]) >= self.row_group_documents:
            self.flush()

    def add_json(self, line: bytes) -> None:
        """Add one JSONL line of analyze output."""
        self.add(orjson.loads(line))

    def flush(self) -> None:
        for name, rows in self._rows.items():
            if rows:
                table = pa.Table.from_pylist(rows, schema=SCHEMAS[name])
                self._writers[name].write_table(table)
                rows.clear()

    def close(
        self, skipped: Sequence[SkippedDocument] = (), manifest: Mapping[str, Any] | None = None
    ) -> Path:
        """Write the last row groups, the skipped table and the manifest; move into place."""
        self.flush()
        for writer in self._writers.values():
            writer.close()
        pq.write_table(
            pa.Table.from_pylist(skipped_rows(skipped), schema=SCHEMAS["skipped"]),
            self.tmp / "skipped.parquet",
        )
        info = {**(manifest or {}), "tables": list(TABLES), "documents": self.documents}
        (self.tmp / "manifest.json").write_bytes(
            orjson.dumps(info, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
        )
        if self.path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.old.", dir=self.path.parent))
            os.replace(self.path, old / self.path.name)
            os.replace(self.tmp, self.path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(self.tmp, self.path)
        return self.path

    def abort(self) -> None:
        for writer in self._writers.values():
            with contextlib.suppress(Exception):  # closing a broken writer while failing
                writer.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def write_parquet(
    records: Iterable[Mapping[str, Any] | DocumentAnalysis],
    path: str | Path,
    *,
    skipped: Sequence[SkippedDocument] = (),
    manifest: Mapping[str, Any] | None = None,
    include_text: bool = True,
) -> Path:
    """Write analyses or records to a Parquet dataset directory (streamed)."""
    writer = ParquetDatasetWriter(path)
    try:
        for item in records:
            writer.add(
                to_record(item, include_text=include_text)
                if isinstance(item, DocumentAnalysis)
                else item
            )
    except BaseException:
        writer.abort()
        raise
    return writer.close(skipped, manifest)


def _check_dataset(path: Path) -> None:
    if not path.is_dir():
        raise InputError(
            "not a Parquet results directory (framing analyze --parquet)", file=str(path)
        )
    for name in TABLES:
        if not (path / f"{name}.parquet").is_file():
            raise InputError(
                f"{name}.parquet is missing: not a complete framing Parquet dataset",
                file=str(path),
                field=name,
            )


def open_tables(path: str | Path, *, connection: Any = None) -> Any:
    """A DuckDB connection with a view per table of the Parquet dataset at ``path``.

    Views: ``documents``, ``hits``, ``quotes``, ``attributions``, ``actors``, ``skipped``. The
    Parquet files are scanned lazily by DuckDB, so aggregations over millions of rows run
    without loading them into Python. Example::

        con = open_tables("results.parquet")
        con.sql("SELECT source, count(*) FROM documents GROUP BY source").df()
    """
    import duckdb

    root = Path(path)
    _check_dataset(root)
    con = connection if connection is not None else duckdb.connect()
    for name in TABLES:
        file = str((root / f"{name}.parquet").resolve()).replace("'", "''")
        con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet('{file}')")
    return con


def read_frames(path: str | Path, tables: Sequence[str] = TABLES) -> dict[str, pd.DataFrame]:
    """Load tables of a Parquet dataset directory as pandas DataFrames."""
    root = Path(path)
    _check_dataset(root)
    unknown = [t for t in tables if t not in SCHEMAS]
    if unknown:
        raise InputError(f"unknown table {unknown[0]!r}; tables: {', '.join(TABLES)}")
    return {t: pq.read_table(root / f"{t}.parquet").to_pandas() for t in tables}


def density(path: str | Path, *, group: str = "source") -> pd.DataFrame:
    """Hits per 1,000 words by ``group`` (a documents column), category and voice, in DuckDB.

    Columns: ``group``, ``category``, ``voice`` (``all`` or a voice), ``hits``, ``words``,
    ``per_1000``. Words are the scored words of that voice in the group's documents.
    """
    if group not in SCHEMAS["documents"].names or group in ("doc", "text", "metadata"):
        raise InputError(f"cannot group by {group!r}", field=group)
    con = open_tables(path)
    voices = ", ".join(f"('{v}', words_{v})" for v in VOICES)
    sql = f"""
        WITH d AS (SELECT doc, coalesce(CAST("{group}" AS VARCHAR), '(no source)') AS g,
                          n_words, {", ".join(f"words_{v}" for v in VOICES)} FROM documents),
        words AS (
            SELECT g, 'all' AS voice, sum(n_words) AS words FROM d GROUP BY g
            UNION ALL
            SELECT g, v.voice, sum(v.words) FROM d,
                   LATERAL (VALUES {voices}) AS v(voice, words) GROUP BY g, v.voice
        ),
        h AS (
            SELECT d.g, hits.category, hits.voice FROM hits JOIN d USING (doc)
        ),
        counts AS (
            SELECT g, category, 'all' AS voice, count(*) AS hits FROM h GROUP BY g, category
            UNION ALL
            SELECT g, category, voice, count(*) FROM h GROUP BY g, category, voice
        )
        SELECT counts.g AS "group", category, counts.voice, hits, words,
               CASE WHEN words > 0 THEN hits * 1000.0 / words END AS per_1000
        FROM counts JOIN words USING (g, voice)
        ORDER BY "group", category, counts.voice
    """
    frame: pd.DataFrame = con.sql(sql).df()
    con.close()
    return frame
