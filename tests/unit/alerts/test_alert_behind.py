"""Resolutions read in one batch with their alert's firing (alerts/pipeline/behind.py)."""

from __future__ import annotations

from datetime import timedelta

from alerts.engine import AlertEngine
from alerts.lifecycle.state import LifecycleTiming
from alerts.pipeline.behind import resolved_behind
from alerts.rules.load import load_rules
from streams.alerting import AlertTransitioned
from streams.situation import SituationChanged
from tests.unit.alerts.situations import T0, situation, tally

RULES = load_rules()
WAIT = timedelta(seconds=30)
RED = ("red",)


def batch(*snapshots: SituationChanged) -> list[AlertTransitioned]:
    """The casualty transitions one engine records for snapshots evaluated together."""
    engine = AlertEngine(rules=RULES, lifecycle=LifecycleTiming())
    return [
        step.transition
        for snapshot in snapshots
        for step in engine.evaluate(snapshot, T0)
        if step.transition is not None and step.transition.kind == "casualties"
    ]


def at(best: int, minutes: float, sequence: int) -> SituationChanged:
    snapshot = situation(tally(best, sources=2), sequence=sequence)
    moment = T0 + timedelta(minutes=minutes)
    return snapshot.model_copy(update={"as_of": moment, "occurred_at": moment})


def resolutions(transitions: list[AlertTransitioned]) -> list[str]:
    return [t.event_id for t in transitions if t.status == "resolved"]


def test_a_critical_blip_in_one_batch_is_behind_however_short() -> None:
    transitions = batch(at(200, 0, 1), at(0, 0, 2))
    assert [t.level for t in transitions if t.status == "firing"] == ["red"]
    assert resolved_behind(transitions, WAIT, RED) == set(resolutions(transitions))


def test_a_non_critical_blip_counts_only_when_its_snapshots_are_group_wait_apart() -> None:
    short = batch(at(32, 0, 1), at(0, 0.25, 2))
    assert [t.level for t in short if t.status == "firing"] != ["red"]
    assert resolved_behind(short, WAIT, RED) == set()  # Alertmanager's group_wait blip: untold
    long = batch(at(32, 0, 1), at(0, 0.5, 2))
    assert resolved_behind(long, WAIT, RED) == set(resolutions(long))
    assert resolved_behind(short, WAIT, ("orange", "red")) == set(resolutions(short))


def test_a_resolution_whose_firing_came_in_an_earlier_batch_is_not_behind() -> None:
    both = batch(at(200, 0, 1), at(0, 1, 2))
    only_the_resolution = [t for t in both if t.status == "resolved"]
    assert resolved_behind(only_the_resolution, WAIT, RED) == set()


def test_an_alert_that_lives_twice_in_one_batch_has_both_resolutions_behind() -> None:
    transitions = batch(at(200, 0, 1), at(0, 1, 2), at(200, 2, 3), at(0, 3, 4))
    assert [t.status for t in transitions] == ["firing", "resolved", "firing", "resolved"]
    assert resolved_behind(transitions, WAIT, RED) == set(resolutions(transitions))


def test_an_escalation_to_red_inside_the_batch_makes_the_blip_critical() -> None:
    transitions = batch(at(32, 0, 1), at(200, 0.1, 2), at(0, 0.2, 3))
    assert transitions[-1].status == "resolved"
    assert resolved_behind(transitions, WAIT, RED) == set(resolutions(transitions))
