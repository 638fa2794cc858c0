"""Draw a history: killed and injured (best, with the low–high band) over event time, the
ceasefire's status changes as labelled vertical lines, and alerts fired as markers.

matplotlib renders PNG and SVG itself, offline, with no browser or JavaScript runtime
(plotly's static export needs a headless Chrome through kaleido). The HTML file is one
self-contained page: the chart as inline SVG (vector, zoomable) and the points as a table.
"""

from __future__ import annotations

import html
import io
import itertools
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import matplotlib.dates as mdates
from matplotlib.figure import Figure  # the object API: no pyplot state, no display needed

from services.errors import BadInput
from services.history.choices import PLOT_SUFFIXES
from services.history.log import FiredAlert
from services.history.series import Point

LEVEL_COLOURS = {"info": "#4c78a8", "yellow": "#e4c21b", "orange": "#f58518", "red": "#d62728"}
SERIES = (("killed", "#b2182b"), ("injured", "#2166ac"))


def draw(points: Sequence[Point], alerts: Sequence[FiredAlert], title: str) -> Figure:
    figure = Figure(figsize=(11, 4.8), dpi=100, layout="constrained")
    axes = figure.subplots()
    times = [_x(p.time) for p in points]
    for outcome, colour in SERIES:
        best = [getattr(p, f"{outcome}_best") for p in points]
        low = [getattr(p, f"{outcome}_low") for p in points]
        high = [getattr(p, f"{outcome}_high") for p in points]
        axes.step(times, best, where="post", color=colour, label=f"{outcome} (best)", linewidth=2)
        axes.fill_between(times, low, high, step="post", color=colour, alpha=0.2, label=f"{outcome} (low–high)")
    top = max([max(p.killed_high, p.injured_high) for p in points] + [1])
    for previous, current in itertools.pairwise([None, *points]):
        if current is not None and current.ceasefire != (previous.ceasefire if previous is not None else "none"):
            axes.axvline(_x(current.time), color="#555555", linestyle="--", linewidth=1)
            axes.annotate(
                f"ceasefire {current.ceasefire}",
                (_x(current.time), top),
                rotation=90,
                va="top",
                ha="right",
                fontsize=8,
                color="#333333",
            )
    stacked: dict[datetime, int] = {}
    for alert in alerts:
        above = stacked[alert.time] = stacked.get(alert.time, -1) + 1  # alerts at one moment stack upwards
        axes.plot(
            [_x(alert.time)],
            [top * (1.04 + 0.05 * above)],
            marker="v",
            markersize=9,
            linestyle="none",
            color=LEVEL_COLOURS.get(alert.level, "#000000"),
        )
    if alerts:
        axes.plot([], [], marker="v", linestyle="none", color="#777777", label="alert fired (colour: level)")
    axes.xaxis_date()
    axes.set_title(title)
    axes.set_ylabel("people")
    axes.set_ylim(bottom=0, top=top * (1.1 + 0.05 * max(stacked.values(), default=0)))
    dates = mdates.ConciseDateFormatter(axes.xaxis.get_major_locator())  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(dates)
    axes.grid(alpha=0.3)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)  # outside: never hides a marker
    return figure


def _x(moment: datetime) -> float:
    """matplotlib's date axis unit (days since its epoch)."""
    return float(mdates.date2num(moment))  # type: ignore[no-untyped-call]


def save(points: Sequence[Point], alerts: Sequence[FiredAlert], title: str, path: Path) -> None:
    if path.suffix.lower() not in PLOT_SUFFIXES:
        raise BadInput(f"--plot {path}: the file must end in {' or '.join(PLOT_SUFFIXES)}")
    if not points:
        raise BadInput(f"--plot {path}: there is nothing to draw (no point in the asked time range)")
    figure = draw(points, alerts, title)
    if path.suffix.lower() == ".png":
        figure.savefig(path, format="png")
    else:
        path.write_text(_page(figure, points, title), encoding="utf-8")


def _page(figure: Figure, points: Sequence[Point], title: str) -> str:
    svg = io.StringIO()
    figure.savefig(svg, format="svg")
    chart = svg.getvalue()
    chart = chart[chart.index("<svg") :]  # drop the XML prolog: the SVG is inline in HTML
    rows = "\n".join(
        f"<tr><td>{p.time:%Y-%m-%d %H:%M}</td><td>{p.killed_best} ({p.killed_low}–{p.killed_high})</td>"
        f"<td>{p.injured_best} ({p.injured_low}–{p.injured_high})</td><td>{html.escape(p.ceasefire)}</td>"
        f"<td>{html.escape(p.article_id)}</td></tr>"
        for p in points
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body>\n<h1>{html.escape(title)}</h1>\n{chart}\n"
        "<table><thead><tr><th>time (UTC)</th><th>killed best (low–high)</th><th>injured best (low–high)</th>"
        f"<th>ceasefire</th><th>article</th></tr></thead><tbody>\n{rows}\n</tbody></table>\n</body></html>\n"
    )
