"""The EventLog port on Kafka: read a topic from its beginning to its current end (`read_all`), append with acks=all.

Each read replays the topic into a fresh `ReadModel` (no consumer group, no state kept between
requests): right for the one-shot commands (`sitmon subscribe`, `sitmon subscriptions`,
`sitmon tokens`), which read once and exit. The long-running API uses `LiveEventLog`
(live_log.py), whose reads answer from one read model a consumer keeps current; both fold
records with the same `ReadModel`, so a replay and a live view cannot disagree.
"""

from __future__ import annotations

from typing import Protocol

from aiokafka import AIOKafkaProducer, ConsumerRecord

from services.api.read_model import ReadModel, decoded_or_none
from services.api.views import DeliveryPage, SituationViews
from services.errors import SitmonError
from services.kafka.topic_read import read_all
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
        for record in await read_all(self.bootstrap, self.catalogue.get(suffix).name):
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
            for record in await read_all(self.bootstrap, self.catalogue.audit.name)
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
