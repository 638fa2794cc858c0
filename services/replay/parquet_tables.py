"""Turn a unit of replayed records into a table of the topic's typed Parquet columns.

A unit is parsed by Arrow's own JSON reader straight into the topic's typed schema (the
CloudEvents attributes, and `data` as a struct that is then split into columns): no Python
object per field, about a third of the CPU of building rows in Python. A unit Arrow refuses,
or one holding anything but well-formed CloudEvents of the topic's modelled types, is built
row by row instead (`row`), so that only the misfits become error rows with the raw value
kept. Nothing is validated against the models on this path: it is what the log holds.
Both paths give the same table for the same records (tested), and every call here may run on
any thread: nothing is shared but the read-only schemas.
"""

from __future__ import annotations

import operator
from itertools import repeat
from typing import Any, cast

import orjson
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pj

from services.replay.columns import ENVELOPE, topic_schema, with_text_times
from services.replay.envelope_check import envelope_problem
from services.replay.pending import PendingRecords
from services.replay.records import LogRecord

LF = ord("\n")
ENVELOPE_NAMES = tuple(name for name, _ in ENVELOPE)
LOCATION = ("partition", "offset", "timestamp", "key")  # where the record sat: from Kafka, not the value
TRAILER_NAMES = ("data_json", "error", "raw")
TYPE_PREFIX = "org.sitmon."
# Arrow parses JSON a block at a time; one block for a whole row group (~35 MB) cost a third
# more CPU per record than blocks of a few MB (cache-sized work). A block holds at least two values.
BLOCK = 4 << 20
ARROW_FAILURES = (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError)


class TypedTables:
    """The topic's Parquet schema, and the tables of it that units of records become."""

    def __init__(self, topic_suffix: str) -> None:
        self.schema, self.modelled = topic_schema(topic_suffix)
        self._text_schema = pa.schema([(f.name, with_text_times(f.type)) for f in self.schema])
        self._data_names = [f.name for f in self.schema if f.name not in ENVELOPE_NAMES + TRAILER_NAMES]
        self._json_columns = {f.name for f in self.schema if f.name in self._data_names and f.type == pa.string()}
        envelope = [(f.name, f.type) for f in self.schema if f.name in ENVELOPE_NAMES and f.name not in LOCATION]
        data = pa.struct([self.schema.field(name) for name in self._data_names])
        self._document_schema = pa.schema([("specversion", pa.string()), *envelope, ("data", data)])
        self._modelled_types = frozenset(TYPE_PREFIX + kind for kind in self.modelled)

    def table(self, unit: PendingRecords) -> pa.Table:
        """The unit's records as rows of the schema, in their order: in bulk, else row by row."""
        table = self.parsed_by_arrow(unit)
        if table is not None:
            return table
        rows = [self.row(record) for record in unit.records()]
        try:
            return self.convert(rows)
        except ARROW_FAILURES:
            return pa.concat_tables([self._convert_or_mark(row) for row in rows])

    # --- the bulk path ------------------------------------------------------------------------

    def parsed_by_arrow(self, unit: PendingRecords) -> pa.Table | None:
        """The unit as a typed table, or None when it needs the row-by-row path."""
        values = cast(list[bytes], unit.values)
        try:
            joined = b"\n".join(values)
        except TypeError:
            return None  # a tombstone (None)
        if any(map(operator.contains, values, repeat(LF))):
            return None  # a value that is not one JSON line
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
            "partition": pa.array(unit.partitions, pa.int32()),
            "offset": pa.array(unit.offsets, pa.int64()),
            "timestamp": pa.array(unit.timestamps, pa.int64()).cast(self.schema.field("timestamp").type),
            "key": _texts(unit.keys),
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
        """Every row a CloudEvents 1.0 envelope with object data, of a type this topic models.
        A missing attribute is a null here, and any null fails the check: such a record goes the
        row-by-row way and becomes an error row, as `envelope_problem` says. Four kernels, each
        over the whole unit: every kernel call gives the GIL away and waits to get it back while
        the event loop may hold it, so a parse thread makes as few as it can."""
        specversion, kinds = documents.column("specversion"), documents.column("type")
        texts = [documents.column(name) for name in ("id", "source")]
        if documents.column("data").null_count or specversion.null_count or kinds.null_count:
            return False
        if any(text.null_count or pc.index(text, "").as_py() != -1 for text in texts):
            return False  # missing or empty
        return set(pc.unique(specversion).to_pylist()) == {"1.0"} and self._modelled_types.issuperset(
            pc.unique(kinds).to_pylist()
        )

    # --- the row-by-row path ------------------------------------------------------------------

    def row(self, record: LogRecord) -> dict[str, Any]:
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

    def convert(self, rows: list[dict[str, Any]]) -> pa.Table:
        return pa.Table.from_pylist(rows, schema=self._text_schema).cast(self.schema)

    def _convert_or_mark(self, row: dict[str, Any]) -> pa.Table:
        try:
            return self.convert([row])
        except ARROW_FAILURES as exc:
            kept = {name: row.get(name) for name in ENVELOPE_NAMES}
            kept["error"] = f"data does not fit the {row.get('type')} columns: {exc}"
            kept["data_json"] = orjson.dumps({name: row.get(name) for name in self._data_names}, default=str).decode()
            try:
                return self.convert([kept])
            except (pa.ArrowInvalid, pa.ArrowTypeError):  # the envelope's own time is not a time
                kept["raw"], kept["time"] = str(kept.pop("time")), None
                return self.convert([kept])


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
