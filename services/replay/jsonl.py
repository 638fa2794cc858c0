"""Write replayed records as JSON Lines: where each record sat in Kafka, and its CloudEvent as written.

A value that is a well-formed CloudEvent is written as the bytes it is on the log — parsing
and re-serialising it would cost more than consuming it. "Well-formed" means UTF-8 with no line
break (a pretty-printed value would break the one-record-per-line framing), and, checked by
msgspec, the few attributes that must hold (JSON syntax, specversion 1.0, non-empty id, source
and type, object data), skipping everything else without building a Python object for it.
Every step runs over the whole batch in C (`map`, msgspec's `encode_lines`), none per value in
Python: a Python step per record would cost as much as consuming the record. A batch holding a value that fails is written
record by record through `as_row`: re-serialised compactly, or kept raw with the reason.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import IO, Annotated, Literal, TypeGuard

import msgspec
import orjson

from services.replay.formats import as_row
from services.replay.records import LogRecord, RecordBatch
from services.replay.released_file import ReleasedFile

NonEmpty = Annotated[str, msgspec.Meta(min_length=1)]
NULL = msgspec.Raw(b"null")
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


class _Line(msgspec.Struct, gc=False):
    """One output line: where the record sat in Kafka, and its CloudEvent as written."""

    partition: int
    offset: int
    timestamp_ms: int
    key: msgspec.Raw  # the key as JSON text
    event: msgspec.Raw  # the value's bytes, checked by `as_written`


_encoder = msgspec.json.Encoder()
Raw = msgspec.Raw


def as_written(values: Sequence[bytes | None]) -> TypeGuard[Sequence[bytes]]:
    """Whether every value can go out as it is: a well-formed CloudEvent on one line of UTF-8."""
    if not all(values):  # a tombstone or an empty value
        return False
    texts: Sequence[bytes] = values  # type: ignore[assignment]  # all() above: no None
    joined = b" ".join(texts)  # one text to search: no call per value
    return _one_line(joined) and _utf8(joined) and _cloudevents(texts)


def _one_line(text: bytes) -> bool:
    """No line break inside any value: searched in the values' joined text (the separator is a space)."""
    return b"\n" not in text and b"\r" not in text


def _utf8(text: bytes) -> bool:
    """Whether the text, holding the values between ASCII bytes, is UTF-8 (a character cut at a
    value's edge fails here too). msgspec skips the members it does not read without checking them."""
    if text.isascii():
        return True
    try:
        text.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _cloudevents(values: Sequence[bytes]) -> bool:
    """msgspec's check of every value, driven by `map` (no Python step per value). It refuses a
    raw control character inside a string, so a line break could only sit between tokens."""
    try:
        deque(map(_check.decode, values), 0)
    except msgspec.DecodeError:  # also a ValidationError: `as_row` finds the reason again
        return False
    return True


class _KeyTexts(dict[bytes | None, msgspec.Raw]):
    """Record keys as JSON text, remembered (keys repeat: a region's reports, an article's
    revisions). A batch's keys are looked up by one `map` of `__getitem__`; only a key not seen
    yet takes a Python step (`__missing__`)."""

    def __missing__(self, key: bytes | None) -> msgspec.Raw:
        if len(self) >= KEY_CACHE:
            self.clear()
        text = self[key] = NULL if key is None else Raw(orjson.dumps(key.decode("utf-8", errors="replace")))
        return text


class JsonLinesWriter:
    """JSONL to a binary stream, written on a thread of its own while the next batch is checked
    and encoded: the kernel's copy of a batch's lines (7 MB for 10,000 reports) into the page
    cache or a pipe holds no GIL, and writing a new file costs it as much as the encoding here
    (the development VM's page cache, see bench_analysis's `replay_rows.py`). One batch is written
    at a time, in order; a batch waits until the one before it is written, so a slow reader still
    holds the replay back. A file's written pages are released from the cache as it grows
    (`released_file`). A failed write (a closed pipe, a full disk) raises at the next batch or at
    `close`."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.count = 0
        self._keys = _KeyTexts()
        self._file = ReleasedFile(out)
        self._writing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jsonl-write")
        self._written: Future[None] | None = None  # the last batch's lines, being written

    def write(self, record: LogRecord) -> None:
        self.write_batch(RecordBatch.of([record]))

    def write_batch(self, batch: RecordBatch) -> None:
        """A batch holding a misfit goes down the row-by-row path whole (misfits are rare, and
        the batch stays in offset order)."""
        self.count += len(batch)
        lines = self._as_written(batch)
        if lines is None:
            lines = b"".join(orjson.dumps(as_row(record)) + b"\n" for record in batch.records())
        self._wait_written()
        self._written = self._writing.submit(self._file.write, lines)

    def _as_written(self, batch: RecordBatch) -> bytes | None:
        """The batch's lines with each value as written, or None when a value does not fit."""
        values = batch.values
        if not as_written(values):
            return None
        keys = map(self._keys.__getitem__, batch.keys)
        return _encoder.encode_lines(
            list(map(_Line, batch.partitions, batch.offsets, batch.timestamps, keys, map(Raw, values)))
        )

    def close(self) -> None:
        try:
            self._wait_written()
            self.out.flush()  # what is left since the last release stays cached: at most RELEASE_EVERY
        finally:
            self._writing.shutdown()

    def _wait_written(self) -> None:
        if self._written is not None:
            written, self._written = self._written, None
            written.result()
