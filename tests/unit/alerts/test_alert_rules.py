"""Casualty and ceasefire rules: tiers, the 7-day window, spike, children, provisional, validation."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from alerts.rules.baseline import record_day, trailing_daily_mean
from alerts.rules.casualties import observe_casualties
from alerts.rules.ceasefire import observe_ceasefire
from alerts.rules.errors import RulesInvalid
from alerts.rules.load import load_rules, parse_rules
from tests.unit.alerts.situations import T0, situation, tally

RULES = load_rules()


@pytest.mark.parametrize(
    ("best", "level"),
    [(0, None), (1, "info"), (9, "info"), (10, "yellow"), (24, "yellow"), (25, "orange"), (99, "orange"), (100, "red")],
)
def test_24h_tiers(best: int, level: str | None) -> None:
    observed = observe_casualties(situation(tally(best)), RULES.casualties, baseline=None)
    assert observed.level == level


def test_seven_day_tier_applies_when_higher_than_the_day() -> None:
    observed = observe_casualties(situation(tally(12), tally(140, window="7d")), RULES.casualties, baseline=None)
    assert (observed.level, observed.rule, observed.values.threshold, observed.values.window) == (
        "orange",
        "casualties_7d",
        100,
        "7d",
    )
    assert observe_casualties(situation(tally(12), tally(1200, window="7d")), RULES.casualties, None).level == "red"


def test_the_quoted_values_are_those_of_the_deciding_window() -> None:
    observed = observe_casualties(situation(tally(32, low=30, high=40)), RULES.casualties, baseline=None)
    values = observed.values
    assert (values.low, values.best, values.high, values.threshold, values.window) == (30, 32, 40, 25, "24h")
    assert values.evidence == ("32 people were killed in the shelling, officials said.",)
    assert values.source_names == ("Reuters", "AP")


def test_spike_raises_to_orange_against_the_trailing_mean() -> None:
    # 12 killed is yellow by tiers; with a 14-day mean of 2/day, 12 ≥ 3×2 and ≥ 10: a spike
    observed = observe_casualties(situation(tally(12)), RULES.casualties, baseline=2.0)
    assert (observed.level, observed.rule, observed.values.threshold) == ("orange", "casualties_spike", 10)
    # with a mean of 5/day, 12 < 15: no spike
    assert observe_casualties(situation(tally(12)), RULES.casualties, baseline=5.0).level == "yellow"
    # below the minimum of 10 is never a spike
    assert observe_casualties(situation(tally(9)), RULES.casualties, baseline=0.0).level == "info"


def test_trailing_mean_counts_quiet_days_as_zero_and_is_unknown_for_new_regions() -> None:
    assert trailing_daily_mean({}, T0, 14) is None
    history = record_day({}, T0 - timedelta(days=1), 28, keep_days=14)
    history = record_day(history, T0 - timedelta(days=3), 14, keep_days=14)
    history = record_day(history, T0, 99, keep_days=14)  # today's figure is not its own baseline
    assert trailing_daily_mean(history, T0, 14) == pytest.approx((28 + 14) / 14)


def test_children_killed_raise_one_tier() -> None:
    observed = observe_casualties(situation(tally(12), tally(3, group="children")), RULES.casualties, baseline=None)
    assert (observed.level, observed.rule, observed.reason) == ("orange", "casualties_24h+children", "children_killed")
    red = observe_casualties(situation(tally(150), tally(3, group="children")), RULES.casualties, None)
    assert red.level == "red"


def test_a_level_on_a_single_source_is_provisional_until_a_second_arrives() -> None:
    single = observe_casualties(situation(tally(32, sources=1)), RULES.casualties, baseline=None)
    assert single.values.provisional is True
    confirmed = observe_casualties(situation(tally(32, sources=2), sequence=2), RULES.casualties, None)
    assert confirmed.values.provisional is False
    assert confirmed.level == single.level


@pytest.mark.parametrize(
    ("phase", "level"),
    [("agreed", "info"), ("in_effect", "info"), ("violated", "orange"), ("collapsed", "red"), ("proposed", None)],
)
def test_ceasefire_phases(phase: str, level: str | None) -> None:
    observed = observe_ceasefire(situation(ceasefire=phase, ceasefire_sentence="A ceasefire was agreed."), RULES)
    assert observed.level == level
    assert observed.values.ceasefire_status == phase


def test_rules_errors_name_the_place() -> None:
    with pytest.raises(RulesInvalid, match=r"x.yaml: casualties: tiers.24h: orange \(5\) must need more killed"):
        parse_rules("casualties:\n  tiers:\n    24h: {yellow: 10, orange: 5}\n", "x.yaml")
    with pytest.raises(RulesInvalid, match=r"x.yaml: ceasefire.agreed: Input should be"):
        parse_rules("casualties:\n  tiers: {24h: {info: 1}}\nceasefire: {agreed: purple}\n", "x.yaml")
    with pytest.raises(RulesInvalid, match="unknown window"):
        parse_rules("casualties:\n  tiers: {30d: {info: 1}}\n", "x.yaml")
    with pytest.raises(RulesInvalid, match="not valid YAML"):
        parse_rules("casualties: [", "x.yaml")
    with pytest.raises(RulesInvalid, match="cannot read"):
        load_rules(Path("/nonexistent/rules.yaml"))


def test_subscriber_thresholds_override_tiers() -> None:
    strict = RULES.with_thresholds({"24h.orange": 50})
    assert observe_casualties(situation(tally(32)), strict.casualties, None).level == "yellow"
    with pytest.raises(ValueError, match=r"expected <24h\|7d>"):
        RULES.with_thresholds({"1h.red": 3})
