"""Display objects: computed once, drawn on demand, deterministic bytes."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing.plots import (
    OKABE_ITO,
    DistinctiveTermsDisplay,
    HeatmapDisplay,
    IntervalDisplay,
    StackedSharesDisplay,
    TimeSeriesDisplay,
    drawable,
    svg_data_uri,
    to_png,
    to_svg,
)


def _density() -> pd.DataFrame:
    rows = []
    for group, base in (("Harbour Post", 2.0), ("Valley Times", 5.0)):
        for voice, factor in (("all", 1.0), ("authorial", 0.8)):
            rows.append(
                {
                    "group": group,
                    "voice": voice,
                    "category": "pejorative_label",
                    "per_1000": base * factor,
                    "low": base * factor - 0.5,
                    "high": base * factor + 0.5,
                }
            )
            rows.append(
                {
                    "group": group,
                    "voice": voice,
                    "category": "hedge",
                    "per_1000": 1.0,
                    "low": 0.6,
                    "high": 1.4,
                }
            )
    return pd.DataFrame(rows)


def _stances() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group": ["Harbour Post"] * 2 + ["Valley Times"] * 2,
            "stance": ["neutral", "distancing"] * 2,
            "share": [0.9, 0.1, 0.6, 0.4],
        }
    )


def _terms() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group": ["Harbour Post"] * 3,
            "versus": ["(rest)"] * 3,
            "term": ["regime", "said", "hoax"],
            "z": [3.1, -2.4, 0.5],
        }
    )


def _displays() -> list[object]:
    density = _density()
    return [
        IntervalDisplay.from_table(
            density[density["category"] == "hedge"], label="group", hue="voice", title="t"
        ),
        HeatmapDisplay.from_table(density[density["voice"] == "all"], title="heat"),
        StackedSharesDisplay.from_table(_stances(), title="stances"),
        DistinctiveTermsDisplay.from_table(_terms(), group="Harbour Post"),
        TimeSeriesDisplay.from_table(
            pd.DataFrame({"month": ["2024-01", "2024-02"], "per_1000": [1.0, 2.5], "docs": [3, 4]})
        ),
    ]


@pytest.mark.parametrize("index", range(5))
def test_display_pattern_sets_figure_and_axes(index: int) -> None:
    display = _displays()[index]
    assert not hasattr(display, "figure_")  # computing does not draw
    drawn = display.plot()  # type: ignore[attr-defined]
    assert drawn is display
    assert isinstance(drawn.figure_, Figure)
    assert isinstance(drawn.ax_, Axes)
    assert drawn.ax_.get_title()
    assert drawn.ax_.get_xlabel() or drawn.ax_.get_ylabel()


def test_plot_draws_on_given_axes() -> None:
    figure = Figure()
    ax = figure.add_subplot()
    density = _density()
    display = IntervalDisplay.from_table(
        density[density["group"] == "Harbour Post"], label="category", hue="voice"
    ).plot(ax=ax)
    assert display.ax_ is ax
    assert display.figure_ is figure


def test_interval_display_keeps_estimates_and_units() -> None:
    density = _density()
    display = IntervalDisplay.from_table(
        density[density["category"] == "pejorative_label"], label="group", hue="voice"
    ).plot()
    assert display.labels == ["Harbour Post", "Valley Times"]
    est, low, high = display.series["all"]
    assert est.tolist() == [2.0, 5.0]
    assert np.all(low < est)
    assert np.all(est < high)
    assert "per 1,000 words" in display.ax_.get_xlabel()


def test_heatmap_matrix_is_group_by_category() -> None:
    density = _density()
    display = HeatmapDisplay.from_table(density[density["voice"] == "all"])
    assert display.rows == ["Harbour Post", "Valley Times"]
    assert display.columns == ["hedge", "pejorative_label"]
    assert display.matrix[1, 1] == 5.0


def test_stacked_shares_sum_to_one_per_row() -> None:
    display = StackedSharesDisplay.from_table(_stances())
    total = sum(display.parts.values())
    assert np.allclose(total, 1.0)


def test_distinctive_terms_order_positive_first() -> None:
    display = DistinctiveTermsDisplay.from_table(_terms(), group="Harbour Post")
    assert display.terms[0] == "regime"
    assert display.terms[-1] == "said"


@pytest.mark.parametrize("index", range(5))
def test_two_renders_are_byte_identical(index: int) -> None:
    first = to_svg(_displays()[index].plot().figure_)  # type: ignore[attr-defined]
    second = to_svg(_displays()[index].plot().figure_)  # type: ignore[attr-defined]
    assert first == second
    assert b"<dc:date>" not in first


def test_svg_uses_the_colour_blind_safe_palette_and_embeds_as_data_uri() -> None:
    density = _density()
    part = density[density["group"] == "Valley Times"]
    figure = IntervalDisplay.from_table(part, label="category", hue="voice").plot().figure_
    svg = to_svg(figure).decode("utf-8")
    assert OKABE_ITO[4].lower() in svg.lower()  # authorial voice colour
    uri = svg_data_uri(figure)
    assert uri.startswith("data:image/svg+xml;base64,")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bell\x07 News", "Bell\ufffd News"),
        ("Tab\tand\nbreak", "Tab\ufffdand\ufffdbreak"),
        ("C1\x85 control", "C1\ufffd control"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        # kept: letters of any script, emoji (with their joiners and variation selectors)
        ("Le Monde — «Édition»", "Le Monde — «Édition»"),
        ("Daily 🗞️ News 👩\u200d💻", "Daily 🗞️ News 👩\u200d💻"),
    ],
)
def test_drawable_replaces_only_what_a_chart_cannot_hold(text: str, expected: str) -> None:
    assert drawable(text) == expected


def test_control_characters_in_labels_and_titles_keep_the_svg_well_formed() -> None:
    nan = np.array([1.0, 2.0])
    display = IntervalDisplay(
        ["Bell\x07 News", "Plain Times"],
        {"all\x1b": (nan, nan - 0.5, nan + 0.5)},
        title="Density \x01",
        xlabel="per 1,000 words\x85",
    ).plot()
    svg = to_svg(display.figure_)
    ET.fromstring(svg)  # malformed XML raises
    assert b"Bell\xef\xbf\xbd News" in svg  # U+FFFD in UTF-8
    assert not any(chr(c).encode() in svg for c in (1, 7, 0x1B, 0x85))
    assert to_png(display.figure_).startswith(b"\x89PNG")
