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
