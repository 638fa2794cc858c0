"""Write replayed records to Parquet in row groups, as they stream, on both cores.

The records are cut into parse units of ~4 MB of values (~6,000 reports) as they arrive, and each
unit is made a typed table (`parquet_tables`) on a pool of two threads while the event loop goes
on fetching; a third thread joins a row group's tables, in order, and writes the group. Arrow's
JSON reader and Parquet writer release the GIL, so fetching, parsing and writing run at once:
one row group parsed whole, on one thread, had kept the process at ~1.1 cores, and its last
group (up to 36,000 reports) was parsed after the fetching had ended, with nothing beside it.

Rows keep the log's order exactly: units are cut in order, a group joins its units' tables in
the order they were cut, and the groups are written one after another by one thread. Row groups
are the same as when they were parsed whole: `ROW_GROUP` records, or fewer when their values
pass `ROW_GROUP_BYTES`; a unit never straddles two groups.

Memory is bounded: closing a row group waits until the group before it is written, so at most
two groups' values (2 × 24 MB) and their tables are held, plus the rest of the fetched batch
being cut (≤ 10,000 records, what librdkafka's ~16 MB queue held).
A failure on a thread surfaces at the next group's close, or at `close`.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from services.replay.parquet_tables import TypedTables
from services.replay.pending import PendingRecords
from services.replay.records import LogRecord, RecordBatch

ROW_GROUP = 50_000
# ...or fewer, so that a row group's values stay under 24 MB: the articles topic's values are
# whole texts, and 50,000 of them held, joined for Arrow's reader and parsed at once could take
# gigabytes. (For reports, ~690 B each, a group is ~36,000 rows; CPU per report unchanged.)
ROW_GROUP_BYTES = 24 << 20
# A parse unit: Arrow's reader parses a 4 MB block at a time in any case (cache-sized work), so
# parsing a group as six units costs no more CPU than as one, and two threads can share them.
UNIT_BYTES = 4 << 20
PARSE_THREADS = 2  # the machine's two cores; the fetch and the writer take the rest of a core
# Dictionary pages for the envelope's few repeated values only: Arrow's default (every column)
# tried them on ids and texts too, then fell back to plain — 0.6 µs per record more and a file
# twice the size. Statistics (min/max, for a reader's row-group pruning) on the integer and time
# columns only: on strings they cost more than range queries over them gain.
DICTIONARY = ("key", "type", "source", "subject")


class ParquetWriter:
    def __init__(
        self,
        path: Path,
        topic_suffix: str,
        *,
        row_group: int = ROW_GROUP,
        row_group_bytes: int = ROW_GROUP_BYTES,
        unit_bytes: int = UNIT_BYTES,
    ) -> None:
        self.tables = TypedTables(topic_suffix)
        self.schema = self.tables.schema
        self._writer = pq.ParquetWriter(
            path,
            self.schema,
            compression="zstd",
            use_dictionary=list(DICTIONARY),
            write_statistics=[f.name for f in self.schema if _orders_rows(f.type)],
        )
        self._row_group = row_group
        self._row_group_bytes = row_group_bytes
        self._unit_bytes = unit_bytes
        self.count = 0
        self._pending = PendingRecords()  # cut into units as they come
        self._group: list[Future[pa.Table]] = []  # the open row group's units, in order
        self._group_rows = 0
        self._group_bytes = 0
        self._parsing = ThreadPoolExecutor(max_workers=PARSE_THREADS, thread_name_prefix="parquet-parse")
        self._writing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parquet-write")
        self._written: Future[None] | None = None  # the last closed group, being written

    def write(self, record: LogRecord) -> None:
        self.write_batch(RecordBatch.of([record]))

    def write_batch(self, batch: RecordBatch) -> None:
        self._pending.extend(batch)
        self.count += len(batch)
        while self._cut_next():
            pass

    def close(self) -> None:
        try:
            self._cut(len(self._pending))
            self._close_group()
            self._wait_written()
        finally:
            self._parsing.shutdown(cancel_futures=True)
            self._writing.shutdown(cancel_futures=True)
            self._writer.close()

    def _cut_next(self) -> bool:
        """Cut the next unit from the pending records if one is due (closing the row group when
        it is full); whether one was."""
        pending = self._pending
        room_rows = self._row_group - self._group_rows
        room_bytes = self._row_group_bytes - self._group_bytes
        if len(pending) >= room_rows or pending.value_bytes >= room_bytes:
            rows = min(room_rows, len(pending))
            if pending.value_bytes >= room_bytes:  # a group holds at least one record
                rows = pending.leading(rows, room_bytes, at_least=0 if self._group else 1)
            self._cut(rows)
            self._close_group()
            return True
        if pending.value_bytes >= self._unit_bytes:
            self._cut(pending.leading(len(pending), self._unit_bytes))
            return True
        return False

    def _cut(self, rows: int) -> None:
        """The first `rows` pending records into the open group, as units of at most `unit_bytes`
        (or one record), each handed to the parsing threads."""
        while rows > 0:
            unit = self._pending.take(self._pending.leading(rows, self._unit_bytes))
            self._group.append(self._parsing.submit(self.tables.table, unit))
            self._group_rows += len(unit)
            self._group_bytes += unit.value_bytes
            rows -= len(unit)

    def _close_group(self) -> None:
        """Hand the open group's units to the writing thread, once the group before is written."""
        if not self._group:
            return
        units, rows = self._group, self._group_rows
        self._group, self._group_rows, self._group_bytes = [], 0, 0
        self._wait_written()
        self._written = self._writing.submit(self._write_group, units, rows)

    def _wait_written(self) -> None:
        if self._written is not None:
            written, self._written = self._written, None
            written.result()

    def _write_group(self, units: list[Future[pa.Table]], rows: int) -> None:
        table = pa.concat_tables([unit.result() for unit in units])  # the units' chunks, not copied
        self._writer.write_table(table, row_group_size=rows)


def _orders_rows(kind: pa.DataType) -> bool:
    return bool(pa.types.is_integer(kind) or pa.types.is_timestamp(kind))
