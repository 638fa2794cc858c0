"""The casualty rules 1–6 of ARCHITECTURE.md, on the pure fold."""

from __future__ import annotations

from collections.abc import Iterable

from streams.events import ReportsExtracted
from streams.fold.region import apply, apply_all, new_region
from streams.fold.snapshot import snapshot
from streams.situation import SituationChanged, Tally
from tests.unit.streams.factories import DAY, HOUR, REGION, SEED_AT, figure, report, seed_story


def picture(reports: Iterable[ReportsExtracted], region: str = REGION) -> SituationChanged:
    return snapshot(apply_all(new_region(region), reports).state)


def tally(situation: SituationChanged, window: str = "all", outcome: str = "killed", group: str | None = None) -> Tally:
    matches = [t for t in situation.casualties if (t.outcome, t.group, t.window) == (outcome, group, window)]
    assert len(matches) == 1, f"expected one {outcome}/{group}/{window} tally, got {matches}"
    return matches[0]


def test_one_article_gives_the_stated_toll() -> None:
    killed = tally(picture([seed_story("a1", "terra")]))
    assert (killed.low, killed.best, killed.high) == (30, 32, 32)
    assert killed.sources == 1
    assert not killed.disputed


def test_rule1_the_same_article_twice_changes_nothing() -> None:
    once = apply(new_region(REGION), seed_story("a1", "terra"))
    twice = apply(once.state, seed_story("a1", "terra"))
    assert not twice.changed
    assert twice.stats.duplicates_ignored == 1
    assert snapshot(twice.state) == snapshot(once.state)


def test_rule1_the_same_figure_from_the_same_source_under_another_id_changes_no_tally() -> None:
    first = picture([seed_story("a1", "terra")])
    again = picture([seed_story("a1", "terra"), seed_story("a1-copy", "terra", at=SEED_AT + HOUR)])
    assert again.casualties == tuple(
        t.model_copy(update={"figures": again.casualties[i].figures}) for i, t in enumerate(first.casualties)
    )
    assert tally(again).best == 32


def test_rule2_three_outlets_reporting_one_tally_count_once() -> None:
    situation = picture(
        [
            seed_story("a1", "terra"),
            seed_story("a2", "dw", at=SEED_AT + 2 * HOUR),
            seed_story("a3", "reuters", at=SEED_AT + 20 * HOUR),
        ]
    )
    for window in ("24h", "7d", "all"):
        killed = tally(situation, window)
        assert killed.best == 32, window  # not 64 or 96
        assert killed.sources == 3
        assert killed.incidents == 1


def test_rule2_an_outlet_repeating_the_tally_47h_later_is_still_the_same_incident() -> None:
    situation = picture([seed_story("a1", "terra"), seed_story("a2", "reuters", at=SEED_AT + 47 * HOUR)])
    killed = tally(situation, "7d")
    assert (killed.best, killed.sources, killed.incidents) == (32, 2, 1)
    # windows hold incidents by when they were first reported: this one began 47 h before the picture
    assert tally(situation, "24h").best == 0


def test_a_report_more_than_48h_after_an_incident_began_starts_another() -> None:
    situation = picture([seed_story("a1", "terra"), seed_story("a2", "reuters", at=SEED_AT + 49 * HOUR)])
    assert tally(situation, "7d").incidents == 2


def test_rule2_disagreeing_sources_give_a_conservative_best_and_a_dispute() -> None:
    situation = picture(
        [
            report("a1", outlet="armenpress", casualties=[figure(32, source="Armenian authorities")]),
            report("a2", outlet="apa", at=SEED_AT + HOUR, casualties=[figure(12, source="Azerbaijani ministry")]),
        ]
    )
    killed = tally(situation)
    assert (killed.low, killed.best, killed.high, killed.sources) == (12, 12, 32, 2)
    assert killed.disputed


def test_sources_within_one_and_a_half_times_are_not_disputed() -> None:
    situation = picture(
        [
            report("a1", outlet="x", casualties=[figure(30, source="ministry")]),
            report("a2", outlet="y", at=SEED_AT + HOUR, casualties=[figure(45, source="red cross")]),
        ]
    )
    assert not tally(situation).disputed


def test_rule3_a_rising_toll_supersedes_the_sources_earlier_figure() -> None:
    folded = apply_all(
        new_region(REGION),
        [
            report("a1", outlet="terra", casualties=[figure(27, source="Armenian authorities")]),
            report("a2", outlet="terra", at=SEED_AT + 5 * HOUR, casualties=[figure(32, source="Armenian authorities")]),
        ],
    )
    killed = tally(snapshot(folded.state))
    assert (killed.low, killed.best, killed.high) == (32, 32, 32)  # not 59
    assert folded.stats.figures_superseded == 1
    assert [ref.count for ref in killed.figures] == [32]


def test_rule3_a_stale_restatement_does_not_roll_the_toll_back() -> None:
    situation = picture(
        [
            report("a1", outlet="terra", casualties=[figure(32, source="Armenian authorities")]),
            report("a2", outlet="slow", at=SEED_AT + HOUR, casualties=[figure(27, source="Armenian authorities")]),
        ]
    )
    killed = tally(situation)
    assert (killed.best, killed.sources) == (32, 2)


def test_rule4_subgroups_are_subsets_never_added() -> None:
    situation = picture([seed_story("a1", "terra"), seed_story("a2", "dw", at=SEED_AT + HOUR)])
    for window in ("24h", "7d", "all"):
        children = tally(situation, window, group="children").best
        civilians = tally(situation, window, group="civilians").best
        everyone = tally(situation, window).best
        assert (children, civilians, everyone) == (2, 7, 32)


def test_rule4_a_subgroup_without_a_total_lifts_the_total() -> None:
    situation = picture([report("a1", casualties=[figure(4, group="police"), figure(2, group="children")])])
    assert tally(situation, group="civilians").best == 2  # children are civilians
    assert tally(situation).best == 6  # police and civilians are disjoint: 4 + 2


def test_rule5_background_figures_never_count() -> None:
    only_background = picture(
        [report("a1", casualties=[figure(6500, background=True)]), seed_story("a2", "terra", at=SEED_AT + HOUR)]
    )
    assert tally(only_background).best == 32
    assert all(ref.count != 6500 for t in only_background.casualties for ref in t.figures)


def test_rule5_background_figures_are_counted_as_ignored() -> None:
    folded = apply_all(new_region(REGION), [seed_story("a1", "terra"), seed_story("a1", "terra")])
    assert folded.stats.background_ignored == 1  # the seed's 2020 toll, once: the redelivery is a duplicate
    assert folded.stats.figures_counted == 5


def test_rule6_distinct_incidents_add_up() -> None:
    situation = picture(
        [
            report("a1", places=["Stepanakert"], casualties=[figure(5)]),
            report("a2", at=SEED_AT + 3 * DAY, places=["Martuni"], casualties=[figure(3)]),
        ]
    )
    assert tally(situation, "7d").best == 8
    assert tally(situation, "7d").incidents == 2
    assert tally(situation, "24h").best == 3  # only the second incident is within 24 h of the picture


def test_rule6_same_day_different_towns_are_distinct_incidents() -> None:
    situation = picture(
        [
            report("a1", places=["Stepanakert"], casualties=[figure(5)]),
            report("a2", at=SEED_AT + 2 * HOUR, places=["Martuni"], casualties=[figure(3)]),
        ]
    )
    assert tally(situation, "24h").best == 8


def test_a_report_naming_no_place_joins_the_incident_rather_than_doubling_it() -> None:
    situation = picture(
        [
            report("a1", places=["Stepanakert"], casualties=[figure(5, source="ministry")]),
            report("a2", at=SEED_AT + 2 * HOUR, places=[], casualties=[figure(5, source="ministry")], outlet="b"),
        ]
    )
    assert (tally(situation).best, tally(situation).sources) == (5, 2)


def test_late_report_within_48h_updates_the_right_incident() -> None:
    situation = picture(
        [
            report("a1", places=["Stepanakert"], casualties=[figure(5, source="ministry")]),
            report("a2", at=SEED_AT + 40 * HOUR, places=["Martuni"], casualties=[figure(3)]),
            # late: published 1 h after the first incident, read after the second
            report("a3", at=SEED_AT + HOUR, places=["Stepanakert"], casualties=[figure(9, source="ministry")]),
        ]
    )
    assert tally(situation, "all").best == 12
    assert tally(situation, "24h").best == 3  # the Stepanakert incident began 40 h before the picture


def test_old_incidents_leave_the_windows_but_stay_in_all() -> None:
    situation = picture(
        [
            report("a1", places=["A"], casualties=[figure(5, group="civilians")]),
            report("a2", at=SEED_AT + 20 * DAY, places=["B"], casualties=[figure(3)]),
        ]
    )
    assert tally(situation, "7d").best == 3
    assert tally(situation, "7d", group="civilians").best == 0
    everyone = tally(situation, "all")
    assert (everyone.best, everyone.incidents, everyone.sources) == (8, 2, 1)
    assert tally(situation, "all", group="civilians").best == 5


def test_figures_cite_article_outlet_source_and_sentence() -> None:
    killed = tally(picture([seed_story("a1", "terra")]))
    cited = {(ref.article_id, ref.outlet, ref.source, ref.count) for ref in killed.figures}
    assert ("a1", "terra", "Armenian authorities", 32) in cited
    assert all(ref.sentence for ref in killed.figures)
