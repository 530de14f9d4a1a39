"""Read documents from JSONL, CSV/TSV, plain-text and HTML files, directories and stdin.

Every reader is a generator: files are read record by record (a ``.txt`` or ``.html`` file is
one record), so memory does not grow with the size of the corpus. Each record becomes a
:class:`~framing.types.Document` or, when it cannot be read, a
:class:`~framing.types.SkippedDocument` naming the file, line and field; with
``on_error="fail"`` the first such problem raises :class:`~framing.errors.InputError` instead.
Nothing is dropped without a record. The formats and every rule are documented in
``docs/INPUT.md``.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import itertools
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Literal, TypeVar, cast

import orjson

from framing.errors import InputError
from framing.types import Document, SkippedDocument

__all__ = [
    "FORMATS",
    "MAX_TEXT_CHARS",
    "FieldMap",
    "detect_format",
    "iter_jsonl_records",
    "read_documents",
]

log = logging.getLogger(__name__)

OnError = Literal["fail", "skip"]
_T = TypeVar("_T")
Record = Document | SkippedDocument

#: Input formats, by the name ``fmt`` takes.
FORMATS: tuple[str, ...] = ("jsonl", "csv", "tsv", "txt", "html")

#: File-name endings and the format they select (a trailing ``.gz`` is decompressed first).
_EXTENSIONS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
}
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CSV_DELIMITERS = (",", ";", "\t", "|")

#: Longest text accepted as one document (characters). A real article is well under 100,000
#: characters; a longer "article" is almost always a concatenated dump or a broken scrape, and is
#: skipped with its size as the reason (``read_documents(max_chars=...)`` changes the limit).
MAX_TEXT_CHARS = 2_000_000
_STDIN = "<stdin>"


def _raise_csv_field_limit() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # C long is 32 bits on some platforms
            limit //= 2


_raise_csv_field_limit()


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Names of the input fields (JSON keys or CSV columns) that fill each Document attribute.

    Fields not named here are kept in ``Document.metadata``.
    """

    id: str = "id"
    text: str = "text"
    source: str = "source"
    title: str = "title"
    date: str = "date"
    url: str = "url"
    author: str = "author"

    def items(self) -> tuple[tuple[str, str], ...]:
        """``(attribute, input field name)`` pairs, in declaration order."""
        return _field_items(self)

    def columns(self) -> frozenset[str]:
        return _field_columns(self)


@lru_cache(maxsize=64)
def _field_items(field_map: FieldMap) -> tuple[tuple[str, str], ...]:
    # asked for once per document: cached per field map (a frozen, hashable value)
    return tuple((f.name, getattr(field_map, f.name)) for f in fields(field_map))


@lru_cache(maxsize=64)
def _field_columns(field_map: FieldMap) -> frozenset[str]:
    return frozenset(name for _, name in _field_items(field_map))


def detect_format(path: Path) -> str | None:
    """The format a file name selects by its extension (``.gz`` stripped), or ``None``."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return _EXTENSIONS.get(Path(name).suffix)


def _stem(path: Path) -> str:
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem


# ---------------------------------------------------------------------------------------------
# Public entry point
# ---------------------------------------------------------------------------------------------


def read_documents(
    inputs: Sequence[str | Path],
    *,
    fields: FieldMap = FieldMap(),
    source: str | None = None,
    on_error: OnError = "skip",
    skipped: list[SkippedDocument] | None = None,
    fmt: str | None = None,
    max_chars: int | None = MAX_TEXT_CHARS,
) -> Iterator[Document]:
    """Stream the documents of ``inputs`` (files, directories, or ``"-"`` for stdin), in order.

    ``fmt`` forces the format of files named directly and of stdin (default: by extension;
    stdin defaults to JSONL). ``source`` fills ``Document.source`` where the input has none.
    Records that cannot be read raise :class:`InputError` (``on_error="fail"``) or are appended
    to ``skipped`` (``on_error="skip"``) and logged. Duplicate ids are made unique with a ``#2``,
    ``#3``… suffix and the original id is kept in ``metadata["duplicate_of"]``. A text longer than
    ``max_chars`` characters (``None``: no limit) is a skipped record naming its size.
    """
    if on_error not in ("fail", "skip"):
        raise InputError(f"on_error must be 'fail' or 'skip', not {on_error!r}")
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"unknown input format {fmt!r}; expected one of {', '.join(FORMATS)}")
    ids = _IdRegistry()
    for item in inputs:
        for record in _read_input(item, fields=fields, source=source, fmt=fmt, limit=max_chars):
            if not isinstance(record, SkippedDocument):
                record = _check_size(record, max_chars)
            if isinstance(record, SkippedDocument):
                _report(record, on_error, skipped)
            else:
                yield ids.unique(record)


def _check_size(doc: Document, max_chars: int | None) -> Record:
    if max_chars is None or len(doc.text) <= max_chars:
        return doc
    file, _, line = (doc.origin or "?").rpartition(":")
    if not file or not line.isdigit():
        file, line = doc.origin or "?", ""
    return SkippedDocument(
        file,
        int(line) if line else None,
        "text",
        f"text has {len(doc.text):,} characters, more than the limit of {max_chars:,} "
        "(a real article is far shorter: is this a concatenated dump?)",
        doc.id,
    )


def _report(
    problem: SkippedDocument, on_error: OnError, skipped: list[SkippedDocument] | None
) -> None:
    if on_error == "fail":
        raise InputError(problem.reason, file=problem.file, line=problem.line, field=problem.field)
    log.warning(
        "skipped document: %s",
        InputError(problem.reason, file=problem.file, line=problem.line, field=problem.field),
    )
    if skipped is not None:
        skipped.append(problem)


class _IdRegistry:
    """Makes ids unique across all inputs of one read (``a``, ``a#2``, ``a#3``…)."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def unique(self, doc: Document) -> Document:
        if doc.id not in self._seen:
            self._seen[doc.id] = 1
            return doc
        n = self._seen[doc.id]
        new_id = doc.id
        while new_id in self._seen:
            n += 1
            new_id = f"{doc.id}#{n}"
        self._seen[doc.id] = n
        self._seen[new_id] = 1
        metadata = {**doc.metadata, "duplicate_of": doc.id}
        return replace(doc, id=new_id, metadata=metadata)


def _read_input(
    item: str | Path, *, fields: FieldMap, source: str | None, fmt: str | None, limit: int | None
) -> Iterator[Record]:
    if str(item) == "-":
        yield from _read_stdin(fields=fields, source=source, fmt=fmt or "jsonl", limit=limit)
        return
    path = Path(item)
    if path.is_dir():
        yield from _read_directory(path, fields=fields, source=source, limit=limit)
        return
    if not path.is_file():
        raise InputError("input path does not exist", file=str(path))
    chosen = fmt or detect_format(path)
    if chosen is None:
        raise InputError(
            f"cannot tell the format of {path.name!r} from its extension; "
            f"name the format ({', '.join(FORMATS)})",
            file=str(path),
        )
    yield from _read_file(path, chosen, fields=fields, source=source, limit=limit)


def _read_directory(
    root: Path, *, fields: FieldMap, source: str | None, limit: int | None
) -> Iterator[Record]:
    """Every supported file under ``root``, recursively: a folder's files in name order, then
    its sub-folders in name order (one folder listing in memory at a time).

    Hidden files and folders (names starting with ".") and files of other types are ignored.
    """
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        for name in sorted(filenames):
            path = Path(folder, name)
            chosen = detect_format(path)
            if chosen is not None and not name.startswith(".") and path.is_file():
                yield from _read_file(path, chosen, fields=fields, source=source, limit=limit)


#: Bytes per character allowed for one-document files before they are read: UTF-8 needs at most 4
#: bytes a character; an HTML page also carries markup. A larger file cannot fit the text limit
#: (or, for HTML, would take minutes to extract), so it is skipped without being read.
_BYTES_PER_CHAR = {"txt": 4, "html": 5}


def _oversized(file: str, stem: str, fmt: str, size: int, limit: int | None) -> Record | None:
    if limit is None or fmt not in _BYTES_PER_CHAR or size <= limit * _BYTES_PER_CHAR[fmt]:
        return None
    reason = (
        f"file has {size:,} bytes, more than {_BYTES_PER_CHAR[fmt]} bytes per character of the "
        f"text limit of {limit:,} characters (is this one article?)"
    )
    return SkippedDocument(file, None, "text", reason, stem)


def _read_file(
    path: Path, fmt: str, *, fields: FieldMap, source: str | None, limit: int | None
) -> Iterator[Record]:
    too_big = _oversized(str(path), _stem(path), fmt, path.stat().st_size, limit)
    if too_big is not None:
        yield too_big
    elif fmt == "txt":
        yield _read_txt(path, source=source)
    elif fmt == "html":
        yield _read_html(path, source=source)
    else:
        try:
            with _open_binary(path) as handle:
                if fmt == "jsonl":
                    yield from _jsonl_records(handle, str(path), _stem(path), fields, source)
                else:
                    delimiter = "\t" if fmt == "tsv" else None
                    yield from _csv_records(
                        handle, str(path), _stem(path), fields, source, delimiter
                    )
        except (OSError, EOFError) as exc:  # unreadable or truncated (e.g. a cut-off .gz)
            yield SkippedDocument(str(path), None, None, f"cannot read the file: {exc}")


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _read_stdin(
    *, fields: FieldMap, source: str | None, fmt: str, limit: int | None
) -> Iterator[Record]:
    buffer = getattr(sys.stdin, "buffer", None)
    lines: Iterable[bytes] = (
        buffer if buffer is not None else (line.encode("utf-8") for line in sys.stdin)
    )
    if fmt == "jsonl":
        yield from _jsonl_records(lines, _STDIN, "stdin", fields, source)
    elif fmt in ("csv", "tsv"):
        stream = io.BytesIO(b"".join(lines)) if buffer is None else buffer
        delimiter = "\t" if fmt == "tsv" else None
        yield from _csv_records(stream, _STDIN, "stdin", fields, source, delimiter)
    else:
        data = b"".join(lines)
        too_big = _oversized(_STDIN, "stdin", fmt, len(data), limit)
        if too_big is not None:
            yield too_big
        elif fmt == "txt":
            yield _txt_document(data, _STDIN, "stdin", source)
        else:
            yield _html_document(data, _STDIN, "stdin", source)


# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------


def _bom_encoding(head: bytes) -> tuple[str | None, int]:
    """The encoding a byte-order mark announces and the BOM's length, or ``(None, 0)``."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    return None, 0


def _decode_whole(data: bytes, file: str) -> str | SkippedDocument:
    """Decode a whole file: UTF-8 (a BOM is dropped) or UTF-16/32 announced by a BOM."""
    encoding, skip = _bom_encoding(data[:4])
    try:
        if encoding in (None, "utf-8"):
            return data[skip:].decode("utf-8")
        return data.decode(encoding or "utf-8")  # the utf-16/32 codecs consume the BOM
    except UnicodeDecodeError as exc:
        if encoding in (None, "utf-8"):
            offset = exc.start + skip
            line = data.count(b"\n", 0, offset) + 1
            return SkippedDocument(
                file,
                line,
                None,
                f"invalid UTF-8 at byte offset {offset} (line {line}): {exc.reason}",
            )
        return SkippedDocument(file, None, None, f"invalid {encoding} at byte {exc.start}")


def _text_lines(handle: Iterable[bytes], file: str) -> Iterator[tuple[int, str | SkippedDocument]]:
    """Numbered lines of a byte stream, decoded one by one (so a bad byte costs one line only).

    A UTF-8 BOM is dropped; a UTF-16/32 BOM switches to that encoding for the whole stream.
    """
    it = iter(handle)
    first = next(it, None)
    if first is None:
        return
    encoding, skip = _bom_encoding(first[:4])
    if encoding not in (None, "utf-8"):
        yield from _wide_lines(first, it, file, encoding or "utf-16")
        return
    offset = 0
    for lineno, raw in enumerate(_chain_one(first[skip:], it), 1):
        try:
            yield lineno, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            where = offset + skip + exc.start
            yield (
                lineno,
                SkippedDocument(
                    file,
                    lineno,
                    None,
                    f"invalid UTF-8 at byte offset {where} (column {exc.start + 1}): {exc.reason}",
                ),
            )
        offset += len(raw)


def _chain_one(first: _T, rest: Iterable[_T]) -> Iterator[_T]:
    """``first`` then ``rest``. Not a generator: abandoning it must not close ``rest`` (a
    generator's ``yield from`` would call ``rest.close()``, closing stdin or a detached stream)."""
    return itertools.chain((first,), rest)


def _wide_lines(
    first: bytes, rest: Iterator[bytes], file: str, encoding: str
) -> Iterator[tuple[int, str | SkippedDocument]]:
    """Lines of a UTF-16/32 stream (its newlines are not single bytes, so decode incrementally)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    pending = ""
    lineno = 0
    try:
        for chunk in _chain_one(first, rest):
            pending += decoder.decode(chunk)
            *complete, pending = pending.split("\n")
            for line in complete:
                lineno += 1
                yield lineno, line + "\n"
        pending += decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        yield (
            lineno + 1,
            SkippedDocument(
                file,
                lineno + 1,
                None,
                f"invalid {encoding}: {exc.reason}; the rest of the file is unread",
            ),
        )
        return
    if pending:
        yield lineno + 1, pending


# ---------------------------------------------------------------------------------------------
# Records to documents
# ---------------------------------------------------------------------------------------------


def _document(
    record: Mapping[str, Any],
    *,
    file: str,
    line: int,
    stem: str,
    fields: FieldMap,
    source: str | None,
) -> Record:
    """Build a Document from one JSON object or CSV row, or say which field is wrong."""
    values: dict[str, str | None] = {}
    for attribute, name in fields.items():
        raw = record.get(name)
        if attribute == "text":
            if name not in record:
                return SkippedDocument(
                    file, line, name, "missing text field", _id_of(record, fields)
                )
            if not isinstance(raw, str):
                return SkippedDocument(
                    file,
                    line,
                    name,
                    f"text must be a string, not {_json_type(raw)}",
                    _id_of(record, fields),
                )
            if not raw.strip():
                return SkippedDocument(
                    file, line, name, "text is empty or whitespace only", _id_of(record, fields)
                )
            values[attribute] = raw
            continue
        converted = _scalar(raw)
        if converted is _BAD:
            return SkippedDocument(
                file,
                line,
                name,
                f"must be a string or number, not {_json_type(raw)}",
                _id_of(record, fields),
            )
        values[attribute] = converted if isinstance(converted, str) and converted else None
    columns = fields.columns()
    metadata = {key: value for key, value in record.items() if key not in columns}
    doc_id = values["id"]
    if doc_id is None:
        doc_id = f"{stem}-{line}"
        metadata["id_generated"] = True
    text = values["text"]
    assert text is not None
    return Document(
        id=doc_id,
        text=text,
        source=values["source"] or source,
        title=values["title"],
        date=values["date"],
        url=values["url"],
        author=values["author"],
        metadata=metadata,
        origin=f"{file}:{line}",
    )


_BAD = object()


def _scalar(value: object) -> object:
    """A field value as text: strings as they are, numbers formatted, null as None."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return _BAD
    if isinstance(value, int | float):
        return str(value)
    return _BAD


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", bool: "a boolean", int: "a number"}
    if value is None:
        return "null"
    return names.get(type(value), "a number" if isinstance(value, float) else type(value).__name__)


def _id_of(record: Mapping[str, Any], fields: FieldMap) -> str | None:
    value = record.get(fields.id)
    return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else None


# ---------------------------------------------------------------------------------------------
# JSONL
# ---------------------------------------------------------------------------------------------


def _parse_json_line(line: str, file: str, lineno: int) -> dict[str, Any] | SkippedDocument:
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        return SkippedDocument(file, lineno, None, f"not valid JSON: {exc}")
    if not isinstance(value, dict):
        return SkippedDocument(
            file, lineno, None, f"expected a JSON object, got {_json_type(value)}"
        )
    return value


def _jsonl_records(
    handle: Iterable[bytes], file: str, stem: str, fields: FieldMap, source: str | None
) -> Iterator[Record]:
    for lineno, line in _text_lines(handle, file):
        if isinstance(line, SkippedDocument):
            yield line
            continue
        if not line.strip():
            continue  # blank lines hold no record
        parsed = _parse_json_line(line, file, lineno)
        if isinstance(parsed, SkippedDocument):
            yield parsed
            continue
        yield _document(parsed, file=file, line=lineno, stem=stem, fields=fields, source=source)


def iter_jsonl_records(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each non-blank line of a JSONL file (``.gz`` too).

    Strict: the first bad line (invalid UTF-8, invalid JSON, not an object) raises
    :class:`InputError` naming the file and line.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("input path does not exist", file=str(path))
    with _open_binary(path) as handle:
        for lineno, line in _text_lines(handle, str(path)):
            if isinstance(line, SkippedDocument):
                raise InputError(line.reason, file=line.file, line=line.line)
            if not line.strip():
                continue
            parsed = _parse_json_line(line, str(path), lineno)
            if isinstance(parsed, SkippedDocument):
                raise InputError(parsed.reason, file=parsed.file, line=parsed.line)
            yield lineno, parsed


# ---------------------------------------------------------------------------------------------
# CSV / TSV
# ---------------------------------------------------------------------------------------------


def _csv_text_stream(handle: IO[bytes]) -> io.TextIOWrapper:
    """A text view of a CSV byte stream; invalid UTF-8 bytes become U+DC80–U+DCFF escapes
    (``surrogateescape``) so they can be reported with their line and column."""
    head = handle.peek(4)[:4] if hasattr(handle, "peek") else b""
    encoding, _ = _bom_encoding(head)
    if encoding in (None, "utf-8"):
        return io.TextIOWrapper(handle, encoding="utf-8-sig", errors="surrogateescape", newline="")
    return io.TextIOWrapper(handle, encoding=encoding, errors="strict", newline="")


def _sniff_delimiter(header_line: str) -> str:
    """The delimiter of a header line: the most frequent of ``, ; TAB |`` (comma on a tie)."""
    counts = {d: header_line.count(d) for d in _CSV_DELIMITERS}
    best = max(_CSV_DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _csv_records(
    handle: IO[bytes],
    file: str,
    stem: str,
    fields: FieldMap,
    source: str | None,
    delimiter: str | None,
) -> Iterator[Record]:
    stream = _csv_text_stream(handle)
    try:
        try:
            first = stream.readline()
        except UnicodeDecodeError as exc:
            yield SkippedDocument(file, 1, None, f"cannot decode the header: {exc.reason}")
            return
        if not first.strip():
            raise InputError("CSV file has no header line (the first names the columns)", file=file)
        delim = delimiter or _sniff_delimiter(first)
        reader = csv.reader(_chain_one(first, stream), delimiter=delim, strict=True)
        try:
            header = next(reader)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the header line: {exc}", file=file, line=1) from exc
        _check_header(header, file, fields)
        yield from _csv_rows(reader, header, file, stem, fields, source)
    finally:
        stream.detach()  # leave the byte stream (possibly stdin) to its owner


def _check_header(header: list[str], file: str, fields: FieldMap) -> None:
    bad = _first_escape(header)
    if bad is not None:
        raise InputError(f"invalid UTF-8 in the header at column {bad + 1}", file=file, line=1)
    duplicates = sorted({name for name in header if header.count(name) > 1})
    if duplicates:
        raise InputError(f"duplicate column names in the header: {duplicates}", file=file, line=1)
    defaults = FieldMap()
    for attribute, name in fields.items():
        required = attribute == "text" or name != getattr(defaults, attribute)
        if required and name not in header:
            raise InputError(
                f"column {name!r} (for {attribute}) is not in the header; "
                f"available columns: {', '.join(header)}",
                file=file,
                line=1,
                field=name,
            )


def _csv_rows(
    reader: Iterator[list[str]],
    header: list[str],
    file: str,
    stem: str,
    fields: FieldMap,
    source: str | None,
) -> Iterator[Record]:
    line_end = getattr(reader, "line_num", 1)  # physical line where the previous row ended
    while True:
        start = line_end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield SkippedDocument(file, start, None, f"malformed CSV: {exc}; the rest is unread")
            return
        except UnicodeDecodeError as exc:
            yield SkippedDocument(
                file, start, None, f"cannot decode: {exc.reason}; the rest is unread"
            )
            return
        line_end = getattr(reader, "line_num", line_end + 1)
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # blank line
        yield _csv_row(row, header, file, start, stem, fields, source)


def _csv_row(
    row: list[str],
    header: list[str],
    file: str,
    line: int,
    stem: str,
    fields: FieldMap,
    source: str | None,
) -> Record:
    if len(row) != len(header):
        return SkippedDocument(
            file, line, None, f"row has {len(row)} fields but the header has {len(header)}"
        )
    bad = _first_escape(row)
    if bad is not None:
        column = header[bad]
        return SkippedDocument(file, line, column, "invalid UTF-8 bytes in this field")
    record = dict(zip(header, row, strict=True))
    return _document(record, file=file, line=line, stem=stem, fields=fields, source=source)


def _first_escape(values: Sequence[str]) -> int | None:
    """Index of the first value holding a ``surrogateescape`` stand-in for an invalid byte."""
    for i, value in enumerate(values):
        if any("\udc80" <= ch <= "\udcff" for ch in value):
            return i
    return None


# ---------------------------------------------------------------------------------------------
# Plain text and HTML (one document per file)
# ---------------------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes | SkippedDocument:
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as handle:
                return handle.read()
        return path.read_bytes()
    except (OSError, EOFError) as exc:
        return SkippedDocument(str(path), None, None, f"cannot read the file: {exc}", _stem(path))


def _read_txt(path: Path, *, source: str | None) -> Record:
    data = _read_bytes(path)
    if isinstance(data, SkippedDocument):
        return data
    return _txt_document(data, str(path), _stem(path), source or path.resolve().parent.name)


def _txt_document(data: bytes, file: str, stem: str, source: str | None) -> Record:
    """The whole file is the text, exactly as decoded: no newline translation, no stripping."""
    text = _decode_whole(data, file)
    if isinstance(text, SkippedDocument):
        return replace(text, id=stem)
    if not text.strip():
        return SkippedDocument(file, None, "text", "file is empty or whitespace only", stem)
    return Document(id=stem, text=text, source=source, origin=f"{file}:1")


def _read_html(path: Path, *, source: str | None) -> Record:
    data = _read_bytes(path)
    if isinstance(data, SkippedDocument):
        return data
    return _html_document(data, str(path), _stem(path), source)


_HTML_META = ("sitename", "hostname", "description", "categories", "tags", "language")


def _html_document(data: bytes, file: str, stem: str, source: str | None) -> Record:
    """The article text and metadata that trafilatura extracts from a page."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        result = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises many parser errors; report them all
        return SkippedDocument(file, None, None, f"cannot parse the HTML page: {exc}", stem)
    meta: dict[str, Any] = {}
    if result is not None:
        meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = meta.get("text")
    if not isinstance(text, str) or not text.strip():
        return SkippedDocument(file, None, "text", "no article text found in the HTML page", stem)
    extra = {key: meta[key] for key in _HTML_META if meta.get(key)}
    return Document(
        id=stem,
        text=text,
        source=source or _str_or_none(meta.get("sitename")),
        title=_str_or_none(meta.get("title")),
        date=_str_or_none(meta.get("date")),
        url=_str_or_none(meta.get("url")),
        author=_str_or_none(meta.get("author")),
        metadata=extra,
        origin=file,
    )


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
