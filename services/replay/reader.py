"""Read records of one topic between two times, partition by partition, then stop.

An analysis replay must never disturb production: it assigns partitions itself (no
consumer group, nothing committed), seeks with `offsets_for_times`, and stops at the end
offsets it saw when it started, so it terminates on a live topic.

`replay_batches` hands on aiokafka's records a fetched batch at a time (bulk writers work per
batch, and a Python generator step per record would cost a tenth of consuming it); `replay`
hands them on one by one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.errors import BadInput
from services.kafka.admin import topic_partitions
from services.kafka.connect import start_client
from streams.events import utc_timestamp_ms


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


async def replay(
    bootstrap: str,
    topic: str,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    on_plan: Callable[[int], None] = lambda _: None,
) -> AsyncIterator[LogRecord]:
    async for batch in replay_batches(bootstrap, topic, since=since, until=until, on_plan=on_plan):
        for record in batch:
            yield record


async def replay_batches(
    bootstrap: str,
    topic: str,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    on_plan: Callable[[int], None] = lambda _: None,
) -> AsyncIterator[Sequence[LogRecord]]:
    """Records between the times, a partition's fetched batch at a time, in offset order within a
    partition; `on_plan` learns how many records lie between the start and end offsets (a progress total)."""
    # read_committed: ingest publishes in transactions, and an aborted batch is not part of the log
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        isolation_level="read_committed",
        max_partition_fetch_bytes=4 * 1024 * 1024,  # large fetches: replay reads whole topics
        fetch_max_bytes=16 * 1024 * 1024,
    )
    await start_client(consumer, bootstrap)
    try:
        partitions = await topic_partitions(bootstrap, topic)
        if not partitions:
            raise BadInput(f"topic {topic!r} does not exist on the broker at {bootstrap}")
        assigned = [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(assigned)
        ends = await consumer.end_offsets(assigned)
        starts = await _start_offsets(consumer, assigned, since)
        remaining = {tp for tp in assigned if starts[tp] < ends[tp]}
        on_plan(sum(max(0, ends[tp] - starts[tp]) for tp in assigned))
        for tp in assigned:
            consumer.seek(tp, starts[tp])
        until_ms = utc_timestamp_ms(until) if until else None
        while remaining:
            batches = await consumer.getmany(*remaining, timeout_ms=1000)
            for tp, fetched in batches.items():
                messages = fetched
                if messages and messages[-1].offset >= ends[tp]:
                    messages = [message for message in messages if message.offset < ends[tp]]
                if until_ms is not None:
                    messages = [message for message in messages if message.timestamp <= until_ms]
                if messages:
                    yield messages
                if fetched and fetched[-1].offset >= ends[tp] - 1:
                    remaining.discard(tp)
            for tp in list(remaining):
                if await consumer.position(tp) >= ends[tp]:
                    remaining.discard(tp)
    finally:
        await consumer.stop()


async def _start_offsets(
    consumer: AIOKafkaConsumer, partitions: list[TopicPartition], since: datetime | None
) -> dict[TopicPartition, int]:
    beginnings: dict[TopicPartition, int] = await consumer.beginning_offsets(partitions)
    if since is None:
        return beginnings
    ends: dict[TopicPartition, int] = await consumer.end_offsets(partitions)
    found = await consumer.offsets_for_times({tp: utc_timestamp_ms(since) for tp in partitions})
    # No record at or after `since` in a partition: start at its end (nothing to replay there).
    return {tp: (found[tp].offset if found.get(tp) is not None else ends[tp]) for tp in partitions}
