"""The EventLog port on Kafka: read a topic from its beginning to its current end, append with acks=all.

Each read replays the topic into a fresh `ReadModel` (no consumer group, no state kept between
requests): right for the one-shot commands (`sitmon subscribe`, `sitmon subscriptions`,
`sitmon tokens`), which read once and exit. The long-running API uses `LiveEventLog`
(live_log.py), whose reads answer from one read model a consumer keeps current; both fold
records with the same `ReadModel`, so a replay and a live view cannot disagree.
"""

from __future__ import annotations

import asyncio
import time
from typing import Protocol

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord

from services.api.read_model import ReadModel, decoded_or_none
from services.api.views import DeliveryPage, SituationViews
from services.errors import SitmonError
from services.kafka.connect import start_client
from streams.access import AnyTokenEvent, ApiToken, AuditRecorded, TokenCreated
from streams.alerting import ResendRequested, Silence, SilenceCreated, SilenceExpired
from streams.any_event import SitmonEvent
from streams.deliveries import DeliveryRecord
from streams.envelope import encode
from streams.events import Event
from streams.subscription_commands import Decision, SubscriptionCommand
from streams.subscriptions import Subscription
from streams.topics import Catalogue


class SubscriptionCommands(Protocol):
    async def submit(self, command: SubscriptionCommand) -> Decision: ...


SOURCE = "/sitmon/api"
METADATA_TIMEOUT_S = 15.0


async def read_topic(bootstrap: str, topic: str) -> list[ConsumerRecord]:
    """Every record of `topic` up to its end offsets at the time of the call."""
    # "earliest" matters: with the topic given here, aiokafka's own initial offset reset would
    # otherwise win over seek_to_beginning and start at the end
    # read_committed: a subscription writer fenced mid-transaction leaves aborted records behind
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
    )
    await start_client(consumer, bootstrap)  # one line and no leaked client when the broker is not there
    try:
        deadline = time.monotonic() + METADATA_TIMEOUT_S
        while not consumer.assignment():
            if time.monotonic() > deadline:
                raise SitmonError(f"topic {topic} does not exist; run `sitmon topics create` first")
            await asyncio.sleep(0.05)
        partitions = list(consumer.assignment())
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        records: list[ConsumerRecord] = []
        remaining = {tp for tp in partitions if ends[tp] > 0}
        while remaining:
            batches = await consumer.getmany(*remaining, timeout_ms=500)
            for tp, batch in batches.items():
                records.extend(r for r in batch if r.offset < ends[tp])
            for tp in list(remaining):
                if await consumer.position(tp) >= ends[tp]:
                    remaining.discard(tp)
        return records
    finally:
        await consumer.stop()


class KafkaEventLog:
    def __init__(self, bootstrap: str, catalogue: Catalogue, writer: SubscriptionCommands | None = None) -> None:
        self.bootstrap = bootstrap
        self.catalogue = catalogue
        self.writer = writer
        self._producer: AIOKafkaProducer | None = None

    async def start(self) -> None:
        producer = AIOKafkaProducer(bootstrap_servers=self.bootstrap, acks="all", enable_idempotence=True)
        try:
            await producer.start()
        except Exception as exc:  # aiokafka raises several types for an unreachable broker
            raise SitmonError(f"cannot reach Kafka at {self.bootstrap}: {exc}") from exc
        self._producer = producer

    async def stop(self) -> None:
        if self._producer is not None:
            await self._producer.stop()
            self._producer = None

    async def _send(self, topic: str, key: str, value: bytes | None) -> None:
        if self._producer is None:
            await self.start()
        assert self._producer is not None
        await self._producer.send_and_wait(topic, key=key.encode(), value=value)

    async def _publish(self, topic: str, key: str, event: Event) -> None:
        await self._send(topic, key, encode(event, subject=key, source=SOURCE))

    async def _folded(self, suffix: str, key: str | None = None) -> ReadModel:
        """A read model of one topic, replayed from its beginning (only the records keyed `key`, when given)."""
        model = ReadModel()
        wanted = key.encode() if key is not None else None
        for record in await read_topic(self.bootstrap, self.catalogue.get(suffix).name):
            if wanted is None or record.key is None or record.key == wanted:
                model.apply(suffix, record.key, record.value)
        return model

    # --- subscriptions ---------------------------------------------------------------------

    async def subscriptions(self) -> dict[str, Subscription]:
        return (await self._folded("subscriptions")).subscriptions

    async def subscription(self, subscription_id: str) -> Subscription | None:
        return (await self.subscriptions()).get(subscription_id)

    async def submit_subscription(self, command: SubscriptionCommand) -> Decision:
        if self.writer is None:
            raise SitmonError("this event log has no subscription writer (no secret keys were given)")
        return await self.writer.submit(command)

    # --- API tokens and the audit trail --------------------------------------------------

    async def api_tokens(self) -> dict[str, ApiToken]:
        return (await self._folded("tokens")).tokens

    async def publish_token_event(self, event: AnyTokenEvent) -> None:
        key = event.token.name if isinstance(event, TokenCreated) else event.name
        await self._publish(self.catalogue.tokens.name, key, event)

    async def record_audit(self, event: AuditRecorded) -> None:
        await self._publish(self.catalogue.audit.name, event.actor, event)

    async def audit_trail(self) -> list[AuditRecorded]:
        return [
            event
            for record in await read_topic(self.bootstrap, self.catalogue.audit.name)
            if isinstance(event := decode_or_none(record), AuditRecorded)
        ]

    # --- the alerts topic ------------------------------------------------------------------

    async def silences(self) -> dict[str, Silence]:
        return (await self._folded("alerts")).silences

    async def publish_alert_event(self, key: str, event: SilenceCreated | SilenceExpired | ResendRequested) -> None:
        await self._publish(self.catalogue.alerts.name, key, event)

    # --- read-only views ---------------------------------------------------------------------

    async def situation_view(self, region: str | None = None) -> SituationViews:
        return (await self._folded("situation")).situation

    async def delivery_page(self, subscription_id: str, limit: int, before: str | None = None) -> DeliveryPage:
        return (await self._folded("deliveries", subscription_id)).deliveries.page(subscription_id, limit, before)

    async def delivery(self, subscription_id: str, message_id: str) -> DeliveryRecord | None:
        return (await self._folded("deliveries", subscription_id)).deliveries.get(subscription_id, message_id)


def decode_or_none(record: ConsumerRecord) -> SitmonEvent | None:
    return decoded_or_none(record.value)
