"""A rebuilt engine is the engine it replaces: same alerts, same latest observations, nothing to send.

Issue 11: the rebuild kept each alert's *first* transition as its observation, so the first
tick after every restart re-fired alerts with their oldest values under new webhook ids.
"""

from __future__ import annotations

from datetime import timedelta

from alerts.engine import AlertEngine
from alerts.lifecycle.state import LifecycleTiming
from alerts.notifier import plan_notifications
from alerts.pipeline.grouping import GroupTiming
from alerts.rules.load import load_rules
from streams import subscriptions as subs
from streams.alerting import AlertNotified, AlertTransitioned
from streams.situation import SituationChanged
from tests.unit.alerts.situations import T0, situation, tally

RULES = load_rules()
TIMING = GroupTiming(wait=timedelta(0), interval=timedelta(minutes=5), repeat=timedelta(hours=4))
KEEP_FIRING = LifecycleTiming(keep_firing_for=timedelta(minutes=30))


def engine_with_subscriber() -> AlertEngine:
    engine = AlertEngine(rules=RULES, lifecycle=KEEP_FIRING)
    engine.apply(subs.create(url="https://hooks.example.org/a", now=T0, subscription_id="sub_a"))
    return engine


def run_live(snapshots: list[SituationChanged]) -> tuple[AlertEngine, list[AlertTransitioned | AlertNotified]]:
    """The running service: evaluate each snapshot a minute apart, record transitions and notifications."""
    live = engine_with_subscriber()
    recorded: list[AlertTransitioned | AlertNotified] = []
    for minute, snapshot in enumerate(snapshots):
        now = T0 + timedelta(minutes=minute)
        recorded += [s.transition for s in live.evaluate(snapshot, now) if s.transition]
        recorded += [s.transition for s in live.tick(now) if s.transition]
        for notification in plan_notifications(live, now, TIMING, ("red",)).notifications:
            live.apply(notification.record)
            recorded.append(notification.record)
    return live, recorded


def rebuild(
    recorded: list[AlertTransitioned | AlertNotified], snapshots: list[SituationChanged], now: object
) -> AlertEngine:
    rebuilt = engine_with_subscriber()
    for event in recorded:
        rebuilt.apply(event)
    for snapshot in snapshots:
        rebuilt.restore(snapshot, now)  # type: ignore[arg-type]
    return rebuilt


SNAPSHOTS = [
    situation(tally(32, sources=1), sequence=1),  # orange, provisional
    situation(tally(32, sources=2), sequence=2),  # confirmed by a second source: a transition
    situation(tally(33, sources=2), sequence=3),  # new values, same signature: no transition
    situation(tally(34, sources=3), sequence=4),
]


def test_the_rebuilt_engine_has_the_latest_values_and_a_tick_changes_nothing() -> None:
    live, recorded = run_live(SNAPSHOTS)
    restart = T0 + timedelta(minutes=10)
    rebuilt = rebuild(recorded, SNAPSHOTS, restart)
    [alert_id] = [a for a in live.alerts if live.alerts[a].kind == "casualties"]
    assert rebuilt.alerts[alert_id].seq == live.alerts[alert_id].seq == 2
    assert rebuilt.alerts[alert_id].values == live.alerts[alert_id].values
    assert rebuilt.alerts[alert_id].values.best == 34
    assert rebuilt.observations[alert_id] == live.observations[alert_id]
    assert [s.transition for s in rebuilt.tick(restart) if s.transition] == []
    assert [s.transition for s in live.tick(restart) if s.transition] == []
    # what is owed (the confirmation, held by group_interval) is owed alike, with the same id and body
    owed = [plan_notifications(e, restart, TIMING, ("red",)).notifications for e in (live, rebuilt)]
    assert [(n.record.message_id, n.message) for n in owed[0]] == [(n.record.message_id, n.message) for n in owed[1]]
    assert [n.message.data["best"] for n in owed[1] if n.message] == [34]


def test_without_the_situation_replay_the_latest_transition_still_stands() -> None:
    _live, recorded = run_live(SNAPSHOTS[:2])
    rebuilt = rebuild(recorded, [], T0 + timedelta(minutes=10))
    # the first transition was provisional; re-stepping with it would announce a change back
    assert [s.transition for s in rebuilt.tick(T0 + timedelta(minutes=10)) if s.transition] == []


def test_a_change_during_the_downtime_is_one_transition_with_the_id_a_repeat_would_carry() -> None:
    _live, recorded = run_live(SNAPSHOTS)
    restart = T0 + timedelta(minutes=10)
    downtime = [situation(tally(120, sources=3), sequence=5), situation(tally(130, sources=3), sequence=6)]
    # the situation topic holds the downtime's snapshots too; the group re-reads them after the restart
    ids = []
    for _attempt in range(2):  # the second attempt is a crash after notifying, before committing
        rebuilt = rebuild(recorded, SNAPSHOTS + downtime, restart)
        steps = [s for snapshot in downtime for s in rebuilt.evaluate(snapshot, restart) if s.transition]
        assert [(s.transition.level, s.transition.seq) for s in steps if s.transition] == [("red", 3)]
        plan = plan_notifications(rebuilt, restart, TIMING, ("red",))
        assert [n.message.data["best"] for n in plan.notifications if n.message] == [130]
        ids.append([n.record.message_id for n in plan.notifications])
    assert ids[0] == ids[1] and len(ids[0]) == 1


def test_an_escalation_seen_live_is_not_announced_again_after_a_restart() -> None:
    rising = [situation(tally(30, sources=2), sequence=1), situation(tally(60, sources=2), sequence=2)]
    live, recorded = run_live(rising)
    assert [e.reason for e in recorded if isinstance(e, AlertTransitioned)] == ["condition_met", "best_rose"]
    restart = T0 + timedelta(minutes=10)
    rebuilt = rebuild(recorded, rising, restart)
    assert [s.transition for s in rebuilt.tick(restart) if s.transition] == []
    [alert_id] = list(live.alerts)
    assert rebuilt.alerts[alert_id].values == live.alerts[alert_id].values


def _caught_up(snapshots: list[SituationChanged], engine: AlertEngine, now: object) -> list[AlertTransitioned]:
    """What the service does at start-up with snapshots that arrived while it was down."""
    transitions = [
        s.transition.model_copy(update={"caught_up": True})
        for snapshot in snapshots
        for s in engine.evaluate(snapshot, now)  # type: ignore[arg-type]
        if s.transition
    ]
    for transition in transitions:
        engine.note_transition(transition)
    return transitions


FIRED_AND_RESOLVED = [situation(tally(200, sources=2), sequence=1), situation(tally(0, sources=2), sequence=2)]


def test_an_alert_that_fired_and_resolved_during_a_downtime_is_told_once_resolved_with_its_latest_values() -> None:
    engine = AlertEngine(rules=RULES, lifecycle=LifecycleTiming())
    engine.apply(subs.create(url="https://hooks.example.org/a", now=T0, subscription_id="sub_a"))
    transitions = _caught_up(FIRED_AND_RESOLVED, engine, T0)
    assert [t.status for t in transitions] == ["firing", "resolved"]
    sent = [n for n in plan_notifications(engine, T0, TIMING, ("red",)).notifications if n.message is not None]
    assert [(n.record.status, n.record.reason, n.record.seq) for n in sent] == [
        ("resolved", "fired_and_resolved_while_down", 2)
    ]
    # a rebuild from the recorded transitions (a crash before it was told) still owes the notice
    rebuilt = engine_with_subscriber()
    for transition in transitions:
        rebuilt.apply(transition)
    again = [n.message for n in plan_notifications(rebuilt, T0, TIMING, ("red",)).notifications if n.message]
    assert [m.message_id for m in again] == [n.message.message_id for n in sent if n.message]  # same webhook-id
    # once told, never again
    rebuilt.apply(sent[0].record)
    assert not [n for n in plan_notifications(rebuilt, T0, TIMING, ("red",)).notifications if n.message]


def test_an_alert_seen_firing_live_keeps_alertmanager_s_rule() -> None:
    """Fired live (not caught up) and resolved before anyone was told: not told (group_wait's blip).
    The service marks a resolution read in the same batch as its firing (alerts/pipeline/behind.py)."""
    engine = AlertEngine(rules=RULES, lifecycle=LifecycleTiming())
    engine.apply(subs.create(url="https://hooks.example.org/a", now=T0, subscription_id="sub_a"))
    for snapshot in FIRED_AND_RESOLVED:
        for s in engine.evaluate(snapshot, T0):
            if s.transition:
                engine.note_transition(s.transition)
    assert engine.unseen == set()
    assert not [n for n in plan_notifications(engine, T0, TIMING, ("red",)).notifications if n.message]


def test_a_firing_recorded_but_not_told_before_a_crash_then_resolved_while_down_is_told_once_resolved() -> None:
    """The service recorded the firing and stopped before notifying; the resolution came while it was down."""
    def engine() -> AlertEngine:
        fresh = AlertEngine(rules=RULES, lifecycle=LifecycleTiming())
        fresh.apply(subs.create(url="https://hooks.example.org/a", now=T0, subscription_id="sub_a"))
        return fresh

    crashed = engine()
    fired = [s.transition for s in crashed.evaluate(FIRED_AND_RESOLVED[0], T0) if s.transition]
    rebuilt = engine()
    for transition in fired:
        rebuilt.apply(transition)
    _caught_up(FIRED_AND_RESOLVED[1:], rebuilt, T0)
    sent = [n.record for n in plan_notifications(rebuilt, T0, TIMING, ("red",)).notifications if n.message]
    assert [(r.status, r.reason) for r in sent] == [("resolved", "fired_and_resolved_while_down")]
