"""Alert events: what the alerting service decided, kept on the alerts topic.

The alerts topic is the service's memory. Transitions (pending → firing → resolved),
notification decisions and silences are events, so `sitmon alerts` rebuilds everything it
needs after a restart by folding this topic — no database. Records are keyed by the alert
group key (the region) or, for silences, by `silence:<id>`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, Field, model_validator

from streams.events import Event, Frozen
from streams.situation import CeasefirePhase, Window
from streams.subscriptions import AlertKind, Level

AlertStatus = Literal["pending", "firing", "resolved"]
NotifiedStatus = Literal["firing", "resolved"]


class AlertValues(Frozen):
    """The numbers and sentences behind an alert at the moment of a transition.

    A resolved transition carries the values at resolution time, not the stale ones it
    fired with (the Alertmanager complaint #1485).
    """

    low: int | None = Field(default=None, ge=0)
    best: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    threshold: int | None = Field(default=None, ge=0, description="the rule threshold that was crossed")
    window: Window | None = None
    children_best: int | None = Field(default=None, ge=0)
    best_24h: int | None = Field(default=None, ge=0, description="killed, best, last 24 h (for per-subscriber tiers)")
    best_7d: int | None = Field(default=None, ge=0, description="killed, best, last 7 days")
    baseline_daily_mean: float | None = Field(default=None, ge=0, description="trailing 14-day mean (spike rule)")
    sources: int = Field(default=0, ge=0, description="independent outlets behind the figure")
    source_names: tuple[str, ...] = ()
    evidence: tuple[str, ...] = Field(default=(), description="the sentences the figures were read from")
    provisional: bool = Field(default=False, description="the level rests on a single source")
    ceasefire_status: CeasefirePhase | None = None
    parties: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    situation_sequence: int = Field(default=0, ge=0)
    as_of: AwareDatetime | None = None


class AlertTransitioned(Event):
    """An alert changed status or level. `seq` counts the alert's transitions from 1."""

    type: Literal["alert.transitioned"] = "alert.transitioned"
    alert_id: str
    group_key: str
    kind: AlertKind
    region: str
    rule: str
    level: Level
    status: AlertStatus
    previous_status: AlertStatus | None = None
    seq: int = Field(ge=1)
    reason: str
    active_since: AwareDatetime | None = None
    values: AlertValues
    previous_level: Level | None = Field(default=None, description="a firing alert's level before this change")
    previous_best: int | None = Field(default=None, ge=0, description="its best figure at the transition before")
    caught_up: bool = Field(
        default=False,
        description="evaluated at start-up from snapshots that arrived while the alerting service was down, "
        "or a resolution read in one batch with its alert's firing while the service was behind its topic",
    )


class AlertNotified(Event):
    """The notify stage handled one alert transition for one subscription.

    `sent` is False when the decision was to record without sending (a resolution the
    subscriber did not ask for); either way the transition is not considered again.
    """

    type: Literal["alert.notified"] = "alert.notified"
    subscription_id: str
    group_key: str
    alert_id: str
    seq: int = Field(ge=1)
    status: NotifiedStatus
    message_id: str
    reason: str
    sent: bool = True


MatchOperator = Literal["=", "!=", "=~", "!~"]
SILENCE_LABELS = ("kind", "region", "level", "rule")


class SilenceMatcher(Frozen):
    """One label matcher, as in Alertmanager: `region=nagorno-karabakh`, `level=~orange|red`."""

    name: Literal["kind", "region", "level", "rule"]
    value: str = Field(min_length=1)
    op: MatchOperator = "="

    @model_validator(mode="after")
    def _regex_compiles(self) -> SilenceMatcher:
        if self.op in ("=~", "!~"):
            try:
                re.compile(self.value)
            except re.error as exc:
                raise ValueError(f"matcher {self.name}{self.op}{self.value!r}: invalid regex ({exc})") from exc
        return self


class SilenceCreated(Event):
    type: Literal["silence.created"] = "silence.created"
    silence_id: str = Field(min_length=1)
    matchers: tuple[SilenceMatcher, ...] = Field(min_length=1)
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    created_by: str = Field(min_length=1)
    comment: str = Field(min_length=1)

    @model_validator(mode="after")
    def _ends_after_start(self) -> SilenceCreated:
        if self.ends_at <= self.starts_at:
            raise ValueError(f"ends_at {self.ends_at.isoformat()} must be after starts_at {self.starts_at.isoformat()}")
        return self


class SilenceExpired(Event):
    """A silence ended early (an operator expired it)."""

    type: Literal["silence.expired"] = "silence.expired"
    silence_id: str = Field(min_length=1)
    expired_by: str = "unknown"


class ResendRequested(Event):
    """Someone asked (through the API) to deliver a sent message to its subscription again.

    The running alerts service performs it: a new delivery series, same `webhook-id`.
    """

    type: Literal["alert.resend_requested"] = "alert.resend_requested"
    subscription_id: str = Field(min_length=1)
    message_id: str = Field(min_length=1)
    requested_by: str = "api"


def silence_key(silence_id: str) -> str:
    """The record key of silence events on the alerts topic."""
    return f"silence:{silence_id}"


SilenceState = Literal["pending", "active", "expired"]


@dataclass(frozen=True)
class Silence:
    """A silence's state: pending before starts_at, active until ends_at (or expired early), then expired."""

    created: SilenceCreated
    expired_at: datetime | None = None

    @property
    def silence_id(self) -> str:
        return self.created.silence_id

    def ends_at(self) -> datetime:
        if self.expired_at is not None and self.expired_at < self.created.ends_at:
            return self.expired_at
        return self.created.ends_at

    def state(self, now: datetime) -> SilenceState:
        if now >= self.ends_at():
            return "expired"
        if now < self.created.starts_at:
            return "pending"
        return "active"


def apply_silence(state: Mapping[str, Silence], event: SilenceCreated | SilenceExpired) -> dict[str, Silence]:
    folded = dict(state)
    if isinstance(event, SilenceCreated):
        previous = folded.get(event.silence_id)
        folded[event.silence_id] = Silence(event, previous.expired_at if previous else None)
    elif (existing := folded.get(event.silence_id)) is not None:
        folded[event.silence_id] = Silence(existing.created, event.occurred_at)
    return folded


def resend_key(subscription_id: str) -> str:
    return f"resend:{subscription_id}"


AnyAlertEvent = AlertTransitioned | AlertNotified | SilenceCreated | SilenceExpired | ResendRequested
