"""Reading and writing real Kafka topics from tests, the way an outside consumer would."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer


@dataclass(frozen=True)
class Record:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    timestamp: int
    headers: tuple[tuple[str, bytes], ...]


async def read_records(bootstrap: str, topic: str, *, expect: int, timeout_s: float = 20.0) -> list[Record]:
    """Read from the beginning until `expect` records arrived or the deadline passed; returns what came."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=f"test-reader-{uuid.uuid4().hex[:8]}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        isolation_level="read_committed",
    )
    await consumer.start()
    records: list[Record] = []
    deadline = time.monotonic() + timeout_s
    try:
        while len(records) < expect and time.monotonic() < deadline:
            batches = await consumer.getmany(timeout_ms=200)
            for batch in batches.values():
                records.extend(
                    Record(m.topic, m.partition, m.offset, m.key, m.value, m.timestamp, tuple(m.headers or ()))
                    for m in batch
                )
    finally:
        await consumer.stop()
    return records


async def produce(bootstrap: str, topic: str, items: list[tuple[bytes | None, bytes | None, int | None]]) -> None:
    """Send (key, value, timestamp_ms) records and wait until the broker has them all."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        for key, value, timestamp_ms in items:
            await producer.send_and_wait(topic, value=value, key=key, timestamp_ms=timestamp_ms)
    finally:
        await producer.stop()
