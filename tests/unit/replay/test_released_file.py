"""A replay's output file is written through the page cache without being kept there: every
`release_every` bytes it is flushed and the pages written so far are dropped, in contiguous
ranges that cover the file; other streams are written as they are."""

from __future__ import annotations

import io
import os
from itertools import pairwise
from pathlib import Path

import pytest

from services.replay import released_file
from services.replay.jsonl import JsonLinesWriter
from services.replay.reader import RecordBatch, ReplayedRecord
from services.replay.released_file import ReleasedFile
from streams.envelope import encode
from tests.unit.streams.factories import report


@pytest.fixture
def dropped(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The (offset, length) ranges whose pages were dropped (the real call is still made)."""
    ranges: list[tuple[int, int]] = []
    advise = os.posix_fadvise

    def recording(fd: int, offset: int, length: int, advice: int) -> None:
        assert advice == os.POSIX_FADV_DONTNEED
        ranges.append((offset, length))
        advise(fd, offset, length, advice)

    monkeypatch.setattr(released_file.os, "posix_fadvise", recording)
    return ranges


def test_a_file_is_released_in_contiguous_ranges_as_it_grows_and_keeps_every_byte(
    tmp_path: Path, dropped: list[tuple[int, int]]
) -> None:
    chunks = [bytes([65 + n % 26]) * (1000 + 37 * n) for n in range(40)]
    path = tmp_path / "out.jsonl"
    with path.open("wb") as out:
        file = ReleasedFile(out, release_every=10_000)
        for chunk in chunks:
            file.write(chunk)
    assert path.read_bytes() == b"".join(chunks)
    assert len(dropped) >= 5  # ~57 kB written, released every ≥ 10 kB
    assert dropped[0][0] == 0
    for (offset, length), (following, _) in pairwise(dropped):
        assert length >= 10_000 and offset + length == following
    released = dropped[-1][0] + dropped[-1][1]
    assert sum(map(len, chunks)) - released < 10_000  # only the tail since the last release stays cached


def test_a_file_appended_to_is_released_from_where_the_replay_began(
    tmp_path: Path, dropped: list[tuple[int, int]]
) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b"x" * 5000)
    with path.open("ab") as out:  # Python's append mode starts at the end
        file = ReleasedFile(out, release_every=4096)
        file.write(b"y" * 4096)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)  # a shell's `>>`: the offset is 0 until the first write
    with os.fdopen(fd, "wb") as out:
        file = ReleasedFile(out, release_every=4096)
        file.write(b"z" * 4096)
    assert dropped == [(5000, 4096), (9096, 4096)]
    assert path.read_bytes() == b"x" * 5000 + b"y" * 4096 + b"z" * 4096


def test_streams_that_are_not_regular_files_are_written_as_they_are(dropped: list[tuple[int, int]]) -> None:
    memory = io.BytesIO()
    file = ReleasedFile(memory, release_every=10)
    file.write(b"a" * 100)
    file.release()
    read, write = os.pipe()
    with os.fdopen(write, "wb") as pipe, os.fdopen(read, "rb") as reading:
        piped = ReleasedFile(pipe, release_every=10)
        piped.write(b"b" * 100)
        pipe.flush()
        assert reading.read(100) == b"b" * 100
    assert memory.getvalue() == b"a" * 100
    assert dropped == []


def test_the_jsonl_writer_writes_the_same_bytes_to_a_released_file_as_to_memory(
    tmp_path: Path, dropped: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(released_file, "RELEASE_EVERY", 2000)
    value = encode(report("a1"), subject="nagorno-karabakh")
    batches = [
        RecordBatch.of(
            [ReplayedRecord(0, n, 1_695_232_800_000 + n, b"nagorno-karabakh", value) for n in range(b, b + 7)]
        )
        for b in range(0, 70, 7)
    ]
    path = tmp_path / "out.jsonl"
    memory = io.BytesIO()
    for out in (memory, path.open("wb")):
        writer = JsonLinesWriter(out)
        for batch in batches:
            writer.write_batch(batch)
        writer.close()
        if out is not memory:
            out.close()
    assert path.read_bytes() == memory.getvalue()
    assert len(memory.getvalue().splitlines()) == 70
    assert dropped  # the file was released as it grew
