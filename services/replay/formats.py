"""Write replayed records as JSONL or CSV: one row per record, the CloudEvent flattened for CSV."""

from __future__ import annotations

import csv
import json
from typing import IO, Any

from services.replay.reader import ReplayedRecord
from streams.envelope import decode_envelope
from streams.errors import UndecodableRecord

FORMATS = ("jsonl", "csv")
CSV_COLUMNS = ("partition", "offset", "timestamp_ms", "key", "id", "type", "time", "subject", "data", "error")


def as_row(record: ReplayedRecord) -> dict[str, Any]:
    """A record with its CloudEvent decoded; an undecodable value is kept raw, with the reason."""
    row: dict[str, Any] = {
        "partition": record.partition,
        "offset": record.offset,
        "timestamp_ms": record.timestamp_ms,
        "key": record.key.decode("utf-8", errors="replace") if record.key is not None else None,
    }
    try:
        envelope = decode_envelope(record.value)
    except UndecodableRecord as exc:
        row["error"] = str(exc)
        row["raw"] = record.value.decode("utf-8", errors="replace") if record.value is not None else None
        return row
    row["event"] = envelope.model_dump(mode="json", exclude_none=True)
    return row


class Writer:
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
            self.out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
            return
        event = row.get("event", {})
        self._csv.writerow(
            {
                **{k: row.get(k) for k in ("partition", "offset", "timestamp_ms", "key", "error")},
                **{k: event.get(k) for k in ("id", "type", "time", "subject")},
                "data": json.dumps(event.get("data"), ensure_ascii=False) if "data" in event else row.get("raw"),
            }
        )
