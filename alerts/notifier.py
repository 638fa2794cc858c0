"""Plan notifications: for every subscription and alert, run the notify pipeline's stages.

dedup (is it news for this subscriber?) → route (does the subscriber want it?) → silence
(is it muted?) → group timing (group_wait / group_interval). Dedup goes first because it is
the cheapest and answers "no" for most alerts on most passes, and so that "silenced" and
"filtered" count only notifications that would otherwise have gone out. Each stage names its reason; the reasons are
returned so the service counts them — once per (subscription, alert transition, reason),
not once per tick. Nothing is sent here: the service submits the messages, then records
the AlertNotified events, which fold back into the engine.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from alerts.engine import AlertEngine
from alerts.lifecycle.state import AlertState
from alerts.pipeline.dedup import Decision, dedup
from alerts.pipeline.grouping import GroupClock, GroupTiming, flush_due
from alerts.pipeline.payload import outbound
from alerts.pipeline.route import labels, route
from alerts.silences import silenced_by
from streams.alerting import AlertNotified
from streams.deliveries import OutboundMessage
from streams.events import stable_id
from streams.subscriptions import Level, Subscription


@dataclass(frozen=True)
class Notification:
    subscription: Subscription
    message: OutboundMessage | None  # None: recorded as handled without sending
    record: AlertNotified


@dataclass(frozen=True)
class StageOutcome:
    """One pipeline verdict for one subscription and alert transition (labels the metric)."""

    subscription_id: str
    alert_id: str
    seq: int
    outcome: str  # sent | recorded | filtered | silenced | deduplicated | deferred
    reason: str


@dataclass
class Plan:
    notifications: list[Notification] = field(default_factory=list)
    outcomes: list[StageOutcome] = field(default_factory=list)
    deferred_groups: set[str] = field(default_factory=set)  # waiting out group_wait / group_interval


def plan_notifications(
    engine: AlertEngine,
    now: datetime,
    timing: GroupTiming,
    critical_levels: tuple[Level, ...],
    only_groups: set[str] | None = None,
) -> Plan:
    """Plan for every group, or only `only_groups` (those with news since the last plan)."""
    plan = Plan()
    alerts = [a for a in engine.alerts.values() if only_groups is None or a.group_key in only_groups]
    for subscription in engine.subscriptions.values():
        groups: dict[str, list[tuple[AlertState, Decision]]] = defaultdict(list)
        for alert in alerts:
            decision = _decide(engine, subscription, alert, now, timing, plan)
            if decision is not None:
                groups[alert.group_key].append((alert, decision))
        for group_key, candidates in groups.items():
            _flush_group(engine, subscription, group_key, candidates, now, timing, critical_levels, plan)
    return plan


def _decide(
    engine: AlertEngine,
    subscription: Subscription,
    alert: AlertState,
    now: datetime,
    timing: GroupTiming,
    plan: Plan,
) -> Decision | None:
    def note(outcome: str, reason: str) -> None:
        plan.outcomes.append(StageOutcome(subscription.subscription_id, alert.alert_id, alert.seq, outcome, reason))

    previous = engine.notified.get((subscription.subscription_id, alert.alert_id))
    decision = dedup(
        previous,
        alert,
        send_resolved=subscription.send_resolved,
        now=now,
        repeat_interval=timing.repeat,
        unseen=alert.alert_id in engine.unseen,
    )
    if not decision.record:
        note("deduplicated", decision.reason)
        return None
    verdict = route(subscription, alert, engine.rules)
    if not verdict.passed:
        note("filtered", verdict.reason)
        return None
    silence = silenced_by(labels(alert), engine.active_silences(), now)
    if silence is not None:
        note("silenced", "silenced")
        return None
    return decision


def _flush_group(
    engine: AlertEngine,
    subscription: Subscription,
    group_key: str,
    candidates: list[tuple[AlertState, Decision]],
    now: datetime,
    timing: GroupTiming,
    critical_levels: tuple[Level, ...],
    plan: Plan,
) -> None:
    clock_key = (subscription.subscription_id, group_key)
    clock = engine.clocks.get(clock_key, GroupClock())
    if clock.first_pending_at is None:
        # group_wait counts from the transition that gave the group something to say,
        # not from when planning first looked at it
        started = min(alert.changed_at for alert, _ in candidates)
        clock = GroupClock(first_pending_at=min(started, now), last_flush_at=clock.last_flush_at)
        engine.clocks[clock_key] = clock
    critical = any(alert.level in critical_levels for alert, _ in candidates)
    escalation = any(alert.level in critical_levels and d.reason == "escalated" for alert, d in candidates)
    due, reason = flush_due(clock, now, timing, critical, escalation)
    for alert, decision in candidates:
        if not due:
            plan.deferred_groups.add(group_key)
            plan.outcomes.append(
                StageOutcome(subscription.subscription_id, alert.alert_id, alert.seq, "deferred", reason)
            )
            continue
        assert decision.status is not None  # a decision to record always names the status
        message = outbound(
            subscription.subscription_id,
            alert,
            decision.status,
            now,
            decision.repeat,
            escalation=decision.reason == "escalated",
        )
        record = AlertNotified(
            event_id=stable_id("notified", message.message_id),
            occurred_at=now,
            subscription_id=subscription.subscription_id,
            group_key=group_key,
            alert_id=alert.alert_id,
            seq=alert.seq,
            status=decision.status,
            message_id=message.message_id,
            reason=decision.reason,
            sent=decision.send,
        )
        plan.notifications.append(Notification(subscription, message if decision.send else None, record))
        outcome = "sent" if decision.send else "recorded"
        plan.outcomes.append(
            StageOutcome(subscription.subscription_id, alert.alert_id, alert.seq, outcome, decision.reason)
        )
