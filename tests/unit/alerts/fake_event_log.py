"""An in-memory EventLog for API unit tests: the same folds as Kafka, no broker."""

from __future__ import annotations

from datetime import UTC, datetime

from streams import subscriptions as subs
from streams.access import AnyTokenEvent, ApiToken, AuditRecorded, apply_token
from streams.alerting import ResendRequested, Silence, SilenceCreated, SilenceExpired, apply_silence
from streams.deliveries import DeliveryLog, DeliveryRecord
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
        self.delivery_log = DeliveryLog()
        self.token_events: list[AnyTokenEvent] = []
        self.audit: list[AuditRecorded] = []

    async def subscriptions(self) -> dict[str, subs.Subscription]:
        folded: dict[str, subs.Subscription] = {}
        for event in self.subscription_events:
            folded = subs.apply(folded, event)
        return folded

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

    async def situations(self) -> dict[str, SituationChanged]:
        return dict(self.latest)

    async def deliveries(self, subscription_id: str, limit: int | None = None) -> list[DeliveryRecord]:
        newest = sorted(self.delivery_log.records(subscription_id), key=lambda r: r.requested_at, reverse=True)
        return newest if limit is None else newest[:limit]
