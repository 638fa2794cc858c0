"""Requests the alerting service carries out for others: resends asked through the API, and
disabling an endpoint delivery gave up on. Both arrive as events (or delivery's callback)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

import structlog

from alerts.engine import AlertEngine
from alerts.errors import AlertsError
from alerts.ports import Dispatcher
from streams import subscriptions as subs
from streams.alerting import ResendRequested
from streams.events import Event

log = structlog.get_logger("sitmon.alerts")

DISABLE_REASONS = {
    "endpoint_gone": "the endpoint answered 410 Gone",
    "endpoint_failing": "every delivery failed for five days",
}

Publish = Callable[[str, str, Event], Awaitable[None]]


class OperatorRequests:
    def __init__(
        self,
        engine: AlertEngine,
        dispatcher: Dispatcher,
        publish: Publish,
        subscriptions_topic: str,
        clock: Callable[[], datetime],
    ) -> None:
        self.engine = engine
        self.dispatcher = dispatcher
        self.publish = publish
        self.subscriptions_topic = subscriptions_topic
        self.clock = clock

    async def resend(self, request: ResendRequested) -> None:
        sub = self.engine.subscriptions.get(request.subscription_id)
        if sub is None:
            log.warning("alerts.resend_refused", subscription_id=request.subscription_id, reason="no_subscription")
            return
        try:
            series = await self.dispatcher.resend(sub, request.message_id)
        except AlertsError as exc:
            log.warning("alerts.resend_refused", subscription_id=sub.subscription_id, reason=str(exc))
            return
        log.info("alerts.resent", subscription_id=sub.subscription_id, message_id=request.message_id, series=series)

    async def disable(self, subscription_id: str, reason: str, at: datetime | None = None) -> bool:
        """Disable an endpoint delivery gave up on — unless the subscriber changed the subscription
        after the request (a resume after fixing it). Returns whether it was disabled."""
        when = at or self.clock()
        sub = self.engine.subscriptions.get(subscription_id)
        if sub is None or sub.state != "active" or when <= sub.updated_at:
            return False
        event = subs.disable(sub, when, DISABLE_REASONS.get(reason, reason))
        await self.publish(self.subscriptions_topic, sub.subscription_id, event)
        self.engine.apply(event)
        log.warning("subscription.disabled", subscription_id=sub.subscription_id, reason=reason)
        return True
