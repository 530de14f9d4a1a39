"""Corpus readers: every format, field mapping, encodings, and errors that name file/line/field."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from framing.corpus import FieldMap, detect_format, iter_jsonl_records, read_documents
from framing.errors import InputError
from framing.types import Document, SkippedDocument

STORY_1 = "The harbour council postponed its vote on ferry fares on Tuesday."
STORY_2 = "“We were given two weeks to read a 300-page report,” said Tomas Berg."
STORY_3 = "The operator says fuel costs have doubled since 2021."


def jsonl(path: Path, *records: object) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_all(
    inputs: list[str | Path], **kwargs: object
) -> tuple[list[Document], list[SkippedDocument]]:
    skipped: list[SkippedDocument] = []
    docs = list(read_documents(inputs, skipped=skipped, **kwargs))  # type: ignore[arg-type]
    return docs, skipped


# --- JSONL ------------------------------------------------------------------------------------


def test_jsonl_fields_metadata_and_origin(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "ledger.jsonl",
        {
            "id": "cl-001",
            "text": STORY_1,
            "source": "The Coastal Ledger",
            "title": "Council Delays Ferry Vote",
            "date": "2024-03-05",
            "url": "https://ledger.example.org/ferry",
            "author": "Maria Lindqvist",
            "section": "local",
            "wordcount": 11,
        },
    )
    (doc,) = read_documents([path])
    assert doc.id == "cl-001"
    assert doc.text == STORY_1
    assert (doc.source, doc.title, doc.date) == (
        "The Coastal Ledger",
        "Council Delays Ferry Vote",
        "2024-03-05",
    )
    assert (doc.url, doc.author) == ("https://ledger.example.org/ferry", "Maria Lindqvist")
    assert doc.metadata == {"section": "local", "wordcount": 11}
    assert doc.origin == f"{path}:1"


def test_jsonl_numeric_id_becomes_text_and_source_default(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "a.ndjson", {"id": 17, "text": STORY_1})
    (doc,) = read_documents([path], source="Wire feed")
    assert doc.id == "17"
    assert doc.source == "Wire feed"


def test_record_source_wins_over_default(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "a.jsonl", {"id": "x", "text": STORY_1, "source": "Ledger"})
    (doc,) = read_documents([path], source="Wire feed")
    assert doc.source == "Ledger"


def test_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g1", "text": STORY_2}) + "\n")
    (doc,) = read_documents([path])
    assert (doc.id, doc.text) == ("g1", STORY_2)


def test_missing_id_is_generated_from_file_stem_and_line(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "ledger.jsonl", {"id": "a", "text": STORY_1}, {"text": STORY_2})
    docs = list(read_documents([path]))
    assert [d.id for d in docs] == ["a", "ledger-2"]
    assert docs[1].metadata == {"id_generated": True}


def test_duplicate_ids_are_suffixed_and_recorded(tmp_path: Path) -> None:
    first = jsonl(
        tmp_path / "a.jsonl", {"id": "n1", "text": STORY_1}, {"id": "n1", "text": STORY_2}
    )
    second = jsonl(
        tmp_path / "b.jsonl", {"id": "n1", "text": STORY_3}, {"id": "n1#2", "text": "X."}
    )
    docs = list(read_documents([first, second]))
    assert [d.id for d in docs] == ["n1", "n1#2", "n1#3", "n1#2#2"]
    assert docs[1].metadata["duplicate_of"] == "n1"
    assert "duplicate_of" not in docs[0].metadata
    assert docs[3].metadata["duplicate_of"] == "n1#2"


def test_field_map_renames_columns(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "a.jsonl", {"doc_id": "m1", "body": STORY_1, "outlet": "Ledger", "id": "other"}
    )
    fields = FieldMap(id="doc_id", text="body", source="outlet")
    (doc,) = read_documents([path], fields=fields)
    assert (doc.id, doc.text, doc.source) == ("m1", STORY_1, "Ledger")
    assert doc.metadata == {"id": "other"}  # unmapped fields are kept


JSONL_PROBLEMS = [
    ('{"id": "b1", "text": "Unclosed', None, "not valid JSON"),
    ('["a", "list"]', None, "expected a JSON object"),
    ('{"id": "b2"}', "text", "missing text field"),
    ('{"id": "b3", "text": 42}', "text", "text must be a string"),
    ('{"id": "b4", "text": ["a"]}', "text", "text must be a string"),
    ('{"id": "b5", "text": " \\n\\t "}', "text", "empty or whitespace"),
    ('{"id": "b6", "text": "ok", "title": {"a": 1}}', "title", "must be a string or number"),
]


@pytest.mark.parametrize(("line", "field", "message"), JSONL_PROBLEMS)
def test_bad_jsonl_line_fails_with_file_line_field(
    tmp_path: Path, line: str, field: str | None, message: str
) -> None:
    path = jsonl(tmp_path / "bad.jsonl", {"id": "ok1", "text": STORY_1}, line)
    with pytest.raises(InputError) as info:
        list(read_documents([path], on_error="fail"))
    error = info.value
    assert (error.file, error.line, error.field) == (str(path), 2, field)
    assert message in str(error)
    assert str(error).startswith(f"{path}:2: ")


def test_skip_mode_accounts_for_every_line(tmp_path: Path) -> None:
    good = [{"id": f"ok{i}", "text": STORY_1} for i in range(3)]
    path = jsonl(tmp_path / "mixed.jsonl", good[0], *[p[0] for p in JSONL_PROBLEMS], *good[1:])
    docs, skipped = read_all([path])
    n_lines = len(path.read_text(encoding="utf-8").splitlines())
    assert len(docs) + len(skipped) == n_lines == 3 + len(JSONL_PROBLEMS)
    assert [d.id for d in docs] == ["ok0", "ok1", "ok2"]
    assert [s.line for s in skipped] == list(range(2, 2 + len(JSONL_PROBLEMS)))
    assert [s.id for s in skipped[2:]] == ["b2", "b3", "b4", "b5", "b6"]
    assert all(s.file == str(path) for s in skipped)


def test_blank_lines_are_not_records(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": STORY_1}, "", "   ", {"text": STORY_2})
    docs, skipped = read_all([path])
    assert [d.id for d in docs] == ["a", "a-4"]
    assert skipped == []


def test_invalid_utf8_line_reports_byte_offset_and_keeps_other_lines(tmp_path: Path) -> None:
    path = tmp_path / "bytes.jsonl"
    first = json.dumps({"id": "a", "text": STORY_1}).encode() + b"\n"
    bad = b'{"id": "b", "text": "caf\xe9"}\n'
    path.write_bytes(first + bad + json.dumps({"id": "c", "text": STORY_3}).encode() + b"\n")
    docs, skipped = read_all([path])
    assert [d.id for d in docs] == ["a", "c"]
    (problem,) = skipped
    assert problem.line == 2
    offset = len(first) + bad.index(b"\xe9")
    assert f"byte offset {offset}" in problem.reason
    with pytest.raises(InputError, match=r"bytes\.jsonl:2: invalid UTF-8"):
        list(read_documents([path], on_error="fail"))


def test_utf8_bom_in_jsonl_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + json.dumps({"id": "a", "text": STORY_1}).encode() + b"\n")
    (doc,) = read_documents([path], on_error="fail")
    assert doc.id == "a"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_jsonl_with_bom(tmp_path: Path, encoding: str) -> None:
    body = "\n".join(
        json.dumps({"id": f"u{i}", "text": t}, ensure_ascii=False)
        for i, t in enumerate([STORY_2, "Zürich’s café “reopened”."])
    )
    data = body.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path = tmp_path / "wide.jsonl"
    path.write_bytes(data)
    docs = list(read_documents([path], on_error="fail"))
    assert [d.text for d in docs] == [STORY_2, "Zürich’s café “reopened”."]


def test_iter_jsonl_records_is_strict(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "r.jsonl", {"a": 1}, "", {"b": 2})
    assert list(iter_jsonl_records(path)) == [(1, {"a": 1}), (3, {"b": 2})]
    bad = jsonl(tmp_path / "bad.jsonl", {"a": 1}, "{oops")
    with pytest.raises(InputError) as info:
        list(iter_jsonl_records(bad))
    assert (info.value.file, info.value.line) == (str(bad), 2)


# --- stdin ------------------------------------------------------------------------------------


def fake_stdin(data: bytes) -> io.TextIOWrapper:
    """A text stdin with a binary ``buffer``, like the real one."""
    return io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)), encoding="utf-8")


def test_stdin_jsonl_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (json.dumps({"id": "s1", "text": STORY_1}) + "\n{broken\n").encode()
    monkeypatch.setattr(sys, "stdin", fake_stdin(data))
    docs, skipped = read_all(["-"])
    assert [d.id for d in docs] == ["s1"]
    assert (skipped[0].file, skipped[0].line) == ("<stdin>", 2)


def test_stdin_without_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"text": STORY_2}) + "\n"))
    (doc,) = read_documents(["-"])
    assert (doc.id, doc.text) == ("stdin-1", STORY_2)


def test_stdin_csv_and_txt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", fake_stdin(f'id,text\nk1,"{STORY_3}"\n'.encode()))
    (doc,) = read_documents(["-"], fmt="csv")
    assert (doc.id, doc.text) == ("k1", STORY_3)
    monkeypatch.setattr(sys, "stdin", fake_stdin(b"Line one.\r\nLine two.\r\n"))
    (doc,) = read_documents(["-"], fmt="txt", source="Pasted")
    assert (doc.id, doc.text, doc.source) == ("stdin", "Line one.\r\nLine two.\r\n", "Pasted")


# --- CSV / TSV --------------------------------------------------------------------------------


def test_csv_with_quoted_multiline_field_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(
        "id,title,text,section\n"
        f'c1,Ferry Vote,"{STORY_1}\n\nSecond paragraph.",local\n'
        f'c2,,"{STORY_2.replace(chr(34), chr(34) * 2)}",\n',
        encoding="utf-8",
        newline="",
    )
    docs = list(read_documents([path], on_error="fail"))
    assert [d.id for d in docs] == ["c1", "c2"]
    assert docs[0].text == STORY_1 + "\n\nSecond paragraph."
    assert docs[0].metadata == {"section": "local"}
    assert docs[1].title is None  # empty cells are missing values
    assert [d.origin for d in docs] == [f"{path}:2", f"{path}:5"]


@pytest.mark.parametrize(("name", "delimiter"), [("a.csv", ";"), ("b.tsv", "\t"), ("c.csv", "\t")])
def test_delimiters(tmp_path: Path, name: str, delimiter: str) -> None:
    path = tmp_path / name
    path.write_text(f"id{delimiter}text\nd1{delimiter}{STORY_3}\n", encoding="utf-8")
    (doc,) = read_documents([path], on_error="fail")
    assert (doc.id, doc.text) == ("d1", STORY_3)


def test_csv_bom_crlf_and_large_field(tmp_path: Path) -> None:
    big = "Council budget line. " * 20_000  # over the csv module's default 128 KiB field limit
    path = tmp_path / "big.csv"
    path.write_bytes(codecs.BOM_UTF8 + f'id,text\r\nb1,"{big}"\r\n'.encode())
    (doc,) = read_documents([path], on_error="fail")
    assert doc.id == "b1"
    assert doc.text == big


def test_utf16_csv(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(f"id\ttext\nw1\t{STORY_2}\n".encode("utf-16"))
    (doc,) = read_documents([path], on_error="fail")
    assert (doc.id, doc.text) == ("w1", STORY_2)


def test_csv_missing_mapped_column_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "cols.csv"
    path.write_text(f"doc,body,outlet\n1,{STORY_1},Ledger\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        list(read_documents([path], fields=FieldMap(id="doc", text="content")))
    error = info.value
    assert (error.file, error.field) == (str(path), "content")
    assert "available columns: doc, body, outlet" in str(error)


def test_csv_default_optional_columns_may_be_absent(tmp_path: Path) -> None:
    path = tmp_path / "min.csv"
    path.write_text(f"text\n{STORY_1}\n", encoding="utf-8")
    (doc,) = read_documents([path], on_error="fail")
    assert (doc.id, doc.text, doc.title) == ("min-2", STORY_1, None)


def test_csv_without_header_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="no header"):
        list(read_documents([path]))


def test_csv_row_problems_name_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(
        b"id,text,title\n"
        b"r1,Fine text.,T\n"
        b"r2,Too,many,fields\n"
        b"r3,   ,T\n"
        b"r4,Bad \xff byte.,T\n"
        b"r5,Also fine.,T\n"
    )
    docs, skipped = read_all([path])
    assert [d.id for d in docs] == ["r1", "r5"]
    assert [(s.line, s.field) for s in skipped] == [(3, None), (4, "text"), (5, "text")]
    assert "4 fields but the header has 3" in skipped[0].reason
    assert "invalid UTF-8" in skipped[2].reason
    assert len(docs) + len(skipped) == 5  # every data line accounted for


# --- plain text -------------------------------------------------------------------------------


def test_txt_directory_recursive_crlf_and_source(tmp_path: Path) -> None:
    outlet = tmp_path / "corpus" / "Coastal Ledger"
    outlet.mkdir(parents=True)
    (outlet / "ferry.txt").write_bytes(b"Ferry Vote Delayed\r\n\r\n" + STORY_1.encode() + b"\r\n")
    (tmp_path / "corpus" / "top.txt").write_text(STORY_3, encoding="utf-8")
    (tmp_path / "corpus" / "SOURCE.md").write_text("not a document", encoding="utf-8")
    (tmp_path / "corpus" / ".hidden.txt").write_text("editor swap file", encoding="utf-8")
    docs = list(read_documents([tmp_path / "corpus"], on_error="fail"))
    assert [d.id for d in docs] == ["top", "ferry"]
    ferry = docs[1]
    assert ferry.text == "Ferry Vote Delayed\r\n\r\n" + STORY_1 + "\r\n"  # nothing stripped
    assert ferry.source == "Coastal Ledger"
    assert docs[0].source == "corpus"
    start = ferry.text.index("postponed")
    assert ferry.text[start : start + 9] == "postponed"


def test_txt_source_option_wins_over_folder(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(STORY_1, encoding="utf-8")
    (doc,) = read_documents([path], source="Ledger")
    assert (doc.id, doc.source, doc.origin) == ("one", "Ledger", f"{path}:1")


def test_txt_bom_is_stripped_and_utf16_decoded(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + STORY_2.encode())
    (tmp_path / "wide.txt").write_bytes(STORY_2.encode("utf-16"))
    docs = list(read_documents([tmp_path], on_error="fail"))
    assert [d.text for d in docs] == [STORY_2, STORY_2]


def test_txt_invalid_utf8_and_empty_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"First line.\nSecond \xc3( line.\n")
    (tmp_path / "b.txt").write_text(" \n\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(STORY_1, encoding="utf-8")
    docs, skipped = read_all([tmp_path])
    assert [d.id for d in docs] == ["c"]
    assert [(s.id, s.line, s.field) for s in skipped] == [("a", 2, None), ("b", None, "text")]
    assert "byte offset 19" in skipped[0].reason
    with pytest.raises(InputError, match=r"a\.txt:2: invalid UTF-8 at byte offset 19"):
        list(read_documents([tmp_path], on_error="fail"))


def test_directory_mixes_formats_by_extension(tmp_path: Path) -> None:
    jsonl(tmp_path / "feed.jsonl", {"id": "j1", "text": STORY_1})
    (tmp_path / "sheet.csv").write_text(f"id,text\nc1,{STORY_3}\n", encoding="utf-8")
    (tmp_path / "note.txt").write_text(STORY_2, encoding="utf-8")
    docs = list(read_documents([tmp_path], on_error="fail"))
    assert [d.id for d in docs] == ["j1", "note", "c1"]


# --- HTML -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Harbour Council Delays Vote on Ferry Fares | The Coastal Ledger</title>
<meta name="author" content="Maria Lindqvist">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<link rel="canonical" href="https://ledger.example.org/2024/03/ferry-fares">
<script>var tracker = "TRACKING_SNIPPET_42"; console.log("analytics");</script>
</head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour Council Delays Vote on Ferry Fares</h1>
<p>The harbour council postponed its vote on ferry fares on Tuesday after residents of the outer
islands packed the public gallery to protest a proposed 40 percent rise.</p>
<p>“We were given two weeks to read a 300-page report,” said Tomas Berg, who chairs the islanders’
association. Council officials said the delay would allow a second consultation.</p>
<p>The operator, which has run the route since 2011, says fuel costs have doubled and that the
current fares do not cover maintenance of its three vessels.</p>
</article>
<footer>Copyright 2024 The Coastal Ledger. All rights reserved.</footer>
</body></html>
"""


def test_html_article_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "ferry.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = read_documents([path], on_error="fail")
    assert doc.id == "ferry"
    assert doc.title == "Harbour Council Delays Vote on Ferry Fares"
    assert doc.author == "Maria Lindqvist"
    assert doc.date == "2024-03-05"
    assert doc.url == "https://ledger.example.org/2024/03/ferry-fares"
    assert "postponed its vote on ferry fares" in doc.text
    assert "maintenance of its three vessels" in doc.text
    assert "TRACKING_SNIPPET_42" not in doc.text
    assert "console.log" not in doc.text
    assert "Politics" not in doc.text


def test_html_without_article_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "blank.htm"
    path.write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    docs, skipped = read_all([path])
    assert docs == []
    assert [(s.file, s.field, s.id) for s in skipped] == [(str(path), "text", "blank")]


# --- inputs and options -----------------------------------------------------------------------


def test_missing_path_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.jsonl"
    with pytest.raises(InputError) as info:
        list(read_documents([missing]))
    assert info.value.file == str(missing)
    assert "does not exist" in str(info.value)


def test_unknown_extension_needs_fmt(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_text(json.dumps({"id": "e1", "text": STORY_1}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot tell the format"):
        list(read_documents([path]))
    (doc,) = read_documents([path], fmt="jsonl")
    assert doc.id == "e1"


def test_bad_options_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown input format"):
        list(read_documents([tmp_path], fmt="xml"))
    with pytest.raises(InputError, match="on_error"):
        list(read_documents([tmp_path], on_error="ignore"))  # type: ignore[arg-type]


def test_truncated_gzip_is_reported_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress((json.dumps({"id": "z", "text": STORY_1}) + "\n").encode() * 200)
    path.write_bytes(data[: len(data) // 2])
    docs, skipped = read_all([path])
    assert len(skipped) == 1
    assert skipped[0].file == str(path)
    assert "cannot read" in skipped[0].reason
    assert len(docs) < 200


def test_reading_is_lazy(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": STORY_1}, "{broken")
    stream = read_documents([path], on_error="fail")
    assert next(stream).id == "a"  # the bad second line is not read yet
    with pytest.raises(InputError):
        next(stream)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.jsonl", "jsonl"),
        ("a.NDJSON", "jsonl"),
        ("a.jsonl.gz", "jsonl"),
        ("a.tsv", "tsv"),
        ("a.htm", "html"),
        ("a.md", None),
        ("a.gz", None),
    ],
)
def test_detect_format(name: str, expected: str | None) -> None:
    assert detect_format(Path(name)) == expected


@pytest.mark.data
def test_seed_article_reads_exactly(data_dir: Path) -> None:
    seed = data_dir / "seed"
    (doc, *_) = [d for d in read_documents([seed], on_error="fail") if d.id.startswith("000_")]
    raw = (seed / "000_95110dd0ef6e2adb.txt").read_bytes().decode("utf-8")
    assert doc.text == raw
    assert doc.source == "seed"


# --- limits and malformed quoting ---------------------------------------------------------------


def test_overlong_text_is_skipped_with_its_size(tmp_path: Path) -> None:
    long_text = (STORY_1 + " ") * 100
    path = jsonl(
        tmp_path / "big.jsonl", {"id": "ok", "text": STORY_1}, {"id": "big", "text": long_text}
    )
    docs, skipped = read_all([path], max_chars=1000)
    assert [d.id for d in docs] == ["ok"]
    assert [(s.line, s.field, s.id) for s in skipped] == [(2, "text", "big")]
    assert f"{len(long_text):,} characters, more than the limit of 1,000" in skipped[0].reason
    with pytest.raises(InputError, match=r"big\.jsonl:2: field 'text'"):
        list(read_documents([path], max_chars=1000, on_error="fail"))
    docs, skipped = read_all([path], max_chars=None)
    assert [d.id for d in docs] == ["ok", "big"]
    assert not skipped


def test_overlong_txt_file_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text(STORY_2 * 50, encoding="utf-8")
    (tmp_path / "short.txt").write_text(STORY_2, encoding="utf-8")
    docs, skipped = read_all([tmp_path], max_chars=len(STORY_2))
    assert [d.id for d in docs] == ["short"]
    assert [(Path(s.file).name, s.field, s.id) for s in skipped] == [("long.txt", "text", "long")]


def test_unclosed_csv_quote_is_reported_not_merged(tmp_path: Path) -> None:
    """A quote that never closes must not swallow the following rows into one text."""
    path = tmp_path / "q.csv"
    path.write_text(f'id,text\na,"{STORY_1}"\nb,"never closed\nc,"{STORY_3}"\n', encoding="utf-8")
    docs, skipped = read_all([path])
    assert [d.id for d in docs] == ["a"]
    assert [s.line for s in skipped] == [3]
    assert "malformed CSV" in skipped[0].reason
    assert "the rest is unread" in skipped[0].reason
    assert all(STORY_3 not in d.text for d in docs)


def test_header_with_unclosed_quote_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "h.tsv"
    path.write_text(f'id\t"text\n1\t{STORY_1}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"h\.tsv:1: cannot read the header line"):
        list(read_documents([path]))
