"""Per-source framing reports (HTML, Markdown, JSON) from :class:`framing.aggregate.Tables`.

:func:`build_source_report` computes one source's figures as a plain dict (every number that
the pages show, so the JSON is the complete record); :func:`write_reports` renders one report per
source plus an index page. HTML goes through Jinja2 with autoescape, plots are embedded as
base64 SVG images, and the pages carry a Content-Security-Policy that forbids scripts and any
external resource, so a report is one self-contained, printable file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
import numpy as np
import orjson
import pandas as pd
from matplotlib.figure import Figure

from framing import __version__
from framing.aggregate import (
    REPORT_VOICES,
    Params,
    Tables,
    actor_labels,
    content_hash,
    corpus_summary,
    density_table,
    document_loading,
    fetch_texts,
    kwic,
    monthly_density,
    scare_quotes,
    skipped_summary,
    sourcing_table,
    speaker_profile,
    stance_table,
    top_cues,
    top_terms,
)
from framing.evaluation.floors import as_records as accuracy_floors
from framing.plots import (
    HeatmapDisplay,
    IntervalDisplay,
    StackedSharesDisplay,
    TimeSeriesDisplay,
    svg_bytes_uri,
    to_svg,
)
from framing.resources import data_dir
from framing.safe import atomic_write_bytes, atomic_write_text, unique_filenames
from framing.types import VOICES

N_CATEGORY_CLASSES = 8


# --------------------------------------------------------------------------- rendering


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|<>#~])")


def md_escape(value: Any) -> Any:
    """Escape a value for Markdown (also neutralises inline HTML); numbers pass through."""
    if isinstance(value, markupsafe.Markup):  # template output marked |safe (macros)
        return str(value)
    if isinstance(value, str):
        return _MD_SPECIAL.sub(r"\\\1", value.replace("\n", " "))
    return value


def _fmt(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "n/a"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _pct(value: Any) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "n/a"
    return f"{100.0 * float(value):.1f}%"


def environment(markdown: bool = False) -> jinja2.Environment:
    """The Jinja2 environment for the shipped templates (HTML autoescaped, Markdown escaped)."""
    loader = jinja2.FileSystemLoader(str(data_dir("reports")))
    if markdown:
        env = jinja2.Environment(
            loader=loader,
            autoescape=False,
            finalize=md_escape,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
        )
    else:
        env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["fmt"] = _fmt
    env.filters["pct"] = _pct
    return env


def clean_json(value: Any) -> Any:
    """Replace non-finite floats with ``None`` and numpy scalars with Python ones."""
    if isinstance(value, Mapping):
        return {str(k): clean_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_json(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def dump_json(value: Any) -> bytes:
    return (
        orjson.dumps(clean_json(value), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
    )


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [clean_json(r) for r in frame.to_dict(orient="records")]


# --------------------------------------------------------------------------- provenance


def provenance(tables: Tables, params: Params) -> dict[str, Any]:
    """Method parameters and lexicon provenance (from the analyze manifest when present)."""
    manifest = dict(tables.provenance)
    analyzer = manifest.get("analyzer") or {}
    lexicons = analyzer.get("lexicons") if isinstance(analyzer, Mapping) else None
    lexicon_origin = "analyze manifest"
    if not lexicons:
        lexicon_origin = "shipped lexicons loaded when the report was made"
        try:
            from framing.lexicon import default_lexicons

            lexicons = default_lexicons().provenance()
        except Exception:  # pragma: no cover - the report still states what it saw
            lexicons = []
            lexicon_origin = "unknown (no manifest and shipped lexicons could not be loaded)"
    observed = sorted(
        {
            (str(r.lexicon), str(r.term), str(r.category))
            for r in tables.hits[["lexicon", "term", "category"]].drop_duplicates().itertuples()
        }
    )
    return {
        "package_version": __version__,
        "analyze_version": manifest.get("framing_version"),
        "inputs": manifest.get("inputs", []),
        "analyze_counts": manifest.get("counts"),
        "lexicons": lexicons,
        "lexicon_origin": lexicon_origin,
        "observed_terms_hash": content_hash(observed),
        "params": asdict(params),
        "group_field": tables.group_field,
        "story_field": tables.story_field,
        "accuracy": accuracy_floors(),
    }


# --------------------------------------------------------------------------- annotation


def category_classes(categories: Sequence[str]) -> dict[str, str]:
    """A CSS class per category (a palette slot; the name itself never becomes a class)."""
    return {c: f"cat{i % N_CATEGORY_CLASSES}" for i, c in enumerate(sorted(categories))}


def annotate(
    text: str, hits: pd.DataFrame, classes: Mapping[str, str]
) -> tuple[list[dict[str, Any]], int]:
    """Split ``text`` into plain and highlighted segments from hit offsets.

    Overlapping hits keep the first (earliest, then longest); hits whose recorded text does not
    equal ``text[start:end]`` are not highlighted. Returns the segments and the number dropped.
    """
    segments: list[dict[str, Any]] = []
    pos = 0
    dropped = 0
    ordered = hits.sort_values(["start", "end"], ascending=[True, False], kind="mergesort")
    for row in ordered.to_dict(orient="records"):
        start, end = int(row["start"]), int(row["end"])
        if start < pos or end > len(text) or text[start:end] != row["text"]:
            dropped += 1
            continue
        if start > pos:
            segments.append({"text": text[pos:start]})
        voice = str(row["voice"])
        rules = str(row["rules"] or "")
        segments.append(
            {
                "text": text[start:end],
                "cls": f"{classes.get(str(row['category']), 'cat0')} "
                f"v-{voice if voice in VOICES else 'other'}",
                "title": (
                    f"term: {row['term']} | category: {row['category']} | voice: {voice}"
                    + (f" | rules: {rules}" if rules else "")
                    + (" | scare-quoted" if row.get("scare_quoted") else "")
                ),
            }
        )
        pos = end
    if pos < len(text):
        segments.append({"text": text[pos:]})
    return segments, dropped


def examples(tables: Tables, classes: Mapping[str, str], n: int = 1) -> list[dict[str, Any]]:
    """The most and the least loaded documents (with words), annotated."""
    loading = document_loading(tables)
    loading = loading[loading["words"] > 0]
    if loading.empty:
        return []
    chosen: list[tuple[str, pd.Series]] = [
        ("most loaded", r) for _, r in loading.head(n).iterrows()
    ]
    tail = loading.iloc[::-1].head(n)
    chosen += [
        ("least loaded", r)
        for _, r in tail.iterrows()
        if r["id"] not in {c[1]["id"] for c in chosen}
    ]
    texts = fetch_texts(tables, [str(r["id"]) for _, r in chosen])
    titles = dict(zip(tables.documents["id"], tables.documents["title"], strict=True))
    out = []
    for label, row in chosen:
        doc_id = str(row["id"])
        hits = tables.hits[tables.hits["doc"] == int(row["doc"])]
        text = texts.get(doc_id)
        if text is None:
            segments = [{"text": "(text not in the analyze output; hits only)"}]
            dropped = 0
        else:
            segments, dropped = annotate(text, hits, classes)
        out.append(
            {
                "label": label,
                "id": doc_id,
                "title": titles.get(doc_id),
                "hits": int(row["hits"]),
                "words": int(row["words"]),
                "per_1000": float(row["per_1000"]),
                "has_text": text is not None,
                "hit_list": [
                    {
                        "text": h["text"],
                        "term": h["term"],
                        "category": h["category"],
                        "voice": h["voice"],
                    }
                    for h in hits.sort_values("start").to_dict(orient="records")
                ][:60],
                "segments": segments,
                "unhighlighted": dropped,
            }
        )
    return out


# --------------------------------------------------------------------------- building


def build_source_report(
    tables: Tables,
    group: str,
    params: Params,
    *,
    density: pd.DataFrame | None = None,
    top_n: int = 15,
    method: Mapping[str, Any] | None = None,
    stances: pd.DataFrame | None = None,
    sourcing: pd.DataFrame | None = None,
) -> tuple[dict[str, Any], dict[str, Figure]]:
    """All figures of one group's report (JSON-ready dict) and its plots."""
    sub = tables.subset(group)
    categories = tables.categories
    if density is None:
        density = density_table(sub, params, categories)
    dens = density[density["group"] == group]
    stances = stance_table(sub, params) if stances is None else stances[stances["group"] == group]
    sourcing = (
        sourcing_table(sub, params) if sourcing is None else sourcing[sourcing["group"] == group]
    )
    terms = top_terms(sub, top_n)
    monthly = monthly_density(sub)
    classes = category_classes(categories)
    report: dict[str, Any] = {
        "kind": "source_report",
        "group": group,
        "group_field": tables.group_field,
        "summary": corpus_summary(sub),
        "skipped": skipped_summary(tables),
        "density": records(dens.drop(columns=["group"])),
        "top_terms": [{**t, "examples": kwic(sub, str(t["term"]))} for t in records(terms)],
        "attribution": {
            "stances": records(stances.drop(columns=["group"])),
            "sourcing": records(sourcing.drop(columns=["group"])),
            "top_cues": records(top_cues(sub, top_n)),
            "speakers": speaker_profile(sub),
        },
        "actors": actor_labels(sub),
        "scare_quotes": scare_quotes(sub),
        "monthly": records(monthly),
        "examples": examples(sub, classes),
        "category_classes": classes,
        "method": dict(method) if method is not None else provenance(tables, params),
    }
    figures: dict[str, Figure] = {}
    by_voice = dens[dens["voice"].isin(REPORT_VOICES) & (dens["hits"] >= 0)]
    if len(by_voice):
        figures["density"] = (
            IntervalDisplay.from_table(
                by_voice,
                label="category",
                hue="voice",
                title="Loaded-term density by category and voice "
                f"({100 * (1 - params.alpha):.0f}% CI)",
            )
            .plot()
            .figure_
        )
    if stances["all_cues"].sum() > 0:
        figures["stances"] = (
            IntervalDisplay.from_table(
                stances.assign(
                    per_1000=stances["share"] * 100,
                    low=stances["low"] * 100,
                    high=stances["high"] * 100,
                ),
                label="stance",
                title="Attribution cue stances",
                xlabel="share of attribution cues (%)",
            )
            .plot()
            .figure_
        )
    if len(monthly) >= 2:
        figures["monthly"] = TimeSeriesDisplay.from_table(monthly).plot().figure_
    return report, figures


def build_index(
    tables: Tables,
    density: pd.DataFrame,
    params: Params,
    *,
    stances: pd.DataFrame | None = None,
) -> tuple[dict[str, Any], dict[str, Figure]]:
    overall = density[(density["voice"] == "all") & (density["category"] == "(any)")]
    index = {
        "kind": "report_index",
        "group_field": tables.group_field,
        "summary": corpus_summary(tables),
        "skipped": skipped_summary(tables),
        "groups": records(overall.drop(columns=["voice", "category"])),
        "method": provenance(tables, params),
    }
    figures: dict[str, Figure] = {}
    if len(overall):
        figures["overview"] = (
            IntervalDisplay.from_table(
                overall, label="group", title="Loaded terms per 1,000 words, all voices"
            )
            .plot()
            .figure_
        )
        heat = density[(density["voice"] == "all") & (density["category"] != "(any)")]
        if len(heat) and heat["category"].nunique() > 0:
            figures["heatmap"] = (
                HeatmapDisplay.from_table(heat, title="Density by category (hits per 1,000 words)")
                .plot()
                .figure_
            )
        stances = stance_table(tables, params) if stances is None else stances
        if stances["all_cues"].sum() > 0:
            figures["stances"] = (
                StackedSharesDisplay.from_table(stances, title="Attribution cue stances")
                .plot()
                .figure_
            )
    return index, figures


def _write_figures(out: Path, stem: str, svgs: Mapping[str, bytes]) -> dict[str, str]:
    paths = {}
    for name, svg in svgs.items():
        rel = f"figures/{stem}-{name}.svg"
        atomic_write_bytes(out / rel, svg)
        paths[name] = rel
    return paths


def write_reports(
    tables: Tables,
    out: Path,
    params: Params | None = None,
    *,
    formats: Sequence[str] = ("html", "md", "json"),
) -> list[Path]:
    """One report per group plus ``index.*`` in ``out``; returns the files written."""
    params = params or Params()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    density = density_table(tables, params)
    stances = stance_table(tables, params)
    sourcing = sourcing_table(tables, params)
    stems = unique_filenames(tables.groups)
    html = environment().get_template("report.html.j2")
    md = environment(markdown=True).get_template("report.md.j2")
    written: list[Path] = []
    entries = []
    method = provenance(tables, params)
    for group in tables.groups:
        report, figures = build_source_report(
            tables,
            group,
            params,
            density=density,
            method=method,
            stances=stances,
            sourcing=sourcing,
        )
        stem = stems[group]
        entries.append({"group": group, "stem": stem, "summary": report["summary"]})
        written += _render(out, stem, report, figures, formats, html, md)
    index, figures = build_index(tables, density, params, stances=stances)
    index["reports"] = entries
    written += _render(
        out,
        "index",
        index,
        figures,
        formats,
        environment().get_template("index.html.j2"),
        environment(markdown=True).get_template("index.md.j2"),
    )
    return written


def _render(
    out: Path,
    stem: str,
    data: dict[str, Any],
    figures: Mapping[str, Figure],
    formats: Sequence[str],
    html: jinja2.Template,
    md: jinja2.Template,
) -> list[Path]:
    written = []
    svgs = {name: to_svg(fig) for name, fig in figures.items()} if formats != ("json",) else {}
    if "json" in formats:
        atomic_write_bytes(out / f"{stem}.json", dump_json(data))
        written.append(out / f"{stem}.json")
    if "html" in formats:
        uris = {name: svg_bytes_uri(svg) for name, svg in svgs.items()}
        atomic_write_text(out / f"{stem}.html", html.render(r=data, figures=uris))
        written.append(out / f"{stem}.html")
    if "md" in formats:
        paths = _write_figures(out, stem, svgs)
        atomic_write_text(out / f"{stem}.md", md.render(r=data, figures=paths))
        written.append(out / f"{stem}.md")
    for fig in figures.values():
        fig.clf()
    return written
