"""Write replayed records to Parquet, one row group per batch, as they stream.

Rows are built from the record's JSON as written (no model validation on this path: it is
what the log holds) and converted to the topic's typed schema a batch at a time; a batch
that does not fit is converted row by row so that only the misfits become error rows,
with the raw value kept. Memory stays bounded by one row group.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from services.replay.columns import topic_schema, with_text_times
from services.replay.envelope_check import envelope_problem
from services.replay.reader import ReplayedRecord

ROW_GROUP = 50_000


class ParquetWriter:
    def __init__(self, path: Path, topic_suffix: str, *, row_group: int = ROW_GROUP) -> None:
        self.schema, self.modelled = topic_schema(topic_suffix)
        self._text_schema = pa.schema([(f.name, with_text_times(f.type)) for f in self.schema])
        self._data_names = [
            f.name for f in self.schema if f.name not in {"data_json", "error", "raw"} and f.name not in ENVELOPE_NAMES
        ]
        self._json_columns = {f.name for f in self.schema if f.name in self._data_names and f.type == pa.string()}
        self._writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self._row_group = row_group
        self.count = 0

    def write(self, record: ReplayedRecord) -> None:
        self._rows.append(self._row(record))
        self.count += 1
        if len(self._rows) >= self._row_group:
            self._flush()

    def close(self) -> None:
        self._flush()
        self._writer.close()

    def _row(self, record: ReplayedRecord) -> dict[str, Any]:
        row: dict[str, Any] = {
            "partition": record.partition,
            "offset": record.offset,
            "timestamp": record.timestamp_ms,
            "key": record.key.decode("utf-8", errors="replace") if record.key is not None else None,
        }
        try:
            document = orjson.loads(record.value) if record.value is not None else None
        except orjson.JSONDecodeError as exc:
            return _broken(row, f"value is not JSON: {exc}", record.value)
        problem = envelope_problem(document)
        if problem is not None:
            return _broken(row, problem, record.value)
        assert isinstance(document, dict)
        for name in ("id", "type", "source", "subject", "time", "dataschema"):
            row[name] = document.get(name)
        data: dict[str, Any] = document["data"]
        if str(document["type"]).removeprefix("org.sitmon.") not in self.modelled:
            row["data_json"] = orjson.dumps(data).decode()
            return row
        for name in self._data_names:
            value = data.get(name)
            if name in self._json_columns and isinstance(value, dict | list):
                value = orjson.dumps(value).decode()  # a field kept as JSON text (no fixed shape)
            row[name] = value
        return row

    def _flush(self) -> None:
        if not self._rows:
            return
        try:
            table = self._convert(self._rows)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
            table = pa.concat_tables([self._convert_or_mark(row) for row in self._rows])
        self._writer.write_table(table, row_group_size=len(self._rows))
        self._rows = []

    def _convert(self, rows: list[dict[str, Any]]) -> pa.Table:
        return pa.Table.from_pylist(rows, schema=self._text_schema).cast(self.schema)

    def _convert_or_mark(self, row: dict[str, Any]) -> pa.Table:
        try:
            return self._convert([row])
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError) as exc:
            kept = {name: row.get(name) for name in ENVELOPE_NAMES}
            kept["error"] = f"data does not fit the {row.get('type')} columns: {exc}"
            kept["data_json"] = orjson.dumps({name: row.get(name) for name in self._data_names}, default=str).decode()
            try:
                return self._convert([kept])
            except (pa.ArrowInvalid, pa.ArrowTypeError):  # the envelope's own time is not a time
                kept["raw"], kept["time"] = str(kept.pop("time")), None
                return self._convert([kept])


ENVELOPE_NAMES = ("partition", "offset", "timestamp", "key", "id", "type", "source", "subject", "time", "dataschema")


def _broken(row: dict[str, Any], reason: str, value: bytes | None) -> dict[str, Any]:
    row["error"] = reason
    row["raw"] = value.decode("utf-8", errors="replace") if value is not None else None
    return row
