"""The Parquet schema follows the contract's models; a record that does not fit becomes an error row."""

from __future__ import annotations

from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from services.replay.columns import TIMESTAMP, topic_schema
from services.replay.parquet import ParquetWriter
from services.replay.parquet_tables import TypedTables
from services.replay.pending import PendingRecords
from services.replay.reader import RecordBatch, ReplayedRecord
from streams.envelope import encode
from streams.fold.region import fold_into, new_region
from streams.fold.snapshot import snapshot
from tests.unit.streams.factories import figure, report, statement, synthetic_log


def record(offset: int, value: bytes | None, key: bytes | None = b"nagorno-karabakh") -> ReplayedRecord:
    return ReplayedRecord(partition=0, offset=offset, timestamp=1_695_232_800_000, key=key, value=value)


def test_report_fields_become_typed_columns_and_nested_lists() -> None:
    schema, modelled = topic_schema("reports")
    assert modelled == frozenset({"reports.extracted"})
    assert schema.field("published_at").type == TIMESTAMP
    casualties = schema.field("casualties").type
    assert pa.types.is_list(casualties)
    assert casualties.value_type.field("count").type == pa.int64()
    assert casualties.value_type.field("outcome").type == pa.string()
    assert pa.types.is_list(schema.field("ceasefire").type.value_type.field("parties").type)


def test_alerts_topic_takes_the_union_of_its_event_types() -> None:
    schema, modelled = topic_schema("alerts")
    assert len(modelled) >= 2 and "type" in schema.names and "data_json" in schema.names


def test_small_row_groups_and_a_misfit_record_kept_with_its_reason(tmp_path: Path) -> None:
    good = report("a1", casualties=(figure(32),), ceasefire=(statement("agreed"),))
    misfit = orjson.loads(encode(good, subject=good.region))
    misfit["data"]["casualties"] = [{"count": "many"}]  # not an int: cannot be typed
    path = tmp_path / "r.parquet"
    writer = ParquetWriter(path, "reports", row_group=2)
    for offset in range(3):
        writer.write(record(offset, encode(good, subject=good.region)))
    writer.write(record(3, orjson.dumps(misfit)))
    writer.write(record(4, None, key=None))
    writer.close()
    table = pq.read_table(path)
    assert pq.ParquetFile(path).metadata.num_row_groups == 3
    rows = table.to_pylist()
    assert [row["offset"] for row in rows] == [0, 1, 2, 3, 4]
    assert rows[0]["casualties"][0]["count"] == 32 and rows[0]["ceasefire"][0]["status"] == "agreed"
    assert rows[3]["error"].startswith("data does not fit") and '"many"' in rows[3]["data_json"]
    assert rows[3]["id"] == good.event_id
    assert rows[4]["error"] is not None and rows[4]["casualties"] is None


def test_arrow_s_bulk_parse_gives_the_table_the_row_by_row_path_gives(tmp_path: Path) -> None:
    log = synthetic_log(200, regions=3, seed=3)
    state = new_region(log[0].region)
    fold_into(state, [r for r in log if r.region == state.region])
    for suffix, events in (("reports", log), ("situation", [snapshot(state)])):
        records = [record(n, encode(e, subject="s")) for n, e in enumerate(events)]
        tables = TypedTables(suffix)
        pending = PendingRecords()
        pending.extend(RecordBatch.of(records))
        bulk = tables.parsed_by_arrow(pending)
        assert bulk is not None, suffix
        by_rows = tables.convert([tables.row(r) for r in records])
        assert bulk.equals(by_rows), suffix


def test_a_row_group_the_writer_thread_fails_on_is_reported_not_lost(tmp_path: Path) -> None:
    good = report("a1", casualties=(figure(32),))
    writer = ParquetWriter(tmp_path / "r.parquet", "reports", row_group=1)
    written: list[int] = []

    def refuse_the_second(table: pa.Table, row_group_size: int) -> None:
        written.append(table.num_rows)
        if len(written) == 2:
            raise OSError("disk full")

    writer._writer.write_table = refuse_the_second  # type: ignore[method-assign]
    with pytest.raises(OSError, match="disk full"):
        try:
            for offset in range(4):
                writer.write(record(offset, encode(good, subject=good.region)))
        finally:
            writer.close()
    assert written == [1, 1]  # the failure stopped the writing: nothing after it went out unseen


def test_row_groups_are_bounded_by_the_bytes_of_their_values_too(tmp_path: Path) -> None:
    value = encode(report("a1", casualties=(figure(32),)), subject="s")
    path = tmp_path / "r.parquet"
    writer = ParquetWriter(path, "reports", row_group=1000, row_group_bytes=3 * len(value))
    writer.write_batch(RecordBatch.of([record(offset, value) for offset in range(5)]))
    writer.write_batch(RecordBatch.of([record(offset, value) for offset in range(5, 7)]))
    writer.close()
    metadata = pq.ParquetFile(path).metadata
    assert [metadata.row_group(n).num_rows for n in range(metadata.num_row_groups)] == [3, 3, 1]
    assert pq.read_table(path).column("offset").to_pylist() == list(range(7))


MISSING = object()


@pytest.mark.parametrize(
    ("attribute", "value"),
    [
        *((name, MISSING) for name in ("specversion", "id", "source", "type", "data")),
        ("specversion", "1.1"),
        ("specversion", 1.0),
        ("id", ""),
        ("id", 5),
        ("id", None),
        ("source", ""),
        ("data", 5),
        ("data", None),
    ],
)
def test_a_cloudevent_without_a_required_attribute_is_an_error_row_among_good_ones(attribute: str, value: object) -> None:
    good = orjson.loads(encode(report("a1", casualties=(figure(32),)), subject="s"))
    damaged = {name: v for name, v in good.items() if name != attribute}
    if value is not MISSING:
        damaged[attribute] = value
    pending = PendingRecords()
    pending.extend(RecordBatch.of([record(n, orjson.dumps(v)) for n, v in enumerate((good, damaged, good))]))
    tables = TypedTables("reports")
    assert tables.parsed_by_arrow(pending) is None  # not taken in bulk: a null is no pass
    rows = tables.table(pending).to_pylist()
    assert [row["error"] is None for row in rows] == [True, False, True]
    assert attribute in rows[1]["error"] and rows[1]["raw"] == orjson.dumps(damaged).decode()


def test_a_value_spread_over_lines_is_read_as_the_one_event_it_is() -> None:
    compact = encode(report("a1", casualties=(figure(32),)), subject="s")
    pretty = orjson.dumps(orjson.loads(compact), option=orjson.OPT_INDENT_2)
    pending = PendingRecords()
    pending.extend(RecordBatch.of([record(0, compact), record(1, pretty)]))
    tables = TypedTables("reports")
    assert tables.parsed_by_arrow(pending) is None  # Arrow reads one value per line: not in bulk
    first, second = tables.table(pending).to_pylist()
    assert second["error"] is None and {**second, "offset": 0} == first
