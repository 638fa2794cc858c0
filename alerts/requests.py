"""Requests the alerting service carries out for others: resends asked through the API, and
disabling an endpoint delivery gave up on. Both arrive as events (or delivery's callback).

A disable is a command to the subscriptions topic's single writer, naming the version this
service last saw: if the subscriber changed the subscription meanwhile (rotated its secret,
paused it), the writer rejects the disable as stale instead of writing back an old copy."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import structlog

from alerts.engine import AlertEngine
from alerts.errors import AlertsError
from alerts.ports import Dispatcher, SubmitCommand
from streams.alerting import ResendRequested
from streams.subscription_commands import Applied, SubscriptionCommand

log = structlog.get_logger("sitmon.alerts")

DISABLE_REASONS = {
    "endpoint_gone": "the endpoint answered 410 Gone",
    "endpoint_failing": "every delivery failed for five days",
}

ACTOR = "alerts"


class OperatorRequests:
    def __init__(
        self,
        engine: AlertEngine,
        dispatcher: Dispatcher,
        submit: SubmitCommand,
        clock: Callable[[], datetime],
    ) -> None:
        self.engine = engine
        self.dispatcher = dispatcher
        self.submit = submit
        self.clock = clock

    async def resend(self, request: ResendRequested) -> None:
        sub = self.engine.subscriptions.get(request.subscription_id)
        if sub is None:
            log.warning("alerts.resend_refused", subscription_id=request.subscription_id, reason="no_subscription")
            return
        try:
            series = await self.dispatcher.resend(sub, request.message_id, request.event_id)
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
        command = SubscriptionCommand(
            action="disable",
            subscription_id=subscription_id,
            actor=ACTOR,
            expected_version=sub.version,
            reason=DISABLE_REASONS.get(reason, reason),
        )
        decision = await self.submit(command)
        if not isinstance(decision, Applied):
            log.warning("subscription.disable_refused", subscription_id=subscription_id, reason=decision.reason)
            return False
        self.engine.apply(decision.event)
        log.warning("subscription.disabled", subscription_id=subscription_id, reason=reason)
        return True
