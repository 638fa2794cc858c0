"""A fetched batch becomes columns; records past a partition's planned end or after `--until` are
left out, and a partition ends at its last planned record or at librdkafka's end-of-partition event."""

from __future__ import annotations

import pytest
from confluent_kafka import KafkaError, Message

from services.errors import SitmonError
from services.replay.bulk_fetch import _columns, _reached_ends, _without_events

ENDS = {0: 10, 1: 3}


def message(partition: int, offset: int, timestamp: int = 1_000) -> Message:
    return Message(
        topic="t",
        partition=partition,
        offset=offset,
        key=b"k%d" % offset,
        value=b"v%d" % offset,
        timestamp=(1, timestamp),
    )


def test_a_batch_becomes_columns_in_the_order_fetched() -> None:
    batch = _columns([message(0, 8, 5), message(1, 0, 6), message(0, 9, 7)], ENDS, None)
    assert batch is not None
    assert (batch.partitions, batch.offsets, batch.timestamps) == ([0, 1, 0], [8, 0, 9], [5, 6, 7])
    assert (batch.keys, batch.values) == ([b"k8", b"k0", b"k9"], [b"v8", b"v0", b"v9"])


def test_records_past_the_planned_end_or_after_until_are_left_out() -> None:
    fetched = [message(0, 9, 5), message(1, 2, 9), message(1, 3, 1), message(0, 10, 1)]
    batch = _columns(fetched, ENDS, None)
    assert batch is not None and list(zip(batch.partitions, batch.offsets, strict=True)) == [(0, 9), (1, 2)]
    batch = _columns(fetched, ENDS, until_ms=5)
    assert batch is not None and list(zip(batch.partitions, batch.offsets, strict=True)) == [(0, 9)]
    assert _columns(fetched[2:], ENDS, None) is None
    assert _columns([], ENDS, None) is None


def test_a_partition_ends_at_its_last_planned_record_or_past_it() -> None:
    assert _reached_ends([message(0, 8), message(1, 1)], ENDS) == set()
    assert _reached_ends([message(0, 9), message(1, 1)], ENDS) == {0}
    assert _reached_ends([message(1, 5)], ENDS) == {1}  # the records between were markers


def test_end_of_partition_events_end_it_notices_are_skipped_and_fatal_errors_stop() -> None:
    eof = Message(topic="t", partition=1, offset=3, error=KafkaError(KafkaError._PARTITION_EOF))
    early_eof = Message(topic="t", partition=0, offset=4, error=KafkaError(KafkaError._PARTITION_EOF))
    notice = Message(topic="t", partition=0, error=KafkaError(KafkaError._TRANSPORT, "broker went away"))
    kept, ended = _without_events("t", [message(0, 1), eof, notice, early_eof, message(0, 2)], ENDS)
    assert [m.offset() for m in kept] == [1, 2] and ended == {1}
    fatal = Message(topic="t", partition=0, error=KafkaError(KafkaError._FATAL, "fenced", fatal=True))
    with pytest.raises(SitmonError, match=r"t\[0\].*fenced"):
        _without_events("t", [message(0, 1), fatal], ENDS)
