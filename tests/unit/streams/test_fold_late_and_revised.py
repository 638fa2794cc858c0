"""Late data (issue 9) and articles that change (issues 8 and 13), on the pure fold."""

from __future__ import annotations

from streams.fold.region import apply_all, new_region
from streams.fold.snapshot import snapshot
from streams.fold.state import dump_state
from tests.unit.streams.factories import DAY, HOUR, REGION, SEED_AT, figure, report, statement
from tests.unit.streams.test_fold_casualties import tally


def test_a_report_days_late_counts_in_every_window_its_event_time_falls_in() -> None:
    folded = apply_all(
        new_region(REGION),
        [
            report("a1", at=SEED_AT + 3 * DAY, places=["Martuni"], casualties=[figure(5)]),
            report("a2", at=SEED_AT, places=["Stepanakert"], casualties=[figure(100)]),  # three days late
        ],
    )
    situation = snapshot(folded.state)
    assert (tally(situation, "24h").best, tally(situation, "7d").best, tally(situation, "all").best) == (5, 105, 105)
    assert folded.stats.refusals == []


def test_a_late_report_joins_its_incident_as_if_it_had_come_in_time() -> None:
    in_time = [
        report("a1", outlet="terra", casualties=[figure(32, source="ministry")]),
        report("a2", outlet="dw", at=SEED_AT + 5 * HOUR, casualties=[figure(32, source="ministry")]),
        report("a3", at=SEED_AT + 4 * DAY, places=["Martuni"], casualties=[figure(3)]),
    ]
    late = [in_time[2], in_time[1], in_time[0]]
    assert dump_state(apply_all(new_region(REGION), late).state) == dump_state(
        apply_all(new_region(REGION), in_time).state
    )
    assert tally(snapshot(apply_all(new_region(REGION), late).state), "7d").best == 35  # 32 once, not twice


def test_a_report_more_than_a_week_late_goes_to_the_all_time_archive_only() -> None:
    folded = apply_all(
        new_region(REGION),
        [
            report("a1", at=SEED_AT + 10 * DAY, places=["Martuni"], casualties=[figure(5)]),
            report("a2", at=SEED_AT, places=["Stepanakert"], casualties=[figure(100)]),
        ],
    )
    situation = snapshot(folded.state)
    assert (tally(situation, "7d").best, tally(situation, "all").best) == (5, 105)
    assert folded.stats.archived_late == 1
    again = apply_all(folded.state, [report("a2", at=SEED_AT, places=["Stepanakert"], casualties=[figure(100)])])
    assert not again.changed and again.stats.duplicates_ignored == 1  # redelivered: remembered, not counted twice


def test_a_report_beyond_the_memory_is_refused_with_a_reason() -> None:
    folded = apply_all(
        new_region(REGION),
        [report("a1", at=SEED_AT + 40 * DAY, casualties=[figure(5)]), report("a2", casualties=[figure(100)])],
    )
    [refusal] = folded.stats.refusals
    assert (refusal.index, refusal.kind) == (1, "too_old")
    assert "40.0 days behind" in refusal.reason and "'a2'" in refusal.reason
    assert tally(snapshot(folded.state), "all").best == 5


def test_late_ceasefire_news_is_placed_in_event_time_order() -> None:
    agreed = report("c1", ceasefire=[statement("agreed", parties=("A", "B"))])
    violated = report("c2", at=SEED_AT + DAY, ceasefire=[statement("violated")])
    in_order = snapshot(apply_all(new_region(REGION), [agreed, violated]).state)
    reversed_ = snapshot(apply_all(new_region(REGION), [violated, agreed]).state)
    assert reversed_ == in_order
    assert [step.status for step in in_order.ceasefire.history] == ["agreed", "violated"]


def test_a_revision_replaces_the_articles_contribution_even_downwards() -> None:
    first = report("live-1", casualties=[figure(200, source="ministry")], outlet="terra")
    corrected = report(
        "live-1",
        casualties=[figure(120, source="ministry", sentence="The ministry corrected the toll to 120.")],
        outlet="terra",
        revised_at=SEED_AT + 3 * HOUR,
    )
    for order in ([first, corrected], [corrected, first]):
        folded = apply_all(new_region(REGION), order)
        killed = tally(snapshot(folded.state))
        assert (killed.low, killed.best, killed.high) == (120, 120, 120)  # not 200, not 320
        assert [ref.sentence for ref in killed.figures] == ["The ministry corrected the toll to 120."]
    assert dump_state(apply_all(new_region(REGION), [first, corrected]).state) == dump_state(
        apply_all(new_region(REGION), [corrected, first]).state
    )


def test_a_revision_moves_the_article_to_its_new_incident_without_counting_twice() -> None:
    other = report("b1", outlet="dw", places=["Martuni"], casualties=[figure(7, source="red cross")])
    first = report("live-1", places=["Stepanakert"], casualties=[figure(32, source="ministry")])
    moved = report(
        "live-1",
        places=["Martuni"],
        casualties=[figure(7, source="red cross")],
        revised_at=SEED_AT + HOUR,
    )
    situation = snapshot(apply_all(new_region(REGION), [other, first, moved]).state)
    everyone = tally(situation)
    assert (everyone.best, everyone.incidents, everyone.sources) == (7, 1, 2)


def test_a_newer_extractors_report_replaces_the_older_ones_in_any_order() -> None:
    old = report("a1", casualties=[figure(30)], extractor_version="sitmon-extract/1.9")
    new = report("a1", casualties=[figure(32)], extractor_version="sitmon-extract/1.10")  # 1.10 > 1.9
    for order in ([old, new], [new, old], [old, new, old, new]):
        folded = apply_all(new_region(REGION), order)
        assert tally(snapshot(folded.state)).best == 32
        assert folded.state.sequence == 2  # each distinct report once; redeliveries not at all


def test_a_revision_of_an_archived_article_is_refused_and_the_archive_keeps_what_it_counted() -> None:
    first = report("a1", casualties=[figure(10)])
    later_news = report("b1", at=SEED_AT + 12 * DAY, places=["Martuni"], casualties=[figure(1)])
    revision = report("a1", casualties=[figure(12)], revised_at=SEED_AT + 12 * DAY)
    folded = apply_all(new_region(REGION), [first, later_news, revision])
    [refusal] = folded.stats.refusals
    assert refusal.kind == "late_revision" and "'a1'" in refusal.reason
    assert tally(snapshot(folded.state), "all").best == 11
