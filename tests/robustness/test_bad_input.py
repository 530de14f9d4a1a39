"""Bad input through ``framing analyze``: every case gets a correct analysis or a clear error.

Each case writes small files (text we wrote), runs the command in-process with domain errors
rendered as the ``framing`` entry point renders them, and checks the exit code, the message
(file, line and field), the counts ``read = analysed + skipped`` in the summary, the results
file, the errors file and the manifest. Every span in every result must satisfy
``text[start:end] == recorded text``. The table of cases in ``docs/ROBUSTNESS.md`` is generated
from :data:`CASES` (``test_docs_table_is_current`` keeps it true).
"""

from __future__ import annotations

import codecs
import collections
import gzip
import json
import os
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import skops.io as sio

from framing.analyze import analyze_text
from framing.errors import FramingError
from framing.experiments import load_config
from framing.models import load_model
from framing.records import dumps, to_record

REPO = Path(__file__).resolve().parents[2]
Records = list[dict[str, Any]]

ART = (
    "The council voted on Tuesday to close the old bridge. Critics slammed the plan, and the "
    "mayor said the repairs would take a year. “We have no other choice,” she told reporters."
)
ART2 = "Officials reportedly delayed the vote. The opposition called the move a power grab."


def jl(*objs: object) -> bytes:
    return b"".join(json.dumps(o, ensure_ascii=False).encode("utf-8") + b"\n" for o in objs)


def doc(i: str, text: object = ART, **more: object) -> dict[str, object]:
    return {"id": i, "source": "Harbour Post", "text": text, **more}


@dataclass(frozen=True)
class Case:
    """One bad-input case: files to write, the command, and what must come out."""

    name: str
    path: str  # the input path exercised (for the docs table)
    problem: str  # what is wrong with the input (for the docs table)
    files: dict[str, bytes | Callable[[], bytes]]
    args: tuple[str, ...]  # "{d}" is replaced by the case folder
    code: int = 0
    analysed: int | None = None
    skipped: int | None = None
    says: tuple[str, ...] = ()  # substrings of the command's output
    stdin: bytes | None = None
    check: Callable[[Records], None] | None = field(default=None, compare=False)
    kind: str = "cli"  # cli: `framing ARGS`; config: load_config(ARGS[0]); model: load_model(...)
    gap: str | None = None  # a known bug elsewhere: the case is xfail(strict=True) with this reason

    def result(self) -> str:
        """The expected outcome, in words (the docs table's last column)."""
        if self.gap:
            return f"**known gap** (xfail): {self.gap}"
        if self.code:
            return f"exit {self.code}: " + "; ".join(f"`{s}`" for s in self.says)
        if self.kind != "cli" or self.args[0] != "analyze":
            return "accepted" + ("; " + "; ".join(f"`{s}`" for s in self.says) if self.says else "")
        head = "the records before the damage analysed, then skipped"
        if self.analysed is not None:
            head = f"analysed {self.analysed}, skipped {self.skipped}"
        return head + ("; " + "; ".join(f"`{s}`" for s in self.says) if self.says else "")


def _ids(expected: Sequence[str]) -> Callable[[Records], None]:
    def check(records: Records) -> None:
        assert [r["id"] for r in records] == list(expected)

    return check


def _text_has(*pieces: str) -> Callable[[Records], None]:
    def check(records: Records) -> None:
        for piece in pieces:
            assert any(piece in r["text"] for r in records), piece

    return check


def _text_lacks(*pieces: str) -> Callable[[Records], None]:
    def check(records: Records) -> None:
        for piece in pieces:
            assert all(piece not in r["text"] for r in records), piece

    return check


def _all(*checks: Callable[[Records], None]) -> Callable[[Records], None]:
    def check(records: Records) -> None:
        for c in checks:
            c(records)

    return check


def _sources(*expected: str) -> Callable[[Records], None]:
    def check(records: Records) -> None:
        assert [r["source"] for r in records] == list(expected)

    return check


def _has_hits(records: Records) -> None:
    assert all(r["hits"] for r in records), [r["id"] for r in records if not r["hits"]]


def _terms(*expected: str) -> Callable[[Records], None]:
    def check(records: Records) -> None:
        found = {h["term"] for r in records for h in r["hits"]}
        assert set(expected) <= found, found

    return check


CARD = b"""name = "lx"
version = "1.0.0"
description = "A user lexicon for robustness tests."
licence = "MIT"
entries = "lx.tsv"
kind = "terms"

[categories.odd]
definition = "Words chosen to test the parser."
literature = ["None: a test fixture."]
"""
HEADER = "term\tcategory\tweight\tinflect\trules\trationale"


def entries(*rows: str) -> bytes:
    return "\n".join((HEADER, *rows, "")).encode("utf-8", "surrogateescape")


EXPERIMENT = b"""name = "bridge"
description = "A small config for robustness tests."
seed = 7

[dataset]
name = "babe"

[features.tfidf_word]
min_df = 1

[model]
type = "logistic_regression"

[evaluation]
folds = 5
n_jobs = 1
"""


def _bundle(estimator: object) -> bytes:
    bundle = {"format": "framing-model-1", "estimator": estimator, "task": "binary",
              "classes": ["no", "yes"]}  # fmt: skip
    return bytes(sio.dumps(bundle))


def _good_model() -> bytes:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression().fit([[0.0], [1.0], [0.1], [0.9]], [0, 1, 0, 1])
    return _bundle(model)


OUT = ("-o", "{d}/out/results.jsonl")
CLASSIFY = ("classify", "{d}/in.jsonl", "--model", "{d}/m.skops")
ONE = b'{"id": "a", "text": "The council met on Tuesday."}\n'
RUN = ("experiment", "run", "{d}/exp.toml", "--runs-dir", "{d}/runs")
BAD_SOURCES = [
    "Left/Right Review",
    "../../etc/passwd",
    "Tab\there\x07bell\x1b[31mred",
    "Daily 🗞️ News 🇺🇦",
    "L" * 10_000,
]
HTML_PAGE = b"""<!DOCTYPE html><html><head><title>Bridge vote splits council</title>
<style>body { color: red } .secret-style { display: none }</style>
<script>var trackingSecret = "script-body-must-not-appear"; alert("x");</script>
<meta property="og:site_name" content="Harbour Post"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Bridge vote splits council</h1>
<p>The council voted on Tuesday to close the old bridge for a year of repairs, after engineers
warned that the steel supports had corroded far faster than the city had been told.</p>
<p>Critics slammed the plan as a power grab by the mayor, who said the repairs could not wait and
that ferries would carry commuters across the harbour until the bridge reopened next spring.</p>
<p>&ldquo;We have no other choice,&rdquo; she told reporters outside the town hall on Tuesday.</p>
</article><script>document.write("second-script-must-not-appear")</script>
<footer>Copyright Harbour Post</footer></body></html>"""
LATIN_PAGE = (
    '<html><head><meta charset="windows-1252"><title>Brücke</title></head><body><article>'
    "<p>Der Bürgermeister sagte am Dienstag, die alte Brücke werde für ein Jahr geschlossen, "
    "weil die Stahlträger schneller als erwartet korrodiert seien.</p><p>Kritiker nannten den "
    "Plan „überstürzt“ und forderten eine zweite Prüfung durch unabhängige Ingenieure.</p>"
    "</article></body></html>"
).encode("cp1252")


CASES: list[Case] = [
    # ------------------------------------------------------------------ JSON Lines
    Case("jsonl-malformed-line", "JSONL", "a malformed JSON line between good ones",
         {"in.jsonl": jl(doc("a")) + b'{"id": "b", "text": "unterminated\n' + jl(doc("c"))},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=2, skipped=1,
         says=("in.jsonl:2", "not valid JSON"), check=_ids(["a", "c"])),
    Case("jsonl-not-object", "JSONL", "a line that is a JSON array, not an object",
         {"in.jsonl": jl(doc("a"), ["b", ART])}, ("analyze", "{d}/in.jsonl", *OUT),
         analysed=1, skipped=1, says=("in.jsonl:2", "expected a JSON object")),
    Case("jsonl-missing-text", "JSONL", "a record without the text field",
         {"in.jsonl": jl(doc("a"), {"id": "b", "source": "Harbour Post"})},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=1, skipped=1,
         says=("in.jsonl:2", "field 'text'", "missing text field")),
    Case("jsonl-text-not-string", "JSONL", "text is a number / an object",
         {"in.jsonl": jl(doc("a", 42), doc("b", {"p": ART}), doc("c"))},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=1, skipped=2,
         says=("in.jsonl:1", "in.jsonl:2", "text must be a string")),
    Case("jsonl-renamed-column", "JSONL", "text under another name, no mapping given",
         {"in.jsonl": jl({"id": "a", "body": ART}, {"id": "b", "body": ART2})},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=0, skipped=2,
         says=("in.jsonl:1", "field 'text'", "missing text field")),
    Case("jsonl-renamed-column-mapped", "JSONL", "text under another name, --text-field given",
         {"in.jsonl": jl({"id": "a", "body": ART}, {"id": "b", "body": ART2})},
         ("analyze", "{d}/in.jsonl", "--text-field", "body", *OUT), analysed=2, skipped=0,
         check=_has_hits),
    Case("jsonl-invalid-utf8", "JSONL", "invalid UTF-8 bytes in one line",
         {"in.jsonl": jl(doc("a")) + b'{"id": "b", "text": "caf\xe9 \xff"}\n' + jl(doc("c"))},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=2, skipped=1,
         says=("in.jsonl:2", "invalid UTF-8 at byte offset")),
    Case("jsonl-utf8-bom", "JSONL", "UTF-8 byte-order mark at the start of the file",
         {"in.jsonl": codecs.BOM_UTF8 + jl(doc("a"), doc("b"))},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=2, skipped=0, check=_ids(["a", "b"])),
    Case("jsonl-utf16", "JSONL", "UTF-16 (LE, with BOM) file",
         {"in.jsonl": jl(doc("a"), doc("b", "Der Bürgermeister sagte: „Nein“.")).decode()
          .encode("utf-16")},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=2, skipped=0,
         check=_all(_ids(["a", "b"]), _text_has("Bürgermeister"))),
    Case("jsonl-crlf-file", "JSONL", "CRLF line endings between records",
         {"in.jsonl": jl(doc("a"), doc("b")).replace(b"\n", b"\r\n")},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=2, skipped=0, check=_text_lacks("\r")),
    Case("jsonl-crlf-lone-cr-in-text", "JSONL", "CRLF and lone CR inside the text",
         {"in.jsonl": jl(doc("a", ART.replace(". ", ".\r\n\r\n")),
                         doc("b", ART.replace(". ", ".\r")))},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=2, skipped=0,
         check=_all(_text_has("\r\n\r\n", ".\rCritics"), _has_hits)),
    Case("jsonl-nul-in-text", "JSONL", "NUL characters inside the text",
         {"in.jsonl": jl(doc("a", ART.replace(" ", "\x00", 3) + "\x00"))},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=1, skipped=0,
         check=_all(_text_has("\x00"), _has_hits)),
    Case("jsonl-raw-nul-byte", "JSONL", "a raw NUL byte in a line (outside any string)",
         {"in.jsonl": jl(doc("a")) + b'{"id": "b",\x00 "text": "x"}\n'},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=1, skipped=1,
         says=("in.jsonl:2", "not valid JSON")),
    Case("jsonl-empty-texts", "JSONL", "empty and whitespace-only texts",
         {"in.jsonl": jl(doc("a", ""), doc("b", " \n\t\u00a0\u2003 "), doc("c"))},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=1, skipped=2,
         says=("in.jsonl:1", "in.jsonl:2", "text is empty or whitespace only")),
    Case("jsonl-empty-file", "JSONL", "an empty file", {"in.jsonl": b""},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=0, skipped=0,
         says=("read 0 = analysed 0 + skipped 0",)),
    Case("jsonl-20mb-article", "JSONL", "a 20 MB article",
         {"in.jsonl": jl(doc("small"), doc("huge", (ART + "\n\n") * 80_000), doc("after"))},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=2, skipped=1,
         says=("in.jsonl:2", "field 'text'", "more than the limit of 2,000,000"),
         check=_ids(["small", "after"])),
    Case("jsonl-1mb-no-spaces", "JSONL", "a 1 MB line with no spaces",
         {"in.jsonl": jl(doc("long", "x" * 1_048_576), doc("mixed", "ab.-“" * 200_000))},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=2, skipped=0),
    Case("jsonl-unbalanced-quotes", "JSONL", "unbalanced, nested and mixed quote marks",
         {"in.jsonl": jl(
             doc("a", "He said “the regime is ‘finished’ and left. Critics slammed it."),
             doc("b", "“She said ‘He said “no” to the so-called “plan”’.”"),
             doc("c", "\"\"\"'''“““”””‘‘’’ « » „ ‚ ” “ ' \" regime"),
             doc("d", "”Backwards quotes“ and an opening “ with no end\n\nNew “paragraph"))},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=4, skipped=0),
    Case("jsonl-duplicate-ids", "JSONL", "the same id three times",
         {"in.jsonl": jl(doc("n1"), doc("n1", ART2), doc("n1"))},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=3, skipped=0,
         check=_ids(["n1", "n1#2", "n1#3"])),
    Case("jsonl-missing-ids", "JSONL", "records without an id",
         {"in.jsonl": jl({"text": ART}, {"id": None, "text": ART2})},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=2, skipped=0,
         check=_ids(["in-1", "in-2"])),
    Case("jsonl-hostile-sources", "JSONL", "source names with /, .., control characters, emoji, "
         "10,000 characters",
         {"in.jsonl": jl(*(doc(f"s{i}", source=s) for i, s in enumerate(BAD_SOURCES)))},
         ("analyze", "{d}/in.jsonl", *OUT), analysed=5, skipped=0, check=_sources(*BAD_SOURCES)),
    Case("jsonl-gz-truncated", "JSONL", "a truncated .jsonl.gz file",
         {"in.jsonl.gz": gzip.compress(jl(*(doc(f"z{i}") for i in range(200))))[:-600]},
         ("analyze", "{d}/in.jsonl.gz", *OUT), says=("cannot read the file",)),
    Case("jsonl-on-error-fail", "JSONL", "a bad line with --on-error fail",
         {"in.jsonl": jl(doc("a")) + b"{oops\n"},
         ("analyze", "{d}/in.jsonl", "--on-error", "fail", *OUT), code=2,
         says=("in.jsonl:2: not valid JSON",)),
    # ------------------------------------------------------------------ CSV
    Case("csv-empty-file", "CSV", "an empty file (no header)", {"in.csv": b""},
         ("analyze", "{d}/in.csv", *OUT), code=2, says=("in.csv", "no header line")),
    Case("csv-header-unclosed-quote", "CSV", "a header line whose quote never closes",
         {"in.tsv": b'id\t"text\n1\tThe council met.\n'}, ("analyze", "{d}/in.tsv", *OUT),
         code=2, says=("in.tsv:1: cannot read the header line",)),
    Case("csv-missing-text-column", "CSV", "no text column in the header",
         {"in.csv": b"id,body\na,hello\n"}, ("analyze", "{d}/in.csv", *OUT), code=2,
         says=("in.csv:1", "field 'text'", "available columns: id, body")),
    Case("csv-mapped-column-absent", "CSV", "--source-field names a column that is not there",
         {"in.csv": b"id,text\na,hello world\n"},
         ("analyze", "{d}/in.csv", "--source-field", "outlet", *OUT), code=2,
         says=("in.csv:1", "field 'outlet'", "available columns: id, text")),
    Case("csv-renamed-column-mapped", "CSV", "semicolon-delimited, BOM, columns mapped",
         {"in.csv": codecs.BOM_UTF8 + f"key;outlet;body\nk1;Post;{ART2}\n".encode()},
         ("analyze", "{d}/in.csv", "--id-field", "key", "--source-field", "outlet",
          "--text-field", "body", *OUT), analysed=1, skipped=0,
         check=_all(_ids(["k1"]), _sources("Post"))),
    Case("csv-ragged-row", "CSV", "a row with more cells than the header",
         {"in.csv": f'id,text\na,"{ART2}"\nb,one,two\nc,"{ART2}"\n'.encode()},
         ("analyze", "{d}/in.csv", *OUT), analysed=2, skipped=1,
         says=("in.csv:3", "row has 3 fields but the header has 2")),
    Case("csv-invalid-utf8", "CSV", "invalid UTF-8 in one cell",
         {"in.csv": b'id,text\na,"caf\xe9 closed"\nb,"' + ART2.encode() + b'"\n'},
         ("analyze", "{d}/in.csv", *OUT), analysed=1, skipped=1,
         says=("in.csv:2", "field 'text'", "invalid UTF-8")),
    Case("csv-utf16", "CSV", "UTF-16 file", {"in.csv": f"id,text\nu1,{ART2}\n".encode("utf-16")},
         ("analyze", "{d}/in.csv", *OUT), analysed=1, skipped=0, check=_ids(["u1"])),
    Case("csv-multiline-crlf", "CSV", "quoted cell spanning lines, CRLF endings, formula text",
         {"in.csv": f'id,text\r\nm1,"=HYPERLINK(1)\r\n\r\n{ART}"\r\nm2,"@x {ART2}"\r\n'.encode()},
         ("analyze", "{d}/in.csv", *OUT), analysed=2, skipped=0,
         check=_text_has("=HYPERLINK(1)\r\n\r\nThe council")),
    Case("csv-unterminated-quote", "CSV", "a quoted cell that never closes",
         {"in.csv": f'id,text\na,"{ART2}"\nb,"never closed\nc,"{ART2}"\n'.encode()},
         ("analyze", "{d}/in.csv", *OUT), analysed=1, skipped=1, says=("in.csv:3",)),
    # ------------------------------------------------------------------ .txt folder
    Case("txt-folder-encodings", "txt folder", "CRLF, lone CR, BOM, UTF-16 and NUL in .txt files",
         {"Post/crlf.txt": ART.replace(". ", ".\r\n").encode(),
          "Post/cr.txt": ART.replace(". ", ".\r").encode(),
          "Post/bom.txt": codecs.BOM_UTF8 + ART2.encode(),
          "Post/wide.txt": ART2.encode("utf-16"),
          "Post/nul.txt": ART.replace(" ", "\x00", 2).encode(),
          "Post/sub/deeper.txt": ART2.encode()},
         ("analyze", "{d}/Post", *OUT), analysed=6, skipped=0,
         check=_all(_ids(["bom", "cr", "crlf", "nul", "wide", "deeper"]),
                    _text_has(".\r\nCritics", ".\rCritics", "\x00"), _text_lacks("\ufeff"))),
    Case("txt-folder-bad-files", "txt folder", "empty, whitespace-only and invalid UTF-8 files",
         {"Post/empty.txt": b"", "Post/blank.txt": b" \r\n\t\n", "Post/bad.txt": b"ok\n\xc3(",
          "Post/good.txt": ART.encode(), "Post/notes.md": b"ignored: not an input type"},
         ("analyze", "{d}/Post", *OUT), analysed=1, skipped=3,
         says=("empty.txt", "blank.txt", "empty or whitespace only", "bad.txt:2",
               "invalid UTF-8 at byte offset 3")),
    Case("txt-folder-source-names", "txt folder", "folder names with emoji, dots and spaces",
         {"Daily 🗞️ ..News/a.txt": ART.encode()}, ("analyze", "{d}/Daily 🗞️ ..News", *OUT),
         analysed=1, skipped=0, check=_sources("Daily 🗞️ ..News")),
    Case("path-missing", "any", "an input path that does not exist", {},
         ("analyze", "{d}/nowhere.jsonl", *OUT), code=2,
         says=("nowhere.jsonl", "input path does not exist")),
    Case("path-unknown-type", "any", "a file whose format cannot be told",
         {"in.docx": b"PK\x03\x04"}, ("analyze", "{d}/in.docx", *OUT), code=2,
         says=("in.docx", "cannot tell the format")),
    # ------------------------------------------------------------------ HTML
    Case("html-script-style", "HTML", "a page with script, style and navigation",
         {"page.html": HTML_PAGE}, ("analyze", "{d}/page.html", *OUT), analysed=1, skipped=0,
         check=_all(_text_has("close the old bridge"),
                    _text_lacks("script-body-must-not-appear", "second-script", "display: none",
                                "trackingSecret"))),
    Case("html-20mb-page", "HTML", "a 20 MB page (skipped before extraction)",
         {"huge.html": HTML_PAGE.replace(b"<footer>", b"<p>" + b"filler " * 3_000_000 + b"</p>"),
          "page.html": HTML_PAGE},
         ("analyze", "{d}", *OUT), analysed=1, skipped=1,
         says=("huge.html", "field 'text'", "more than 5 bytes per character")),
    Case("txt-20mb-file", "txt folder", "a 20 MB .txt article (skipped without being read)",
         {"Post/huge.txt": (ART + "\n\n").encode() * 90_000, "Post/small.txt": ART.encode()},
         ("analyze", "{d}/Post", *OUT), analysed=1, skipped=1,
         says=("huge.txt", "field 'text'", "text limit of 2,000,000 characters"),
         check=_ids(["small"])),
    Case("html-windows-1252", "HTML", "a page in windows-1252 with its charset declared",
         {"de.html": LATIN_PAGE}, ("analyze", "{d}/de.html", *OUT), analysed=1, skipped=0,
         check=_text_has("Der Bürgermeister", "„überstürzt“")),
    Case("html-no-article", "HTML", "a page with no article text (only a script)",
         {"empty.html": b"<html><head><script>var x = 1;</script></head><body></body></html>"},
         ("analyze", "{d}/empty.html", *OUT), analysed=0, skipped=1,
         says=("empty.html", "field 'text'", "no article text")),
    Case("html-binary-garbage", "HTML", "binary bytes named .html",
         {"junk.html": bytes(range(256)) * 8}, ("analyze", "{d}/junk.html", *OUT),
         analysed=0, skipped=1, says=("junk.html",)),
    # ------------------------------------------------------------------ stdin
    Case("stdin-jsonl-bad-line", "stdin", "JSONL on stdin with a bad line",
         {}, ("analyze", "-", *OUT), stdin=jl(doc("a")) + b"[1, 2\n" + jl(doc("c")),
         analysed=2, skipped=1, says=("<stdin>:2", "not valid JSON")),
    Case("stdin-invalid-utf8", "stdin", "invalid UTF-8 on stdin",
         {}, ("analyze", "-", *OUT), stdin=b'{"id": "x", "text": "\xfe\xff"}\n' + jl(doc("b")),
         analysed=1, skipped=1, says=("<stdin>:1", "invalid UTF-8")),
    Case("stdin-txt", "stdin", "plain text on stdin with CRLF", {},
         ("analyze", "-", "--format", "txt", *OUT), stdin=ART.replace(". ", ".\r\n").encode(),
         analysed=1, skipped=0, check=_all(_ids(["stdin"]), _text_has(".\r\nCritics"))),
    Case("stdin-empty", "stdin", "nothing on stdin", {}, ("analyze", "-", *OUT), stdin=b"",
         analysed=0, skipped=0),
    # ------------------------------------------------------------------ report and compare inputs
    Case("report-raw-bad-line", "report input", "raw JSONL given to `report`, with a bad line",
         {"in.jsonl": jl(doc("a", source="Post"), doc("b", ART2, source="Ledger")) + b"{oops\n"},
         ("report", "{d}/in.jsonl", "-o", "{d}/rep", "--bootstrap", "10"),
         says=("2 documents",)),
    Case("report-results-bad-line", "report input", "an analyze results file with a broken line",
         {"in.jsonl": lambda: dumps(to_record(analyze_text(ART))) + b'{"id": "b", "te\n'},
         ("report", "{d}/in.jsonl", "-o", "{d}/rep", "--bootstrap", "10"), code=2,
         says=("in.jsonl:2", "not valid JSON")),
    Case("compare-no-documents", "compare input", "an empty results file",
         {"in.jsonl": b""}, ("compare", "{d}/in.jsonl", "-o", "{d}/cmp", "--bootstrap", "10",
                             "--permutations", "10"), says=("0 documents",)),
    Case("report-no-documents", "report input", "input whose every document is skipped",
         {"in.jsonl": jl(doc("a", "   "))},
         ("report", "{d}/in.jsonl", "-o", "{d}/rep", "--bootstrap", "10"), says=("0 documents",)),
    # ------------------------------------------------------------------ lexicon files
    Case("lexicon-regex-term", "lexicon", "a term written as a regular expression `(a+)+$`",
         {"lx.toml": CARD, "lx.tsv": entries("(a+)+$\todd\t1\texact\t\tA pattern.")},
         ("lexicon", "validate", "{d}/lx.toml"), code=3,
         says=("lx.tsv:2: field 'term'", "only letters, digits, spaces, hyphens")),
    Case("lexicon-bad-rows", "lexicon", "NUL in a term, weight out of range, a 7-word term",
         {"lx.toml": CARD, "lx.tsv": entries("fo\x00o\todd\t1\texact\t\tX.",
                                              "bar\todd\t99\texact\t\tX.",
                                              "a b c d e f g\todd\t1\texact\t\tX.")},
         ("lexicon", "validate", "{d}/lx.toml"), code=3,
         says=("lx.tsv:2: field 'term'", "lx.tsv:3: field 'weight'", "lx.tsv:4: field 'term'",
               "3 problem(s)")),
    Case("lexicon-invalid-utf8", "lexicon", "invalid UTF-8 in the entries file",
         {"lx.toml": CARD, "lx.tsv": entries("caf\udcc3\todd\t1\texact\t\tX.")},
         ("lexicon", "validate", "{d}/lx.toml"), code=3, says=("lx.tsv:2", "not valid UTF-8")),
    Case("lexicon-bom-crlf", "lexicon", "entries file with a UTF-8 BOM and CRLF line endings",
         {"lx.toml": CARD,
          "lx.tsv": codecs.BOM_UTF8
          + entries("tyrant\todd\t1\tnoun\t\tX.").replace(b"\n", b"\r\n")},
         ("lexicon", "validate", "{d}/lx.toml"), says=("lx.toml (1 entries",)),
    Case("lexicon-bad-toml", "lexicon", "a card that is not valid TOML",
         {"lx.toml": b'name = "unclosed\nversion = 1\n'}, ("lexicon", "validate", "{d}/lx.toml"),
         code=3, says=("lx.toml:1: invalid TOML",)),
    Case("lexicon-card-utf16", "lexicon", "a card in UTF-16", {"lx.toml": CARD.decode().encode(
         "utf-16")}, ("lexicon", "validate", "{d}/lx.toml"), code=3, says=("card is not UTF-8",)),
    Case("lexicon-entries-missing", "lexicon", "a card naming an entries file that is not there",
         {"lx.toml": CARD.replace(b"lx.tsv", b"gone.tsv")}, ("lexicon", "validate", "{d}/lx.toml"),
         code=3, says=("lx.toml:5: field 'entries'", "cannot read entries file", "gone.tsv")),
    Case("lexicon-card-missing", "lexicon", "--lexicon naming a card that does not exist", {},
         ("analyze", "{d}/none.jsonl", "--lexicon", "{d}/nope.toml", *OUT), code=3,
         says=("nope.toml", "cannot read card")),
    Case("lexicon-user-in-analyze", "lexicon", "a valid user lexicon added to `analyze`",
         {"lx.toml": CARD, "lx.tsv": entries("tyrant\todd\t2\tnoun\t\tX."),
          "in.jsonl": jl(doc("t", "Critics called him a tyrant. Tyrants fall."))},
         ("analyze", "{d}/in.jsonl", "--lexicon", "{d}/lx.toml", *OUT), analysed=1, skipped=0,
         check=_terms("tyrant")),
    # ------------------------------------------------------------------ experiment configs
    Case("config-valid", "experiment config", "a valid config (CRLF line endings)",
         {"exp.toml": EXPERIMENT.replace(b"\n", b"\r\n")}, ("{d}/exp.toml",), kind="config"),
    Case("config-bad-toml", "experiment config", "a NUL byte after a value",
         {"exp.toml": EXPERIMENT.replace(b"seed = 7", b"seed = 7\x00")},
         RUN, code=4, says=("exp.toml:3: invalid TOML",)),
    Case("config-unknown-key", "experiment config", "a misspelt top-level key",
         {"exp.toml": EXPERIMENT.replace(b"seed = 7", b"seed = 7\nsed = 1")},
         RUN, code=4, says=("exp.toml:4: field 'sed': unknown key",)),
    Case("config-wrong-type", "experiment config", "a number given as text",
         {"exp.toml": EXPERIMENT.replace(b"folds = 5", b'folds = "five"')},
         RUN, code=4, says=("field 'evaluation.folds': expected int, got str",)),
    Case("config-path-in-name", "experiment config", "a run name with `../`",
         {"exp.toml": EXPERIMENT.replace(b'name = "bridge"', b'name = "../../x"')},
         RUN, code=4, says=("exp.toml:1: field 'name'",)),
    Case("config-empty", "experiment config", "an empty file", {"exp.toml": b""},
         RUN, code=4, says=("field 'dataset.name': missing",)),
    Case("config-missing", "experiment config", "a path that does not exist", {},
         RUN, code=4, says=("exp.toml: cannot read config",)),
    Case("config-invalid-utf8", "experiment config", "invalid UTF-8 in a comment",
         {"exp.toml": b"# caf\xe9\n" + EXPERIMENT}, RUN, code=4,
         says=("exp.toml",)),
    # ------------------------------------------------------------------ model files
    Case("model-valid", "model file", "a framing model saved with skops (trusted types only)",
         {"m.skops": _good_model}, ("{d}/m.skops",), kind="model"),
    Case("model-untrusted-function", "model file", "a skops file that would call `os.system`",
         {"in.jsonl": ONE, "m.skops": lambda: _bundle(os.system)}, CLASSIFY, code=5,
         says=("m.skops: refusing to load", "not trusted: posix.system")),
    Case("model-untrusted-type", "model file", "a skops file holding a type off the allow-list",
         {"in.jsonl": ONE, "m.skops": lambda: _bundle(collections.Counter("ab"))}, CLASSIFY,
         code=5, says=("not trusted: collections.Counter",)),
    Case("model-pickle", "model file", "a pickle file named .skops",
         {"in.jsonl": ONE, "m.skops": pickle.dumps({"format": "framing-model-1"})}, CLASSIFY,
         code=5, says=("m.skops: not a readable skops model file",)),
    Case("model-not-framing", "model file", "a skops file that is not a framing bundle",
         {"in.jsonl": ONE, "m.skops": lambda: sio.dumps({"estimator": [1, 2]})}, CLASSIFY,
         code=5, says=("not a framing model file",)),
    Case("model-missing", "model file", "a path that does not exist", {}, CLASSIFY,
         code=5, says=("m.skops: model file not found",)),
]  # fmt: skip


def _write(root: Path, files: dict[str, bytes | Callable[[], bytes]]) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data())


@dataclass(frozen=True)
class Outcome:
    code: int
    output: str


def _records(path: Path) -> Records:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


SPAN_KEYS = ("excluded", "quotes", "hits")


def assert_spans_exact(record: dict[str, Any]) -> None:
    """Every recorded span lies within the text and its recorded text is ``text[start:end]``."""
    text = record["text"]
    for key in SPAN_KEYS:
        for span in record[key]:
            assert 0 <= span["start"] <= span["end"] <= len(text), (key, span)
            assert text[span["start"] : span["end"]] == span["text"], (key, span)
    for start, end in record["sentences"]:
        assert 0 <= start <= end <= len(text)
    for a in record["attributions"]:
        cue = a["cue"]
        assert text[cue["start"] : cue["end"]] == cue["text"] or cue["text"] == ":"
        if a["source"]:
            assert text[a["source"]["start"] : a["source"]["end"]] == a["source"]["text"]
        if a["content"]:
            assert 0 <= a["content"]["start"] <= a["content"]["end"] <= len(text)


def run_case(case: Case, root: Path, cli: Callable[..., Any]) -> Outcome:
    """Write the case's files and run it: the CLI, or the loader of a config or model file
    (rendering a FramingError as the CLI does)."""
    _write(root, case.files)
    args = [a.replace("{d}", str(root)) for a in case.args]
    if case.kind == "cli":
        result = cli(args, case.stdin)
        return Outcome(result.code, result.output)
    loader: Callable[[str], object] = load_config if case.kind == "config" else load_model
    try:
        loaded = loader(args[0])
    except FramingError as exc:
        return Outcome(exc.exit_code, f"error: {exc.describe()}")
    return Outcome(0, f"loaded {type(loaded).__name__}")


def _param(case: Case) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case.gap)] if case.gap else []
    return pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_bad_input(case: Case, tmp_path: Path, cli: Callable[..., Any]) -> None:
    result = run_case(case, tmp_path, cli)
    assert "Traceback" not in result.output
    assert result.code == case.code, result.output[-3000:]
    for piece in case.says:
        assert piece in result.output, (piece, result.output[-3000:])
    out = tmp_path / "out" / "results.jsonl"
    if case.code or case.kind != "cli" or case.args[0] != "analyze":
        assert not out.exists()  # nothing half-written
        return
    records = _records(out)
    errors = _records(tmp_path / "out" / "results.errors.jsonl")
    manifest = json.loads((tmp_path / "out" / "results.manifest.json").read_text("utf-8"))
    counts = manifest["counts"]
    assert counts["read"] == counts["analysed"] + counts["skipped"]
    summary = f"read {counts['read']} = analysed {counts['analysed']} + skipped {counts['skipped']}"
    assert summary in result.output
    if case.analysed is not None:
        assert (len(records), len(errors)) == (case.analysed, case.skipped)
    assert counts["analysed"] == len(records)
    assert counts["skipped"] == len(errors)
    for e in errors:
        assert e["reason"]
        assert e["file"]
    for record in records:
        assert_spans_exact(record)
    if case.check is not None:
        case.check(records)


def test_every_input_line_is_accounted_for(tmp_path: Path, cli: Callable[..., Any]) -> None:
    """A mixed file of 60 records: each non-blank line is a result or an error, by its line."""
    lines: list[bytes] = []
    for i in range(60):
        kind = i % 6
        if kind == 0:
            lines.append(b"{broken")
        elif kind == 1:
            lines.append(jl(doc(f"d{i}", "   "))[:-1])
        elif kind == 2:
            lines.append(b'{"id": "x\xff"}')
        else:
            lines.append(jl(doc(f"d{i}", f"{ART} Item {i}."))[:-1])
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_bytes(b"\n".join(lines) + b"\n\n")
    result = cli(["analyze", str(corpus), "-o", str(tmp_path / "r.jsonl"), "-q"])
    assert result.code == 0, result.output
    done = [r["id"] for r in _records(tmp_path / "r.jsonl")]
    errors = _records(tmp_path / "r.errors.jsonl")
    assert done == [f"d{i}" for i in range(60) if i % 6 >= 3]
    assert sorted(e["line"] for e in errors) == [i + 1 for i in range(60) if i % 6 < 3]


def test_checkout_entry_point_prints_one_line_error(tmp_path: Path, checkout: Any) -> None:
    """The real entry point: a clear one-line message with file, line and field, no traceback."""
    corpus = tmp_path / "in.jsonl"
    corpus.write_bytes(jl(doc("a")) + jl({"id": "b", "text": 7}))
    proc = checkout(
        ["analyze", str(corpus), "-o", str(tmp_path / "r.jsonl"), "--on-error", "fail"], 120
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1] == (
        f"error: {corpus}:2: field 'text': text must be a string, not a number"
    )
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "r.jsonl").exists()


# ---------------------------------------------------------------------------- docs table


def case_table() -> str:
    """The Markdown table of :data:`CASES` for docs/ROBUSTNESS.md."""
    gaps = sum(1 for c in CASES if c.gap)
    errors = sum(1 for c in CASES if c.code and not c.gap)
    summary = (
        f"{len(CASES)} cases: {len(CASES) - errors - gaps} complete (each bad record in the errors "
        f"file with file, line and field), {errors} stop with a clear error, {gaps} known gap(s)."
    )
    rows = [summary, "", "| # | input path | case | result |", "| --- | --- | --- | --- |"]
    for i, case in enumerate(CASES, 1):
        result = case.result().replace("|", "\\|")
        rows.append(f"| {i} | {case.path} | {case.problem} | {result} |")
    return "\n".join(rows)


BEGIN = "<!-- cases:begin (generated from tests/robustness/test_bad_input.py) -->"
END = "<!-- cases:end -->"


def test_docs_table_is_current() -> None:
    doc_text = (REPO / "docs" / "ROBUSTNESS.md").read_text(encoding="utf-8")
    start = doc_text.index(BEGIN) + len(BEGIN)
    table = doc_text[start : doc_text.index(END)].strip()
    assert table == case_table(), "regenerate: python tests/robustness/test_bad_input.py"


if __name__ == "__main__":  # regenerate the docs table
    target = REPO / "docs" / "ROBUSTNESS.md"
    current = target.read_text(encoding="utf-8")
    head, rest = current.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    target.write_text(f"{head}{BEGIN}\n{case_table()}\n{END}{tail}", encoding="utf-8")
