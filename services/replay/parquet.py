"""Write replayed records to Parquet, one row group per batch, as they stream.

A batch is parsed by Arrow's own JSON reader straight into the topic's typed schema (the
CloudEvents attributes, and `data` as a struct that is then split into columns): no Python
object per field, about a third of the CPU of building rows in Python. A batch Arrow refuses,
or one holding anything but well-formed CloudEvents of the topic's modelled types, is built
row by row instead (`_row`), so that only the misfits become error rows with the raw value
kept. Nothing is validated against the models on this path: it is what the log holds.
Memory stays bounded by one row group, held as plain lists of the records' fields (bytes and
ints, which the garbage collector does not track) rather than the consumer's record objects.
"""

from __future__ import annotations

import operator
from bisect import bisect_right
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pj
import pyarrow.parquet as pq

from services.replay.columns import ENVELOPE, topic_schema, with_text_times
from services.replay.envelope_check import envelope_problem
from services.replay.records import LogRecord, RecordBatch, ReplayedRecord

ROW_GROUP = 50_000
# ...or fewer, so that a row group's values stay under 24 MB: the articles topic's values are
# whole texts, and 50,000 of them held, joined for Arrow's reader and parsed at once could take
# gigabytes. (For reports, ~690 B each, a group is ~36,000 rows; CPU per report unchanged.)
ROW_GROUP_BYTES = 24 << 20
LF = ord("\n")
ENVELOPE_NAMES = tuple(name for name, _ in ENVELOPE)
LOCATION = ("partition", "offset", "timestamp", "key")  # where the record sat: from Kafka, not the value
TRAILER_NAMES = ("data_json", "error", "raw")
TYPE_PREFIX = "org.sitmon."
# Dictionary pages for the envelope's few repeated values only: Arrow's default (every column)
# tried them on ids and texts too, then fell back to plain — 0.6 µs per record more and a file
# twice the size. Statistics (min/max, for a reader's row-group pruning) on the integer and time
# columns only: on strings they cost more than range queries over them gain.
DICTIONARY = ("key", "type", "source", "subject")
# Arrow parses JSON a block at a time; one block for the whole row group (~35 MB) cost a third
# more CPU per record than blocks of a few MB (cache-sized work). A block holds at least two values.
BLOCK = 4 << 20
ARROW_FAILURES = (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError)


@dataclass(slots=True)
class _Pending:
    """Records waiting for their row group, a list per field."""

    partitions: list[int] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    timestamps: list[int] = field(default_factory=list)
    keys: list[bytes | None] = field(default_factory=list)
    values: list[bytes | None] = field(default_factory=list)
    value_bytes: int = 0

    def extend(self, batch: RecordBatch) -> None:
        self.partitions.extend(batch.partitions)
        self.offsets.extend(batch.offsets)
        self.timestamps.extend(batch.timestamps)
        self.keys.extend(batch.keys)
        self.values.extend(batch.values)
        self.value_bytes += sum(map(len, filter(None, batch.values)))

    def take(self, size: int) -> _Pending:
        """The first `size` records, removed from here."""
        taken = _Pending(
            self.partitions[:size], self.offsets[:size], self.timestamps[:size], self.keys[:size], self.values[:size]
        )
        del self.partitions[:size], self.offsets[:size], self.timestamps[:size], self.keys[:size], self.values[:size]
        taken.value_bytes = sum(map(len, filter(None, taken.values)))
        self.value_bytes -= taken.value_bytes
        return taken

    def leading(self, rows: int, limit: int) -> int:
        """How many of the first `rows` records fit in `limit` bytes of values (at least one)."""
        sizes = accumulate(len(value) if value else 0 for value in self.values[:rows])
        return max(1, bisect_right(list(sizes), limit))

    def records(self) -> list[ReplayedRecord]:
        fields = zip(self.partitions, self.offsets, self.timestamps, self.keys, self.values, strict=True)
        return [ReplayedRecord(*each) for each in fields]

    def __len__(self) -> int:
        return len(self.values)


class ParquetWriter:
    def __init__(
        self, path: Path, topic_suffix: str, *, row_group: int = ROW_GROUP, row_group_bytes: int = ROW_GROUP_BYTES
    ) -> None:
        self.schema, self.modelled = topic_schema(topic_suffix)
        self._text_schema = pa.schema([(f.name, with_text_times(f.type)) for f in self.schema])
        self._data_names = [f.name for f in self.schema if f.name not in ENVELOPE_NAMES + TRAILER_NAMES]
        self._json_columns = {f.name for f in self.schema if f.name in self._data_names and f.type == pa.string()}
        envelope = [(f.name, f.type) for f in self.schema if f.name in ENVELOPE_NAMES and f.name not in LOCATION]
        data = pa.struct([self.schema.field(name) for name in self._data_names])
        self._document_schema = pa.schema([("specversion", pa.string()), *envelope, ("data", data)])
        self._writer = pq.ParquetWriter(
            path,
            self.schema,
            compression="zstd",
            use_dictionary=list(DICTIONARY),
            write_statistics=[f.name for f in self.schema if _orders_rows(f.type)],
        )
        self._pending = _Pending()
        self._row_group = row_group
        self._row_group_bytes = row_group_bytes
        self.count = 0
        # One thread builds and writes the row groups, in order, while the event loop goes on
        # fetching: Arrow's JSON reader and Parquet writer release the GIL, so the broker's
        # next fetch overlaps the last one's parse. At most one group waits behind the one
        # being written (memory stays bounded), and a failure surfaces at the next flush or close.
        self._builder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parquet-row-groups")
        self._building: Future[None] | None = None

    def write(self, record: LogRecord) -> None:
        self.write_batch(RecordBatch.of([record]))

    def write_batch(self, batch: RecordBatch) -> None:
        self._pending.extend(batch)
        self.count += len(batch)
        pending = self._pending
        while len(pending) >= self._row_group or pending.value_bytes >= self._row_group_bytes:
            rows = min(self._row_group, len(pending))
            if pending.value_bytes >= self._row_group_bytes:
                rows = pending.leading(rows, self._row_group_bytes)
            self._flush(rows)

    def close(self) -> None:
        try:
            self._flush(len(self._pending))
            self._wait()
        finally:
            self._builder.shutdown()
            self._writer.close()

    def _flush(self, size: int) -> None:
        """Hand the first `size` pending records to the builder thread, as one row group."""
        group = self._pending.take(size)
        if not group:
            return
        self._wait()
        self._building = self._builder.submit(self._write_group, group)

    def _wait(self) -> None:
        if self._building is not None:
            building, self._building = self._building, None
            building.result()

    def _write_group(self, group: _Pending) -> None:
        table = self._parsed_by_arrow(group)
        if table is None:
            rows = [self._row(record) for record in group.records()]
            try:
                table = self._convert(rows)
            except ARROW_FAILURES:
                table = pa.concat_tables([self._convert_or_mark(row) for row in rows])
        self._writer.write_table(table, row_group_size=len(group))

    # --- the bulk path ------------------------------------------------------------------------

    def _parsed_by_arrow(self, group: _Pending) -> pa.Table | None:
        """The batch as a typed table, or None when it needs the row-by-row path."""
        if None in group.values:
            return None  # a tombstone
        values: list[bytes] = group.values  # type: ignore[assignment]  # no None: checked just above
        if any(map(operator.contains, values, repeat(LF))):
            return None  # a value that is not one JSON line
        joined = b"\n".join(values)
        try:
            documents = pj.read_json(
                pa.BufferReader(joined),
                read_options=pj.ReadOptions(use_threads=False, block_size=max(BLOCK, 2 * max(map(len, values)))),
                parse_options=pj.ParseOptions(
                    explicit_schema=self._document_schema, unexpected_field_behavior="ignore"
                ),
            )
        except ARROW_FAILURES:
            return None
        if documents.num_rows != len(values) or not self._well_formed(documents):
            return None
        data = documents.column("data").flatten()  # a column per field, the reader's chunks as they are
        columns: dict[str, pa.Array] = {
            "partition": pa.array(group.partitions, pa.int32()),
            "offset": pa.array(group.offsets, pa.int64()),
            "timestamp": pa.array(group.timestamps, pa.int64()).cast(self.schema.field("timestamp").type),
            "key": _texts(group.keys),
        }
        for name in ENVELOPE_NAMES:
            if name not in LOCATION:
                columns[name] = documents.column(name)
        for name, column in zip(self._data_names, data, strict=True):
            columns[name] = column
        for name in TRAILER_NAMES:
            columns[name] = pa.nulls(len(values), pa.string())
        return pa.table([columns[f.name] for f in self.schema], schema=self.schema)

    def _well_formed(self, documents: pa.Table) -> bool:
        """Every row a CloudEvents 1.0 envelope with object data, of a type this topic models."""
        kinds = documents.column("type")
        checks = [
            pc.equal(documents.column("specversion"), "1.0"),
            *(pc.greater(pc.utf8_length(documents.column(name)), 0) for name in ("id", "source")),
            pc.is_valid(documents.column("data")),
            pc.starts_with(kinds, TYPE_PREFIX),
            pc.is_in(pc.utf8_slice_codeunits(kinds, len(TYPE_PREFIX)), pa.array(sorted(self.modelled), pa.string())),
        ]
        return all(pc.all(check).as_py() is True for check in checks)

    # --- the row-by-row path ------------------------------------------------------------------

    def _row(self, record: LogRecord) -> dict[str, Any]:
        row: dict[str, Any] = {
            "partition": record.partition,
            "offset": record.offset,
            "timestamp": record.timestamp,
            "key": _text(record.key),
        }
        try:
            document = orjson.loads(record.value) if record.value is not None else None
        except orjson.JSONDecodeError as exc:
            return _broken(row, f"value is not JSON: {exc}", record.value)
        problem = "the record has no value (a tombstone?)" if record.value is None else envelope_problem(document)
        if problem is not None:
            return _broken(row, problem, record.value)
        assert isinstance(document, dict)
        for name in ("id", "type", "source", "subject", "time", "dataschema"):
            row[name] = document.get(name)
        data: dict[str, Any] = document["data"]
        if str(document["type"]).removeprefix(TYPE_PREFIX) not in self.modelled:
            row["data_json"] = orjson.dumps(data).decode()
            return row
        for name in self._data_names:
            value = data.get(name)
            if name in self._json_columns and isinstance(value, dict | list):
                value = orjson.dumps(value).decode()  # a field kept as JSON text (no fixed shape)
            row[name] = value
        return row

    def _convert(self, rows: list[dict[str, Any]]) -> pa.Table:
        return pa.Table.from_pylist(rows, schema=self._text_schema).cast(self.schema)

    def _convert_or_mark(self, row: dict[str, Any]) -> pa.Table:
        try:
            return self._convert([row])
        except ARROW_FAILURES as exc:
            kept = {name: row.get(name) for name in ENVELOPE_NAMES}
            kept["error"] = f"data does not fit the {row.get('type')} columns: {exc}"
            kept["data_json"] = orjson.dumps({name: row.get(name) for name in self._data_names}, default=str).decode()
            try:
                return self._convert([kept])
            except (pa.ArrowInvalid, pa.ArrowTypeError):  # the envelope's own time is not a time
                kept["raw"], kept["time"] = str(kept.pop("time")), None
                return self._convert([kept])


def _orders_rows(kind: pa.DataType) -> bool:
    return bool(pa.types.is_integer(kind) or pa.types.is_timestamp(kind))


def _texts(keys: list[bytes | None]) -> pa.Array:
    """Keys as text: Arrow checks the UTF-8 in one pass; a key that is not UTF-8 is decoded with
    replacement characters, as `_text` does."""
    try:
        return pa.array(keys, pa.binary()).cast(pa.string())
    except pa.ArrowInvalid:
        return pa.array([_text(key) for key in keys], pa.string())


def _text(raw: bytes | None) -> str | None:
    return raw.decode("utf-8", errors="replace") if raw is not None else None


def _broken(row: dict[str, Any], reason: str, value: bytes | None) -> dict[str, Any]:
    row["error"] = reason
    row["raw"] = _text(value)
    return row
