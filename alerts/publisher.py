"""What the alerting service writes to Kafka: its own records (transitions, notifications) and
dead letters for the snapshots it cannot read, with their origin and the reason."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

import structlog
from aiokafka import AIOKafkaProducer, ConsumerRecord

from alerts.kafka_io import origin
from streams.envelope import encode
from streams.events import DeadLettered, Event
from streams.topics import Catalogue

log = structlog.get_logger("sitmon.alerts")

SOURCE = "/sitmon/alerts"


class AlertsPublisher:
    def __init__(self, producer: AIOKafkaProducer, catalogue: Catalogue, clock: Callable[[], datetime]) -> None:
        self.producer = producer
        self.catalogue = catalogue
        self.clock = clock

    async def publish_all(self, items: list[tuple[str, str, Event]]) -> None:
        """(topic, key, event) all sent at once and then awaited: one broker round trip, order kept per key."""
        pending = [
            await self.producer.send(topic, key=key.encode(), value=encode(event, subject=key, source=SOURCE))
            for topic, key, event in items
        ]
        await asyncio.gather(*pending)

    async def dead_letter(self, record: ConsumerRecord, reason: str) -> None:
        where = origin(record)
        letter = DeadLettered.of(
            id_parts=("dlq", where),
            at=self.clock(),
            stage="alerts",
            origin=where,
            reason=reason,
            bad_input=record.value or b"",
        )
        await self.publish_all([(self.catalogue.dlq.name, where, letter)])
        log.warning("alerts.dead_lettered", origin=where, reason=reason)
