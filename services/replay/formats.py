"""Write replayed records as JSONL, CSV or Parquet: one row per record.

JSONL keeps each CloudEvent as written (parsed and re-serialised compactly by orjson, so a
line is always one line); CSV flattens the envelope and keeps `data` as JSON text; Parquet
(`parquet.py`) types every field. A value that is not a CloudEvent is kept raw with the reason.
"""

from __future__ import annotations

import csv
from typing import IO, Any

import orjson

from services.replay.envelope_check import envelope_problem
from services.replay.reader import ReplayedRecord

FORMATS = ("jsonl", "csv", "parquet")
CSV_COLUMNS = ("partition", "offset", "timestamp_ms", "key", "id", "type", "time", "subject", "data", "error")


def as_row(record: ReplayedRecord) -> dict[str, Any]:
    """A record with its CloudEvent parsed; an undecodable value is kept raw, with the reason."""
    row: dict[str, Any] = {
        "partition": record.partition,
        "offset": record.offset,
        "timestamp_ms": record.timestamp_ms,
        "key": record.key.decode("utf-8", errors="replace") if record.key is not None else None,
    }
    problem: str | None
    try:
        document = orjson.loads(record.value) if record.value is not None else None
        problem = "the record has no value (a tombstone?)" if record.value is None else envelope_problem(document)
    except orjson.JSONDecodeError as exc:
        problem = f"value is not JSON: {exc}"
    if problem is not None:
        row["error"] = problem
        row["raw"] = record.value.decode("utf-8", errors="replace") if record.value is not None else None
        return row
    row["event"] = document
    return row


class Writer:
    """JSONL or CSV to a text stream."""

    def __init__(self, out: IO[str], fmt: str) -> None:
        self.out = out
        self.fmt = fmt
        self.count = 0
        self._csv = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore") if fmt == "csv" else None
        if self._csv is not None:
            self._csv.writeheader()

    def write(self, record: ReplayedRecord) -> None:
        row = as_row(record)
        self.count += 1
        if self._csv is None:
            self.out.write(orjson.dumps(row).decode() + "\n")
            return
        event = row.get("event", {})
        self._csv.writerow(
            {
                **{k: row.get(k) for k in ("partition", "offset", "timestamp_ms", "key", "error")},
                **{k: event.get(k) for k in ("id", "type", "time", "subject")},
                "data": orjson.dumps(event["data"]).decode() if "data" in event else row.get("raw"),
            }
        )

    def close(self) -> None:
        self.out.flush()
