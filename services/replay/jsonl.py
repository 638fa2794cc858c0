"""Write replayed records as JSON Lines: where each record sat in Kafka, and its CloudEvent as written.

A value that is a well-formed CloudEvent is written as the bytes it is on the log — parsing
and re-serialising it would cost more than consuming it. "Well-formed" is checked per value:
UTF-8 with no line break (a pretty-printed value would break the one-record-per-line framing),
and by msgspec against the few attributes that must hold (JSON syntax, specversion 1.0,
non-empty id, source and type, object data), skipping everything else without building a
Python object for it. A batch holding a value that fails is written record by record through
`as_row`: re-serialised compactly, or kept raw with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Annotated, Literal

import msgspec
import orjson

from services.replay.formats import as_row
from services.replay.reader import LogRecord

NonEmpty = Annotated[str, msgspec.Meta(min_length=1)]
HEAD = b'{"partition":%d,"offset":%d,"timestamp_ms":%d,"key":%b,"event":'  # then the value, then }
KEY_CACHE = 100_000  # record keys (regions, article ids) whose JSON text is kept between batches


class _AnyObject(msgspec.Struct):
    """Any JSON object; its members are skipped unread."""


class _CloudEvent(msgspec.Struct):
    """What `envelope_check.envelope_problem` requires of a CloudEvent; other attributes are skipped."""

    specversion: Literal["1.0"]
    id: NonEmpty
    source: NonEmpty
    type: NonEmpty
    data: _AnyObject


_check = msgspec.json.Decoder(_CloudEvent)


def as_written(values: Sequence[bytes | None]) -> bool:
    """Whether every value can go out as it is: a well-formed CloudEvent on one line of UTF-8.
    (One loop over the batch with the checks inline: a call per value would cost a tenth more.)"""
    check = _check.decode
    try:
        for value in values:
            if not value or b"\n" in value or b"\r" in value:  # a tombstone, or a line break inside
                return False
            if not value.isascii():
                value.decode("utf-8")  # msgspec skips the members it does not read without checking them
            check(value)
    except (UnicodeDecodeError, msgspec.DecodeError):  # also a ValidationError: `as_row` finds the reason again
        return False
    return True


class JsonLinesWriter:
    """JSONL to a binary stream."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.count = 0
        self._keys: dict[bytes | None, bytes] = {}

    def write(self, record: LogRecord) -> None:
        self.write_batch([record])

    def write_batch(self, records: Sequence[LogRecord]) -> None:
        """A batch holding a misfit goes down the row-by-row path whole (misfits are rare, and
        the batch stays in offset order)."""
        self.count += len(records)
        if not as_written([record.value for record in records]):
            self.out.write(b"".join(orjson.dumps(as_row(record)) + b"\n" for record in records))
            return
        keys, parts = self._keys, list[bytes | None]()
        add = parts.extend
        for record in records:
            key = keys.get(record.key) or self._key(record.key)
            add((HEAD % (record.partition, record.offset, record.timestamp, key), record.value, b"}\n"))
        self.out.write(b"".join(parts))  # type: ignore[arg-type]  # as_written: no None among the values

    def close(self) -> None:
        self.out.flush()

    def _key(self, key: bytes | None) -> bytes:
        """The key as JSON text (remembered: keys repeat — a region's reports, an article's revisions)."""
        if key is None:
            return b"null"
        if len(self._keys) > KEY_CACHE:
            self._keys = {}
        text = self._keys[key] = orjson.dumps(key.decode("utf-8", errors="replace"))
        return text
