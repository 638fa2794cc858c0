"""Where delivery writes what it did: the deliveries topic (and dead letters), durably.

`KafkaJournal` writes with acks=all and idempotence, keyed by subscription id so one
subscription's events stay ordered; `replay` reads the whole deliveries topic up to its end
offsets at the time of the call (no consumer group: recovery must see everything, and must
not move anyone's committed offsets). `MemoryJournal` is the same port in memory, for unit
tests and dry runs that need no broker.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Protocol

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from pydantic import TypeAdapter, ValidationError

from alerts.errors import DeliveryLogUnavailable
from streams.deliveries import DeliveryEvent, DeliveryRequested
from streams.envelope import decode_envelope, encode
from streams.errors import UndecodableRecord
from streams.events import DeadLettered, utc_timestamp_ms
from streams.topics import Catalogue

SOURCE = "/sitmon/alerts/delivery"
_delivery_event: TypeAdapter[DeliveryEvent] = TypeAdapter(DeliveryEvent)


def subscription_of(event: DeliveryEvent) -> str:
    return event.message.subscription_id if isinstance(event, DeliveryRequested) else event.subscription_id


class DeliveryJournal(Protocol):
    async def record(self, event: DeliveryEvent) -> None:
        """Return only once the event is durable."""

    async def record_all(self, events: Sequence[DeliveryEvent]) -> None:
        """Several events, written in this order; returns once all are durable."""

    async def dead_letter(self, event: DeadLettered) -> None: ...

    async def replay(self) -> list[DeliveryEvent]:
        """Every delivery event written so far, in write order per subscription."""


class MemoryJournal:
    def __init__(self) -> None:
        self.events: list[DeliveryEvent] = []
        self.dead_letters: list[DeadLettered] = []

    async def record(self, event: DeliveryEvent) -> None:
        self.events.append(event)

    async def record_all(self, events: Sequence[DeliveryEvent]) -> None:
        self.events.extend(events)

    async def dead_letter(self, event: DeadLettered) -> None:
        self.dead_letters.append(event)

    async def replay(self) -> list[DeliveryEvent]:
        return list(self.events)


class KafkaJournal:
    def __init__(self, producer: AIOKafkaProducer, bootstrap: str, catalogue: Catalogue) -> None:
        self._producer = producer
        self._bootstrap = bootstrap
        self._catalogue = catalogue
        self.skipped: list[str] = []  # records replay could not read, with the reason

    @classmethod
    async def connect(cls, bootstrap: str, catalogue: Catalogue) -> KafkaJournal:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=0)
        await producer.start()
        return cls(producer, bootstrap, catalogue)

    async def close(self) -> None:
        await self._producer.stop()

    async def record(self, event: DeliveryEvent) -> None:
        await self.record_all((event,))

    async def record_all(self, events: Sequence[DeliveryEvent]) -> None:
        # send() appends to the partition's batch in call order; awaiting the futures afterwards
        # pipelines the writes (idempotence keeps that order across the producer's own retries).
        acknowledgements = []
        for event in events:
            key = subscription_of(event)
            acknowledgements.append(
                await self._producer.send(
                    self._catalogue.deliveries.name,
                    value=encode(event, subject=key, source=SOURCE),
                    key=key.encode(),
                    timestamp_ms=utc_timestamp_ms(event.occurred_at),
                )
            )
        await asyncio.gather(*acknowledgements)

    async def dead_letter(self, event: DeadLettered) -> None:
        await self._producer.send_and_wait(
            self._catalogue.dlq.name,
            value=encode(event, subject=event.origin, source=SOURCE),
            key=event.origin.encode(),
            timestamp_ms=utc_timestamp_ms(event.occurred_at),
        )

    async def replay(self) -> list[DeliveryEvent]:
        topic = self._catalogue.deliveries.name
        # Subscribing (without a group) makes start() fetch this topic's metadata; then the
        # partitions are assigned explicitly, so nothing is committed and no group is joined.
        consumer = AIOKafkaConsumer(topic, bootstrap_servers=self._bootstrap, enable_auto_commit=False, group_id=None)
        await consumer.start()
        try:
            found = consumer.partitions_for_topic(topic)
            if not found:
                raise DeliveryLogUnavailable(
                    f"topic {topic} does not exist on {self._bootstrap}; run `sitmon topics create` first"
                )
            partitions = [TopicPartition(topic, p) for p in sorted(found)]
            consumer.unsubscribe()
            consumer.assign(partitions)
            await consumer.seek_to_beginning(*partitions)
            ends = await consumer.end_offsets(partitions)
            events: list[DeliveryEvent] = []
            remaining = set(partitions)
            while remaining:
                # position, not offset 0, says where a partition starts: retention may have removed the head
                for tp in list(remaining):
                    if await consumer.position(tp) >= ends[tp]:
                        remaining.discard(tp)
                if not remaining:
                    break
                batches = await consumer.getmany(*remaining, timeout_ms=500)
                for tp, records in batches.items():
                    for record in records:
                        if record.offset < ends[tp]:
                            self._read(record.value, f"{topic}[{tp.partition}]@{record.offset}", events)
            return events
        finally:
            await consumer.stop()

    def _read(self, value: bytes | None, origin: str, into: list[DeliveryEvent]) -> None:
        try:
            into.append(_delivery_event.validate_python(decode_envelope(value).data))
        except (UndecodableRecord, ValidationError) as exc:
            # Not ours or unreadable: recovery must not crash-loop on it; it is counted and skipped.
            self.skipped.append(f"{origin}: {str(exc).splitlines()[0]}")
