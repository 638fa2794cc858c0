"""What replay hands on: a record (`LogRecord`), or a fetched batch of them as columns (`RecordBatch`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Protocol


class LogRecord(Protocol):
    """A record as replay hands it on (aiokafka's ConsumerRecord is one); `timestamp` in ms."""

    @property
    def partition(self) -> int: ...
    @property
    def offset(self) -> int: ...
    @property
    def timestamp(self) -> int: ...
    @property
    def key(self) -> bytes | None: ...
    @property
    def value(self) -> bytes | None: ...


@dataclass(frozen=True, slots=True)
class ReplayedRecord:
    """A LogRecord built by hand (tests, callers that make their own)."""

    partition: int
    offset: int
    timestamp: int
    key: bytes | None
    value: bytes | None


@dataclass(frozen=True, slots=True)
class RecordBatch:
    """Fetched records as a list per field, in each partition's offset order: the bulk writers take
    whole columns (no Python object per record); `records()` gives them one by one."""

    partitions: list[int]
    offsets: list[int]
    timestamps: list[int]  # record time, ms since the epoch
    keys: list[bytes | None]
    values: list[bytes | None]

    @classmethod
    def of(cls, records: Sequence[LogRecord]) -> RecordBatch:
        fields = ("partition", "offset", "timestamp", "key", "value")
        return cls(*(list(map(attrgetter(name), records)) for name in fields))

    def records(self) -> list[ReplayedRecord]:
        return list(map(ReplayedRecord, self.partitions, self.offsets, self.timestamps, self.keys, self.values))

    def __len__(self) -> int:
        return len(self.offsets)
