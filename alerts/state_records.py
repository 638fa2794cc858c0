"""The records that change the alerting service's state, at start-up (replayed) and live (tailed).

From the subscriptions topic: subscription events, their signing secrets opened, and tombstones.
From the alerts topic: silences, and — only when replaying — the service's own transitions and
notifications, which rebuild the engine. Requests for the service (a resend asked through the
API, a disable of an endpoint delivery gave up on) are carried out live; met during the replay
they wait: disables until every subscription has its final state (partitions interleave),
resends until delivery has recovered (one already answered is skipped there).
"""

from __future__ import annotations

from datetime import datetime

import structlog
from aiokafka import ConsumerRecord

from alerts.engine import AlertEngine
from alerts.kafka_io import origin
from alerts.ports import Dispatcher
from alerts.requests import OperatorRequests
from alerts.secrets import SecretOpener
from streams import subscriptions as subs
from streams.alerting import AlertNotified, AlertTransitioned, ResendRequested, SilenceCreated, SilenceExpired
from streams.deliveries import SubscriptionDisableRequested
from streams.envelope import decode
from streams.errors import UndecodableRecord
from streams.topics import Catalogue

log = structlog.get_logger("sitmon.alerts")


class StateRecords:
    def __init__(
        self,
        catalogue: Catalogue,
        engine: AlertEngine,
        dispatcher: Dispatcher,
        secrets: SecretOpener,
        requests: OperatorRequests,
    ) -> None:
        self.catalogue = catalogue
        self.engine = engine
        self.dispatcher = dispatcher
        self.secrets = secrets
        self.requests = requests
        self.changed = False  # a subscription or silence changed: every group needs planning again
        self._deferred_disables: list[SubscriptionDisableRequested] = []
        self._deferred_resends: list[ResendRequested] = []

    async def apply(self, record: ConsumerRecord, *, live: bool) -> None:
        if record.topic == self.catalogue.subscriptions.name and record.value is None:
            if record.key is not None:
                self.secrets.forget(record.key.decode("utf-8", errors="replace"))
                self.engine.forget_subscription(record.key.decode("utf-8", errors="replace"))
                self.changed = True
            return
        try:
            event = decode(record.value)
        except UndecodableRecord as exc:
            if record.topic != self.catalogue.deliveries.name:
                log.warning("alerts.undecodable_state_record", origin=origin(record), reason=str(exc))
            return
        if isinstance(event, ResendRequested):
            if live:
                await self.requests.resend(event)
            else:
                self._deferred_resends.append(event)
        elif isinstance(event, SubscriptionDisableRequested):
            if live:
                await self.disable(event.subscription_id, event.reason, event.occurred_at)
            else:
                self._deferred_disables.append(event)
        elif isinstance(event, subs.SubscriptionEvent):
            opened = self.secrets.open(event, live=live)
            if opened is not None:
                self.engine.apply(opened)
                self.changed = True
                if live:
                    await self._release_if_active(opened.subscription.subscription_id)
        elif isinstance(event, SilenceCreated | SilenceExpired) or (
            not live and isinstance(event, AlertTransitioned | AlertNotified)
        ):
            self.engine.apply(event)
            self.changed = True

    async def disables_after_replay(self) -> None:
        """The disables met during the replay, against the final subscription states."""
        for request in sorted(self._deferred_disables, key=lambda r: r.occurred_at):
            await self.disable(request.subscription_id, request.reason, request.occurred_at)
        self._deferred_disables.clear()

    async def resends_after_recovery(self) -> None:
        """The resends requested while the service was down, once delivery has recovered."""
        for request in self._deferred_resends:
            await self.requests.resend(request)
        self._deferred_resends.clear()

    async def disable(self, subscription_id: str, reason: str, at: datetime | None = None) -> None:
        await self.requests.disable(subscription_id, reason, at)

    async def _release_if_active(self, subscription_id: str) -> None:
        """A resumed subscription gets what delivery held for it while it was paused."""
        subscription = self.engine.subscriptions.get(subscription_id)
        if subscription is not None and subscription.state == "active":
            await self.dispatcher.release(subscription_id)
