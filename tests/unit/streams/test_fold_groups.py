"""The contract's group arithmetic: disjoint groups add up to people in general, parts never add."""

from __future__ import annotations

from typing import get_args

from alerts.rules.casualties import observe_casualties
from alerts.rules.load import load_rules
from streams.events import DISJOINT_GROUPS, PART_OF, Group
from tests.unit.streams.factories import HOUR, SEED_AT, figure, report
from tests.unit.streams.test_fold_casualties import picture, tally


def test_every_group_is_either_disjoint_or_a_part_of_a_disjoint_group() -> None:
    groups = set(get_args(Group))
    assert set(DISJOINT_GROUPS) | set(PART_OF) == groups
    assert not set(DISJOINT_GROUPS) & set(PART_OF)
    assert set(PART_OF.values()) <= set(DISJOINT_GROUPS)


def test_three_police_and_two_civilians_are_five_people() -> None:
    situation = picture([report("a1", casualties=[figure(3, group="police"), figure(2, group="civilians")])])
    for window in ("24h", "7d", "all"):
        everyone = tally(situation, window)
        assert (everyone.low, everyone.best, everyone.high) == (5, 5, 5), window
    assert {ref.count for ref in tally(situation).figures} == {3, 2}  # the evidence is the groups' figures


def test_a_stated_total_larger_than_the_groups_stands() -> None:
    situation = picture(
        [report("a1", casualties=[figure(32), figure(3, group="police"), figure(2, group="civilians")])]
    )
    assert tally(situation).best == 32


def test_a_stated_total_smaller_than_the_groups_is_lifted_to_their_sum() -> None:
    situation = picture(
        [report("a1", casualties=[figure(4), figure(3, group="soldiers"), figure(2, group="civilians")])]
    )
    assert tally(situation).best == 5


def test_parts_never_add_to_their_whole() -> None:
    situation = picture(
        [
            report(
                "a1",
                casualties=[
                    figure(3, group="children"),
                    figure(4, group="women"),
                    figure(1, group="journalists"),
                    figure(2, group="aid_workers"),
                ],
            )
        ]
    )
    assert tally(situation, group="civilians").best == 4  # the largest part, not 10
    assert tally(situation).best == 4


def test_parts_lift_civilians_before_civilians_add_to_the_total() -> None:
    situation = picture([report("a1", casualties=[figure(6, group="children"), figure(5, group="soldiers")])])
    assert tally(situation, group="civilians").best == 6
    assert tally(situation).best == 11


def test_low_best_and_high_follow_the_same_arithmetic() -> None:
    situation = picture(
        [
            report("a1", outlet="x", casualties=[figure(3, group="police", source="ministry")]),
            report("a2", outlet="y", at=SEED_AT + HOUR, casualties=[figure(6, group="police", source="red cross")]),
            report("a3", outlet="y", at=SEED_AT + HOUR, casualties=[figure(2, group="civilians", source="red cross")]),
        ]
    )
    police = tally(situation, group="police")
    assert (police.low, police.best, police.high) == (3, 3, 6)
    everyone = tally(situation)
    assert (everyone.low, everyone.best, everyone.high) == (5, 5, 8)


def test_distinct_incidents_each_follow_the_arithmetic_then_add() -> None:
    situation = picture(
        [
            report("a1", places=["A"], casualties=[figure(3, group="police"), figure(2, group="civilians")]),
            report("a2", at=SEED_AT + 3 * HOUR, places=["B"], casualties=[figure(10)]),
        ]
    )
    assert tally(situation).best == 15


def test_twenty_soldiers_and_ten_civilians_raise_an_orange_casualty_alert() -> None:
    situation = picture([report("a1", casualties=[figure(20, group="soldiers"), figure(10, group="civilians")])])
    assert tally(situation, "24h").best == 30
    observed = observe_casualties(situation, load_rules().casualties, baseline=None)
    assert observed.level == "orange"
    assert observed.values.best == 30
