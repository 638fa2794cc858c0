"""Read a whole topic once, as it stands, without a consumer group (nothing committed).

The end offsets are taken when reading starts, so the read terminates on a live topic.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError

from services.kafka.admin import topic_partitions
from services.situation_query.errors import QueryError


@dataclass(frozen=True, slots=True)
class LogRecord:
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None


async def read_topic(bootstrap: str, topic: str, *, timeout_s: float = 15.0) -> AsyncIterator[LogRecord]:
    """Every record of `topic`, partition by partition in log order (within a partition)."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        isolation_level="read_committed",  # ingest publishes in transactions: never an aborted one
        request_timeout_ms=int(timeout_s * 1000),
    )
    try:
        await asyncio.wait_for(consumer.start(), timeout_s)
        numbers = await asyncio.wait_for(topic_partitions(bootstrap, topic), timeout_s)
    except (KafkaError, TimeoutError, OSError) as exc:
        await consumer.stop()
        raise QueryError(f"cannot read {topic} from the broker at {bootstrap}: {exc or type(exc).__name__}") from exc
    if not numbers:
        await consumer.stop()
        raise QueryError(f"topic {topic} does not exist on {bootstrap} (run `sitmon topics create`)")
    try:
        for number in sorted(numbers):
            tp = TopicPartition(topic, number)
            consumer.assign([tp])
            end = (await consumer.end_offsets([tp]))[tp]
            consumer.seek(tp, (await consumer.beginning_offsets([tp]))[tp])
            while await consumer.position(tp) < end:
                batch = await consumer.getmany(tp, timeout_ms=1000)
                for message in batch.get(tp, []):
                    if message.offset >= end:
                        break
                    yield LogRecord(number, message.offset, message.key, message.value)
    finally:
        await consumer.stop()
