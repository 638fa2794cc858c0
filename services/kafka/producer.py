"""A producer for sitmon events: idempotent, acks=all, CloudEvents values, event-time timestamps.

acks=all with idempotence means a record the broker acknowledged is on every in-sync
replica and a retried send is never written twice (aiokafka's default is acks=1).
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError

from services.errors import SitmonError
from streams.envelope import encode
from streams.events import Event, utc_timestamp_ms
from streams.topics import Topic


class EventProducer:
    def __init__(self, bootstrap: str, *, source: str = "/sitmon") -> None:
        self._producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap,
            acks="all",
            enable_idempotence=True,
            linger_ms=5,
            request_timeout_ms=30000,
        )
        self._source = source
        self._bootstrap = bootstrap
        self._pending: list[asyncio.Future[object]] = []

    async def __aenter__(self) -> EventProducer:
        try:
            await self._producer.start()
        except KafkaError as exc:
            await self._producer.stop()  # release its connections and tasks before giving up
            raise SitmonError(f"cannot reach Kafka at {self._bootstrap}: {exc}") from exc
        return self

    async def __aexit__(self, *_: object) -> None:
        try:
            await self.flush()
        finally:
            await self._producer.stop()

    async def send(self, topic: Topic, key: str, event: Event, *, timestamp: datetime | None = None) -> None:
        """Queue one event; `flush()` waits until every queued event is acknowledged."""
        value = encode(event, subject=key, source=self._source)
        when = timestamp or event.occurred_at
        future = await self._producer.send(
            topic.name, value=value, key=key.encode("utf-8"), timestamp_ms=utc_timestamp_ms(when)
        )
        self._pending.append(future)

    async def flush(self) -> None:
        pending, self._pending = self._pending, []
        if pending:
            await asyncio.gather(*pending)
