"""Tables and metrics from ``framing analyze`` output (docs/SCHEMA.md).

The analyze JSONL is streamed once into a few pandas DataFrames (documents, hits, attributions,
quotes, actors); every report figure is then a group-by over these tables plus a bootstrap over
articles (:mod:`framing.stats`). Nothing needs the whole corpus text in memory: keyword-in-context
snippets are cut while streaming (a few per group and term), and full texts of the example
articles are re-read from the file on demand.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pandas as pd

from framing.actors import ACTOR_SOURCE_TYPES, given_names
from framing.errors import InputError
from framing.scores import OFFICIAL_ACTS, UNSOURCED_UNVERIFIED, UNVERIFIED_KINDS, speaker_key
from framing.stats import bootstrap_ratio
from framing.text import WORD_RE, normalize
from framing.types import STANCES as _STANCES
from framing.types import VOICES

#: Voices reported, "all" first (hits over all scored words).
REPORT_VOICES: tuple[str, ...] = ("all", *VOICES)
STANCES: tuple[str, ...] = _STANCES
UNKNOWN_GROUP = "(no source)"
CONTEXT_CHARS = 70
KWIC_PER_TERM = 5

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})")
_WS_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Tables:
    """The analyze output as tables. ``documents.doc`` is the row key every other table uses."""

    documents: pd.DataFrame
    hits: pd.DataFrame
    attributions: pd.DataFrame
    quotes: pd.DataFrame
    actors: pd.DataFrame
    skipped: pd.DataFrame
    provenance: Mapping[str, Any]
    group_field: str
    story_field: str | None = None
    origin: Path | None = None  # the analyze JSONL, to re-read texts
    texts: Mapping[str, str] = field(default_factory=dict)
    #: Per group, counts of all lower-cased words of the texts (only when asked for).
    word_counts: Mapping[str, Counter[str]] = field(default_factory=dict)

    @property
    def groups(self) -> list[str]:
        return sorted(self.documents["group"].unique().tolist())

    @property
    def categories(self) -> list[str]:
        return sorted(self.hits["category"].unique().tolist())

    def subset(self, group: str) -> Tables:
        """The tables restricted to one group's documents."""
        docs = self.documents[self.documents["group"] == group]
        keep = set(docs["doc"].tolist())

        def part(frame: pd.DataFrame) -> pd.DataFrame:
            return frame[frame["doc"].isin(keep)]

        return Tables(
            documents=docs,
            hits=part(self.hits),
            attributions=part(self.attributions),
            quotes=part(self.quotes),
            actors=part(self.actors),
            skipped=self.skipped,
            provenance=self.provenance,
            group_field=self.group_field,
            story_field=self.story_field,
            origin=self.origin,
            texts=self.texts,
            word_counts={group: self.word_counts[group]} if group in self.word_counts else {},
        )


# --------------------------------------------------------------------------- reading


def iter_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line_number, object)`` for each non-blank line; bad JSON is an InputError."""
    for number, _, value in _iter_jsonl_offsets(path):
        yield number, value


def _iter_jsonl_offsets(path: Path) -> Iterator[tuple[int, int, dict[str, Any]]]:
    """``(line_number, byte_offset, object)`` for each non-blank line."""
    offset = 0
    with Path(path).open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            start = offset
            offset += len(raw)
            if not raw.strip():
                continue
            try:
                value = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                raise InputError(f"not valid JSON: {exc}", file=str(path), line=number) from exc
            if not isinstance(value, dict):
                raise InputError("each line must be a JSON object", file=str(path), line=number)
            yield number, start, value


def is_analyze_output(path: Path) -> bool:
    """True when the first record of ``path`` looks like ``framing analyze`` output."""
    if Path(path).suffix.lower() not in {".jsonl", ".ndjson"}:
        return False
    for _, record in iter_jsonl(path):
        if _is_manifest(record):
            continue
        return "hits" in record and ("scores" in record or "n_words" in record)
    return False


def _is_manifest(record: Mapping[str, Any]) -> bool:
    return record.get("type") == "manifest" or ("manifest" in record and "hits" not in record)


def _field_value(record: Mapping[str, Any], name: str) -> Any:
    if name in record:
        return record[name]
    metadata = record.get("metadata")
    if isinstance(metadata, Mapping):
        return metadata.get(name)
    return None


def _month(date: Any) -> str | None:
    if not isinstance(date, str):
        return None
    match = _MONTH_RE.match(date.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    return f"{match.group(1)}-{match.group(2)}"


def _snippet(text: str, start: int, end: int) -> tuple[str, str]:
    left = _WS_RE.sub(" ", text[max(0, start - CONTEXT_CHARS) : start])
    right = _WS_RE.sub(" ", text[end : end + CONTEXT_CHARS])
    return left, right


def _scored_words(text: str, excluded: Iterable[Mapping[str, Any]]) -> list[str]:
    """Lower-cased words of ``text`` outside excluded (boilerplate) spans."""
    cuts = sorted((int(e["start"]), int(e["end"])) for e in excluded if "start" in e and "end" in e)
    pieces, pos = [], 0
    for start, end in cuts:
        if start > pos:
            pieces.append(text[pos:start])
        pos = max(pos, end)
    pieces.append(text[pos:])
    return WORD_RE.findall(normalize(" ".join(pieces)))


def _require(record: Mapping[str, Any], key: str, where: tuple[str, int]) -> Any:
    if key not in record:
        raise InputError("missing field in analyze record", file=where[0], line=where[1], field=key)
    return record[key]


class _Builder:
    """Accumulates columns while streaming records (lists of scalars, then DataFrames once)."""

    def __init__(
        self, group_field: str, story_field: str | None, keep_text: bool, count_words: bool = False
    ) -> None:
        self.group_field = group_field
        self.count_words = count_words
        self.word_counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.story_field = story_field
        self.keep_text = keep_text
        self.docs: dict[str, list[Any]] = defaultdict(list)
        self.hits: dict[str, list[Any]] = defaultdict(list)
        self.attrs: dict[str, list[Any]] = defaultdict(list)
        self.quotes: dict[str, list[Any]] = defaultdict(list)
        self.actors: dict[str, list[Any]] = defaultdict(list)
        self.texts: dict[str, str] = {}
        self.kwic_count: dict[tuple[str, str], int] = defaultdict(int)
        self.provenance: dict[str, Any] = {}
        self.seen_ids: set[str] = set()

    def add(self, record: Mapping[str, Any], where: tuple[str, int], offset: int = -1) -> None:
        if _is_manifest(record):
            manifest = record.get("manifest", record)
            if isinstance(manifest, Mapping):
                self.provenance.update(manifest)
            return
        doc = len(self.docs["doc"])
        doc_id = str(_require(record, "id", where))
        if doc_id in self.seen_ids:
            raise InputError(f"duplicate document id {doc_id!r}", file=where[0], line=where[1])
        self.seen_ids.add(doc_id)
        hits = _require(record, "hits", where)
        scores = record.get("scores") or {}
        n_words = record.get("n_words", scores.get("n_words"))
        if not isinstance(n_words, int):
            raise InputError(
                "n_words must be an integer", file=where[0], line=where[1], field="n_words"
            )
        by_voice = scores.get("words_by_voice") or {}
        group_value = _field_value(record, self.group_field)
        group = str(group_value) if group_value not in (None, "") else UNKNOWN_GROUP
        text = record.get("text")
        text = text if isinstance(text, str) else None
        attribution = scores.get("attribution") or {}
        quotes = record.get("quotes") or []
        dq_share = attribution.get("direct_quote_share")
        if isinstance(dq_share, (int, float)):
            dq_words = round(float(dq_share) * n_words)
        else:
            dq_words = sum(int(q.get("n_words", 0)) for q in quotes if q.get("kind") == "direct")
        d = self.docs
        d["doc"].append(doc)
        d["id"].append(doc_id)
        d["group"].append(group)
        d["source"].append(record.get("source"))
        d["title"].append(record.get("title"))
        d["date"].append(record.get("date"))
        d["month"].append(_month(record.get("date")))
        d["n_words"].append(n_words)
        for voice in VOICES:
            d[f"words_{voice}"].append(int(by_voice.get(voice, 0)))
        d["direct_quote_words"].append(dq_words)
        d["has_text"].append(text is not None)
        d["line"].append(where[1])
        d["offset"].append(offset)
        if self.story_field is not None:
            story = _field_value(record, self.story_field)
            d["story"].append(None if story in (None, "") else str(story))
        if text is not None and self.keep_text:
            self.texts[doc_id] = text
        if text is not None and self.count_words:
            self.word_counts[group].update(_scored_words(text, record.get("excluded") or ()))
        h = self.hits
        for i, hit in enumerate(hits):
            try:
                start, end = int(hit["start"]), int(hit["end"])
                h["term"].append(str(hit["term"]))
                h["category"].append(str(hit["category"]))
                h["voice"].append(str(hit.get("voice", "authorial")))
            except (KeyError, TypeError, ValueError) as exc:
                raise InputError(
                    f"hit {i} is malformed: {exc}", file=where[0], line=where[1], field="hits"
                ) from exc
            h["doc"].append(doc)
            h["start"].append(start)
            h["end"].append(end)
            h["text"].append(str(hit.get("text", "")))
            h["weight"].append(float(hit.get("weight", 1.0)))
            h["lexicon"].append(str(hit.get("lexicon", "")))
            h["rules"].append(" ".join(hit.get("rules") or ()))
            h["scare_quoted"].append(bool(hit.get("scare_quoted", False)))
            key = (group, h["term"][-1])
            if text is not None and self.kwic_count[key] < KWIC_PER_TERM:
                self.kwic_count[key] += 1
                left: str | None
                right: str | None
                left, right = _snippet(text, start, end)
            else:
                left = right = None
            h["left"].append(left)
            h["right"].append(right)
        a = self.attrs
        for attr in record.get("attributions") or []:
            cue = attr.get("cue") or {}
            source = attr.get("source") or {}
            a["doc"].append(doc)
            a["cue"].append(str(cue.get("text", "")))
            a["lemma"].append(str(cue.get("lemma") or cue.get("text", "")).lower())
            a["stance"].append(str(cue.get("stance", "other")))
            a["source_type"].append(str(source.get("type", "unknown")) if source else "none")
            a["speaker"].append(attr.get("speaker"))
            a["kind"].append(str(attr.get("kind", "")))
        q = self.quotes
        for quote in quotes:
            q["doc"].append(doc)
            q["kind"].append(str(quote.get("kind", "")))
            q["text"].append(str(quote.get("text", "")))
            q["start"].append(int(quote.get("start", 0)))
            q["end"].append(int(quote.get("end", 0)))
            q["n_words"].append(int(quote.get("n_words", 0)))
        ac = self.actors
        for actor in record.get("actors") or []:
            ac["doc"].append(doc)
            ac["actor"].append(str(actor.get("actor", "")))
            ac["label"].append(str(actor.get("label", "")))
            ac["category"].append(str(actor.get("category", "")))
            ac["voice"].append(str(actor.get("voice", "authorial")))
            # (absent from records written before links were recorded)
            ac["link"].append(str(actor.get("link") or "unrecorded"))

    def frame(self, columns: dict[str, list[Any]], names: Sequence[str]) -> pd.DataFrame:
        return pd.DataFrame({name: columns.get(name, []) for name in names})

    def build(self, skipped: pd.DataFrame, origin: Path | None) -> Tables:
        doc_cols = [
            "doc",
            "id",
            "group",
            "source",
            "title",
            "date",
            "month",
            "n_words",
            *(f"words_{v}" for v in VOICES),
            "direct_quote_words",
            "has_text",
            "line",
            "offset",
        ]
        if self.story_field is not None:
            doc_cols.append("story")
        documents = self.frame(self.docs, doc_cols)
        for column in ("doc", "n_words", *(f"words_{v}" for v in VOICES), "direct_quote_words"):
            documents[column] = documents[column].astype(np.int64)
        hits = self.frame(self.hits, HIT_COLUMNS)
        attrs = self.frame(
            self.attrs, ["doc", "cue", "lemma", "stance", "source_type", "speaker", "kind"]
        )
        quotes = self.frame(self.quotes, ["doc", "kind", "text", "start", "end", "n_words"])
        actors = self.frame(self.actors, ["doc", "actor", "label", "category", "voice", "link"])
        for frame in (hits, attrs, quotes, actors):
            frame["doc"] = frame["doc"].astype(np.int64)
        return Tables(
            documents=documents,
            hits=hits,
            attributions=attrs,
            quotes=quotes,
            actors=actors,
            skipped=skipped,
            provenance=dict(self.provenance),
            group_field=self.group_field,
            story_field=self.story_field,
            origin=origin,
            texts=self.texts,
            word_counts=dict(self.word_counts),
        )


SKIPPED_COLUMNS = ["file", "line", "field", "reason", "id"]
HIT_COLUMNS = [
    "doc",
    "term",
    "category",
    "voice",
    "start",
    "end",
    "text",
    "weight",
    "lexicon",
    "rules",
    "scare_quoted",
    "left",
    "right",
]


def read_skipped(path: Path | None) -> pd.DataFrame:
    """The skipped-documents JSONL (``{file, line, field, reason, id}`` per line) as a table."""
    if path is None:
        return pd.DataFrame({c: [] for c in SKIPPED_COLUMNS})
    rows = []
    for number, record in iter_jsonl(path):
        if "reason" not in record:
            raise InputError(
                "skipped record without a reason", file=str(path), line=number, field="reason"
            )
        rows.append({c: record.get(c) for c in SKIPPED_COLUMNS})
    return pd.DataFrame(rows, columns=SKIPPED_COLUMNS)


def _sidecar_manifest(path: Path) -> dict[str, Any]:
    for candidate in (
        path.with_suffix(".manifest.json"),
        path.with_name(path.name + ".manifest.json"),
    ):
        if candidate.is_file():
            try:
                value = orjson.loads(candidate.read_bytes())
            except orjson.JSONDecodeError as exc:
                raise InputError(f"manifest is not valid JSON: {exc}", file=str(candidate)) from exc
            if isinstance(value, dict):
                return dict(value.get("manifest", value))
    return {}


def read_tables(
    path: Path,
    *,
    group_field: str = "source",
    story_field: str | None = None,
    skipped: Path | None = None,
    keep_text: bool = False,
    count_words: bool = False,
) -> Tables:
    """Stream an analyze JSONL file into :class:`Tables` (texts re-read on demand).

    ``skipped`` defaults to the analyze errors sidecar (``results.errors.jsonl``) when present.
    ``count_words`` also counts every word per group (for distinctive words over all text).
    """
    path = Path(path)
    if skipped is None:
        sidecar = path.with_name(path.name.removesuffix(".jsonl") + ".errors.jsonl")
        skipped = sidecar if sidecar.is_file() and sidecar != path else None
    builder = _Builder(group_field, story_field, keep_text, count_words)
    builder.provenance.update(_sidecar_manifest(path))
    for number, offset, record in _iter_jsonl_offsets(path):
        builder.add(record, (str(path), number), offset)
    return builder.build(read_skipped(skipped), path)


_DOC_COLUMNS = ("id", "source", "title", "date", "url", "author")


def _sql_field(name: str) -> str:
    """A documents column, or the metadata field ``name`` (JSON) when it is not a column."""
    if name in _DOC_COLUMNS:
        return f'CAST("{name}" AS VARCHAR)'
    key = name.replace("\\", "\\\\").replace('"', '\\"').replace("'", "''")
    return f"json_extract_string(metadata, '$.\"{key}\"')"


def is_parquet_dataset(path: Path) -> bool:
    """True for a results directory written by ``framing analyze --parquet``."""
    return Path(path).is_dir() and (Path(path) / "documents.parquet").is_file()


def read_tables_parquet(
    path: Path,
    *,
    group_field: str = "source",
    story_field: str | None = None,
    skipped: Path | None = None,
) -> Tables:
    """:class:`Tables` from a Parquet results directory, selected and ranked in DuckDB.

    Only the columns the reports use are read (texts stay on disk and are fetched for the
    example articles); keyword-in-context snippets are kept for the first few hits of each group
    and term. Distinctive words over all text need the boilerplate spans, which the Parquet
    tables do not carry, so ``word_counts`` stays empty (hit terms are still compared).
    """
    from framing import tables as result_tables

    path = Path(path)
    con = result_tables.open_tables(path)
    try:
        group = _sql_field(group_field)
        story = _sql_field(story_field) if story_field is not None else "NULL"
        con.execute(
            f"""CREATE TEMP TABLE d AS
            SELECT doc, coalesce(nullif({group}, ''), '{UNKNOWN_GROUP}') AS grp,
                   nullif({story}, '') AS story
            FROM documents"""
        )
        documents = con.sql(
            f"""SELECT documents.doc, id, d.grp AS "group", source, title, date, n_words,
                   {", ".join(f"words_{v}" for v in VOICES)},
                   coalesce(round(direct_quote_share * n_words), q.words, 0) AS direct_quote_words,
                   text IS NOT NULL AS has_text, d.story AS story
            FROM documents JOIN d USING (doc)
            LEFT JOIN (SELECT doc, sum(n_words) AS words FROM quotes WHERE kind = 'direct'
                       GROUP BY doc) q USING (doc)
            ORDER BY documents.doc"""
        ).df()
        hits = con.sql(
            f"""SELECT doc, term, category, voice, start, "end", text, weight, lexicon, rules,
                   scare_quoted,
                   CASE WHEN rn <= {KWIC_PER_TERM} THEN "left" END AS "left",
                   CASE WHEN rn <= {KWIC_PER_TERM} THEN "right" END AS "right"
            FROM (SELECT hits.*, row_number() OVER (
                      PARTITION BY d.grp, hits.term, hits."left" IS NULL
                      ORDER BY hits.doc, hits.start) AS rn
                  FROM hits JOIN d USING (doc))
            ORDER BY doc, start"""
        ).df()
        attributions = con.sql(
            """SELECT doc, cue, lower(coalesce(lemma, cue)) AS lemma, stance, source_type,
                      speaker, kind FROM attributions ORDER BY doc, cue_start"""
        ).df()
        quotes = con.sql(
            """SELECT doc, kind, text, start, "end", n_words FROM quotes ORDER BY doc, start"""
        ).df()
        # (a dataset written before links were recorded has no "link" column)
        link = "link" if "link" in con.sql("SELECT * FROM actors LIMIT 0").columns else "NULL"
        actors = con.sql(
            f"""SELECT doc, actor, label, category, voice,
                       coalesce({link}, 'unrecorded') AS link
                FROM actors ORDER BY doc, start"""
        ).df()
        skipped_frame = (
            read_skipped(skipped)
            if skipped is not None
            else con.sql(f"SELECT {', '.join(SKIPPED_COLUMNS)} FROM skipped").df()
        )
    finally:
        con.close()
    documents["month"] = [_month(d) for d in documents["date"].tolist()]
    documents["line"] = documents["doc"] + 1
    documents["offset"] = -1
    for column in ("doc", "n_words", *(f"words_{v}" for v in VOICES), "direct_quote_words"):
        documents[column] = documents[column].fillna(0).astype(np.int64)
    if story_field is None:
        documents = documents.drop(columns=["story"])
    hits["rules"] = hits["rules"].fillna("")
    hits["left"] = hits["left"].astype(object).where(hits["left"].notna(), None)
    hits["right"] = hits["right"].astype(object).where(hits["right"].notna(), None)
    attributions["speaker"] = attributions["speaker"].astype(object)
    attributions["speaker"] = attributions["speaker"].where(attributions["speaker"].notna(), None)
    manifest: dict[str, Any] = {}
    manifest_file = path / "manifest.json"
    if manifest_file.is_file():
        value = orjson.loads(manifest_file.read_bytes())
        if isinstance(value, dict):
            manifest = dict(value.get("manifest", value))
    for frame in (hits, attributions, quotes, actors):
        frame["doc"] = frame["doc"].astype(np.int64)
    return Tables(
        documents=documents,
        hits=hits,
        attributions=attributions,
        quotes=quotes,
        actors=actors,
        skipped=skipped_frame,
        provenance=manifest,
        group_field=group_field,
        story_field=story_field,
        origin=path,
    )


def tables_from_records(
    records: Iterable[Mapping[str, Any]],
    *,
    group_field: str = "source",
    story_field: str | None = None,
    skipped: pd.DataFrame | None = None,
    provenance: Mapping[str, Any] | None = None,
    name: str = "<records>",
    count_words: bool = False,
) -> Tables:
    """:class:`Tables` from analyze records in memory (texts kept)."""
    builder = _Builder(group_field, story_field, keep_text=True, count_words=count_words)
    if provenance:
        builder.provenance.update(provenance)
    for number, record in enumerate(records, start=1):
        builder.add(record, (name, number))
    return builder.build(skipped if skipped is not None else read_skipped(None), None)


def fetch_texts(tables: Tables, ids: Iterable[str]) -> dict[str, str]:
    """Full texts of documents ``ids`` (from memory, or by re-reading the analyze file)."""
    wanted = set(ids)
    found = {i: tables.texts[i] for i in wanted if i in tables.texts}
    missing = wanted - set(found)
    if not missing or tables.origin is None:
        return found
    if tables.origin.is_dir():  # a Parquet dataset (framing analyze --parquet)
        import pyarrow.parquet as pq

        # documents are stored in ``doc`` order: read only the row groups holding the wanted ones
        docs = tables.documents.loc[tables.documents["id"].isin(missing), "doc"].tolist()
        parquet = pq.ParquetFile(tables.origin / "documents.parquet")
        bounds = np.cumsum(
            [parquet.metadata.row_group(i).num_rows for i in range(parquet.num_row_groups)]
        )
        for group in sorted({int(np.searchsorted(bounds, d, side="right")) for d in docs}):
            if group >= parquet.num_row_groups:
                continue
            part = parquet.read_row_group(group, columns=["id", "text"])
            for doc_id, text in zip(part["id"].to_pylist(), part["text"].to_pylist(), strict=True):
                if isinstance(text, str) and str(doc_id) in missing:
                    found[str(doc_id)] = text
        rest = sorted(missing - set(found))
        if rest:  # a dataset not in ``doc`` order: filter the whole column
            table = pq.read_table(
                tables.origin / "documents.parquet",
                columns=["id", "text"],
                filters=[("id", "in", rest)],
            )
            for doc_id, text in zip(
                table["id"].to_pylist(), table["text"].to_pylist(), strict=True
            ):
                if isinstance(text, str):
                    found[str(doc_id)] = text
        return found
    offsets = tables.documents.loc[tables.documents["id"].isin(missing), "offset"].tolist()
    with tables.origin.open("rb") as handle:
        for offset in sorted(int(o) for o in offsets if int(o) >= 0):
            handle.seek(offset)
            record = orjson.loads(handle.readline())
            text = record.get("text")
            if isinstance(text, str) and str(record.get("id")) in missing:
                found[str(record["id"])] = text
    return found


# --------------------------------------------------------------------------- metrics


@dataclass(frozen=True, slots=True)
class Params:
    """Statistical parameters, recorded in every report's method section."""

    n_boot: int = 1000
    alpha: float = 0.05
    seed: int = 0
    n_permutations: int = 1000
    #: Largest comparison (articles on both sides) tested with Monte Carlo permutations; larger
    #: ones use the normal approximation of the permutation distribution.
    exact_max_docs: int = 5000
    prior_size: float = 1000.0
    #: A metric is tested only with at least this many events (hits, cues, quoted words) in the
    #: two groups together, in at least ``min_event_docs`` documents: with fewer, a permutation
    #: test of a ratio mostly tests the groups' text lengths (one hit in one short article of a
    #: group of short articles came out "significant").
    min_events: int = 10
    min_event_docs: int = 5


def hit_count_matrix(tables: Tables, categories: Sequence[str]) -> dict[str, np.ndarray]:
    """Per voice (and "all"), an ``(n_docs, n_categories)`` matrix of hit counts."""
    n = len(tables.documents)
    position = pd.Series(np.arange(n), index=tables.documents["doc"].to_numpy())
    cat_index = {c: i for i, c in enumerate(categories)}
    hits = tables.hits[tables.hits["category"].isin(cat_index)]
    rows = position.reindex(hits["doc"].to_numpy()).to_numpy()
    cols = hits["category"].map(cat_index).to_numpy()
    result: dict[str, np.ndarray] = {}
    for voice in REPORT_VOICES:
        mask = (
            np.ones(len(hits), dtype=bool)
            if voice == "all"
            else (hits["voice"] == voice).to_numpy()
        )
        matrix = np.zeros((n, len(categories)))
        np.add.at(matrix, (rows[mask].astype(np.int64), cols[mask].astype(np.int64)), 1.0)
        result[voice] = matrix
    return result


def word_vector(tables: Tables, voice: str) -> np.ndarray:
    column = "n_words" if voice == "all" else f"words_{voice}"
    return tables.documents[column].to_numpy(dtype=np.float64)


DENSITY_COLUMNS = [
    "group",
    "voice",
    "category",
    "hits",
    "words",
    "docs",
    "per_1000",
    "low",
    "high",
]


def group_rows(tables: Tables) -> dict[str, np.ndarray]:
    """Row positions (in ``documents`` order) of each group's documents."""
    groups = tables.documents["group"].to_numpy()
    return {g: np.flatnonzero(groups == g) for g in tables.groups}


def density_table(
    tables: Tables, params: Params, categories: Sequence[str] | None = None
) -> pd.DataFrame:
    """Loaded-term density per 1,000 words with bootstrap CI, per group x voice x category.

    Includes the pseudo-category ``(any)`` (all hits). Columns: group, voice, category, hits,
    words, docs, per_1000, low, high. Count matrices are built once for all documents; each
    group's voices and categories share one set of bootstrap resamples.
    """
    cats = list(categories if categories is not None else tables.categories)
    columns = [*cats, "(any)"]
    matrices = hit_count_matrix(tables, cats)
    nums = np.hstack(
        [np.hstack([matrices[v], matrices[v].sum(axis=1, keepdims=True)]) for v in REPORT_VOICES]
    )
    dens = np.hstack(
        [np.repeat(word_vector(tables, v)[:, None], len(columns), axis=1) for v in REPORT_VOICES]
    )
    rows: list[dict[str, Any]] = []
    for group, index in group_rows(tables).items():
        num, den = nums[index], dens[index]
        est = bootstrap_ratio(
            num, den, n_boot=params.n_boot, alpha=params.alpha, seed=params.seed, scale=1000.0
        )
        hits, words = num.sum(axis=0), den.sum(axis=0)
        for i, voice in enumerate(REPORT_VOICES):
            for j, category in enumerate(columns):
                col = i * len(columns) + j
                rows.append(
                    {
                        "group": group,
                        "voice": voice,
                        "category": category,
                        "hits": int(hits[col]),
                        "words": int(words[col]),
                        "docs": len(index),
                        "per_1000": float(est.estimate[col]),
                        "low": float(est.low[col]),
                        "high": float(est.high[col]),
                    }
                )
    return pd.DataFrame(rows, columns=DENSITY_COLUMNS)


def per_doc_counts(
    tables: Tables, frame: pd.DataFrame, column: str, values: Sequence[str]
) -> np.ndarray:
    n = len(tables.documents)
    position = pd.Series(np.arange(n), index=tables.documents["doc"].to_numpy())
    index = {v: i for i, v in enumerate(values)}
    sel = frame[frame[column].isin(index)]
    matrix = np.zeros((n, len(values)))
    if len(sel):
        rows = position.reindex(sel["doc"].to_numpy()).to_numpy().astype(np.int64)
        cols = sel[column].map(index).to_numpy().astype(np.int64)
        np.add.at(matrix, (rows, cols), 1.0)
    return matrix


def cue_attributions(tables: Tables) -> pd.DataFrame:
    """The attributions that have a cue of their own (a ``continuation`` has none), with
    ``source_type`` as the sourcing rates count it (:func:`framing.scores.sourcing_type`:
    ``reportedly`` / ``allegedly`` without a source and agentless passives that report a
    proposition, kind ``passive``, are unverified).
    Cue stance shares, sourcing rates and top cues are over these rows, as
    ``scores.attribution`` of each record."""
    a = tables.attributions
    a = a[a["kind"] != "continuation"]
    unsourced = (a["source_type"] == "none") & (
        a["lemma"].isin(UNSOURCED_UNVERIFIED)
        | (a["kind"].isin(UNVERIFIED_KINDS) & ~a["lemma"].isin(OFFICIAL_ACTS))
    )
    if unsourced.any():
        a = a.assign(source_type=a["source_type"].mask(unsourced, "unverified"))
    return a


def stance_table(tables: Tables, params: Params) -> pd.DataFrame:
    """Share of attribution cues per stance, per group, with bootstrap CI over articles."""
    all_counts = per_doc_counts(tables, cue_attributions(tables), "stance", STANCES)
    rows: list[dict[str, Any]] = []
    for group, index in group_rows(tables).items():
        counts = all_counts[index]
        total = counts.sum(axis=1)
        est = bootstrap_ratio(
            counts, total, n_boot=params.n_boot, alpha=params.alpha, seed=params.seed
        )
        for j, stance in enumerate(STANCES):
            rows.append(
                {
                    "group": group,
                    "stance": stance,
                    "cues": int(counts[:, j].sum()),
                    "all_cues": int(total.sum()),
                    "share": float(est.estimate[j]),
                    "low": float(est.low[j]),
                    "high": float(est.high[j]),
                }
            )
    return pd.DataFrame(
        rows, columns=["group", "stance", "cues", "all_cues", "share", "low", "high"]
    )


SOURCING_METRICS = ("anonymous_rate", "unverified_rate", "direct_quote_share")


def sourcing_matrices(tables: Tables) -> tuple[np.ndarray, np.ndarray]:
    """Per-document numerators and denominators of :data:`SOURCING_METRICS`."""
    cues = cue_attributions(tables)
    types = per_doc_counts(tables, cues, "source_type", ["anonymous", "unverified"])
    total = per_doc_counts(tables, cues.assign(_all="x"), "_all", ["x"])[:, 0]
    dq = tables.documents["direct_quote_words"].to_numpy(dtype=np.float64)
    words = word_vector(tables, "all")
    num = np.column_stack([types[:, 0], types[:, 1], dq])
    den = np.column_stack([total, total, words])
    return num, den


def sourcing_table(tables: Tables, params: Params) -> pd.DataFrame:
    """Anonymous and unverified sourcing rates and direct-quote share per group, with CI."""
    all_num, all_den = sourcing_matrices(tables)
    rows: list[dict[str, Any]] = []
    for group, index in group_rows(tables).items():
        num, den = all_num[index], all_den[index]
        est = bootstrap_ratio(num, den, n_boot=params.n_boot, alpha=params.alpha, seed=params.seed)
        for j, metric in enumerate(SOURCING_METRICS):
            rows.append(
                {
                    "group": group,
                    "metric": metric,
                    "numerator": float(num[:, j].sum()),
                    "denominator": float(den[:, j].sum()),
                    "value": float(est.estimate[j]),
                    "low": float(est.low[j]),
                    "high": float(est.high[j]),
                }
            )
    return pd.DataFrame(
        rows, columns=["group", "metric", "numerator", "denominator", "value", "low", "high"]
    )


def top_terms(tables: Tables, limit: int = 15) -> pd.DataFrame:
    """Most frequent hit terms: term, category, hits, docs."""
    if tables.hits.empty:
        return pd.DataFrame({"term": [], "category": [], "hits": [], "docs": []})
    grouped = (
        tables.hits.groupby(["term", "category"])
        .agg(hits=("doc", "size"), docs=("doc", "nunique"))
        .reset_index()
        .sort_values(["hits", "term"], ascending=[False, True], kind="mergesort")
    )
    return grouped.head(limit).reset_index(drop=True)


def kwic(tables: Tables, term: str, limit: int = KWIC_PER_TERM) -> list[dict[str, Any]]:
    """Keyword-in-context examples of ``term``: left, match, right, document id, voice."""
    hits = tables.hits[tables.hits["term"] == term]
    with_context = hits[hits["left"].notna()]
    chosen = with_context.head(limit) if len(with_context) else hits.head(limit)
    ids = dict(zip(tables.documents["doc"].tolist(), tables.documents["id"].tolist(), strict=True))
    return [
        {
            "left": row.left,
            "match": row.text,
            "right": row.right,
            "id": str(ids[int(row.doc)]),  # type: ignore[arg-type]
            "voice": row.voice,
        }
        for row in chosen.itertuples()
    ]


def top_cues(tables: Tables, limit: int = 15) -> pd.DataFrame:
    a = cue_attributions(tables)
    if a.empty:
        return pd.DataFrame({"lemma": [], "stance": [], "count": []})
    return (
        a.groupby(["lemma", "stance"])
        .size()
        .rename("count")
        .reset_index()
        .sort_values(["count", "lemma"], ascending=[False, True], kind="mergesort")
        .head(limit)
        .reset_index(drop=True)
    )


_MIDDLE_INITIAL_RE = re.compile(r"^(\S+) (?:[A-Z]\. )+(\S+)$")


def _middle_initials_merged(speakers: Sequence[str]) -> dict[str, str]:
    """Speaker -> the name it is counted under: "Donald J. Trump" under "Donald Trump" when
    both occur and no other name with middle initials has that first and last name
    ("George W. Bush" and "George H. W. Bush" both stay apart from "George Bush")."""
    names = set(speakers)
    variants: dict[str, list[str]] = {}
    for name in names:
        m = _MIDDLE_INITIAL_RE.match(name)
        if m is not None:
            variants.setdefault(f"{m.group(1)} {m.group(2)}", []).append(name)
    mapping = {name: name for name in names}
    for plain, found in variants.items():
        if plain in names and len(found) == 1:
            mapping[found[0]] = plain
    return mapping


def _article_variants_merged(speakers: pd.Series) -> dict[str, str]:
    """Speaker -> the name it is counted under: the names with one :func:`speaker_key` ("The
    Civic Alliance", "the Civic Alliance", "Civic Alliance") under the most frequent of them
    (ties: the first in sorted order)."""
    counts = speakers.value_counts()
    best: dict[str, tuple[int, str]] = {}
    for name, n in sorted(counts.items()):
        key = speaker_key(str(name))
        if key not in best or int(n) > best[key][0]:
            best[key] = (int(n), str(name))
    return {str(name): best[speaker_key(str(name))][1] for name in counts.index}


def speaker_profile(tables: Tables, limit: int = 10) -> list[dict[str, Any]]:
    """The most-quoted speakers with the cue verbs used for each (actor x stance): a speaker's
    attributions include the quotation paragraphs that continue them, the verbs and stances
    are those of the cues. Names are counted as in :func:`actors_by_group`: a middle initial
    and a leading article do not make another speaker, and a surname alone counts under the
    person of that surname the tables name (:func:`_surnames_merged`)."""
    a = tables.attributions[tables.attributions["speaker"].notna()]
    if a.empty:
        return []
    merged = _middle_initials_merged(a["speaker"].unique().tolist())
    counts = a["speaker"].map(merged).value_counts()
    merged = _surnames_merged(merged, {str(k): int(v) for k, v in counts.items()})
    a = a.assign(speaker=a["speaker"].map(merged))
    a = a.assign(speaker=a["speaker"].map(_article_variants_merged(a["speaker"])))
    result = []
    counts = a.groupby("speaker").size().sort_values(ascending=False, kind="mergesort")
    top = counts.sort_index().sort_values(ascending=False, kind="mergesort").head(limit)
    for speaker, n in top.items():
        rows = a[a["speaker"] == speaker]
        # a continuation paragraph counts as one more attribution of the speaker, but it has no
        # cue: verbs and stances are those of the cues
        cues = rows[rows["kind"] != "continuation"]
        verbs = cues.groupby("lemma").size().sort_values(ascending=False, kind="mergesort")
        stances = cues.groupby("stance").size()
        # how the speaker is sourced: a named person, an anonymous "sources", an unverified
        # "reports" (the most frequent type of its source spans, ties by name)
        types = rows.groupby("source_type").size()
        source_type = str(types.sort_index().idxmax()) if not types.empty else "none"
        result.append(
            {
                "speaker": str(speaker),
                "source_type": source_type,
                "attributions": int(n),
                "verbs": [[str(v), int(c)] for v, c in verbs.head(6).items()],
                "stances": {s: int(stances.get(s, 0)) for s in STANCES if stances.get(s, 0)},
            }
        )
    return result


def actor_labels(tables: Tables, limit: int = 20) -> list[dict[str, Any]]:
    """The most frequent (actor, loaded word) pairs: how often, in how many documents, in
    which voices (the outlet's own words, a quotation, reported speech) and by which rule the
    word was linked to the actor (:func:`framing.actors.link_actors`)."""
    ac = tables.actors
    if ac.empty:
        return []
    keys = ["actor", "label", "category"]
    grouped = (
        ac.groupby(keys)
        .agg(count=("doc", "size"), docs=("doc", "nunique"))
        .reset_index()
        .sort_values(["count", "actor", "label"], ascending=[False, True, True], kind="mergesort")
        .head(limit)
    )
    voices: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    links: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for actor, label, category, voice, link in zip(
        ac["actor"], ac["label"], ac["category"], ac["voice"], ac["link"], strict=True
    ):
        voices[(actor, label, category)][str(voice)] += 1
        links[(actor, label, category)][str(link)] += 1
    out = []
    for r in grouped.to_dict(orient="records"):
        key = (r["actor"], r["label"], r["category"])
        by_voice, by_link = voices[key], links[key]
        out.append(
            {
                "actor": str(r["actor"]),
                "label": str(r["label"]),
                "category": str(r["category"]),
                "count": int(r["count"]),
                "docs": int(r["docs"]),
                "voices": {v: int(by_voice[v]) for v in VOICES if v in by_voice},
                "links": dict(sorted(by_link.items())),
            }
        )
    return out


ACTOR_COLUMNS = [
    "actor",
    "group",
    "documents",
    "words",
    "words_authorial",
    "top_words",
    "attributions",
    "direct",
    "cues",
    "distancing",
    "charged",
]


#: the share of a surname's full-name mentions that one person must hold for the surname
#: alone to count as theirs when the corpus names several people of it
SURNAME_DOMINANCE = 0.9


def _surnames_merged(mapping: Mapping[str, str], counts: Mapping[str, int]) -> dict[str, str]:
    """``mapping`` with each one-word name sent to the person of that surname the corpus names:
    the only full name that ends with it, or the one that holds at least
    :data:`SURNAME_DOMINANCE` of the mentions (``counts``) of all of them ("Trump" under
    "Donald Trump" beside a few "Melania Trump"; "Clinton" stays apart where "Bill Clinton" is
    a seventh of the Clintons). A full name here is capitalised words that open with a given
    name of the list."""
    given = given_names()
    by_last: dict[str, list[str]] = {}
    for name in set(mapping.values()):
        words = name.split()
        if (
            1 < len(words) <= 4
            and all(w[:1].isupper() for w in words)
            and (words[0].lower() in given)
        ):
            by_last.setdefault(words[-1], []).append(name)
    out = {}
    for name, target in mapping.items():
        full = by_last.get(target, []) if " " not in target else []
        if len(full) == 1:
            out[name] = full[0]
            continue
        total = sum(counts.get(f, 0) for f in full)
        best = max(full, key=lambda f: (counts.get(f, 0), f), default=None)
        dominant = best is not None and counts.get(best, 0) >= SURNAME_DOMINANCE * total > 0
        out[name] = best if dominant and best is not None else target
    return out


def actors_by_group(tables: Tables, limit: int = 12) -> pd.DataFrame:
    """Who is framed how, outlet by outlet, for the ``limit`` actors most present in the
    corpus (loaded words linked to them plus attributions of their speech; ties by name).

    One row per actor and group (groups where the actor appears at all): the documents that
    mention them either way; ``words``, the loaded words linked to them (``words_authorial``
    of those in the outlet's own voice) and the three most frequent; ``attributions`` of their
    speech, ``direct`` of those direct quotations or their continuations, and of the
    ``cues`` (continuations have none) how many are ``distancing`` or ``charged``. Counts,
    not rates: an actor is seldom named often enough in one outlet for an interval to say
    much, and every count is a filter of the ``actors`` and ``attributions`` tables.

    An actor and a speaker are one when their names are (:func:`speaker_key`: without case
    and a leading article; a name with a middle initial under the name without it, as in
    :func:`speaker_profile`); a one-word name is counted under the person of that surname the
    corpus names, when it names one or one holds nine in ten of the mentions of them
    (:func:`_surnames_merged`: "Kessler" under "Anton Kessler", "Trump" under "Donald Trump";
    "Clinton" stays apart from "Hillary Clinton" where "Bill Clinton" is named often too).
    """
    group_of = tables.documents.set_index("doc")["group"]
    ac = tables.actors
    at = tables.attributions
    at = at[at["speaker"].notna() & at["source_type"].isin(ACTOR_SOURCE_TYPES)]
    names = pd.concat([ac["actor"], at["speaker"]], ignore_index=True).astype(str)
    if names.empty:
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    merged = _middle_initials_merged(names.unique().tolist())
    counts = names.map(merged).value_counts()
    merged = _surnames_merged(merged, {str(k): int(v) for k, v in counts.items()})
    names = names.map(merged)
    shown = _article_variants_merged(names)
    ac = ac.assign(
        key=ac["actor"].astype(str).map(merged).map(shown), group=ac["doc"].map(group_of)
    )
    at = at.assign(
        key=at["speaker"].astype(str).map(merged).map(shown), group=at["doc"].map(group_of)
    )
    totals = pd.concat([ac["key"], at["key"]]).value_counts()
    top = totals.sort_index().sort_values(ascending=False, kind="mergesort").head(limit)
    rows: list[dict[str, Any]] = []
    for actor in top.index:
        words, speech = ac[ac["key"] == actor], at[at["key"] == actor]
        for group in sorted(set(words["group"]) | set(speech["group"])):
            w = words[words["group"] == group]
            a = speech[speech["group"] == group]
            cues = a[a["kind"] != "continuation"]
            labels = w["label"].value_counts()
            labels = labels.sort_index().sort_values(ascending=False, kind="mergesort")
            rows.append(
                {
                    "actor": str(actor),
                    "group": str(group),
                    "documents": len(set(w["doc"]) | set(a["doc"])),
                    "words": len(w),
                    "words_authorial": int((w["voice"] == "authorial").sum()),
                    "top_words": ", ".join(str(t) for t in labels.head(3).index),
                    "attributions": len(a),
                    "direct": int(a["kind"].isin(["direct", "continuation"]).sum()),
                    "cues": len(cues),
                    "distancing": int((cues["stance"] == "distancing").sum()),
                    "charged": int((cues["stance"] == "charged").sum()),
                }
            )
    return pd.DataFrame(rows, columns=ACTOR_COLUMNS)


def scare_quotes(tables: Tables, limit: int = 20) -> list[dict[str, Any]]:
    q = tables.quotes[tables.quotes["kind"] == "scare"]
    if q.empty:
        return []
    grouped = (
        q.groupby("text")
        .agg(count=("doc", "size"), docs=("doc", "nunique"))
        .reset_index()
        .sort_values(["count", "text"], ascending=[False, True], kind="mergesort")
        .head(limit)
    )
    return [
        {"text": str(r["text"]), "count": int(r["count"]), "docs": int(r["docs"])}
        for r in grouped.to_dict(orient="records")
    ]


def monthly_density(tables: Tables) -> pd.DataFrame:
    """Per month: documents, words, hits and hits per 1,000 words (months with dates only)."""
    docs = tables.documents[tables.documents["month"].notna()]
    if docs.empty:
        return pd.DataFrame({"month": [], "docs": [], "words": [], "hits": [], "per_1000": []})
    hits_per_doc = tables.hits.groupby("doc").size()
    counts = hits_per_doc.reindex(docs["doc"].to_numpy(), fill_value=0).to_numpy()
    frame = pd.DataFrame(
        {"month": docs["month"].to_numpy(), "words": docs["n_words"].to_numpy(), "hits": counts}
    )
    out = frame.groupby("month").agg(
        docs=("words", "size"), words=("words", "sum"), hits=("hits", "sum")
    )
    out = out.reset_index().sort_values("month")
    out["per_1000"] = np.where(
        out["words"] > 0, 1000.0 * out["hits"] / out["words"].where(out["words"] > 0, 1), np.nan
    )
    return out.reset_index(drop=True)


def document_loading(tables: Tables) -> pd.DataFrame:
    """Per document: id, hits, words and hits per 1,000 words (sorted most loaded first)."""
    docs = tables.documents
    hits = (
        tables.hits.groupby("doc").size().reindex(docs["doc"].to_numpy(), fill_value=0).to_numpy()
    )
    words = docs["n_words"].to_numpy()
    per = np.where(words > 0, 1000.0 * hits / np.where(words > 0, words, 1), 0.0)
    frame = pd.DataFrame(
        {
            "doc": docs["doc"].to_numpy(),
            "id": docs["id"].to_numpy(),
            "hits": hits,
            "words": words,
            "per_1000": per,
        }
    )
    return frame.sort_values(
        ["per_1000", "id"], ascending=[False, True], kind="mergesort"
    ).reset_index(drop=True)


def corpus_summary(tables: Tables) -> dict[str, Any]:
    docs = tables.documents
    dates = sorted(d for d in docs["date"].dropna().astype(str) if d)
    return {
        "documents": len(docs),
        "words": int(docs["n_words"].sum()),
        "hits": len(tables.hits),
        "attributions": len(tables.attributions),
        "documents_with_text": int(docs["has_text"].sum()),
        "documents_with_date": int(docs["month"].notna().sum()),
        "date_min": dates[0] if dates else None,
        "date_max": dates[-1] if dates else None,
    }


def skipped_summary(tables: Tables, group: str | None = None) -> dict[str, Any]:
    """Skipped documents and counts by reason (all of them; per-group membership is unknown)."""
    s = tables.skipped
    reasons = (
        s.groupby("reason").size().sort_values(ascending=False, kind="mergesort")
        if len(s)
        else pd.Series(dtype=int)
    )
    return {
        "count": len(s),
        "by_reason": [[str(r), int(c)] for r, c in reasons.items()],
        "examples": [
            {c: (None if pd.isna(v) else v) for c, v in row.items()}
            for row in s.head(20).to_dict(orient="records")
        ],
    }


def content_hash(value: Any) -> str:
    """A short sha256 of a JSON-serialisable value (sorted keys)."""
    return hashlib.sha256(orjson.dumps(value, option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]


def open_tables(
    path: Path,
    *,
    workdir: Path,
    group_field: str = "source",
    story_field: str | None = None,
    skipped: Path | None = None,
    count_words: bool = False,
    fields: Any = None,
    progress: Any = None,
) -> Tables:
    """Tables from an analyze JSONL file, or from raw input analysed first.

    Raw input (any file ``framing analyze`` reads) is analysed once into
    ``workdir/analysis.jsonl`` (with its errors and manifest sidecars), which later runs can
    pass directly.
    """
    path = Path(path)
    if not path.exists():
        raise InputError("input not found", file=str(path))
    if is_parquet_dataset(path):
        return read_tables_parquet(
            path, group_field=group_field, story_field=story_field, skipped=skipped
        )
    if path.is_file() and is_analyze_output(path):
        return read_tables(
            path,
            group_field=group_field,
            story_field=story_field,
            skipped=skipped,
            count_words=count_words,
        )
    from framing.pipeline import analyze_inputs

    output = Path(workdir) / "analysis.jsonl"
    analyze_inputs([path], output, fields=fields, progress=progress)
    return read_tables(
        output,
        group_field=group_field,
        story_field=story_field,
        skipped=skipped,
        count_words=count_words,
    )
