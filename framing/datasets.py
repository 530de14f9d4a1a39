"""Loaders for the labelled corpora used in experiments, each returning a frozen :class:`Dataset`.

The corpora live in ``$FRAMING_DATA_DIR`` (or a folder passed as ``root``), one sub-folder per
corpus with its ``SOURCE.md``. Every loader reads the files as documented there, drops nothing
silently (dropped rows are counted in :attr:`Dataset.dropped`) and records a content hash of the
bytes it read, so that every experiment names exactly the data it ran on.

Article corpora with span annotations (BASIL, PolNeAR, PTC) also load as
:class:`~framing.types.Document` objects with their spans (:func:`load_basil_documents`,
:func:`load_polnear_documents`, :func:`load_ptc_documents`).
"""

from __future__ import annotations

import ast
import csv
import hashlib
import io
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from framing.errors import DataError
from framing.text import sentence_spans
from framing.types import Document

TaskType = Literal["binary", "multiclass", "multilabel"]
#: A label: a class name, or for multi-label tasks the (sorted) tuple of the labels that apply.
Label = str | tuple[str, ...]

DATA_ENV = "FRAMING_DATA_DIR"


@dataclass(frozen=True, slots=True)
class Dataset:
    """A labelled text collection, aligned by position: ``texts[i]``, ``labels[i]``, ``ids[i]``."""

    name: str
    texts: tuple[str, ...]
    labels: tuple[Label, ...]
    ids: tuple[str, ...]
    groups: tuple[str, ...]  # the outlet of each item ("" when unknown)
    task: TaskType
    classes: tuple[str, ...]
    citation: str
    licence: str
    content_hash: str  # sha256 of the bytes read, in a fixed order
    path: str
    #: split name -> the partition ("train", "valid", "test" or "") of each item
    splits: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: reason -> number of source rows left out, e.g. {"No agreement": 1}
    dropped: Mapping[str, int] = field(default_factory=dict)
    metadata: tuple[Mapping[str, Any], ...] = ()

    def __len__(self) -> int:
        return len(self.texts)

    def label_counts(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for label in self.labels:
            if isinstance(label, tuple):
                counts.update(label)
            else:
                counts[label] += 1
        return dict(sorted(counts.items()))

    def subset(self, indices: Sequence[int]) -> Dataset:
        """The items at ``indices`` (in that order), with the same provenance."""
        idx = list(indices)
        return Dataset(
            name=self.name,
            texts=tuple(self.texts[i] for i in idx),
            labels=tuple(self.labels[i] for i in idx),
            ids=tuple(self.ids[i] for i in idx),
            groups=tuple(self.groups[i] for i in idx),
            task=self.task,
            classes=self.classes,
            citation=self.citation,
            licence=self.licence,
            content_hash=self.content_hash,
            path=self.path,
            splits={k: tuple(v[i] for i in idx) for k, v in self.splits.items()},
            dropped=self.dropped,
            metadata=tuple(self.metadata[i] for i in idx) if self.metadata else (),
        )


@dataclass(frozen=True, slots=True)
class AnnotatedSpan:
    """A span annotation in a document: ``document.text[start:end] == text``."""

    document_id: str
    start: int
    end: int
    text: str
    label: str
    attributes: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AnnotatedCorpus:
    """Documents with span annotations (BASIL bias spans, PolNeAR attributions, PTC techniques)."""

    name: str
    documents: tuple[Document, ...]
    spans: tuple[AnnotatedSpan, ...]
    citation: str
    licence: str
    content_hash: str
    path: str
    dropped: Mapping[str, int] = field(default_factory=dict)


# ----------------------------------------------------------------------------------- helpers


def data_root(root: str | Path | None = None) -> Path:
    """The shared data folder: ``root``, else ``$FRAMING_DATA_DIR``."""
    if root is None:
        value = os.environ.get(DATA_ENV)
        if not value:
            raise DataError(f"no data folder given and {DATA_ENV} is not set", field=DATA_ENV)
        root = value
    path = Path(root)
    if not path.is_dir():
        raise DataError("data folder not found", file=str(path))
    return path


def _require(path: Path) -> Path:
    if not path.exists():
        raise DataError("required data file is missing", file=str(path))
    return path


class _Hasher:
    def __init__(self) -> None:
        self._h = hashlib.sha256()

    def read_bytes(self, path: Path) -> bytes:
        data = _require(path).read_bytes()
        self._h.update(path.name.encode())
        self._h.update(len(data).to_bytes(8, "little"))
        self._h.update(data)
        return data

    def read_text(self, path: Path) -> str:
        return self.read_bytes(path).decode("utf-8-sig")

    def hexdigest(self) -> str:
        return self._h.hexdigest()[:16]


def _csv_rows(text: str, path: Path, delimiter: str) -> list[tuple[int, dict[str, str]]]:
    """Rows with the line number each starts on (header is line 1)."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, dict[str, str]]] = []
    line = 1
    try:
        _ = reader.fieldnames  # reads the header, so that line numbers count from it
        line = reader.line_num + 1
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise DataError(f"cannot parse CSV: {exc}", file=str(path), line=line) from exc
    return rows


def _field(row: Mapping[str, str | None], name: str, path: Path, line: int) -> str:
    value = row.get(name)
    if value is None:
        raise DataError("missing column value", file=str(path), line=line, field=name)
    return value


def _normalise_outlet(name: str) -> str:
    return " ".join(name.strip().lower().replace("-", " ").split())


# --------------------------------------------------------------------------------------- BABE

BABE_CITATION = (
    "Spinde, Plank, Krieger, Ruas, Gipp & Aizawa (2021), Neural Media Bias Detection Using "
    "Distant Supervision With BABE - Bias Annotations By Experts, Findings of EMNLP 2021."
)
BABE_LICENCE = "GNU AGPL-3.0 (repository licence, covers code and data)."

#: Outlet leaning used to fill BABE's empty ``type`` cells (SOURCE.md: taken from mediacloud.org).
_BABE_LEANING = {
    "breitbart": "right",
    "federalist": "right",
    "fox news": "right",
    "daily stormer": "right",
    "alternet": "left",
    "msnbc": "left",
    "huffpost": "left",
    "daily beast": "left",
    "new york times": "left",
    "reuters": "center",
    "usa today": "center",
}

_BABE_LABELS = {"bias": "label_bias", "opinion": "label_opinion"}


def _babe_like(
    name: str,
    path: Path,
    *,
    label: str,
    citation: str,
    licence: str,
    id_prefix: str,
) -> Dataset:
    if label not in _BABE_LABELS:
        raise DataError(
            f"label must be one of {sorted(_BABE_LABELS)}, not {label!r}", field="label"
        )
    column = _BABE_LABELS[label]
    hasher = _Hasher()
    rows = _csv_rows(hasher.read_text(path), path, ";")
    texts: list[str] = []
    labels: list[str] = []
    ids: list[str] = []
    groups: list[str] = []
    meta: list[dict[str, Any]] = []
    dropped: Counter[str] = Counter()
    for line, row in rows:
        text = _field(row, "text", path, line).strip()
        value = _field(row, column, path, line).strip()
        if not text:
            dropped["empty text"] += 1
            continue
        if value in ("", "No agreement"):
            dropped[value or "empty label"] += 1
            continue
        outlet = _normalise_outlet(_field(row, "outlet", path, line))
        leaning = (row.get("type") or "").strip() or _BABE_LEANING.get(outlet, "")
        try:
            words = ast.literal_eval(row.get("biased_words") or "[]")
        except (ValueError, SyntaxError) as exc:
            raise DataError(
                f"not a list literal: {exc}", file=str(path), line=line, field="biased_words"
            ) from exc
        texts.append(text)
        labels.append(value)
        ids.append(f"{id_prefix}-{line}")
        groups.append(outlet)
        meta.append(
            {
                "outlet": outlet,
                "leaning": leaning,
                "topic": (row.get("topic") or "").strip().lower().replace("-", " "),
                "url": row.get("news_link") or "",
                "biased_words": tuple(str(w) for w in words),
                "line": line,
            }
        )
    classes = tuple(sorted(set(labels)))
    return Dataset(
        name=name,
        texts=tuple(texts),
        labels=tuple(labels),
        ids=tuple(ids),
        groups=tuple(groups),
        task="binary" if len(classes) == 2 else "multiclass",
        classes=classes,
        citation=citation,
        licence=licence,
        content_hash=hasher.hexdigest(),
        path=str(path),
        dropped=dict(dropped),
        metadata=tuple(meta),
    )


def load_babe(
    root: str | Path | None = None, *, group: str = "SG2", label: str = "bias"
) -> Dataset:
    """BABE sentences (``group`` SG2, the expert-labelled BABE proper, or SG1).

    Labels are ``Biased`` / ``Non-biased`` (or the three opinion classes with ``label="opinion"``);
    "No agreement" rows are dropped and counted. ``groups`` is the normalised outlet; the word-level
    ``biased_words`` annotation is kept in ``metadata`` only (using it as a feature leaks labels).
    """
    if group not in ("SG1", "SG2"):
        raise DataError(f"BABE group must be SG1 or SG2, not {group!r}", field="group")
    path = data_root(root) / "babe" / f"final_labels_{group}.csv"
    return _babe_like(
        f"babe-{group.lower()}",
        path,
        label=label,
        citation=BABE_CITATION,
        licence=BABE_LICENCE,
        id_prefix=f"babe{group.lower()}",
    )


def load_mbic(root: str | Path | None = None, *, label: str = "bias") -> Dataset:
    """MBIC: the BABE SG1 sentences with crowd-sourced (noisier) labels."""
    base = data_root(root) / "mbic"
    path = base / "final_labels_MBIC.csv"
    if not path.exists() and (base / "final_labels_MBIC.xlsx").exists():
        raise DataError("only the .xlsx version is present; export it to CSV", file=str(path))
    return _babe_like(
        "mbic",
        path,
        label=label,
        citation=(
            "Spinde, Rudnitckaia, Sinha, Hamborg, Gipp & Donnay (2021), MBIC - A Media Bias "
            "Annotation Dataset Including Annotator Characteristics, iConference 2021."
        ),
        licence="GNU AGPL-3.0 (repository licence); the original Kaggle/Zenodo release may differ.",
        id_prefix="mbic",
    )


# ------------------------------------------------------------------------ Article-Bias-Prediction

ABP_CITATION = (
    "Baly, Da San Martino, Glass & Nakov (2020), We Can Detect Your Bias: Predicting the "
    "Political Ideology of News Articles, EMNLP 2020."
)


def load_article_bias(
    root: str | Path | None = None, *, text_field: str = "content_original", with_title: bool = True
) -> Dataset:
    """Article-Bias-Prediction (outlet subset): articles labelled left / center / right.

    Labels are outlet-level AllSides ratings copied onto each article, so a classifier can learn
    outlet identity: evaluate with outlets held out (``groups``) beside the random split. The
    authors' ``random`` and ``media`` splits are attached when the splits file is present.
    """
    base = data_root(root) / "article_bias_prediction"
    candidates = [base / "articles.jsonl", base / "abp_outlet_subset.jsonl"]
    path = next((p for p in candidates if p.exists()), candidates[0])
    hasher = _Hasher()
    text = hasher.read_text(path)
    texts: list[str] = []
    labels: list[str] = []
    ids: list[str] = []
    groups: list[str] = []
    meta: list[dict[str, Any]] = []
    dropped: Counter[str] = Counter()
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(f"invalid JSON: {exc.msg}", file=str(path), line=line_no) from exc
        body = record.get(text_field)
        if not isinstance(body, str):
            raise DataError("missing text field", file=str(path), line=line_no, field=text_field)
        title = str(record.get("title") or "").strip()
        if not body.strip():
            dropped["empty text"] += 1
            continue
        leaning = str(record.get("bias_text") or "").strip()
        if leaning not in ("left", "center", "right"):
            raise DataError(
                f"unknown leaning {leaning!r}", file=str(path), line=line_no, field="bias_text"
            )
        texts.append(f"{title}\n\n{body}" if with_title and title else body)
        labels.append(leaning)
        ids.append(str(record.get("ID") or f"abp-{line_no}"))
        groups.append(_normalise_outlet(str(record.get("source") or "")))
        meta.append(
            {
                "source": record.get("source"),
                "date": record.get("date") or None,
                "title": title,
                "topic": record.get("topic"),
                "url": record.get("url"),
            }
        )
    splits: dict[str, tuple[str, ...]] = {}
    split_path = base / "abp_outlet_subset_splits.tsv"
    if split_path.exists():
        rows = _csv_rows(hasher.read_text(split_path), split_path, "\t")
        by_id = {_field(r, "ID", split_path, n): r for n, r in rows}
        for name in ("random", "media"):
            splits[name] = tuple((by_id.get(i) or {}).get(f"{name}_split", "") or "" for i in ids)
    return Dataset(
        name="article-bias-prediction",
        texts=tuple(texts),
        labels=tuple(labels),
        ids=tuple(ids),
        groups=tuple(groups),
        task="multiclass",
        classes=("center", "left", "right"),
        citation=ABP_CITATION,
        licence="Apache-2.0 (repository); article text remains the publishers' copyright.",
        content_hash=hasher.hexdigest(),
        path=str(path),
        splits=splits,
        dropped=dict(dropped),
        metadata=tuple(meta),
    )


# ------------------------------------------------------------------------ Narrative Frames Corpus

FRAMES = ("RE", "HI", "CO", "MO", "EC")
FRAME_NAMES = {
    "RE": "resolution",
    "HI": "human_interest",
    "CO": "conflict",
    "MO": "moral",
    "EC": "economic",
}


def load_narrative_frames(root: str | Path | None = None) -> Dataset:
    """Narrative Frames Corpus: climate articles with five binary frames (multi-label).

    Rows whose frame columns are missing or not ``True``/``False`` (article 405 is truncated in
    the source) are dropped and counted; the ``False)`` typo of article 716 is read as False.
    """
    path = data_root(root) / "narrative_frames_corpus" / "articles_metadata.tsv"
    hasher = _Hasher()
    rows = _csv_rows(hasher.read_text(path), path, "\t")
    texts: list[str] = []
    labels: list[tuple[str, ...]] = []
    ids: list[str] = []
    groups: list[str] = []
    meta: list[dict[str, Any]] = []
    dropped: Counter[str] = Counter()
    for line, row in rows:
        values: dict[str, bool] = {}
        for frame in FRAMES:
            raw = (row.get(frame) or "").strip().rstrip(")")
            if raw not in ("True", "False"):
                break
            values[frame] = raw == "True"
        if len(values) != len(FRAMES):
            dropped["missing or invalid frame columns"] += 1
            continue
        text = (row.get("text") or "").strip()
        if not text:
            dropped["empty text"] += 1
            continue
        texts.append(text)
        labels.append(tuple(FRAME_NAMES[f] for f in FRAMES if values[f]))
        ids.append(f"nfc-{_field(row, 'ID', path, line)}")
        groups.append((row.get("source") or "").strip().lower().replace(" ", ""))
        meta.append({"mbfc": row.get("mbfc"), "date": row.get("date"), "line": line})
    return Dataset(
        name="narrative-frames",
        texts=tuple(texts),
        labels=tuple(labels),
        ids=tuple(ids),
        groups=tuple(groups),
        task="multilabel",
        classes=tuple(sorted(FRAME_NAMES.values())),
        citation=(
            "Frermann, Li, Khanehzar & Mikolajczak (2023), Conflicts, Villains, Resolutions: "
            "Towards models of Narrative Media Framing, ACL 2023."
        ),
        licence="MIT (repository); the articles are third-party news text.",
        content_hash=hasher.hexdigest(),
        path=str(path),
        dropped=dict(dropped),
        metadata=tuple(meta),
    )


# --------------------------------------------------------------------------------------- BASIL

BASIL_CITATION = (
    "Fan, Diab, Sun, Chen, Chen & Li (2019), In Plain Sight: Media Bias Through the Lens of "
    "Factual Reporting, EMNLP 2019."
)


def load_basil_documents(root: str | Path | None = None) -> AnnotatedCorpus:
    """BASIL articles as documents (title, blank line, then one paragraph per line) with spans.

    Each bias span is re-anchored from its sentence-relative offsets to offsets into the document
    text; ``attributes`` keeps ``bias`` (lex/inf), ``polarity``, ``aim``, ``target``, ``quote``
    and ``speaker``. ``metadata`` holds ``triplet-uuid``, ``main-event`` and the article-level
    ``relative_stance``.
    """
    return read_basil(data_root(root) / "basil")


def read_basil(base: str | Path) -> AnnotatedCorpus:
    """:func:`load_basil_documents` from the BASIL folder itself (``articles/``,
    ``annotations/``)."""
    base = Path(base)
    articles = sorted(_require(base / "articles").glob("*/*.json"))
    if not articles:
        raise DataError("no article files", file=str(base / "articles"))
    hasher = _Hasher()
    documents: list[Document] = []
    spans: list[AnnotatedSpan] = []
    dropped: Counter[str] = Counter()
    for art_path in articles:
        art = json.loads(hasher.read_text(art_path))
        ann_path = base / "annotations" / art_path.parent.name / f"{art_path.stem}_ann.json"
        ann = json.loads(hasher.read_text(ann_path)) if ann_path.exists() else {}
        if not ann:
            dropped["no annotation file"] += 1
        title = str(art.get("title") or "")
        parts = [title, ""]
        offsets: list[int] = []  # start offset of each flattened sentence
        pos = len(title) + 2
        for para in art.get("body-paragraphs") or []:
            para_parts: list[str] = []
            for sent in para:
                offsets.append(pos + sum(len(p) + 1 for p in para_parts))
                para_parts.append(sent)
            line = " ".join(para_parts)
            parts.append(line)
            pos += len(line) + 1
        text = "\n".join(parts)
        doc_id = f"basil-{art_path.stem}"
        stance = (ann.get("article-level-annotations") or {}).get("relative_stance")
        documents.append(
            Document(
                id=doc_id,
                text=text,
                source=str(art.get("source") or "").lower() or None,
                title=title or None,
                date=str(art.get("date") or "") or None,
                url=art.get("url"),
                metadata={
                    "triplet-uuid": art.get("triplet-uuid"),
                    "main-event": art.get("main-event"),
                    "relative_stance": stance,
                },
                origin=str(art_path),
            )
        )
        for phrase in ann.get("phrase-level-annotations") or []:
            sid = str(phrase.get("id", ""))
            s, e = int(phrase["start"]), int(phrase["end"])
            if sid == "title":
                start = s
            elif sid.startswith("p") and sid[1:].isdigit() and int(sid[1:]) < len(offsets):
                start = offsets[int(sid[1:])] + s
            else:
                dropped["span with unknown sentence id"] += 1
                continue
            end = start + (e - s)
            if text[start:end] != phrase.get("txt"):
                dropped["span text mismatch"] += 1
                continue
            spans.append(
                AnnotatedSpan(
                    document_id=doc_id,
                    start=start,
                    end=end,
                    text=text[start:end],
                    label=str(phrase.get("bias")),
                    attributes={
                        k: phrase.get(k) for k in ("polarity", "aim", "target", "quote", "speaker")
                    },
                )
            )
    return AnnotatedCorpus(
        name="basil",
        documents=tuple(documents),
        spans=tuple(spans),
        citation=BASIL_CITATION,
        licence="No licence file in the repository; cite Fan et al. 2019.",
        content_hash=hasher.hexdigest(),
        path=str(base),
        dropped=dict(dropped),
    )


def spans_to_sentences(
    corpus: AnnotatedCorpus,
    *,
    positive: Callable[[AnnotatedSpan], bool] = lambda s: True,
    name: str | None = None,
    positive_label: str = "biased",
    negative_label: str = "neutral",
) -> Dataset:
    """Sentence dataset from span annotations: positive when a chosen span overlaps the sentence."""
    by_doc: dict[str, list[AnnotatedSpan]] = {}
    for span in corpus.spans:
        if positive(span):
            by_doc.setdefault(span.document_id, []).append(span)
    texts: list[str] = []
    labels: list[str] = []
    ids: list[str] = []
    groups: list[str] = []
    for doc in corpus.documents:
        doc_spans = by_doc.get(doc.id, [])
        for i, (s, e) in enumerate(sentence_spans(doc.text)):
            hit = any(sp.start < e and s < sp.end for sp in doc_spans)
            texts.append(doc.text[s:e])
            labels.append(positive_label if hit else negative_label)
            ids.append(f"{doc.id}:{i}")
            groups.append(doc.source or "")
    return Dataset(
        name=name or f"{corpus.name}-sentences",
        texts=tuple(texts),
        labels=tuple(labels),
        ids=tuple(ids),
        groups=tuple(groups),
        task="binary",
        classes=tuple(sorted({negative_label, positive_label})),
        citation=corpus.citation,
        licence=corpus.licence,
        content_hash=corpus.content_hash,
        path=corpus.path,
        dropped=corpus.dropped,
    )


def load_basil(root: str | Path | None = None, *, bias: str = "lex") -> Dataset:
    """BASIL sentences labelled ``biased`` when they hold a span of ``bias`` (lex, inf or any)."""
    if bias not in ("lex", "inf", "any"):
        raise DataError(f"bias must be lex, inf or any, not {bias!r}", field="bias")
    corpus = load_basil_documents(root)
    return spans_to_sentences(
        corpus,
        positive=lambda s: bias == "any" or s.label == bias,
        name=f"basil-{bias}-sentences",
    )


# ------------------------------------------------------------------------------------- PolNeAR


_BRAT_SPAN = re.compile(r"T\d+\t\S+ \d+ \d+")


def load_polnear_documents(
    root: str | Path | None = None, *, compartments: Iterable[str] = ("train", "dev")
) -> AnnotatedCorpus:
    """PolNeAR articles with their publisher and attribution spans (Source, Cue, Content).

    ``test`` is not read unless asked for (the authors ask users not to inspect it during
    development). For articles with several annotators, the first annotator file in name order
    is used. Discontinuous spans keep their first fragment.
    """
    base = data_root(root) / "polnear"
    hasher = _Hasher()
    meta_path = base / "metadata.tsv"
    meta_rows = _csv_rows(hasher.read_text(meta_path), meta_path, "\t")
    meta = {r.get("filename", ""): r for _, r in meta_rows}
    documents: list[Document] = []
    spans: list[AnnotatedSpan] = []
    dropped: Counter[str] = Counter()
    for comp in compartments:
        text_dir = _require(base / comp / "text")
        for txt in sorted(text_dir.glob("*.txt")):
            text = hasher.read_bytes(txt).decode("utf-8")
            row = meta.get(txt.stem, {})
            doc_id = f"polnear-{txt.stem}"
            documents.append(
                Document(
                    id=doc_id,
                    text=text,
                    source=row.get("publisher") or txt.stem.split("_", 1)[0],
                    title=row.get("title") or None,
                    date=row.get("publication_date") or None,
                    author=row.get("author") or None,
                    metadata={"compartment": comp},
                    origin=str(txt),
                )
            )
            anns = sorted((base / comp / "attributions").glob(f"{txt.stem}_*.ann"))
            if not anns:
                dropped["no annotation file"] += 1
                continue
            for line in hasher.read_text(anns[0]).splitlines():
                # span texts may contain line breaks: their continuation lines are skipped
                if not _BRAT_SPAN.match(line):
                    continue
                parts = line.split("\t")
                kind, _, loc = parts[1].partition(" ")
                first = loc.split(";")[0].split()
                start, end = int(first[0]), int(first[1])
                if kind not in ("Source", "Cue", "Content"):
                    continue
                spans.append(
                    AnnotatedSpan(doc_id, start, end, text[start:end], kind, {"id": parts[0]})
                )
    return AnnotatedCorpus(
        name="polnear",
        documents=tuple(documents),
        spans=tuple(spans),
        citation=(
            "Newell, Margolin & Ruths (2018), An Attribution Relations Corpus for Political News, "
            "LREC 2018."
        ),
        licence="No licence file in the repository; articles remain the publishers' copyright.",
        content_hash=hasher.hexdigest(),
        path=str(base),
        dropped=dict(dropped),
    )


def load_polnear(root: str | Path | None = None) -> Dataset:
    """PolNeAR train+dev articles labelled with their publisher (outlet attribution style)."""
    corpus = load_polnear_documents(root)
    docs = corpus.documents
    labels = tuple(d.source or "" for d in docs)
    return Dataset(
        name="polnear",
        texts=tuple(d.text for d in docs),
        labels=labels,
        ids=tuple(d.id for d in docs),
        groups=labels,
        task="multiclass",
        classes=tuple(sorted(set(labels))),
        citation=corpus.citation,
        licence=corpus.licence,
        content_hash=corpus.content_hash,
        path=corpus.path,
        dropped=corpus.dropped,
    )


# ------------------------------------------------------------------------------------------ PTC


def load_ptc_documents(root: str | Path | None = None) -> AnnotatedCorpus:
    """PTC training articles with their propaganda-technique spans (labels split on TAB only)."""
    base = data_root(root) / "ptc"
    hasher = _Hasher()
    documents: dict[str, Document] = {}
    for txt in sorted(_require(base / "train-articles").glob("article*.txt")):
        text = hasher.read_bytes(txt).decode("utf-8")
        art_id = txt.stem.removeprefix("article")
        documents[art_id] = Document(id=f"ptc-{art_id}", text=text, origin=str(txt))
    label_path = base / "train-task2-TC.labels.tsv"
    spans: list[AnnotatedSpan] = []
    dropped: Counter[str] = Counter()
    for n, line in enumerate(hasher.read_text(label_path).splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            raise DataError("expected 4 tab-separated fields", file=str(label_path), line=n)
        art_id, technique, start_s, end_s = parts
        doc = documents.get(art_id)
        if doc is None:
            dropped["span of a missing article"] += 1
            continue
        start, end = int(start_s), int(end_s)
        spans.append(AnnotatedSpan(doc.id, start, end, doc.text[start:end], technique))
    return AnnotatedCorpus(
        name="ptc",
        documents=tuple(documents.values()),
        spans=tuple(spans),
        citation=(
            "Da San Martino, Yu, Barrón-Cedeño, Petrov & Nakov (2019), Fine-Grained Analysis of "
            "Propaganda in News Articles, EMNLP 2019; SemEval-2020 Task 11."
        ),
        licence="No licence stated; distributed by the task organisers for research use.",
        content_hash=hasher.hexdigest(),
        path=str(base),
        dropped=dict(dropped),
    )


def load_ptc(root: str | Path | None = None, *, technique: str = "Loaded_Language") -> Dataset:
    """PTC sentences labelled ``biased`` when a ``technique`` span overlaps them (``any``: all)."""
    corpus = load_ptc_documents(root)
    return spans_to_sentences(
        corpus,
        positive=lambda s: technique == "any" or s.label == technique,
        name=f"ptc-{technique.lower()}-sentences",
    )


# ---------------------------------------------------------------------------------- any table


def load_table(
    path: str | Path,
    *,
    text: str = "text",
    label: str = "label",
    source: str | None = "source",
    id: str | None = "id",
    multilabel_sep: str | None = None,
    delimiter: str | None = None,
    annotation: str | None = None,
) -> Dataset:
    """A CSV/TSV/JSONL file with text, label and (optional) source and id columns.

    With ``multilabel_sep`` (e.g. ``"|"``) a label cell holds several labels (multi-label task);
    an empty cell is then the empty label set. With ``annotation``, that column holds the words
    annotators marked in the text (a JSON list, or words separated by ``|``; empty for none),
    kept as a tuple in each item's ``metadata[annotation]``. Rows without text or label raise a
    :class:`DataError` naming file, line and column.
    """
    p = Path(path)
    hasher = _Hasher()
    content = hasher.read_text(p)
    records: list[tuple[int, Mapping[str, Any]]] = []
    if p.suffix in (".jsonl", ".ndjson"):
        for n, line in enumerate(content.splitlines(), start=1):
            if line.strip():
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise DataError(f"invalid JSON: {exc.msg}", file=str(p), line=n) from exc
                if not isinstance(obj, dict):
                    raise DataError("a line must be a JSON object", file=str(p), line=n)
                records.append((n, obj))
    else:
        delim = delimiter or ("\t" if p.suffix == ".tsv" else ",")
        records = list(_csv_rows(content, p, delim))
    texts: list[str] = []
    labels: list[Label] = []
    ids: list[str] = []
    groups: list[str] = []
    meta: list[dict[str, Any]] = []
    for n, rec in records:
        if annotation is not None:
            meta.append({annotation: _annotation_cell(rec.get(annotation), p, n, annotation)})
        t = rec.get(text)
        if not isinstance(t, str) or not t.strip():
            raise DataError("missing or empty text", file=str(p), line=n, field=text)
        raw = rec.get(label)
        if raw is None or (multilabel_sep is None and str(raw).strip() == ""):
            raise DataError("missing label", file=str(p), line=n, field=label)
        if multilabel_sep is not None:
            items = raw if isinstance(raw, list) else str(raw).split(multilabel_sep)
            labels.append(tuple(sorted({str(x).strip() for x in items if str(x).strip()})))
        else:
            labels.append(str(raw).strip())
        texts.append(t)
        ids.append(str(rec.get(id) or f"{p.stem}-{n}") if id else f"{p.stem}-{n}")
        groups.append(_normalise_outlet(str(rec.get(source) or "")) if source else "")
    if multilabel_sep is not None:
        classes = tuple(sorted({x for lab in labels for x in lab}))
        task: TaskType = "multilabel"
    else:
        classes = tuple(sorted({str(x) for x in labels}))
        task = "binary" if len(classes) == 2 else "multiclass"
    if len(classes) < 2:
        raise DataError(
            f"need at least two classes, found {list(classes)}", file=str(p), field=label
        )
    return Dataset(
        name=p.stem,
        texts=tuple(texts),
        labels=tuple(labels),
        ids=tuple(ids),
        groups=tuple(groups),
        task=task,
        classes=classes,
        citation="",
        licence="",
        content_hash=hasher.hexdigest(),
        path=str(p),
        metadata=tuple(meta),
    )


def _annotation_cell(value: Any, path: Path, line: int, column: str) -> tuple[str, ...]:
    """Marked words from a JSON list (or its text) or a ``|``-separated cell."""
    if value is None:
        return ()
    if isinstance(value, list):
        items: list[Any] = value
    else:
        cell = str(value).strip()
        if cell.startswith("["):
            try:
                parsed = json.loads(cell)
            except json.JSONDecodeError as exc:
                raise DataError(
                    f"invalid JSON list: {exc.msg}", file=str(path), line=line, field=column
                ) from exc
            if not isinstance(parsed, list):
                raise DataError("expected a JSON list", file=str(path), line=line, field=column)
            items = parsed
        else:
            items = cell.split("|")
    return tuple(str(x).strip() for x in items if str(x).strip())


# ------------------------------------------------------------------------------------ registry


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    name: str
    folder: str
    description: str
    citation: str
    licence: str
    loader: Callable[..., Dataset]


REGISTRY: dict[str, DatasetInfo] = {
    info.name: info
    for info in (
        DatasetInfo(
            "babe",
            "babe",
            "BABE sentences, biased vs non-biased (options: group=SG1|SG2, label=bias|opinion)",
            BABE_CITATION,
            BABE_LICENCE,
            load_babe,
        ),
        DatasetInfo(
            "mbic",
            "mbic",
            "MBIC sentences, crowd labels (the BABE SG1 sentences)",
            "Spinde et al. (2021), iConference 2021.",
            "GNU AGPL-3.0 (repository licence).",
            load_mbic,
        ),
        DatasetInfo(
            "article-bias-prediction",
            "article_bias_prediction",
            "Articles labelled left/center/right by outlet (AllSides), 15 outlets",
            ABP_CITATION,
            "Apache-2.0 (repository); text is the publishers' copyright.",
            load_article_bias,
        ),
        DatasetInfo(
            "narrative-frames",
            "narrative_frames_corpus",
            "Climate articles with five narrative frames (multi-label)",
            "Frermann, Li, Khanehzar & Mikolajczak (2023), ACL 2023.",
            "MIT (repository); articles are third-party news text.",
            load_narrative_frames,
        ),
        DatasetInfo(
            "basil",
            "basil",
            "BASIL sentences with lexical/informational bias spans (option: bias=lex|inf|any)",
            BASIL_CITATION,
            "No licence file; cite Fan et al. 2019.",
            load_basil,
        ),
        DatasetInfo(
            "polnear",
            "polnear",
            "PolNeAR election articles labelled by publisher, with attribution spans",
            "Newell, Margolin & Ruths (2018), LREC 2018.",
            "No licence file; articles are the publishers' copyright.",
            load_polnear,
        ),
        DatasetInfo(
            "ptc",
            "ptc",
            "PTC sentences with propaganda-technique spans (option: technique=NAME|any)",
            "Da San Martino et al. (2019), EMNLP 2019.",
            "No licence stated; research use.",
            load_ptc,
        ),
    )
}


def load_dataset(name: str, root: str | Path | None = None, **options: Any) -> Dataset:
    """Load a registered dataset by name, or a CSV/TSV/JSONL file given as ``name``."""
    info = REGISTRY.get(name)
    if info is not None:
        try:
            return info.loader(root, **options)
        except TypeError as exc:
            raise DataError(f"bad options for dataset {name!r}: {exc}", field="dataset") from exc
    if Path(name).suffix in (".csv", ".tsv", ".jsonl", ".ndjson"):
        return load_table(name, **options)
    raise DataError(
        f"unknown dataset {name!r}; known: {', '.join(REGISTRY)} or a .csv/.tsv/.jsonl path",
        field="dataset",
    )


def available(root: str | Path | None = None) -> list[tuple[DatasetInfo, Path, bool]]:
    """Every registered dataset with its folder and whether that folder exists."""
    base = data_root(root)
    return [(info, base / info.folder, (base / info.folder).is_dir()) for info in REGISTRY.values()]
