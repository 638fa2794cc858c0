"""An in-memory EventLog for API unit tests: the same folds as Kafka, no broker."""

from __future__ import annotations

from datetime import UTC, datetime

from services.api.views import DeliveryIndex, DeliveryPage, SituationViews
from streams import subscriptions as subs
from streams.access import AnyTokenEvent, ApiToken, AuditRecorded, apply_token
from streams.alerting import ResendRequested, Silence, SilenceCreated, SilenceExpired, apply_silence
from streams.deliveries import DeliveryRecord
from streams.events import Event
from streams.situation import SituationChanged
from streams.subscription_commands import Applied, Decision, SubscriptionCommand, audit_of, decide

NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


class MemoryEventLog:
    def __init__(self, now: datetime = NOW) -> None:
        self.now = now
        self.subscription_events: list[subs.AnySubscriptionEvent] = []
        self.alert_events: list[tuple[str, Event]] = []
        self.latest: dict[str, SituationChanged] = {}
        self.delivery_log = DeliveryIndex()
        self.token_events: list[AnyTokenEvent] = []
        self.audit: list[AuditRecorded] = []

    async def subscriptions(self) -> dict[str, subs.Subscription]:
        folded: dict[str, subs.Subscription] = {}
        for event in self.subscription_events:
            folded = subs.apply(folded, event)
        return folded

    async def subscription(self, subscription_id: str) -> subs.Subscription | None:
        return (await self.subscriptions()).get(subscription_id)

    async def publish_subscription(self, event: subs.AnySubscriptionEvent) -> None:
        self.subscription_events.append(event)

    async def submit_subscription(self, command: SubscriptionCommand) -> Decision:
        """The writer's decision without Kafka (and without sealing: nothing here is at rest)."""
        current = (await self.subscriptions()).get(command.subscription_id)
        decision = decide(current, command, self.now)
        if isinstance(decision, Applied):
            self.subscription_events.append(decision.event)
        self.audit.append(audit_of(command, decision, self.now))
        return decision

    async def silences(self) -> dict[str, Silence]:
        folded: dict[str, Silence] = {}
        for _, event in self.alert_events:
            if isinstance(event, SilenceCreated | SilenceExpired):
                folded = apply_silence(folded, event)
        return folded

    async def publish_alert_event(self, key: str, event: SilenceCreated | SilenceExpired | ResendRequested) -> None:
        self.alert_events.append((key, event))

    async def api_tokens(self) -> dict[str, ApiToken]:
        folded: dict[str, ApiToken] = {}
        for event in self.token_events:
            folded = apply_token(folded, event)
        return folded

    async def record_audit(self, event: AuditRecorded) -> None:
        self.audit.append(event)

    async def situation_view(self, region: str | None = None) -> SituationViews:
        view = SituationViews()
        for picture in self.latest.values():
            view.apply(picture)
        return view

    async def delivery_page(self, subscription_id: str, limit: int, before: str | None = None) -> DeliveryPage:
        return self.delivery_log.page(subscription_id, limit, before)

    async def delivery(self, subscription_id: str, message_id: str) -> DeliveryRecord | None:
        return self.delivery_log.get(subscription_id, message_id)
