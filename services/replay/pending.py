"""Replayed records waiting to be parsed for Parquet, a list per field.

Memory stays bounded by what the writer lets wait (see `parquet.py`), held as plain lists of the
records' fields (bytes and ints, which the garbage collector does not track) rather than the
consumer's record objects. Where each value ends, counted in bytes from the first record ever
added, is kept too, so that the writer finds how many records fill a unit or a row group by
bisection instead of summing sizes again at every cut.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, islice
from typing import cast

from services.replay.records import RecordBatch, ReplayedRecord


@dataclass(slots=True)
class PendingRecords:
    partitions: list[int] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    timestamps: list[int] = field(default_factory=list)
    keys: list[bytes | None] = field(default_factory=list)
    values: list[bytes | None] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)  # where each value ends, in bytes from `start`'s origin
    start: int = 0  # where the first value here begins

    def extend(self, batch: RecordBatch) -> None:
        self.partitions.extend(batch.partitions)
        self.offsets.extend(batch.offsets)
        self.timestamps.extend(batch.timestamps)
        self.keys.extend(batch.keys)
        self.values.extend(batch.values)
        values = batch.values
        sizes = map(len, cast(list[bytes], values)) if None not in values else (len(v) if v else 0 for v in values)
        self.ends.extend(islice(accumulate(sizes, initial=self.ends[-1] if self.ends else self.start), 1, None))

    @property
    def value_bytes(self) -> int:
        return self.ends[-1] - self.start if self.ends else 0

    def take(self, size: int) -> PendingRecords:
        """The first `size` records, removed from here."""
        taken = PendingRecords(
            self.partitions[:size],
            self.offsets[:size],
            self.timestamps[:size],
            self.keys[:size],
            self.values[:size],
            self.ends[:size],
            self.start,
        )
        if taken.ends:
            self.start = taken.ends[-1]
        del self.partitions[:size], self.offsets[:size], self.timestamps[:size], self.keys[:size], self.values[:size]
        del self.ends[:size]
        return taken

    def leading(self, rows: int, limit: int, *, at_least: int = 1) -> int:
        """How many of the first `rows` records fit in `limit` bytes of values (at least `at_least`)."""
        return max(at_least, bisect_right(self.ends, self.start + limit, 0, rows))

    def records(self) -> list[ReplayedRecord]:
        fields = zip(self.partitions, self.offsets, self.timestamps, self.keys, self.values, strict=True)
        return [ReplayedRecord(*each) for each in fields]

    def __len__(self) -> int:
        return len(self.values)
