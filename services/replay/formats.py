"""Write replayed records as JSONL, CSV or Parquet: one row per record.

JSONL (`jsonl.py`) keeps each CloudEvent as written; CSV flattens the envelope and keeps `data`
as JSON text; Parquet (`parquet.py`) types every field. A value that is not a CloudEvent is kept
raw with the reason (`as_row`).
"""

from __future__ import annotations

import csv
from typing import IO, Any

import orjson

from services.replay.envelope_check import envelope_problem
from services.replay.records import LogRecord, RecordBatch

FORMATS = ("jsonl", "csv", "parquet")
CSV_COLUMNS = ("partition", "offset", "timestamp_ms", "key", "id", "type", "time", "subject", "data", "error")


def as_row(record: LogRecord) -> dict[str, Any]:
    """A record with its CloudEvent parsed; an undecodable value is kept raw, with the reason."""
    row: dict[str, Any] = {
        "partition": record.partition,
        "offset": record.offset,
        "timestamp_ms": record.timestamp,
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


class CsvWriter:
    """CSV to a text stream."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.count = 0
        self._csv = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        self._csv.writeheader()

    def write_batch(self, batch: RecordBatch) -> None:
        for record in batch.records():
            self.write(record)

    def write(self, record: LogRecord) -> None:
        row = as_row(record)
        self.count += 1
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
