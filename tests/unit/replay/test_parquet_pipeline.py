"""The Parquet writer's pipeline: units parsed on two threads, row groups written in order, memory bounded."""

from __future__ import annotations

import threading
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from services.replay.parquet import ParquetWriter
from services.replay.pending import PendingRecords
from services.replay.reader import RecordBatch, ReplayedRecord
from streams.envelope import encode
from tests.unit.streams.factories import report, synthetic_log

DEADLINE_S = 60  # for a thread to reach a point; met at once unless the writer is broken


def log_with_misfits(count: int) -> list[ReplayedRecord]:
    """Reports over three partitions, with a tombstone, a value that is not JSON and one that does
    not fit the columns among them (so some units take the row-by-row path)."""
    values: list[bytes | None] = [encode(event, subject=event.region) for event in synthetic_log(count, seed=5)]
    misfit = orjson.loads(values[40])  # type: ignore[arg-type]
    misfit["data"]["casualties"] = [{"count": "many"}]
    values[40], values[41], values[97] = orjson.dumps(misfit), None, b"{not json"
    return [ReplayedRecord(n % 3, n, 1_695_232_800_000 + n, b"k", value) for n, value in enumerate(values)]


def written(path: Path, records: list[ReplayedRecord], sizes: list[int], **limits: int) -> tuple[pa.Table, list[int]]:
    """The file `records` make when handed over in batches of `sizes` (cycled), and its row groups' sizes."""
    writer = ParquetWriter(path, "reports", **limits)
    start, n = 0, 0
    while start < len(records):
        size = sizes[n % len(sizes)]
        writer.write_batch(RecordBatch.of(records[start : start + size]))
        start, n = start + size, n + 1
    writer.close()
    metadata = pq.ParquetFile(path).metadata
    return pq.read_table(path), [metadata.row_group(g).num_rows for g in range(metadata.num_row_groups)]


@pytest.mark.parametrize("unit_values", [1, 3, 7])
def test_small_units_give_the_rows_and_row_groups_of_one_unit_per_group(tmp_path: Path, unit_values: int) -> None:
    records = log_with_misfits(300)
    size = max(len(r.value or b"") for r in records)
    limits = {"row_group": 40, "row_group_bytes": 25 * size}
    whole, whole_groups = written(tmp_path / "whole.parquet", records, [300], unit_bytes=1 << 30, **limits)
    cut, cut_groups = written(tmp_path / "cut.parquet", records, [7, 1, 50, 13], unit_bytes=unit_values * size, **limits)
    assert cut.equals(whole)
    assert cut_groups == whole_groups and sum(cut_groups) == 300 and len(cut_groups) > 7
    assert cut.column("offset").to_pylist() == list(range(300))  # the log's order, each record once
    rows = cut.to_pylist()
    assert rows[40]["error"].startswith("data does not fit") and rows[41]["error"] and rows[97]["error"]
    assert sum(row["error"] is not None for row in rows) == 3


def test_two_units_are_parsed_at_once(tmp_path: Path) -> None:
    value = encode(report("a1"), subject="s")
    writer = ParquetWriter(tmp_path / "r.parquet", "reports", unit_bytes=len(value))
    both_parsing = threading.Barrier(2, timeout=DEADLINE_S)  # broken, and the unit failed, if they ran one by one
    parse = writer.tables.table
    threads: set[str] = set()

    def meeting_the_other(unit: PendingRecords) -> pa.Table:
        threads.add(threading.current_thread().name)
        both_parsing.wait()
        return parse(unit)

    writer.tables.table = meeting_the_other  # type: ignore[method-assign]
    writer.write_batch(RecordBatch.of([ReplayedRecord(0, offset, 0, b"k", value) for offset in range(2)]))
    writer.close()
    assert len(threads) == 2 and threading.current_thread().name not in threads
    assert pq.read_table(tmp_path / "r.parquet").column("offset").to_pylist() == [0, 1]


def test_a_slow_disk_holds_the_reading_back_after_two_row_groups(tmp_path: Path) -> None:
    value = encode(report("a1"), subject="s")
    path = tmp_path / "r.parquet"
    writer = ParquetWriter(path, "reports", row_group=10, unit_bytes=3 * len(value))
    disk_free = threading.Event()
    write_table = writer._writer.write_table

    def slow_disk(table: pa.Table, row_group_size: int) -> None:
        disk_free.wait(DEADLINE_S)
        write_table(table, row_group_size=row_group_size)

    writer._writer.write_table = slow_disk  # type: ignore[method-assign]
    held_back = threading.Event()
    wait_written = writer._wait_written

    def waiting() -> None:
        if writer._written is not None and not writer._written.done():
            held_back.set()
        wait_written()

    writer._wait_written = waiting  # type: ignore[method-assign]

    def read_the_log() -> None:
        for start in range(0, 100, 5):
            writer.write_batch(RecordBatch.of([ReplayedRecord(0, n, 0, b"k", value) for n in range(start, start + 5)]))

    reading = threading.Thread(target=read_the_log)
    reading.start()
    try:
        assert held_back.wait(DEADLINE_S)
        assert writer.count == 20  # the group on the disk and the one after it: nothing more taken in
    finally:
        disk_free.set()
        reading.join(DEADLINE_S)
        writer.close()
    metadata = pq.ParquetFile(path).metadata
    assert [metadata.row_group(g).num_rows for g in range(metadata.num_row_groups)] == [10] * 10
    assert pq.read_table(path).column("offset").to_pylist() == list(range(100))


def test_a_unit_that_fails_to_parse_fails_the_replay(tmp_path: Path) -> None:
    value = encode(report("a1"), subject="s")
    writer = ParquetWriter(tmp_path / "r.parquet", "reports", row_group=4, unit_bytes=len(value))
    parse = writer.tables.table
    units: list[int] = []

    def out_of_memory_on_the_third(unit: PendingRecords) -> pa.Table:
        units.append(unit.offsets[0])
        if unit.offsets[0] == 2:
            raise MemoryError("the third unit")
        return parse(unit)

    writer.tables.table = out_of_memory_on_the_third  # type: ignore[method-assign]
    with pytest.raises(MemoryError, match="the third unit"):
        try:
            writer.write_batch(RecordBatch.of([ReplayedRecord(0, n, 0, b"k", value) for n in range(12)]))
        finally:
            writer.close()
    assert 2 in units
