"""The engine and notify planning together, offline: grouping, silences, rebuild from recorded events."""

from __future__ import annotations

from datetime import timedelta

from alerts.engine import AlertEngine
from alerts.lifecycle.state import LifecycleTiming
from alerts.notifier import Plan, plan_notifications
from alerts.pipeline.grouping import GroupTiming
from alerts.rules.load import load_rules
from streams import subscriptions as subs
from streams.alerting import AlertNotified, AlertTransitioned, SilenceCreated, SilenceMatcher
from tests.unit.alerts.situations import T0, situation, tally

RULES = load_rules()
TIMING = GroupTiming(wait=timedelta(seconds=30), interval=timedelta(minutes=5), repeat=timedelta(hours=4))


def _engine(*options: dict[str, object]) -> tuple[AlertEngine, list[subs.Subscription]]:
    engine = AlertEngine(rules=RULES, lifecycle=LifecycleTiming())
    made = []
    for i, opts in enumerate(options):
        created = subs.create(url=f"https://hooks.example.org/{i}", now=T0, subscription_id=f"sub_{i}", **opts)  # type: ignore[arg-type]
        engine.apply(created)
        made.append(created.subscription)
    return engine, made


def _record(engine: AlertEngine, plan: Plan) -> list[AlertNotified]:
    for notification in plan.notifications:
        engine.apply(notification.record)
    return [n.record for n in plan.notifications]


def test_group_wait_defers_then_sends_each_alert_once() -> None:
    engine, _ = _engine({})
    steps = engine.evaluate(situation(tally(32), ceasefire="agreed"), T0)
    assert [s.transition.kind for s in steps if s.transition] == ["casualties", "ceasefire"]
    early = plan_notifications(engine, T0 + timedelta(seconds=5), TIMING, ("red",))
    assert early.notifications == []
    assert {o.reason for o in early.outcomes} == {"group_wait"}
    due = plan_notifications(engine, T0 + timedelta(seconds=30), TIMING, ("red",))
    sent = _record(engine, due)
    assert sorted(r.reason for r in sent) == ["first_notification", "first_notification"]
    again = plan_notifications(engine, T0 + timedelta(minutes=10), TIMING, ("red",))
    assert again.notifications == []


def test_critical_levels_skip_group_wait() -> None:
    engine, _ = _engine({"kinds": ["casualties"]})
    engine.evaluate(situation(tally(150)), T0)
    plan = plan_notifications(engine, T0, TIMING, ("red",))
    assert [(n.message.data["level"] if n.message else None) for n in plan.notifications] == ["red"]


def test_filters_and_silences_per_subscription() -> None:
    engine, _ = _engine({"min_level": "red"}, {"regions": ["gaza"]}, {})
    engine.apply(
        SilenceCreated(
            event_id="s",
            occurred_at=T0,
            silence_id="s",
            matchers=(SilenceMatcher(name="kind", value="ceasefire"),),
            starts_at=T0,
            ends_at=T0 + timedelta(hours=1),
            created_by="a",
            comment="c",
        )
    )
    engine.evaluate(situation(tally(32), ceasefire="agreed"), T0)
    plan = plan_notifications(engine, T0 + timedelta(minutes=1), TIMING, ())
    sent = {(n.subscription.subscription_id, n.record.alert_id) for n in plan.notifications}
    assert len(sent) == 1 and next(iter(sent))[0] == "sub_2"  # only the casualty alert, to the catch-all
    reasons = {(o.subscription_id, o.outcome, o.reason) for o in plan.outcomes}
    assert ("sub_0", "filtered", "below_min_level") in reasons
    assert ("sub_1", "filtered", "region_not_subscribed") in reasons
    assert ("sub_2", "silenced", "silenced") in reasons


def test_a_rebuilt_engine_plans_nothing_new_and_resolves_with_the_same_ids() -> None:
    live, _ = _engine({})
    recorded: list[AlertTransitioned | AlertNotified] = []
    recorded += [s.transition for s in live.evaluate(situation(tally(32)), T0) if s.transition]
    recorded += _record(live, plan_notifications(live, T0 + timedelta(minutes=1), TIMING, ()))
    rebuilt, _ = _engine({})
    for event in recorded:
        rebuilt.apply(event)
    assert plan_notifications(rebuilt, T0 + timedelta(minutes=2), TIMING, ()).notifications == []
    later = situation(tally(0), sequence=2)
    for engine in (live, rebuilt):
        engine.evaluate(later, T0 + timedelta(minutes=3))
    live_ids = [
        n.record.message_id for n in plan_notifications(live, T0 + timedelta(minutes=9), TIMING, ()).notifications
    ]
    rebuilt_ids = [
        n.record.message_id for n in plan_notifications(rebuilt, T0 + timedelta(minutes=9), TIMING, ()).notifications
    ]
    assert live_ids == rebuilt_ids and len(live_ids) == 1


def test_send_resolved_false_records_without_sending() -> None:
    engine, _ = _engine({"send_resolved": False})
    engine.evaluate(situation(tally(32)), T0)
    _record(engine, plan_notifications(engine, T0 + timedelta(minutes=1), TIMING, ()))
    engine.evaluate(situation(tally(0), sequence=2), T0 + timedelta(minutes=2))
    plan = plan_notifications(engine, T0 + timedelta(minutes=10), TIMING, ())
    assert [(n.message, n.record.reason, n.record.sent) for n in plan.notifications] == [
        (None, "resolved_not_wanted", False)
    ]


def test_the_engine_feeds_the_spike_rule_from_earlier_days_in_event_time() -> None:
    engine, _ = _engine({})
    for days_ago in range(1, 15):  # two quiet weeks: 2 killed a day
        engine.remember_baseline(situation(tally(2), at=T0 - timedelta(days=days_ago), sequence=20 - days_ago))
    steps = engine.evaluate(situation(tally(12), sequence=30), T0)
    casualty = next(s.transition for s in steps if s.transition and s.transition.kind == "casualties")
    assert (casualty.level, casualty.rule, casualty.values.baseline_daily_mean) == ("orange", "casualties_spike", 2.0)
    fresh, _ = _engine({})  # the same 12 in a region with no history is yellow: no baseline, no spike
    first = fresh.evaluate(situation(tally(12), region="elsewhere"), T0)
    assert next(s.transition for s in first if s.transition).level == "yellow"
