"""Report plots as Display objects (the scikit-learn pattern).

``XDisplay.from_table(table, ...)`` extracts what it needs from an aggregate table once;
``.plot(ax=None)`` draws it (on a new figure when no axes are given) and sets ``figure_`` and
``ax_``. :func:`to_svg` renders a figure deterministically: the same input gives the same bytes
(fixed SVG hash salt, no date metadata, fixed fonts, the Agg-based SVG backend, no pyplot state).
Colours are the Okabe–Ito palette, which stays distinguishable with colour-vision deficiencies.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO: tuple[str, ...] = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
)
VOICE_COLOURS = {
    "all": "#000000",
    "authorial": "#0072B2",
    "quoted": "#E69F00",
    "reported": "#009E73",
}
STANCE_COLOURS = {
    "neutral": "#999999",
    "endorsing": "#009E73",
    "distancing": "#D55E00",
    "presupposing": "#CC79A7",
    "charged": "#E69F00",
    "other": "#56B4E9",
}

_RC: Any = {
    "svg.hashsalt": "framing",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9.0,
    "axes.titlesize": 10.0,
    "path.simplify": True,
}


def _new_axes(width: float, height: float) -> tuple[Figure, Axes]:
    with matplotlib.rc_context(_RC):
        figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
        ax = figure.add_subplot()
    return figure, ax


def _root_figure(ax: Axes) -> Figure:
    """The top-level figure of ``ax`` (axes may sit on a subfigure)."""
    figure = ax.get_figure(root=True)
    if not isinstance(figure, Figure):
        raise TypeError("axes are not attached to a figure")
    return figure


# Control characters (C0 and C1; XML 1.0 allows none but tab and line breaks, and an SVG holding
# one is not well-formed, so a browser shows no chart at all), lone surrogates and the two
# non-characters U+FFFE and U+FFFF.
_UNDRAWABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def drawable(text: str) -> str:
    """``text`` with every character a chart cannot hold (see ``_UNDRAWABLE_RE``) replaced by
    U+FFFD, the replacement character: an outlet name read from a corpus may carry any."""
    return _UNDRAWABLE_RE.sub("\ufffd", text)


def _make_drawable(figure: Figure) -> None:
    """Replace undrawable characters in every text of ``figure`` (titles, axis labels,
    legends, annotations) before it is rendered. Tick labels are drawn afresh from their
    formatter: the displays pass them through :func:`_shorten`."""
    for artist in figure.findobj(Text):
        assert isinstance(artist, Text)
        value = artist.get_text()
        clean = drawable(value)
        if clean != value:
            artist.set_text(clean)


def to_svg(figure: Figure) -> bytes:
    """The figure as SVG bytes, byte-identical for identical figures. Characters no chart can
    hold (control characters) are replaced first (:func:`drawable`)."""
    _make_drawable(figure)
    buffer = io.BytesIO()
    with matplotlib.rc_context(_RC):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "framing"})
    return buffer.getvalue()


def to_png(figure: Figure, dpi: int = 100) -> bytes:
    _make_drawable(figure)
    buffer = io.BytesIO()
    with matplotlib.rc_context(_RC):
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": "framing"})
    return buffer.getvalue()


def svg_bytes_uri(svg: bytes) -> str:
    """A ``data:image/svg+xml;base64,...`` URI (embedded with ``<img>``: no script can run)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def svg_data_uri(figure: Figure) -> str:
    """The figure as a ``data:`` URI (see :func:`svg_bytes_uri`)."""
    return svg_bytes_uri(to_svg(figure))


def _height(n_rows: float) -> float:
    return float(min(12.0, max(2.2, 0.9 + 0.32 * n_rows)))


def _shorten(label: str, limit: int = 32) -> str:
    """A tick label: drawable (tick texts are made from these at draw time) and at most
    ``limit`` characters."""
    label = drawable(label)
    return label if len(label) <= limit else label[: limit - 1] + "…"


class IntervalDisplay:
    """Point estimates with interval bars (a forest plot), optionally several series (hue).

    ``from_table`` takes rows with a label column, ``value``/``low``/``high`` columns and an
    optional hue column (e.g. voice); rows sharing a label are drawn on one line, offset by hue.
    """

    def __init__(
        self,
        labels: Sequence[str],
        series: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]],
        *,
        title: str,
        xlabel: str,
    ) -> None:
        self.labels = list(labels)
        self.series = series
        self.title = title
        self.xlabel = xlabel

    @classmethod
    def from_table(
        cls,
        table: pd.DataFrame,
        *,
        label: str,
        value: str = "per_1000",
        hue: str | None = None,
        title: str = "",
        xlabel: str = "hits per 1,000 words",
    ) -> IntervalDisplay:
        labels = sorted(table[label].astype(str).unique().tolist())
        series: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        groups = [("", table)] if hue is None else list(table.groupby(hue, sort=False))
        for name, part in groups:
            indexed = part.assign(_l=part[label].astype(str)).set_index("_l").reindex(labels)
            series[str(name)] = (
                indexed[value].to_numpy(dtype=np.float64),
                indexed["low"].to_numpy(dtype=np.float64),
                indexed["high"].to_numpy(dtype=np.float64),
            )
        return cls(labels, series, title=title, xlabel=xlabel)

    def plot(self, ax: Axes | None = None) -> IntervalDisplay:
        if ax is None:
            _, ax = _new_axes(7.0, _height(len(self.labels) * max(1, len(self.series)) * 0.6 + 2))
        n_series = max(1, len(self.series))
        step = 0.7 / n_series
        y = np.arange(len(self.labels), dtype=np.float64)
        for i, (name, (est, low, high)) in enumerate(self.series.items()):
            offset = (i - (n_series - 1) / 2) * step
            colour = VOICE_COLOURS.get(name, OKABE_ITO[i % len(OKABE_ITO)])
            ok = ~np.isnan(est)
            err = np.vstack([np.nan_to_num(est - low), np.nan_to_num(high - est)])
            ax.errorbar(
                est[ok],
                y[ok] + offset,
                xerr=np.clip(err[:, ok], 0, None),
                fmt="o",
                color=colour,
                ecolor=colour,
                capsize=2.5,
                markersize=4,
                label=name or None,
            )
        ax.set_yticks(y, [_shorten(lab) for lab in self.labels])
        ax.invert_yaxis()
        ax.set_xlabel(self.xlabel)
        ax.set_title(self.title)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        if any(self.series):
            ax.legend(loc="best", fontsize=8, frameon=False)
        self.ax_ = ax
        self.figure_ = _root_figure(ax)
        return self


class HeatmapDisplay:
    """A rows x columns matrix of values (e.g. outlet x category density), annotated."""

    def __init__(
        self,
        matrix: np.ndarray,
        rows: Sequence[str],
        columns: Sequence[str],
        *,
        title: str,
        unit: str,
        row_label: str = "",
        column_label: str = "",
    ) -> None:
        self.matrix = matrix
        self.rows = list(rows)
        self.columns = list(columns)
        self.title = title
        self.unit = unit
        self.row_label = row_label
        self.column_label = column_label

    @classmethod
    def from_table(
        cls,
        table: pd.DataFrame,
        *,
        row: str = "group",
        column: str = "category",
        value: str = "per_1000",
        title: str = "",
        unit: str = "hits per 1,000 words",
    ) -> HeatmapDisplay:
        pivot = table.pivot_table(
            index=row, columns=column, values=value, aggfunc="first", sort=True
        )
        return cls(
            pivot.to_numpy(dtype=np.float64),
            pivot.index.astype(str).tolist(),
            pivot.columns.astype(str).tolist(),
            title=title,
            unit=unit,
            row_label="outlet" if row == "group" else row,
            column_label="category" if column in ("label", "category") else column,
        )

    def plot(self, ax: Axes | None = None) -> HeatmapDisplay:
        if ax is None:
            _, ax = _new_axes(
                max(5.0, 1.2 + 0.75 * len(self.columns)), _height(len(self.rows)) + 0.8
            )
        masked = np.ma.masked_invalid(self.matrix)
        image = ax.imshow(masked, aspect="auto", cmap="cividis", interpolation="nearest")
        ax.set_xticks(
            np.arange(len(self.columns)),
            [_shorten(c, 20) for c in self.columns],
            rotation=40,
            ha="right",
        )
        ax.set_yticks(np.arange(len(self.rows)), [_shorten(r) for r in self.rows])
        finite = self.matrix[np.isfinite(self.matrix)]
        middle = float(finite.mean()) if finite.size else 0.0
        for (i, j), v in np.ndenumerate(self.matrix):
            if np.isfinite(v):
                ax.text(
                    j,
                    i,
                    f"{v:.2f}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if v < middle else "black",
                )
        colorbar = ax.figure.colorbar(image, ax=ax, shrink=0.8)
        colorbar.set_label(self.unit)
        ax.set_xlabel(self.column_label)
        ax.set_ylabel(self.row_label)
        ax.set_title(self.title)
        self.ax_ = ax
        self.figure_ = _root_figure(ax)
        return self


class StackedSharesDisplay:
    """Horizontal stacked bars of shares per row (e.g. cue stances per outlet), summing to 1."""

    def __init__(self, rows: Sequence[str], parts: dict[str, np.ndarray], *, title: str) -> None:
        self.rows = list(rows)
        self.parts = parts
        self.title = title

    @classmethod
    def from_table(
        cls,
        table: pd.DataFrame,
        *,
        row: str = "group",
        part: str = "stance",
        value: str = "share",
        title: str = "",
    ) -> StackedSharesDisplay:
        pivot = table.pivot_table(
            index=row, columns=part, values=value, aggfunc="first", sort=True
        ).fillna(0.0)
        order = [p for p in table[part].drop_duplicates().tolist() if p in pivot.columns]
        return cls(
            pivot.index.astype(str).tolist(),
            {str(p): pivot[p].to_numpy(dtype=np.float64) for p in order},
            title=title,
        )

    def plot(self, ax: Axes | None = None) -> StackedSharesDisplay:
        if ax is None:
            _, ax = _new_axes(7.0, _height(len(self.rows)) + 0.6)
        left = np.zeros(len(self.rows))
        y = np.arange(len(self.rows))
        for i, (name, values) in enumerate(self.parts.items()):
            colour = STANCE_COLOURS.get(name, OKABE_ITO[i % len(OKABE_ITO)])
            ax.barh(
                y,
                values * 100.0,
                left=left,
                color=colour,
                label=name,
                edgecolor="white",
                linewidth=0.5,
            )
            left = left + values * 100.0
        ax.set_yticks(y, [_shorten(r) for r in self.rows])
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel("share of attribution cues (%)")
        ax.set_title(self.title)
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.18),
            ncol=min(6, max(1, len(self.parts))),
            fontsize=8,
            frameon=False,
        )
        self.ax_ = ax
        self.figure_ = _root_figure(ax)
        return self


class DistinctiveTermsDisplay:
    """Terms with the largest log-odds z-scores for one group (positive: more in the group)."""

    def __init__(self, terms: Sequence[str], z: np.ndarray, *, title: str) -> None:
        self.terms = list(terms)
        self.z = z
        self.title = title

    @classmethod
    def from_table(
        cls, table: pd.DataFrame, *, group: str, limit: int = 12, title: str = ""
    ) -> DistinctiveTermsDisplay:
        part = table[table["group"] == group]
        top = part.sort_values(["z", "term"], ascending=[False, True], kind="mergesort").head(limit)
        bottom = part.sort_values(["z", "term"], ascending=[True, True], kind="mergesort").head(
            limit
        )
        bottom = bottom[~bottom["term"].isin(top["term"])]
        chosen = pd.concat([top, bottom.iloc[::-1]])
        return cls(
            chosen["term"].astype(str).tolist(),
            chosen["z"].to_numpy(dtype=np.float64),
            title=title or f"Distinctive terms: {group}",
        )

    def plot(self, ax: Axes | None = None) -> DistinctiveTermsDisplay:
        if ax is None:
            _, ax = _new_axes(6.5, _height(len(self.terms)))
        y = np.arange(len(self.terms))
        colours = [OKABE_ITO[4] if v >= 0 else OKABE_ITO[5] for v in self.z]
        ax.barh(y, self.z, color=colours)
        ax.axvline(1.96, color="#777777", linestyle="--", linewidth=0.7)
        ax.axvline(-1.96, color="#777777", linestyle="--", linewidth=0.7)
        ax.axvline(0, color="black", linewidth=0.6)
        ax.set_yticks(y, [_shorten(t, 28) for t in self.terms])
        ax.invert_yaxis()
        ax.set_xlabel("log-odds z-score (this outlet vs the rest; |z| > 1.96 dashed)")
        ax.set_title(self.title)
        self.ax_ = ax
        self.figure_ = _root_figure(ax)
        return self


class TimeSeriesDisplay:
    """Monthly hits per 1,000 words, with the number of documents per month as bar shading."""

    def __init__(
        self, months: Sequence[str], values: np.ndarray, docs: np.ndarray, *, title: str
    ) -> None:
        self.months = list(months)
        self.values = values
        self.docs = docs
        self.title = title

    @classmethod
    def from_table(
        cls, table: pd.DataFrame, *, title: str = "Loaded terms by month"
    ) -> TimeSeriesDisplay:
        return cls(
            table["month"].astype(str).tolist(),
            table["per_1000"].to_numpy(dtype=np.float64),
            table["docs"].to_numpy(dtype=np.float64),
            title=title,
        )

    def plot(self, ax: Axes | None = None) -> TimeSeriesDisplay:
        if ax is None:
            _, ax = _new_axes(7.0, 2.8)
        x = np.arange(len(self.months))
        ax.plot(x, self.values, marker="o", color=OKABE_ITO[4], markersize=3, linewidth=1.2)
        step = max(1, len(self.months) // 12)
        ax.set_xticks(
            x[::step], [_shorten(m) for m in self.months[::step]], rotation=40, ha="right"
        )
        ax.set_ylabel("hits per 1,000 words")
        ax.set_xlabel("month (documents with a date)")
        ax.set_title(self.title)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        self.ax_ = ax
        self.figure_ = _root_figure(ax)
        return self
