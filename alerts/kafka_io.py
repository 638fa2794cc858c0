"""Kafka plumbing for the alerting service: replay topics to their end, then keep tailing them.

The alerts service keeps no database: on start it replays its own alerts topic and the
subscriptions topic from the beginning (`TopicTail.catch_up`), then tails them for live
changes (silences from the API, subscription changes from the CLI). There is no consumer
group: every instance needs every partition, and must not move anyone's offsets.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.errors import IllegalStateError

from alerts.errors import AlertsError

METADATA_TIMEOUT_S = 30.0


class KafkaUnavailable(AlertsError):
    """The broker did not answer, or a topic the service needs does not exist."""


class TopicTail:
    """Read topics from the beginning to their end offsets at start, then follow them."""

    def __init__(self, bootstrap: str, topics: Sequence[str]) -> None:
        self._topics = list(topics)
        # topics given without a group: aiokafka assigns every partition of them itself
        # (and fetches their metadata, which `consumer.topics()` alone does not store)
        self._consumer = AIOKafkaConsumer(
            *self._topics,
            bootstrap_servers=bootstrap,
            group_id=None,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
        )

    async def start(self) -> None:
        try:
            await self._consumer.start()
        except Exception as exc:  # aiokafka raises several types for an unreachable broker
            raise KafkaUnavailable(f"cannot reach Kafka: {exc}") from exc
        deadline = time.monotonic() + METADATA_TIMEOUT_S
        while missing := set(self._topics) - {tp.topic for tp in self._consumer.assignment()}:
            if time.monotonic() > deadline:
                await self._consumer.stop()
                raise KafkaUnavailable(f"topics {', '.join(sorted(missing))} do not exist; run `sitmon topics create`")
            await asyncio.sleep(0.1)
        await self._consumer.seek_to_beginning(*self._consumer.assignment())

    async def catch_up(self) -> list[ConsumerRecord]:
        """Every record up to the end offsets as they were when this was called, in partition order."""
        partitions = list(self._consumer.assignment())
        ends = await self._consumer.end_offsets(partitions)
        records: list[ConsumerRecord] = []
        while await self._behind(ends):
            batches = await self._consumer.getmany(timeout_ms=500)
            for batch in batches.values():
                records.extend(batch)
        return records

    async def poll(self, timeout_ms: int = 0) -> list[ConsumerRecord]:
        batches = await self._consumer.getmany(timeout_ms=timeout_ms)
        return [record for batch in batches.values() for record in batch]

    async def _behind(self, ends: dict[TopicPartition, int]) -> bool:
        for tp, end in ends.items():
            if int(await self._consumer.position(tp)) < end:
                return True
        return False

    async def stop(self) -> None:
        await self._consumer.stop()


async def read_backlog(consumer: AIOKafkaConsumer, timeout_s: float = METADATA_TIMEOUT_S) -> list[ConsumerRecord]:
    """A group consumer's backlog: every record from its committed offsets to the end offsets as
    they were once its partitions were assigned (what arrived while the service was down).
    Gives up quietly at the deadline (no assignment, or a rebalance): the live loop reads the rest."""
    records: list[ConsumerRecord] = []
    ends: dict[TopicPartition, int] | None = None
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        batches = await consumer.getmany(timeout_ms=200)
        records.extend(record for batch in batches.values() for record in batch)
        assigned = consumer.assignment()
        if not assigned:
            continue
        try:
            if ends is None or set(ends) != assigned:
                ends = await consumer.end_offsets(list(assigned))
            positions = {tp: int(await consumer.position(tp)) for tp in ends}
            if all(positions[tp] >= end for tp, end in ends.items()):
                return records
        except IllegalStateError:  # the assignment changed under us: look again
            ends = None
    return records


def new_producer(bootstrap: str) -> AIOKafkaProducer:
    # acks=all + idempotence: a transition acknowledged here survives a broker failover
    return AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=0)


def origin(record: ConsumerRecord) -> str:
    return f"{record.topic}[{record.partition}]@{record.offset}"
