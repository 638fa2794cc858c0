"""Read records of one topic between two times, partition by partition, then stop.

An analysis replay must never disturb production: it assigns partitions itself (no
consumer group, nothing committed), seeks with `offsets_for_times`, and stops at the end
offsets it saw when it started, so it terminates on a live topic.

The plan (partitions, start offsets by time, end offsets — the last stable offsets, as
`read_committed` sees them) is made with aiokafka; the records are fetched by librdkafka
(`bulk_fetch`), whose C consumer costs about half of aiokafka's per record.
`replay_batches` hands them on a fetched batch at a time, as columns (`RecordBatch`: the bulk
writers work per batch, and a Python step per record would cost a tenth of consuming it);
`replay` hands them on one by one.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable
from contextlib import aclosing
from datetime import datetime

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.errors import BadInput
from services.kafka.admin import topic_partitions
from services.kafka.connect import start_client
from services.replay.bulk_fetch import fetch_range
from services.replay.records import LogRecord, RecordBatch, ReplayedRecord
from streams.events import utc_timestamp_ms

__all__ = ["LogRecord", "RecordBatch", "ReplayedRecord", "replay", "replay_batches"]


async def replay(
    bootstrap: str,
    topic: str,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    on_plan: Callable[[int], None] = lambda _: None,
) -> AsyncGenerator[LogRecord, None]:
    async with aclosing(replay_batches(bootstrap, topic, since=since, until=until, on_plan=on_plan)) as batches:
        async for batch in batches:
            for record in batch.records():
                yield record


async def replay_batches(
    bootstrap: str,
    topic: str,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    on_plan: Callable[[int], None] = lambda _: None,
) -> AsyncGenerator[RecordBatch, None]:
    """Records between the times, a fetched batch at a time, in offset order within a partition;
    `on_plan` learns how many records lie between the start and end offsets (a progress total)."""
    starts, ends = await _plan(bootstrap, topic, since)
    on_plan(sum(max(0, ends[p] - starts[p]) for p in starts))
    until_ms = utc_timestamp_ms(until) if until else None
    # closed here when this generator is, so that the consumer is closed by the task that stops
    # reading (a failing writer, a cancelled replay), not later by the garbage collector's hook
    async with aclosing(fetch_range(bootstrap, topic, starts, ends, until_ms)) as batches:
        async for batch in batches:
            yield batch


async def _plan(bootstrap: str, topic: str, since: datetime | None) -> tuple[dict[int, int], dict[int, int]]:
    """Each partition's first offset to read and its end offset (not read)."""
    partitions = await topic_partitions(bootstrap, topic)
    if not partitions:
        raise BadInput(f"topic {topic!r} does not exist on the broker at {bootstrap}")
    # read_committed: its end offsets are the last stable offsets (an open transaction's records
    # are not waited for), and an aborted batch is not part of the log
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, isolation_level="read_committed"
    )
    await start_client(consumer, bootstrap)
    try:
        assigned = [TopicPartition(topic, p) for p in sorted(partitions)]
        ends: dict[TopicPartition, int] = await consumer.end_offsets(assigned)
        starts: dict[TopicPartition, int] = await consumer.beginning_offsets(assigned)
        if since is not None:
            found = await consumer.offsets_for_times({tp: utc_timestamp_ms(since) for tp in assigned})
            # No record at or after `since` in a partition: start at its end (nothing to replay there).
            starts = {tp: (found[tp].offset if found.get(tp) is not None else ends[tp]) for tp in assigned}
    finally:
        await consumer.stop()
    return {tp.partition: starts[tp] for tp in assigned}, {tp.partition: ends[tp] for tp in assigned}
