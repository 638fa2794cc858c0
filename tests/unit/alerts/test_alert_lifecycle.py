"""pending → firing → resolved, `for` and `keep_firing_for`, and a flapping series that is not a storm."""

from __future__ import annotations

from datetime import timedelta

from alerts.lifecycle.state import AlertState, LifecycleTiming, from_transition, step
from alerts.rules.casualties import observe_casualties
from alerts.rules.load import load_rules
from alerts.rules.observation import Observation
from streams.alerting import AlertTransitioned
from tests.unit.alerts.situations import T0, situation, tally

RULES = load_rules().casualties


def _observe(best: int, sequence: int = 1, sources: int = 2) -> Observation:
    return observe_casualties(situation(tally(best, sources=sources), sequence=sequence), RULES, baseline=None)


def _run(series: list[tuple[int, int]], timing: LifecycleTiming) -> list[AlertTransitioned]:
    """Feed (seconds after T0, best) observations through `step`; return the recorded transitions."""
    state: AlertState | None = None
    recorded: list[AlertTransitioned] = []
    for seconds, best in series:
        result = step(state, _observe(best), T0 + timedelta(seconds=seconds), timing)
        state = result.state
        if result.transition is not None:
            recorded.append(result.transition)
    return recorded


def test_fires_immediately_without_for_and_resolves_with_final_values() -> None:
    transitions = _run([(0, 32), (60, 32), (120, 0)], LifecycleTiming())
    assert [(t.status, t.seq, t.reason) for t in transitions] == [
        ("firing", 1, "condition_met"),
        ("resolved", 2, "condition_cleared"),
    ]
    resolved = transitions[1]
    assert resolved.level == "orange"  # the level it fired at
    assert resolved.values.best == 0  # but the values at resolution time


def test_for_holds_an_alert_in_pending_until_the_condition_has_lasted() -> None:
    timing = LifecycleTiming(for_=timedelta(seconds=30))
    transitions = _run([(0, 32), (10, 32), (29, 32), (30, 32)], timing)
    assert [(t.status, t.reason) for t in transitions] == [
        ("pending", "condition_met_waiting_for"),
        ("firing", "for_elapsed"),
    ]
    assert transitions[1].active_since == T0


def test_a_blip_shorter_than_for_never_fires() -> None:
    transitions = _run([(0, 32), (5, 0)], LifecycleTiming(for_=timedelta(seconds=30)))
    assert [(t.status, t.reason) for t in transitions] == [
        ("pending", "condition_met_waiting_for"),
        ("resolved", "pending_cleared"),
    ]


def test_flapping_series_gives_one_firing_and_one_resolved() -> None:
    timing = LifecycleTiming(keep_firing_for=timedelta(seconds=60))
    flapping = [(second, 32 if second % 20 < 10 else 0) for second in range(0, 300, 5)]
    quiet = [(300 + second, 0) for second in range(0, 120, 5)]
    transitions = _run(flapping + quiet, timing)
    assert [t.status for t in transitions] == ["firing", "resolved"]
    # without keep_firing_for the same series is a storm
    assert len(_run(flapping + quiet, LifecycleTiming())) > 20


def test_level_change_and_confirmation_are_new_transitions_value_drift_is_not() -> None:
    state = step(None, _observe(32, sources=1), T0, LifecycleTiming()).state
    drift = step(state, _observe(33, sources=1), T0 + timedelta(seconds=1), LifecycleTiming())
    assert drift.transition is None and drift.reason == "still_firing"
    confirmed = step(drift.state, _observe(33, sources=2), T0 + timedelta(seconds=2), LifecycleTiming())
    assert confirmed.transition is not None and confirmed.reason == "details_changed"
    assert confirmed.transition.values.provisional is False
    escalated = step(confirmed.state, _observe(120), T0 + timedelta(seconds=3), LifecycleTiming())
    assert escalated.transition is not None
    assert (escalated.transition.level, escalated.transition.seq, escalated.reason) == ("red", 3, "level_changed")


def test_rebuilt_state_continues_the_sequence_with_the_same_ids() -> None:
    first = step(None, _observe(32), T0, LifecycleTiming())
    assert first.transition is not None
    rebuilt = from_transition(first.transition)
    again = step(rebuilt, _observe(0), T0 + timedelta(seconds=5), LifecycleTiming())
    live = step(first.state, _observe(0), T0 + timedelta(seconds=5), LifecycleTiming())
    assert again.transition is not None and live.transition is not None
    assert again.transition.event_id == live.transition.event_id
    assert again.transition.seq == 2
