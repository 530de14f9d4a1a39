"""Convert analyses to and from the JSONL records of ``docs/SCHEMA.md``.

Records are plain dicts with a fixed key order, serialised with orjson, so two runs on the same
input give byte-identical files.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson

from framing.errors import InputError
from framing.types import (
    ActorLabel,
    Attribution,
    ContentSpan,
    Cue,
    Document,
    DocumentAnalysis,
    Excluded,
    Hit,
    Quote,
    Scores,
    Sentence,
    SourceSpan,
)


def _hit(h: Hit) -> dict[str, Any]:
    return {
        "start": h.start,
        "end": h.end,
        "text": h.text,
        "term": h.term,
        "category": h.category,
        "weight": h.weight,
        "lexicon": h.lexicon,
        "sentence": h.sentence,
        "voice": h.voice,
        "rules": list(h.rules),
        "scare_quoted": h.scare_quoted,
    }


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "start": q.start,
        "end": q.end,
        "inner_start": q.inner_start,
        "inner_end": q.inner_end,
        "text": q.text,
        "kind": q.kind,
        "n_words": q.n_words,
        "balanced": q.balanced,
        "confidence": q.confidence,
    }


def _attribution(a: Attribution) -> dict[str, Any]:
    return {
        "cue": {
            "start": a.cue.start,
            "end": a.cue.end,
            "text": a.cue.text,
            "lemma": a.cue.lemma,
            "stance": a.cue.stance,
            "negated": a.cue.negated,
        },
        "source": None
        if a.source is None
        else {
            "start": a.source.start,
            "end": a.source.end,
            "text": a.source.text,
            "type": a.source.type,
        },
        "content": None if a.content is None else {"start": a.content.start, "end": a.content.end},
        "kind": a.kind,
        "speaker": a.speaker,
        "confidence": a.confidence,
    }


def _actor(a: ActorLabel) -> dict[str, Any]:
    return {
        "actor": a.actor,
        "label": a.label,
        "category": a.category,
        "start": a.start,
        "end": a.end,
        "actor_start": a.actor_start,
        "actor_end": a.actor_end,
        "voice": a.voice,
        "link": a.link,
    }


def _scores(s: Scores) -> dict[str, Any]:
    return {
        "n_words": s.n_words,
        "words_by_voice": dict(s.words_by_voice),
        "counts": {k: dict(v) for k, v in s.counts.items()},
        "per_1000": {k: dict(v) for k, v in s.per_1000.items()},
        "weighted": dict(s.weighted),
        "top_terms": [list(t) for t in s.top_terms],
        "attribution": dict(s.attribution),
    }


def to_record(analysis: DocumentAnalysis, *, include_text: bool = True) -> dict[str, Any]:
    """The JSON-ready record of one analysis (key order fixed)."""
    d = analysis.document
    record: dict[str, Any] = {
        "id": d.id,
        "source": d.source,
        "title": d.title,
        "date": d.date,
        "url": d.url,
        "author": d.author,
        "metadata": dict(d.metadata),
        "text_hash": analysis.text_hash,
        "n_words": analysis.scores.n_words,
    }
    if include_text:
        record["text"] = d.text
    record.update(
        {
            "sentences": [[s.start, s.end] for s in analysis.sentences],
            "excluded": [
                {"start": e.start, "end": e.end, "reason": e.reason, "text": e.text}
                for e in analysis.excluded
            ],
            "quotes": [_quote(q) for q in analysis.quotes],
            "hits": [_hit(h) for h in analysis.hits],
            "attributions": [_attribution(a) for a in analysis.attributions],
            "actors": [_actor(a) for a in analysis.actors],
            "scores": _scores(analysis.scores),
        }
    )
    return record


def dumps(record: Mapping[str, Any]) -> bytes:
    """One JSONL line (with newline). Non-string keys and NaN are rejected by orjson."""
    return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)


def from_record(record: Mapping[str, Any]) -> DocumentAnalysis:
    """Rebuild a :class:`DocumentAnalysis` from its record (the text may be absent: "")."""
    document = Document(
        id=record["id"],
        text=record.get("text") or "",
        source=record.get("source"),
        title=record.get("title"),
        date=record.get("date"),
        url=record.get("url"),
        author=record.get("author"),
        metadata=record.get("metadata") or {},
    )
    s = record["scores"]
    scores = Scores(
        n_words=s["n_words"],
        words_by_voice=s["words_by_voice"],
        counts=s["counts"],
        per_1000=s["per_1000"],
        weighted=s["weighted"],
        top_terms=tuple((t, n) for t, n in s["top_terms"]),
        attribution=s.get("attribution", {}),
    )
    attributions = tuple(
        Attribution(
            cue=Cue(**a["cue"]),
            source=SourceSpan(**a["source"]) if a["source"] else None,
            content=ContentSpan(**a["content"]) if a["content"] else None,
            kind=a["kind"],
            speaker=a["speaker"],
            confidence=a["confidence"],
        )
        for a in record.get("attributions", [])
    )
    return DocumentAnalysis(
        document=document,
        text_hash=record["text_hash"],
        sentences=tuple(Sentence(i, s0, e0) for i, (s0, e0) in enumerate(record["sentences"])),
        excluded=tuple(Excluded(**e) for e in record["excluded"]),
        quotes=tuple(Quote(**q) for q in record["quotes"]),
        hits=tuple(Hit(**{**h, "rules": tuple(h["rules"])}) for h in record["hits"]),
        attributions=attributions,
        actors=tuple(ActorLabel(**a) for a in record.get("actors", [])),
        scores=scores,
    )


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Stream the records of an analyze output file, with file:line errors."""
    path = Path(path)
    with path.open("rb") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise InputError(f"not a JSON record: {exc}", file=str(path), line=number) from exc
            if not isinstance(record, dict) or "hits" not in record or "scores" not in record:
                raise InputError(
                    "not a `framing analyze` record (needs 'hits' and 'scores')",
                    file=str(path),
                    line=number,
                )
            yield record
