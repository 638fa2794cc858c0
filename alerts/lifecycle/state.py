"""One alert's lifecycle: pending → firing → resolved, with `for` and `keep_firing_for`.

`step` is pure: the alert's state, the latest observation and the time in; the new state,
the transition to record (or None) and a named reason out. `for` holds an alert in pending
until its condition has held that long; `keep_firing_for` keeps it firing through short
gaps — together they turn a flapping series into one firing and one resolved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from alerts.rules.observation import Observation
from streams.alerting import AlertStatus, AlertTransitioned, AlertValues
from streams.events import stable_id
from streams.subscriptions import LEVELS, AlertKind, Level


@dataclass(frozen=True)
class LifecycleTiming:
    for_: timedelta = timedelta(0)
    keep_firing_for: timedelta = timedelta(0)
    # a firing alert whose best rises this much (both) since its last transition is news again
    escalation_factor: float = 1.5
    escalation_min_rise: int = 10


@dataclass(frozen=True)
class AlertState:
    alert_id: str
    group_key: str
    kind: AlertKind
    region: str
    rule: str
    level: Level
    status: AlertStatus
    seq: int
    active_since: datetime | None
    last_active_at: datetime | None
    values: AlertValues
    changed_at: datetime
    reason: str = ""  # of the last transition
    previous_level: Level | None = None  # before the last transition, when it was firing already
    previous_best: int | None = None
    transition_best: int | None = None  # the best figure at the last transition: escalation's baseline

    @property
    def signature(self) -> tuple[object, ...]:
        """What makes a firing alert news again: its level, its provisional mark, its ceasefire phase."""
        return signature_of(self.level, self.values)

    @property
    def escalated(self) -> bool:
        """The last transition made a firing alert worse: a higher level, or its best rose enough."""
        if self.status != "firing" or self.previous_level is None:
            return False
        return LEVELS.index(self.level) > LEVELS.index(self.previous_level) or self.reason == ESCALATED


ESCALATED = "best_rose"


def best_rose(before: int | None, now: int | None, timing: LifecycleTiming) -> bool:
    """Escalation of a firing alert's best figure: by the factor AND by the minimum rise (32 → 200 yes,
    2 → 5 no, 1000 → 1012 no)."""
    if before is None or now is None or before <= 0:
        return False
    return now >= before * timing.escalation_factor and now - before >= timing.escalation_min_rise


def signature_of(level: Level | None, values: AlertValues) -> tuple[object, ...]:
    return (level, values.provisional, values.ceasefire_status)


@dataclass(frozen=True)
class Step:
    state: AlertState | None
    transition: AlertTransitioned | None
    reason: str


def from_transition(event: AlertTransitioned) -> AlertState:
    """The state a recorded transition leaves behind (the rebuild after a restart)."""
    return AlertState(
        alert_id=event.alert_id,
        group_key=event.group_key,
        kind=event.kind,
        region=event.region,
        rule=event.rule,
        level=event.level,
        status=event.status,
        seq=event.seq,
        active_since=event.active_since,
        last_active_at=event.occurred_at if event.status != "resolved" else None,
        values=event.values,
        changed_at=event.occurred_at,
        reason=event.reason,
        previous_level=event.previous_level,
        previous_best=event.previous_best,
        transition_best=event.values.best,
    )


def _transition(
    previous: AlertState | None,
    observation: Observation,
    status: AlertStatus,
    reason: str,
    now: datetime,
    active_since: datetime | None,
    level: Level,
    rule: str,
) -> Step:
    seq = (previous.seq if previous else 0) + 1
    event = AlertTransitioned(
        event_id=stable_id("alert", observation.alert_id, str(seq)),
        occurred_at=now,
        alert_id=observation.alert_id,
        group_key=observation.group_key,
        kind=observation.kind,
        region=observation.region,
        rule=rule,
        level=level,
        status=status,
        previous_status=previous.status if previous else None,
        seq=seq,
        reason=reason,
        active_since=active_since,
        values=observation.values,
        previous_level=previous.level if previous and previous.status == "firing" and status == "firing" else None,
        previous_best=previous.transition_best
        if previous and previous.status == "firing" and status == "firing"
        else None,
    )
    return Step(from_transition(event) if status == "resolved" else _live(event, now), event, reason)


def _live(event: AlertTransitioned, now: datetime) -> AlertState:
    return replace(from_transition(event), last_active_at=now)


def step(state: AlertState | None, observation: Observation, now: datetime, timing: LifecycleTiming) -> Step:
    dormant = state is None or state.status == "resolved"
    if observation.active:
        level, rule = observation.level, observation.rule
        assert level is not None  # active means a level was reached
        if dormant:
            if timing.for_ <= timedelta(0):
                return _transition(state, observation, "firing", "condition_met", now, now, level, rule)
            return _transition(state, observation, "pending", "condition_met_waiting_for", now, now, level, rule)
        assert state is not None
        if state.status == "pending":
            since = state.active_since or now
            if now - since >= timing.for_:
                return _transition(state, observation, "firing", "for_elapsed", now, since, level, rule)
            return Step(replace(state, last_active_at=now, values=observation.values), None, "pending_for")
        rose = best_rose(state.transition_best, observation.values.best, timing)
        if level != state.level:
            return _transition(state, observation, "firing", "level_changed", now, state.active_since, level, rule)
        if rose or signature_of(level, observation.values) != state.signature:
            # a risen best is the news even when the change also confirms a provisional figure
            reason = ESCALATED if rose else "details_changed"
            return _transition(state, observation, "firing", reason, now, state.active_since, level, rule)
        return Step(replace(state, last_active_at=now, values=observation.values), None, "still_firing")
    # the condition does not hold
    if dormant:
        return Step(state, None, "inactive")
    assert state is not None
    if state.status == "pending":
        return _transition(state, observation, "resolved", "pending_cleared", now, None, state.level, state.rule)
    last_active = state.last_active_at or state.changed_at
    if now - last_active < timing.keep_firing_for:
        return Step(replace(state, values=observation.values), None, "keep_firing_for")
    return _transition(state, observation, "resolved", "condition_cleared", now, None, state.level, state.rule)
