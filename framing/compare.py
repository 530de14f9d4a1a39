"""Outlet comparison: every metric per outlet with intervals, tested differences, distinctive terms.

Metrics are ratios over articles (:mod:`framing.aggregate`): densities per voice and category,
cue-stance shares and sourcing rates. Differences are tested with two-sided permutation tests
(articles shuffled between the two sides, the same permutations for every metric of a
comparison) and corrected with Benjamini–Hochberg over every test of the run; a sentence such as
"A uses more distancing cues than the other outlets" is written only when the corrected p-value
is below ``alpha``. Distinctive terms use the log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi & Quinn 2008).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from framing.aggregate import (
    REPORT_VOICES,
    SOURCING_METRICS,
    STANCES,
    Params,
    Tables,
    actors_by_group,
    corpus_summary,
    cue_attributions,
    hit_count_matrix,
    per_doc_counts,
    skipped_summary,
    sourcing_matrices,
    word_vector,
)
from framing.plots import (
    DistinctiveTermsDisplay,
    HeatmapDisplay,
    IntervalDisplay,
    StackedSharesDisplay,
    svg_bytes_uri,
    to_svg,
)
from framing.report import dump_json, environment, provenance, records
from framing.safe import (
    atomic_write_bytes,
    atomic_write_text,
    neutralize_csv_cell,
    unique_filenames,
)
from framing.stats import (
    benjamini_hochberg,
    bootstrap_ratio,
    log_odds_dirichlet,
    permutation_test_ratio,
    permutation_test_ratio_normal,
)

ANY = "(any)"


@dataclass(frozen=True, slots=True)
class MetricMatrix:
    """Per-document numerators and denominators of every metric (one column each)."""

    names: pd.DataFrame  # columns: metric, family, voice, label, scale
    num: np.ndarray
    den: np.ndarray


def metric_matrix(tables: Tables, categories: Sequence[str]) -> MetricMatrix:
    """All comparison metrics for the documents of ``tables`` (rows in ``documents`` order)."""
    names: list[dict[str, Any]] = []
    nums: list[np.ndarray] = []
    dens: list[np.ndarray] = []
    counts = hit_count_matrix(tables, categories)
    for voice in REPORT_VOICES:
        matrix = np.hstack([counts[voice], counts[voice].sum(axis=1, keepdims=True)])
        words = word_vector(tables, voice)
        for j, category in enumerate([*categories, ANY]):
            names.append(
                {
                    "metric": f"density:{voice}:{category}",
                    "family": "density",
                    "voice": voice,
                    "label": category,
                    "scale": 1000.0,
                }
            )
            nums.append(matrix[:, j])
            dens.append(words)
    stance_counts = per_doc_counts(tables, cue_attributions(tables), "stance", STANCES)
    total = stance_counts.sum(axis=1)
    for j, stance in enumerate(STANCES):
        names.append(
            {
                "metric": f"stance:{stance}",
                "family": "stance",
                "voice": "",
                "label": stance,
                "scale": 1.0,
            }
        )
        nums.append(stance_counts[:, j])
        dens.append(total)
    s_num, s_den = sourcing_matrices(tables)
    for j, metric in enumerate(SOURCING_METRICS):
        names.append(
            {
                "metric": f"sourcing:{metric}",
                "family": "sourcing",
                "voice": "",
                "label": metric,
                "scale": 1.0,
            }
        )
        nums.append(s_num[:, j])
        dens.append(s_den[:, j])
    n = len(tables.documents)
    num = np.column_stack(nums) if nums else np.zeros((n, 0))
    den = np.column_stack(dens) if dens else np.zeros((n, 0))
    return MetricMatrix(pd.DataFrame(names), num, den)


def _group_rows(tables: Tables) -> dict[str, np.ndarray]:
    groups = tables.documents["group"].to_numpy()
    return {g: np.flatnonzero(groups == g) for g in tables.groups}


def metrics_table(
    tables: Tables, params: Params, matrix: MetricMatrix | None = None
) -> pd.DataFrame:
    """Every metric per group: value with bootstrap interval, numerator, denominator, docs."""
    matrix = matrix or metric_matrix(tables, tables.categories)
    scale = matrix.names["scale"].to_numpy()
    frames = []
    for group, rows in _group_rows(tables).items():
        num, den = matrix.num[rows], matrix.den[rows]
        est = bootstrap_ratio(num, den, n_boot=params.n_boot, alpha=params.alpha, seed=params.seed)
        frame = matrix.names.copy()
        frame.insert(0, "group", group)
        frame["value"] = est.estimate * scale
        frame["low"] = est.low * scale
        frame["high"] = est.high * scale
        frame["numerator"] = num.sum(axis=0)
        frame["denominator"] = den.sum(axis=0)
        frame["docs"] = len(rows)
        frames.append(frame)
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True).drop(columns=["scale"])


def difference_tests(
    tables: Tables,
    params: Params,
    *,
    pairwise: bool = False,
    matrix: MetricMatrix | None = None,
) -> pd.DataFrame:
    """Permutation tests of each group vs the rest (and every pair with ``pairwise``), BH-adjusted.

    Only metrics with a denominator on both sides and enough evidence are tested: at least
    ``params.min_events`` events in at least ``params.min_event_docs`` documents of the two
    groups; ``q`` is the Benjamini–Hochberg adjusted p-value over all tests returned.
    """
    matrix = matrix or metric_matrix(tables, tables.categories)
    scale = matrix.names["scale"].to_numpy()
    rows_of = _group_rows(tables)
    everything = np.arange(len(tables.documents))
    plans: list[tuple[str, str, np.ndarray, np.ndarray]] = []
    if len(rows_of) == 2:  # each-vs-rest and the pair are the same test: run it once
        (a, rows_a), (b, rows_b) = rows_of.items()
        plans.append((a, b, rows_a, rows_b))
    elif len(rows_of) > 2:
        for group, rows in rows_of.items():
            plans.append((group, "(rest)", rows, np.setdiff1d(everything, rows)))
        if pairwise:
            for a, b in combinations(rows_of, 2):
                plans.append((a, b, rows_of[a], rows_of[b]))
    frames = []
    for k, (a, b, rows_a, rows_b) in enumerate(plans):
        num_a, den_a = matrix.num[rows_a], matrix.den[rows_a]
        num_b, den_b = matrix.num[rows_b], matrix.den[rows_b]
        testable = (
            (den_a.sum(axis=0) > 0)
            & (den_b.sum(axis=0) > 0)
            & ((num_a.sum(axis=0) + num_b.sum(axis=0)) >= max(1, params.min_events))
            & (((num_a > 0).sum(axis=0) + (num_b > 0).sum(axis=0)) >= max(1, params.min_event_docs))
        )
        cols = np.flatnonzero(testable)
        if cols.size == 0:
            continue
        exact = len(rows_a) + len(rows_b) <= params.exact_max_docs and params.n_permutations > 0
        if exact:
            result = permutation_test_ratio(
                num_a[:, cols],
                den_a[:, cols],
                num_b[:, cols],
                den_b[:, cols],
                n_permutations=params.n_permutations,
                seed=params.seed + k,
            )
        else:
            result = permutation_test_ratio_normal(
                num_a[:, cols], den_a[:, cols], num_b[:, cols], den_b[:, cols]
            )
        frame = matrix.names.iloc[cols].reset_index(drop=True).copy()
        sc = scale[cols]
        frame.insert(0, "group_b", b)
        frame.insert(0, "group_a", a)
        frame["value_a"] = num_a[:, cols].sum(0) / den_a[:, cols].sum(0) * sc
        frame["value_b"] = num_b[:, cols].sum(0) / den_b[:, cols].sum(0) * sc
        frame["difference"] = result.difference * sc
        frame["p"] = result.p_value
        frame["n_a"] = len(rows_a)
        frame["n_b"] = len(rows_b)
        frame["test"] = (
            f"permutation ({params.n_permutations})" if exact else "permutation, normal approx."
        )
        frames.append(frame)
    if not frames:
        return pd.DataFrame(
            columns=[
                "group_a",
                "group_b",
                "metric",
                "family",
                "voice",
                "label",
                "value_a",
                "value_b",
                "difference",
                "p",
                "q",
                "significant",
            ]
        )
    tests = pd.concat(frames, ignore_index=True).drop(columns=["scale"])
    tests["q"] = benjamini_hochberg(tests["p"].to_numpy())
    tests["significant"] = tests["q"] < params.alpha
    return tests


def _describe(row: Mapping[Any, Any]) -> str:
    """One sentence for a significant difference (called only for significant rows)."""
    a, b = row["group_a"], row["group_b"]
    other = "the other outlets" if b == "(rest)" else b
    more = row["difference"] > 0
    word = "more" if more else "fewer"
    q = f"BH-adjusted p = {row['q']:.3g}"
    if row["family"] == "density":
        what = "loaded terms" if row["label"] == ANY else f"{row['label']} terms"
        voice = "" if row["voice"] == "all" else f" in {row['voice']} voice"
        return (
            f"{a} uses {word} {what}{voice} than {other} "
            f"({row['value_a']:.2f} vs {row['value_b']:.2f} per 1,000 words; {q})."
        )
    if row["family"] == "stance":
        freq = "more often" if more else "less often"
        return (
            f"{a}'s attribution cues are {freq} {row['label']} than those of {other} "
            f"({100 * row['value_a']:.1f}% vs {100 * row['value_b']:.1f}%; {q})."
        )
    labels = {
        "anonymous_rate": "attributions to anonymous sources",
        "unverified_rate": "attributions to unverified sources",
        "direct_quote_share": "text in direct quotation",
    }
    what = labels.get(row["label"], row["label"])
    return (
        f"{a} has a {'higher' if more else 'lower'} share of {what} "
        f"than {other} ({100 * row['value_a']:.1f}% vs {100 * row['value_b']:.1f}%; {q})."
    )


def findings(tests: pd.DataFrame, limit: int = 60) -> list[str]:
    """Sentences for the significant differences only, strongest evidence first; at equal
    evidence (permutation tests share a floor), each group against the rest before the
    pairwise comparisons, which detail them."""
    if tests.empty:
        return []
    sig = tests[tests["significant"]]
    sig = sig.assign(_pairwise=sig["group_b"] != "(rest)").sort_values(
        ["q", "_pairwise", "group_a", "metric"], kind="mergesort"
    )
    return [_describe(r) for r in sig.head(limit).to_dict(orient="records")]


def distinctive_terms(
    tables: Tables, params: Params, *, vocabulary: str = "hits", pairwise: bool = False
) -> pd.DataFrame:
    """Log-odds z-scores of each term, each group vs the rest (and pairwise on request).

    ``vocabulary="hits"`` counts lexicon hit terms; ``"words"`` counts every word of the texts
    (needs ``Tables.word_counts``). Columns: group, versus, term, count, count_other, delta, z.
    """
    counts: dict[str, Counter[str]] = {}
    if vocabulary == "hits":
        for group, part in tables.hits.merge(tables.documents[["doc", "group"]], on="doc").groupby(
            "group"
        ):
            counts[str(group)] = Counter(part["term"].tolist())
    elif vocabulary == "words":
        counts = {g: Counter(c) for g, c in tables.word_counts.items()}
    else:
        raise ValueError(f"unknown vocabulary {vocabulary!r}")
    if len(counts) < 2:
        return pd.DataFrame(
            columns=["group", "versus", "term", "count", "count_other", "delta", "z"]
        )
    vocab = sorted(set().union(*counts.values()))
    matrix = np.array(
        [[counts[g].get(t, 0) for t in vocab] for g in sorted(counts)], dtype=np.float64
    )
    names = sorted(counts)
    prior = matrix.sum(axis=0)
    frames = []
    pairs: list[tuple[int, int | None]] = [(i, None) for i in range(len(names))]
    if pairwise:
        pairs += list(combinations(range(len(names)), 2))
    for i, j in pairs:
        ya = matrix[i]
        yb = prior - ya if j is None else matrix[j]
        result = log_odds_dirichlet(ya, yb, prior, prior_size=params.prior_size)
        frames.append(
            pd.DataFrame(
                {
                    "group": names[i],
                    "versus": "(rest)" if j is None else names[j],
                    "term": vocab,
                    "count": ya,
                    "count_other": yb,
                    "delta": result.delta,
                    "z": result.z,
                }
            )
        )
    out = pd.concat(frames, ignore_index=True)
    out = out[(out["count"] + out["count_other"]) > 0]
    return out.sort_values(
        ["group", "versus", "z", "term"], ascending=[True, True, False, True], kind="mergesort"
    ).reset_index(drop=True)


def story_table(tables: Tables, params: Params) -> pd.DataFrame:
    """Per story key and group: documents, words, hits, density and distancing-cue share."""
    if tables.story_field is None or "story" not in tables.documents:
        return pd.DataFrame()
    docs = tables.documents[tables.documents["story"].notna()]
    if docs.empty:
        return pd.DataFrame()
    hits = tables.hits.groupby("doc").size()
    attrs = cue_attributions(tables)
    cues = attrs.groupby("doc").size()
    distancing = attrs[attrs["stance"] == "distancing"].groupby("doc").size()
    frame = pd.DataFrame(
        {
            "story": docs["story"].to_numpy(),
            "group": docs["group"].to_numpy(),
            "words": docs["n_words"].to_numpy(),
            "hits": hits.reindex(docs["doc"].to_numpy(), fill_value=0).to_numpy(),
            "cues": cues.reindex(docs["doc"].to_numpy(), fill_value=0).to_numpy(),
            "distancing": distancing.reindex(docs["doc"].to_numpy(), fill_value=0).to_numpy(),
        }
    )
    out = (
        frame.groupby(["story", "group"])
        .agg(
            docs=("words", "size"),
            words=("words", "sum"),
            hits=("hits", "sum"),
            cues=("cues", "sum"),
            distancing=("distancing", "sum"),
        )
        .reset_index()
    )
    groups_per_story = out.groupby("story")["group"].transform("nunique")
    out = out[groups_per_story >= 2].copy()
    out["per_1000"] = np.where(
        out["words"] > 0, 1000.0 * out["hits"] / out["words"].clip(lower=1), np.nan
    )
    out["distancing_share"] = np.where(
        out["cues"] > 0, out["distancing"] / out["cues"].clip(lower=1), np.nan
    )
    return out.sort_values(["story", "group"], kind="mergesort").reset_index(drop=True)


def _sign_test(wins: int, losses: int) -> float:
    n = wins + losses
    if n == 0:
        return float("nan")
    k = min(wins, losses)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2**n
    return float(min(1.0, 2 * tail))


def story_pairs(stories: pd.DataFrame, params: Params) -> pd.DataFrame:
    """For each pair of groups: shared stories, how often each was more loaded, sign test, BH."""
    if stories.empty:
        return pd.DataFrame()
    wide = stories.pivot_table(index="story", columns="group", values="per_1000", aggfunc="first")
    rows = []
    for a, b in combinations(sorted(wide.columns.astype(str)), 2):
        both = wide[[a, b]].dropna()
        wins = int((both[a] > both[b]).sum())
        losses = int((both[a] < both[b]).sum())
        rows.append(
            {
                "group_a": a,
                "group_b": b,
                "stories": len(both),
                "a_more_loaded": wins,
                "b_more_loaded": losses,
                "ties": len(both) - wins - losses,
                "median_difference": float((both[a] - both[b]).median())
                if len(both)
                else float("nan"),
                "p": _sign_test(wins, losses),
            }
        )
    out = pd.DataFrame(rows)
    if len(out):
        out["q"] = benjamini_hochberg(out["p"].to_numpy())
        out["significant"] = out["q"] < params.alpha
    return out


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything a comparison shows, as tables (written as CSV, JSON, HTML and Markdown)."""

    metrics: pd.DataFrame
    tests: pd.DataFrame
    findings: tuple[str, ...]
    terms_hits: pd.DataFrame
    terms_words: pd.DataFrame
    stories: pd.DataFrame
    story_pairs: pd.DataFrame
    summary: Mapping[str, Any]
    method: Mapping[str, Any]
    #: who is framed how, outlet by outlet (:func:`framing.aggregate.actors_by_group`)
    actors: pd.DataFrame = field(default_factory=pd.DataFrame)


def compare(tables: Tables, params: Params | None = None, *, pairwise: bool = False) -> Comparison:
    """Compute the whole comparison of ``tables.groups``."""
    params = params or Params()
    matrix = metric_matrix(tables, tables.categories)
    metrics = metrics_table(tables, params, matrix)
    tests = difference_tests(tables, params, pairwise=pairwise, matrix=matrix)
    stories = story_table(tables, params)
    group_docs = tables.documents.groupby("group").agg(
        documents=("doc", "size"), words=("n_words", "sum")
    )
    summary = {
        **corpus_summary(tables),
        "groups": [
            {"group": str(g), "documents": int(r.documents), "words": int(r.words)}
            for g, r in group_docs.iterrows()
        ],
        "skipped": skipped_summary(tables),
    }
    method = dict(provenance(tables, params))
    method["pairwise"] = pairwise
    method["word_vocabulary"] = bool(tables.word_counts)
    return Comparison(
        metrics=metrics,
        tests=tests,
        findings=tuple(findings(tests)),
        terms_hits=distinctive_terms(tables, params, vocabulary="hits", pairwise=pairwise),
        terms_words=(
            distinctive_terms(tables, params, vocabulary="words", pairwise=pairwise)
            if tables.word_counts
            else pd.DataFrame()
        ),
        stories=stories,
        story_pairs=story_pairs(stories, params),
        summary=summary,
        method=method,
        actors=actors_by_group(tables),
    )


def _top_terms(terms: pd.DataFrame, limit: int = 15) -> dict[str, list[dict[str, Any]]]:
    if terms.empty:
        return {}
    rest = terms[terms["versus"] == "(rest)"]
    return {
        str(g): records(part[part["z"] > 0].head(limit))
        for g, part in rest.groupby("group", sort=True)
    }


def comparison_data(result: Comparison) -> dict[str, Any]:
    """The JSON record of a comparison (all numbers)."""
    return {
        "kind": "comparison",
        "summary": result.summary,
        "findings": list(result.findings),
        "metrics": records(result.metrics),
        "tests": records(result.tests),
        "distinctive_terms": {
            "hits": _top_terms(result.terms_hits, 25),
            "words": _top_terms(result.terms_words, 25),
        },
        "stories": records(result.stories),
        "story_pairs": records(result.story_pairs),
        "actors": records(result.actors),
        "method": result.method,
    }


def comparison_figures(result: Comparison, params: Params) -> dict[str, Figure]:
    figures: dict[str, Figure] = {}
    m = result.metrics
    if m.empty:
        return figures
    overall = m[
        (m["family"] == "density") & (m["voice"].isin(["all", "authorial"])) & (m["label"] == ANY)
    ]
    figures["forest"] = (
        IntervalDisplay.from_table(
            overall.rename(columns={"value": "per_1000"}),
            label="group",
            hue="voice",
            title=f"Loaded terms per 1,000 words by outlet ({100 * (1 - params.alpha):.0f}% CI)",
        )
        .plot()
        .figure_
    )
    heat = m[(m["family"] == "density") & (m["voice"] == "all") & (m["label"] != ANY)]
    if len(heat):
        figures["heatmap"] = (
            HeatmapDisplay.from_table(
                heat, row="group", column="label", value="value", title="Outlet × category density"
            )
            .plot()
            .figure_
        )
    stances = m[m["family"] == "stance"]
    if stances["denominator"].sum() > 0:
        figures["stances"] = (
            StackedSharesDisplay.from_table(
                stances,
                row="group",
                part="label",
                value="value",
                title="Attribution cue stances by outlet",
            )
            .plot()
            .figure_
        )
    terms = result.terms_hits
    if not terms.empty:
        rest = terms[terms["versus"] == "(rest)"]
        for group in sorted(rest["group"].unique()):
            figures[f"terms:{group}"] = (
                DistinctiveTermsDisplay.from_table(rest, group=str(group), limit=8).plot().figure_
            )
    return figures


def _csv(frame: pd.DataFrame, path: Path) -> None:
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]) or safe[column].dtype == bool:
            safe[column] = safe[column].astype(object).map(neutralize_csv_cell)
    atomic_write_text(path, safe.to_csv(index=False, lineterminator="\n"))


def write_comparison(
    result: Comparison,
    out: Path,
    params: Params | None = None,
    *,
    formats: Sequence[str] = ("html", "md", "json", "csv"),
) -> list[Path]:
    """Write ``comparison.{html,md,json}`` and CSV tables into ``out``."""
    params = params or Params()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    data = comparison_data(result)
    figures = comparison_figures(result, params)
    written: list[Path] = []
    if "json" in formats:
        atomic_write_bytes(out / "comparison.json", dump_json(data))
        written.append(out / "comparison.json")
    if "csv" in formats:
        tables = {
            "metrics": result.metrics,
            "differences": result.tests,
            "distinctive_terms": result.terms_hits,
            "distinctive_words": result.terms_words,
            "stories": result.stories,
            "story_pairs": result.story_pairs,
            "actors": result.actors,
        }
        for name, frame in tables.items():
            if not frame.empty:
                _csv(frame, out / f"{name}.csv")
                written.append(out / f"{name}.csv")
    csv_files = [p.name for p in written if p.suffix == ".csv"]
    svgs = {k: to_svg(v) for k, v in figures.items()} if set(formats) & {"html", "md"} else {}
    term_figures = {k.split(":", 1)[1]: v for k, v in svgs.items() if k.startswith("terms:")}
    main_figures = {k: v for k, v in svgs.items() if not k.startswith("terms:")}
    if "html" in formats:
        html = (
            environment()
            .get_template("compare.html.j2")
            .render(
                r=data,
                figures={k: svg_bytes_uri(v) for k, v in main_figures.items()},
                term_figures={k: svg_bytes_uri(v) for k, v in term_figures.items()},
            )
        )
        atomic_write_text(out / "comparison.html", html)
        written.append(out / "comparison.html")
    if "md" in formats:
        stems = unique_filenames(term_figures)
        paths = {}
        for name, svg in main_figures.items():
            paths[name] = f"figures/comparison-{name}.svg"
            atomic_write_bytes(out / paths[name], svg)
        term_paths = {}
        for name, svg in term_figures.items():
            term_paths[name] = f"figures/terms-{stems[name]}.svg"
            atomic_write_bytes(out / term_paths[name], svg)
        md = (
            environment(markdown=True)
            .get_template("compare.md.j2")
            .render(r=data, figures=paths, term_figures=term_paths, csv_files=csv_files)
        )
        atomic_write_text(out / "comparison.md", md)
        written.append(out / "comparison.md")
    for figure in figures.values():
        figure.clf()
    return written
