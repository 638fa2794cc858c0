"""A history as a Rich table, CSV, JSON lines or Parquet."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import IO

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
from rich.table import Table

from services.history.series import Point

COLUMNS = tuple(field.name for field in fields(Point))


def as_table(points: Sequence[Point], title: str) -> Table:
    table = Table(title=title, caption="best (low–high), people in general", caption_justify="left")
    for column in ("time (UTC)", "killed", "injured", "ceasefire", "article"):
        table.add_column(column, justify="right" if column in ("killed", "injured") else "left")
    for p in points:
        table.add_row(
            f"{p.time:%Y-%m-%d %H:%M}",
            _cell(p.killed_best, p.killed_low, p.killed_high),
            _cell(p.injured_best, p.injured_low, p.injured_high),
            p.ceasefire,
            p.article_id,
        )
    return table


def _cell(best: int, low: int, high: int) -> str:
    return f"{best}" + (f" ({low}–{high})" if low != high else "")


def write_csv(points: Sequence[Point], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for p in points:
        row = p.as_dict()
        row["time"] = p.time.isoformat()
        row["ceasefire_since"] = p.ceasefire_since.isoformat() if p.ceasefire_since else None
        writer.writerow(row)


def write_jsonl(points: Sequence[Point], out: IO[str]) -> None:
    for p in points:
        out.write(orjson.dumps(p.as_dict(), option=orjson.OPT_UTC_Z).decode() + "\n")


SCHEMA = pa.schema(
    [
        ("time", pa.timestamp("ms", tz="UTC")),
        ("region", pa.string()),
        ("sequence", pa.int64()),
        *[(f"{o}_{part}", pa.int64()) for o in ("killed", "injured") for part in ("low", "best", "high")],
        ("ceasefire", pa.string()),
        ("ceasefire_since", pa.timestamp("ms", tz="UTC")),
        ("article_id", pa.string()),
    ]
)


def write_parquet(points: Sequence[Point], path: Path) -> None:
    pq.write_table(pa.Table.from_pylist([p.as_dict() for p in points], schema=SCHEMA), path)
