"""Webhook delivery: the messages alerting hands to delivery, and the delivery log's events.

Every step of a delivery is an event on the deliveries topic (key = subscription id, so one
subscription's events stay ordered on one partition): requested → attempted (each attempt,
response truncated) → finished (delivered, dead-lettered or abandoned). Folding that topic
tells which messages were requested but never finished — what a restarted dispatcher must
still deliver, with the same `webhook-id`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import AwareDatetime, Field

from streams.events import Event, Frozen, stable_id

RESPONSE_EXCERPT_LIMIT = 1000

EventType = Literal["alert.fired", "alert.updated", "alert.resolved"]
AttemptOutcome = Literal["delivered", "retrying", "failed"]
FinishOutcome = Literal["delivered", "dead_lettered", "abandoned"]
DeliveryStatus = Literal["pending", "delivered", "dead_lettered", "abandoned"]


class OutboundMessage(Frozen):
    """One webhook to send to one subscription. `message_id` is the `webhook-id`: derived by
    alerting from the alert transition, so it is the same across attempts, restarts and resends."""

    message_id: str = Field(min_length=1, max_length=200)
    subscription_id: str = Field(min_length=1, max_length=200)
    event_type: EventType
    data: dict[str, Any]
    created_at: AwareDatetime


class DeliveryRequested(Event):
    """Alerting asked for `message` to be delivered; series 0 is the first delivery, n the n-th resend."""

    type: Literal["delivery.requested"] = "delivery.requested"
    message: OutboundMessage
    series: int = Field(default=0, ge=0)
    # the event id of the resend request this series carries out: a request replayed after a
    # restart is carried out only if no series answers it yet
    answers: str | None = None


class DeliveryAttempted(Event):
    """One HTTP attempt and what came of it (`retrying`: another attempt is scheduled)."""

    type: Literal["delivery.attempted"] = "delivery.attempted"
    message_id: str
    subscription_id: str
    series: int = Field(default=0, ge=0)
    attempt: int = Field(ge=1)
    status_code: int | None = None
    outcome: AttemptOutcome
    reason: str = Field(description="a named reason: ok, server_error, timeout, rate_limited, redirect, …")
    duration_s: float = Field(ge=0)
    response_excerpt: str = Field(default="", max_length=RESPONSE_EXCERPT_LIMIT + 1)
    next_attempt_at: AwareDatetime | None = None


class DeliveryFinished(Event):
    """The end of a delivery series: delivered, dead-lettered (gave up) or abandoned (not attempted)."""

    type: Literal["delivery.finished"] = "delivery.finished"
    message_id: str
    subscription_id: str
    series: int = Field(default=0, ge=0)
    outcome: FinishOutcome
    reason: str
    attempts: int = Field(ge=0)


class SubscriptionDisableRequested(Event):
    """Delivery found the endpoint gone (HTTP 410) or failing for too long; alerting disables it."""

    type: Literal["delivery.subscription_disable_requested"] = "delivery.subscription_disable_requested"
    subscription_id: str
    reason: Literal["endpoint_gone", "endpoint_failing"]
    detail: str = ""
    failing_since: AwareDatetime | None = None


class DeliveryResendRequested(Event):
    """Someone (the API, on a subscriber's request) asks the alerts service to send a message again;
    the service answers it with a new DeliveryRequested series (same webhook-id)."""

    type: Literal["delivery.resend_requested"] = "delivery.resend_requested"
    subscription_id: str
    message_id: str
    requested_by: str = ""


DeliveryEvent = (
    DeliveryRequested | DeliveryAttempted | DeliveryFinished | SubscriptionDisableRequested | DeliveryResendRequested
)


def requested_event_id(subscription_id: str, message_id: str, series: int) -> str:
    return stable_id("delivery.requested", subscription_id, message_id, str(series))


def attempted_event_id(subscription_id: str, message_id: str, series: int, attempt: int) -> str:
    return stable_id("delivery.attempted", subscription_id, message_id, str(series), str(attempt))


def finished_event_id(subscription_id: str, message_id: str, series: int) -> str:
    return stable_id("delivery.finished", subscription_id, message_id, str(series))


# --- the fold ----------------------------------------------------------------------------


class DeliveryRecord(Frozen):
    """Where one message's delivery to one subscription stands."""

    message: OutboundMessage
    series: int = 0
    status: DeliveryStatus = "pending"
    attempts: int = 0
    last_status_code: int | None = None
    last_reason: str | None = None
    next_attempt_at: AwareDatetime | None = None
    requested_at: AwareDatetime
    finished_at: AwareDatetime | None = None


def apply_delivery(record: DeliveryRecord | None, event: DeliveryEvent) -> DeliveryRecord | None:
    """Pure fold of one message's events. Duplicates (at-least-once) and stale series change nothing."""
    if isinstance(event, DeliveryRequested):
        if record is not None and event.series <= record.series:
            return record
        return DeliveryRecord(message=event.message, series=event.series, requested_at=event.occurred_at)
    if (
        record is None
        or isinstance(event, SubscriptionDisableRequested | DeliveryResendRequested)
        or event.series != record.series
    ):
        return record
    if isinstance(event, DeliveryAttempted):
        if record.status != "pending" or event.attempt < record.attempts:
            return record
        return record.model_copy(
            update={
                "attempts": event.attempt,
                "last_status_code": event.status_code,
                "last_reason": event.reason,
                "next_attempt_at": event.next_attempt_at,
            }
        )
    if record.status != "pending":
        return record
    return record.model_copy(
        update={
            "status": event.outcome,
            "last_reason": event.reason,
            "next_attempt_at": None,
            "finished_at": event.occurred_at,
        }
    )


class EndpointHealth(Frozen):
    """Since when a subscription's endpoint has failed every attempt (None: its last attempt worked)."""

    failing_since: AwareDatetime | None = None
    consecutive_failures: int = 0


def apply_health(health: EndpointHealth, event: DeliveryEvent) -> EndpointHealth:
    if not isinstance(event, DeliveryAttempted):
        return health
    if event.outcome == "delivered":
        return EndpointHealth()
    return EndpointHealth(
        failing_since=health.failing_since or event.occurred_at,
        consecutive_failures=health.consecutive_failures + 1,
    )


class DeliveryLog:
    """The fold of a deliveries topic, indexed for look-up; holds no I/O, only the pure folds above."""

    def __init__(self) -> None:
        self._records: dict[tuple[str, str], DeliveryRecord] = {}
        self._health: dict[str, EndpointHealth] = {}
        self.answered: set[str] = set()  # resend requests carried out (DeliveryRequested.answers)

    def apply(self, event: DeliveryEvent) -> None:
        if isinstance(event, SubscriptionDisableRequested | DeliveryResendRequested):
            return
        if isinstance(event, DeliveryRequested) and event.answers is not None:
            self.answered.add(event.answers)
        message_id = event.message.message_id if isinstance(event, DeliveryRequested) else event.message_id
        subscription_id = (
            event.message.subscription_id if isinstance(event, DeliveryRequested) else event.subscription_id
        )
        key = (subscription_id, message_id)
        updated = apply_delivery(self._records.get(key), event)
        if updated is not None:
            self._records[key] = updated
        self._health[subscription_id] = apply_health(self._health.get(subscription_id, EndpointHealth()), event)

    def get(self, subscription_id: str, message_id: str) -> DeliveryRecord | None:
        return self._records.get((subscription_id, message_id))

    def health(self, subscription_id: str) -> EndpointHealth:
        return self._health.get(subscription_id, EndpointHealth())

    def unfinished(self) -> list[DeliveryRecord]:
        """Requested but not finished, oldest request first: what recovery must deliver."""
        pending = [record for record in self._records.values() if record.status == "pending"]
        return sorted(pending, key=lambda record: _sort_key(record.requested_at))

    def records(self, subscription_id: str | None = None) -> list[DeliveryRecord]:
        return [
            record for (sub, _), record in self._records.items() if subscription_id is None or sub == subscription_id
        ]


def _sort_key(moment: datetime) -> float:
    return moment.timestamp()
