"""Draw a ``Chart`` with matplotlib: ``to_svg`` for pages, ``to_png`` for documents.

Rendering is pure (same chart, same output), so results are cached by the chart itself.
Numbers on the axes are written the Vietnamese way (``1.234,5``).
"""

from __future__ import annotations

import io
import re
from functools import lru_cache

from kehoach.charts.definitions import Chart

FONT = "DejaVu Sans"  # ships with matplotlib and covers Vietnamese


def _vn(value: float, _pos=None) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _figure(chart: Chart):
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    if chart.small:  # a sparkline: light axes (first and last period, two values), no legend
        from matplotlib.ticker import MaxNLocator

        fig = Figure(figsize=(3.2, 1.15), dpi=100, layout="constrained")
        ax = fig.add_subplot()
        ax.yaxis.set_major_formatter(FuncFormatter(_vn))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=2))
        ax.tick_params(labelsize=7, length=2, colors="#5b6875")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        for side in ("left", "bottom"):
            ax.spines[side].set_color("#9aa5b1")
    else:
        fig = Figure(figsize=(8.0, 3.4), dpi=100, layout="constrained")
        ax = fig.add_subplot()
        ax.yaxis.set_major_formatter(FuncFormatter(_vn))
        ax.grid(axis="y", color="#e3e8ec", linewidth=0.8)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        if chart.unit:
            ax.set_ylabel(chart.unit, fontfamily=FONT, fontsize=9)
    positions = list(range(len(chart.labels)))
    bars = [s for s in chart.series if s.style == "bar"]
    width = 0.8 / max(len(bars), 1)
    for index, series in enumerate(chart.series):
        points = [(x, v) for x, v in zip(positions, series.values, strict=False) if v is not None]
        if not points:
            continue
        xs, ys = zip(*points, strict=True)
        if series.style == "bar":
            offset = (bars.index(series) - (len(bars) - 1) / 2) * width
            ax.bar([x + offset for x in xs], ys, width=width, color=series.color, label=series.name)
        else:
            ax.plot(xs, ys, color=series.color, linewidth=1.6 if chart.small else 2,
                    linestyle="--" if series.style == "dashed" else "-", marker=None if chart.small else "o",
                    markersize=4, label=series.name, zorder=3 + index)
    if chart.small and chart.labels:
        last = len(chart.labels) - 1
        ax.set_xticks(sorted({0, last}), [chart.labels[0]] + ([chart.labels[last]] if last else []),
                      fontfamily=FONT, fontsize=7)
    if not chart.small:
        ax.set_xticks(positions, chart.labels, fontfamily=FONT, fontsize=8,
                      rotation=45 if len(chart.labels) > 8 else 0, ha="right" if len(chart.labels) > 8 else "center")
        ax.tick_params(axis="y", labelsize=8)
        ax.legend(loc="best", fontsize=8, frameon=False, prop={"family": FONT, "size": 8})
    return fig


@lru_cache(maxsize=512)
def to_svg(chart: Chart) -> str:
    """An inline ``<svg>`` with a ``<title>`` (the chart's text alternative)."""
    if chart.empty:
        return ""
    import matplotlib

    fig = _figure(chart)
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kehoach", "font.family": FONT}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<svg ", '<svg role="img" ', svg, count=1)
    title = (chart.description or chart.title).replace("&", "&amp;").replace("<", "&lt;")
    return re.sub(r"(<svg[^>]*>)", rf"\1<title>{title}</title>", svg, count=1)


@lru_cache(maxsize=128)
def to_png(chart: Chart, dpi: int = 150) -> bytes:
    """The chart as PNG bytes (for the Word reports)."""
    import matplotlib

    fig = _figure(chart)
    buffer = io.BytesIO()
    with matplotlib.rc_context({"font.family": FONT}):
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()
