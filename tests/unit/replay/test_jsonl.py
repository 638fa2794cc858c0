"""JSONL replay writes a well-formed CloudEvent as the bytes it is on the log, and anything else
as before (re-serialised, or kept raw with the reason): every line is one JSON document, one per
record, whatever a batch holds."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.replay.formats import as_row
from services.replay.jsonl import JsonLinesWriter, as_written
from services.replay.reader import RecordBatch, ReplayedRecord
from streams.envelope import encode
from tests.unit.streams.factories import figure, report

GOOD = encode(report("a1", casualties=(figure(32),)), subject="nagorno-karabakh")
ODD = [
    json.dumps(json.loads(GOOD), indent=2).encode(),  # a line break inside: must be re-serialised
    GOOD.replace(b'"a1"', '"ąž\u2028"'.encode()),  # non-ASCII, and a character some readers break lines on
    GOOD.replace(b'"a1"', b'"\xff"'),  # not UTF-8
    GOOD + b" " + GOOD,  # two documents in one value
    GOOD.replace(b'"specversion":"1.0"', b'"specversion":"0.3"'),
    b'{"specversion":"1.0","id":"x","source":"s","type":"t","data":[1]}',
    b"",
    b"   ",
    None,
    b"{not json",
    b'"just a string"',
]


def record(offset: int, value: bytes | None, key: bytes | None = b"nagorno-karabakh") -> ReplayedRecord:
    return ReplayedRecord(partition=2, offset=offset, timestamp=1_695_232_800_000 + offset, key=key, value=value)


def written(batches: list[list[ReplayedRecord]]) -> list[dict[str, Any]]:
    out = io.BytesIO()
    writer = JsonLinesWriter(out)
    for batch in batches:
        writer.write_batch(RecordBatch.of(batch))
    writer.close()
    assert writer.count == sum(map(len, batches))
    lines = out.getvalue().split(b"\n")
    assert lines.pop() == b""  # every line ends with a line break, and there are no others
    return [json.loads(line) for line in lines]


def expected(record: ReplayedRecord) -> dict[str, Any]:
    return json.loads(json.dumps(as_row(record)))


def test_well_formed_values_go_out_as_written_with_where_they_sat() -> None:
    batch = [record(n, GOOD, key=None if n == 1 else b"nagorno-karabakh") for n in range(3)]
    assert as_written([r.value for r in batch])
    out = io.BytesIO()
    writer = JsonLinesWriter(out)
    writer.write_batch(RecordBatch.of(batch))
    writer.close()  # the lines are written on a thread of the writer's: all there once it is closed
    first = out.getvalue().split(b"\n")[0]
    assert (
        first
        == b'{"partition":2,"offset":0,"timestamp_ms":1695232800000,"key":"nagorno-karabakh","event":' + GOOD + b"}"
    )
    assert written([batch]) == [expected(r) for r in batch]
    assert written([batch])[1]["key"] is None


def test_each_odd_value_turns_its_batch_to_the_row_by_row_path() -> None:
    for value in ODD:
        batch = [record(0, GOOD), record(1, value), record(2, GOOD)]
        assert not as_written([r.value for r in batch]) or value == ODD[1]
        assert written([batch]) == [expected(r) for r in batch]


@given(st.lists(st.lists(st.sampled_from([GOOD, *ODD]), min_size=1, max_size=5), min_size=1, max_size=4))
@settings(max_examples=150, deadline=None)
def test_any_mix_of_batches_gives_one_json_line_per_record_as_the_row_path_would(
    values: list[list[bytes | None]],
) -> None:
    offsets = iter(range(1000))
    batches = [[record(next(offsets), value) for value in batch] for batch in values]
    assert written(batches) == [expected(r) for batch in batches for r in batch]


class _ClosedPipe(io.BytesIO):
    """A stream whose reader went away after the first write."""

    def write(self, data: Any) -> int:
        if self.tell():
            raise BrokenPipeError("the reader went away")
        return super().write(data)


def test_a_failed_write_on_the_writers_thread_is_raised_to_the_replay_not_lost() -> None:
    writer = JsonLinesWriter(_ClosedPipe())
    writer.write_batch(RecordBatch.of([record(0, GOOD)]))
    writer.write_batch(RecordBatch.of([record(1, GOOD)]))  # written on the thread: fails there
    with pytest.raises(BrokenPipeError):
        writer.write_batch(RecordBatch.of([record(2, GOOD)]))  # ...and is raised at the next batch
        writer.close()  # (or at the latest here, had the next batch not waited for it)
