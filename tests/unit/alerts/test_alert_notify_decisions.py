"""The notify pipeline's pure stages: route, dedup, group timing, silences, payload."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from alerts.lifecycle.state import AlertState, LifecycleTiming, step
from alerts.pipeline.dedup import NotifiedRecord, dedup
from alerts.pipeline.grouping import GroupClock, GroupTiming, flush_due
from alerts.pipeline.payload import message_id_for, outbound
from alerts.pipeline.route import labels, route
from alerts.rules.casualties import observe_casualties
from alerts.rules.ceasefire import observe_ceasefire
from alerts.rules.load import load_rules
from alerts.silences import apply_silence, silenced_by
from streams import subscriptions as subs
from streams.alerting import SilenceCreated, SilenceExpired, SilenceMatcher
from tests.unit.alerts.situations import T0, situation, tally

RULES = load_rules()
HOUR = timedelta(hours=1)


def _alert(best: int = 32, region: str = "nagorno-karabakh") -> AlertState:
    observed = observe_casualties(situation(tally(best), region=region), RULES.casualties, None)
    state = step(None, observed, T0, LifecycleTiming()).state
    assert state is not None
    return state


def _sub(**options: object) -> subs.Subscription:
    return subs.create(url="https://example.org/hook", now=T0, **options).subscription  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        ({}, "routed"),
        ({"regions": ["gaza"]}, "region_not_subscribed"),
        ({"kinds": ["ceasefire"]}, "kind_not_subscribed"),
        ({"min_level": "red"}, "below_min_level"),
        ({"thresholds": {"24h.info": 40, "24h.yellow": 50, "24h.orange": 60}}, "below_subscriber_thresholds"),
        ({"regions": ["nagorno-karabakh"], "kinds": ["casualties"], "min_level": "orange"}, "routed"),
        ({"thresholds": {"24h.orange": 5}, "min_level": "orange"}, "routed"),  # contradicts tiers: defaults
    ],
)
def test_route(options: dict[str, object], reason: str) -> None:
    assert route(_sub(**options), _alert(), RULES).reason == reason


def test_paused_subscriptions_are_routed_for_delivery_to_hold_and_disabled_ones_get_nothing() -> None:
    paused = subs.pause(_sub(), T0).subscription
    assert route(paused, _alert(), RULES).reason == "routed"  # delivery holds it until the resume
    disabled = subs.disable(_sub(), T0, "gone").subscription
    assert route(disabled, _alert(), RULES).reason == "subscription_disabled"


def test_dedup_notifies_first_changed_resolved_and_repeat_only() -> None:
    alert = _alert()
    first = dedup(None, alert, send_resolved=True, now=T0, repeat_interval=4 * HOUR)
    assert (first.send, first.reason) == (True, "first_notification")
    told = NotifiedRecord(seq=alert.seq, status="firing", at=T0)
    assert dedup(told, alert, send_resolved=True, now=T0 + HOUR, repeat_interval=4 * HOUR).reason == "already_notified"
    repeat = dedup(told, alert, send_resolved=True, now=T0 + 4 * HOUR, repeat_interval=4 * HOUR)
    assert (repeat.send, repeat.reason, repeat.repeat) == (True, "repeat_interval_elapsed", 1)
    changed = replace(alert, seq=2, level="red")
    assert dedup(told, changed, send_resolved=True, now=T0, repeat_interval=4 * HOUR).reason == "alert_changed"
    resolved = replace(alert, seq=2, status="resolved")
    assert dedup(told, resolved, send_resolved=True, now=T0, repeat_interval=HOUR).reason == "resolved"
    unwanted = dedup(told, resolved, send_resolved=False, now=T0, repeat_interval=HOUR)
    assert (unwanted.send, unwanted.record, unwanted.reason) == (False, True, "resolved_not_wanted")
    never = dedup(None, resolved, send_resolved=True, now=T0, repeat_interval=HOUR)
    assert (never.send, never.reason) == (False, "never_notified_firing")
    unseen = dedup(None, resolved, send_resolved=True, now=T0, repeat_interval=HOUR, unseen=True)
    assert (unseen.send, unseen.record, unseen.reason) == (True, True, "fired_and_resolved_while_down")
    unseen_unwanted = dedup(None, resolved, send_resolved=False, now=T0, repeat_interval=HOUR, unseen=True)
    assert (unseen_unwanted.send, unseen_unwanted.record) == (False, True)
    # told an earlier life's resolution, then fired and resolved again unseen: told once more
    told_resolved = NotifiedRecord(seq=2, status="resolved", at=T0)
    again = replace(alert, seq=4, status="resolved")
    relived = dedup(told_resolved, again, send_resolved=True, now=T0, repeat_interval=HOUR, unseen=True)
    assert (relived.send, relived.reason) == (True, "fired_and_resolved_while_down")
    told_this = NotifiedRecord(seq=4, status="resolved", at=T0)
    assert not dedup(told_this, again, send_resolved=True, now=T0, repeat_interval=HOUR, unseen=True).send
    assert dedup(told_resolved, again, send_resolved=True, now=T0, repeat_interval=HOUR).reason == "already_notified"


def test_group_wait_interval_and_critical_skip() -> None:
    timing = GroupTiming(wait=timedelta(seconds=30), interval=timedelta(minutes=5), repeat=4 * HOUR)
    fresh = GroupClock(first_pending_at=T0)
    assert flush_due(fresh, T0 + timedelta(seconds=10), timing, critical=False) == (False, "group_wait")
    assert flush_due(fresh, T0 + timedelta(seconds=30), timing, critical=False) == (True, "group_wait_elapsed")
    assert flush_due(fresh, T0, timing, critical=True) == (True, "critical_no_wait")
    flushed = GroupClock(first_pending_at=T0, last_flush_at=T0)
    assert flush_due(flushed, T0 + timedelta(minutes=1), timing, critical=True) == (False, "group_interval")
    assert flush_due(flushed, T0 + timedelta(minutes=5), timing, critical=False) == (True, "group_interval_elapsed")


def _silence(*matchers: SilenceMatcher, start: int = 0, hours: int = 2) -> SilenceCreated:
    return SilenceCreated(
        event_id="s1",
        occurred_at=T0,
        silence_id="sil-1",
        matchers=matchers,
        starts_at=T0 + timedelta(hours=start),
        ends_at=T0 + timedelta(hours=start + hours),
        created_by="analyst@example.org",
        comment="known incident, being handled",
    )


def test_silences_match_labels_only_while_active() -> None:
    alert_labels = labels(_alert())
    silences = apply_silence({}, _silence(SilenceMatcher(name="region", value="nagorno-karabakh")))
    assert silenced_by(alert_labels, silences.values(), T0 + HOUR) == "sil-1"
    assert silenced_by(alert_labels, silences.values(), T0 + 3 * HOUR) is None  # expired
    pending = apply_silence({}, _silence(SilenceMatcher(name="level", value="orange|red", op="=~"), start=1))
    assert silences["sil-1"].state(T0) == "active"
    assert pending["sil-1"].state(T0) == "pending"
    assert silenced_by(alert_labels, pending.values(), T0) is None
    assert silenced_by(alert_labels, pending.values(), T0 + timedelta(minutes=90)) == "sil-1"
    other = apply_silence({}, _silence(SilenceMatcher(name="region", value="gaza")))
    assert silenced_by(alert_labels, other.values(), T0 + HOUR) is None
    negated = apply_silence({}, _silence(SilenceMatcher(name="kind", value="ceasefire", op="!=")))
    assert silenced_by(alert_labels, negated.values(), T0 + HOUR) == "sil-1"


def test_expiring_a_silence_early_ends_it() -> None:
    silences = apply_silence({}, _silence(SilenceMatcher(name="region", value="nagorno-karabakh")))
    expired = apply_silence(
        silences, SilenceExpired(event_id="e1", occurred_at=T0 + HOUR, silence_id="sil-1", expired_by="analyst")
    )
    assert expired["sil-1"].state(T0 + timedelta(minutes=30)) == "active"
    assert expired["sil-1"].state(T0 + HOUR) == "expired"


def test_invalid_silences_are_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="must be after starts_at"):
        _silence(SilenceMatcher(name="region", value="x"), hours=0)
    with pytest.raises(ValueError, match="invalid regex"):
        SilenceMatcher(name="region", value="(", op="=~")


def test_payload_carries_the_figures_and_a_stable_message_id() -> None:
    sub = _sub()
    message = outbound(sub.subscription_id, _alert(), "firing", T0)
    data = message.data
    assert message.event_type == "alert.fired"
    assert (data["kind"], data["level"], data["region"], data["status"]) == (
        "casualties",
        "orange",
        "nagorno-karabakh",
        "firing",
    )
    assert (data["best"], data["threshold"], data["window"], data["sources"]) == (32, 25, "24h", 2)
    assert "32 people were killed" in data["evidence"][0]
    assert message.message_id == message_id_for(sub.subscription_id, data["alert_id"], 1)
    assert outbound(sub.subscription_id, _alert(), "firing", T0 + HOUR).message_id == message.message_id
    assert message_id_for(sub.subscription_id, data["alert_id"], 1, repeat=1) != message.message_id


def test_ceasefire_payload_names_the_phase() -> None:
    observed = observe_ceasefire(situation(ceasefire="agreed", ceasefire_sentence="A ceasefire was agreed."), RULES)
    state = step(None, observed, T0, LifecycleTiming()).state
    assert state is not None
    data = outbound("sub_1", state, "firing", T0).data
    assert (data["kind"], data["ceasefire_status"], data["level"]) == ("ceasefire", "agreed", "info")
    assert data["evidence"] == ["A ceasefire was agreed."]
