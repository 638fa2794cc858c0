"""Escalation of a firing alert: its best rising by the factor and the minimum, or its level rising,
is a transition the subscriber hears about as `alert.updated` — red ones without waiting out group_interval."""

from __future__ import annotations

from datetime import timedelta

from alerts.lifecycle.state import AlertState, LifecycleTiming, best_rose, from_transition, step
from alerts.pipeline.dedup import NotifiedRecord, dedup
from alerts.pipeline.grouping import GroupClock, GroupTiming, flush_due
from alerts.pipeline.payload import outbound
from alerts.rules.casualties import observe_casualties
from alerts.rules.load import load_rules
from streams.alerting import AlertTransitioned
from tests.unit.alerts.situations import T0, situation, tally

RULES = load_rules().casualties
TIMING = LifecycleTiming()


def _run(series: list[int]) -> tuple[AlertState | None, list[AlertTransitioned]]:
    state: AlertState | None = None
    recorded: list[AlertTransitioned] = []
    for n, best in enumerate(series):
        observed = observe_casualties(situation(tally(best, sources=2), sequence=n + 1), RULES, baseline=None)
        result = step(state, observed, T0 + timedelta(seconds=n), TIMING)
        state = result.state
        if result.transition is not None:
            recorded.append(result.transition)
    return state, recorded


def test_the_factor_and_the_minimum_rise_must_both_hold() -> None:
    assert best_rose(32, 200, TIMING) and best_rose(20, 30, TIMING)
    assert not best_rose(32, 47, TIMING)  # under 1.5×
    assert not best_rose(4, 9, TIMING)  # 2.25× but only 5 more
    assert not best_rose(1000, 1400, TIMING) and not best_rose(None, 200, TIMING) and not best_rose(0, 50, TIMING)
    assert best_rose(32, 45, LifecycleTiming(escalation_factor=1.2, escalation_min_rise=10))


def test_a_gradual_rise_escalates_against_the_last_transition_not_the_last_observation() -> None:
    # 110 → 130 → 150 → 170 (each step < 1.5×) reaches 1.5× of 110 at 170: one escalation, baseline 170 after
    state, transitions = _run([110, 130, 150, 170, 200, 260])
    assert [(t.reason, t.values.best) for t in transitions] == [("condition_met", 110), ("best_rose", 170), ("best_rose", 260)]
    assert (transitions[1].previous_best, transitions[1].previous_level) == (110, "red")
    assert state is not None and state.escalated and state.transition_best == 260
    rebuilt = from_transition(transitions[-1])  # after a restart the baseline is the recorded transition's best
    assert rebuilt.transition_best == 260 and rebuilt.escalated


def test_a_higher_level_is_an_escalation_a_confirmation_is_not() -> None:
    _, transitions = _run([30, 120])
    assert from_transition(transitions[-1]).escalated  # orange → red
    _, down = _run([120, 30])
    assert not from_transition(down[-1]).escalated


def test_the_subscriber_gets_alert_updated_with_the_previous_values() -> None:
    state, _ = _run([32 * 4, 200 * 4])  # red both times, best 128 → 800
    assert state is not None
    told = NotifiedRecord(seq=1, status="firing", at=T0)
    decision = dedup(told, state, send_resolved=True, now=T0, repeat_interval=timedelta(hours=4))
    assert (decision.send, decision.reason) == (True, "escalated")
    message = outbound("sub_1", state, "firing", T0, escalation=True)
    assert message.event_type == "alert.updated"
    assert (message.data["previous_best"], message.data["previous_level"], message.data["best"]) == (128, "red", 800)
    first = dedup(None, state, send_resolved=True, now=T0, repeat_interval=timedelta(hours=4))
    assert first.reason == "first_notification"  # never told: it is simply fired


def test_only_a_critical_escalation_skips_group_interval() -> None:
    timing = GroupTiming(wait=timedelta(seconds=30), interval=timedelta(minutes=5), repeat=timedelta(hours=4))
    flushed = GroupClock(first_pending_at=T0, last_flush_at=T0)
    soon = T0 + timedelta(seconds=10)
    assert flush_due(flushed, soon, timing, critical=True) == (False, "group_interval")
    assert flush_due(flushed, soon, timing, critical=True, critical_escalation=True) == (True, "critical_escalation")
