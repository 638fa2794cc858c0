"""`sitmon history REGION [--since T] [--until T] [--every 1h] [--window all] [--format …] [--output F] [--plot F]`."""

from __future__ import annotations

import asyncio
import re
import sys
from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from services.cli.output import check_output
from services.cli.replay import time_range
from services.errors import BadInput
from services.history.choices import FORMATS, PLOT_SUFFIXES
from services.history.errors import BadInterval
from services.history.log import fired_alerts, region_reports
from services.history.series import per_change, per_interval
from services.settings import KafkaSettings
from streams.situation import Window

console = Console(highlight=False)
notes = Console(stderr=True, highlight=False)
UNITS = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1)}
WINDOWS: tuple[Window, ...] = ("24h", "7d", "all")


def parse_every(text: str) -> timedelta:
    found = re.fullmatch(r"(\d+)\s*([mhd])", text.strip())
    if found is None or int(found.group(1)) == 0:
        raise BadInterval(f"--every {text!r}: expected a duration such as 30m, 1h or 1d")
    return int(found.group(1)) * UNITS[found.group(2)]


def history_command(
    region: Annotated[str, typer.Argument(help="region id, e.g. nagorno-karabakh")],
    since: Annotated[str | None, typer.Option(help="first point (ISO-8601 event time)")] = None,
    until: Annotated[str | None, typer.Option(help="last point (ISO-8601 event time)")] = None,
    every: Annotated[
        str | None, typer.Option(help="one point per interval (30m, 1h, 1d) instead of per change")
    ] = None,
    window: Annotated[str, typer.Option(help="the tallies' window: 24h, 7d or all")] = "all",
    fmt: Annotated[
        str, typer.Option("--format", help="table, csv, jsonl or parquet (parquet needs --output)")
    ] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write here instead of stdout")] = None,
    plot: Annotated[Path | None, typer.Option(help="also draw the series to FILE.png or FILE.html")] = None,
) -> None:
    """A region's picture over time, refolded from the reports log by the worker's own fold."""
    # imported here: pyarrow and matplotlib cost every other command's start-up a second
    from services.history.output import as_table, write_csv, write_jsonl, write_parquet
    from services.history.plot import save

    check_output(fmt, FORMATS, output)
    if window not in WINDOWS:
        raise BadInput(f"--window {window!r} is not one of {', '.join(WINDOWS)}")
    if plot is not None and plot.suffix.lower() not in PLOT_SUFFIXES:
        raise BadInput(f"--plot {plot}: the file must end in {' or '.join(PLOT_SUFFIXES)}")
    start, end = time_range(since, until)
    step = parse_every(every) if every is not None else None
    settings = KafkaSettings()
    catalogue = settings.catalogue()
    reports = asyncio.run(region_reports(settings.kafka_bootstrap, catalogue, region))
    if not reports:
        raise BadInput(f"no report about region {region!r} on {catalogue.reports.name}")
    chosen: Window = "24h" if window == "24h" else "7d" if window == "7d" else "all"
    if step is None:
        points = list(per_change(reports, region, since=start, until=end, window=chosen))
    else:
        points = list(per_interval(reports, region, step, since=start, until=end, window=chosen))
    title = f"{region} · {chosen} · " + (f"every {every}" if every else "per change")
    if fmt == "parquet":
        assert output is not None
        write_parquet(points, output)
    elif fmt == "table":
        console.print(as_table(points, title))
    else:
        writer = write_csv if fmt == "csv" else write_jsonl
        if output is None:
            writer(points, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                writer(points, handle)
    if plot is not None:
        alerts = asyncio.run(fired_alerts(settings.kafka_bootstrap, catalogue, region))
        save(points, alerts, title, plot)
        notes.print(f"drew {len(points)} point(s) and {len(alerts)} alert(s) to {plot}")


def register(app: typer.Typer) -> None:
    app.command("history")(history_command)
