"""The ceasefire state machine, driven by event time only."""

from __future__ import annotations

from collections.abc import Iterable

from streams.events import ReportsExtracted
from streams.fold.region import apply_all, new_region
from streams.fold.snapshot import snapshot
from streams.situation import CeasefirePicture
from tests.unit.streams.factories import HOUR, REGION, SEED_AT, report, seed_story, statement


def ceasefire(reports: Iterable[ReportsExtracted], as_of_hours: float | None = None) -> CeasefirePicture:
    state = apply_all(new_region(REGION), reports).state
    as_of = None if as_of_hours is None else SEED_AT + as_of_hours * HOUR
    return snapshot(state, as_of).ceasefire


def said(article_id: str, hours: float, status: str, **kwargs: object) -> ReportsExtracted:
    return report(article_id, at=SEED_AT + hours * HOUR, ceasefire=[statement(status, **kwargs)])  # type: ignore[arg-type]


def test_no_statement_means_none() -> None:
    assert ceasefire([report("a1")]).status == "none"


def test_the_seed_story_agrees_a_ceasefire_with_parties_mediators_and_evidence() -> None:
    picture = ceasefire([seed_story("a1", "terra")])
    assert picture.status == "agreed"
    assert picture.since == SEED_AT
    assert picture.parties == ("Azerbaijan", "Artsakh")
    assert picture.mediators == ("Russia",)
    assert picture.evidence == "the two sides agreed this Wednesday (20/09) on a ceasefire"
    assert picture.article_id == "a1"


def test_the_full_lifecycle_records_every_transition_with_its_time() -> None:
    picture = ceasefire(
        [
            said("p", 0, "proposed", mediators=["Russia"]),
            said("a", 5, "agreed", parties=["Azerbaijan", "Artsakh"]),
            said("e", 10, "in_effect"),
            said("v", 20, "violated"),
            said("c", 30, "collapsed"),
        ]
    )
    assert [(step.status, step.at) for step in picture.history] == [
        ("proposed", SEED_AT),
        ("agreed", SEED_AT + 5 * HOUR),
        ("in_effect", SEED_AT + 10 * HOUR),
        ("violated", SEED_AT + 20 * HOUR),
        ("collapsed", SEED_AT + 30 * HOUR),
    ]
    assert picture.status == "collapsed"
    assert (picture.parties, picture.mediators) == (("Azerbaijan", "Artsakh"), ("Russia",))


def test_violated_returns_to_in_effect_after_72_quiet_hours_of_event_time() -> None:
    reports = [said("e", 0, "in_effect"), said("v", 10, "violated")]
    assert ceasefire([*reports, report("r", at=SEED_AT + 81 * HOUR)]).status == "violated"  # 71 h quiet
    back = ceasefire([*reports, report("r", at=SEED_AT + 90 * HOUR)])
    assert back.status == "in_effect"
    assert back.since == SEED_AT + 82 * HOUR  # exactly 72 h after the violation, not when a report came
    assert back.history[-1].evidence == "no violation reported for 72 hours of event time"


def test_a_fresh_violation_restarts_the_quiet_period() -> None:
    reports = [said("e", 0, "in_effect"), said("v1", 10, "violated"), said("v2", 60, "violated")]
    assert ceasefire([*reports, report("r", at=SEED_AT + 100 * HOUR)]).status == "violated"
    assert ceasefire([*reports, report("r", at=SEED_AT + 133 * HOUR)]).status == "in_effect"


def test_the_timer_runs_for_a_picture_asked_for_past_the_last_report() -> None:
    reports = [said("e", 0, "in_effect"), said("v", 10, "violated")]
    assert ceasefire(reports, as_of_hours=50).status == "violated"
    assert ceasefire(reports, as_of_hours=90).status == "in_effect"


def test_background_and_stale_statements_change_nothing() -> None:
    picture = ceasefire(
        [
            said("a", 10, "agreed"),
            said("bg", 11, "collapsed", background=True),
            said("old", 2, "proposed"),  # older than the agreement
            said("again", 12, "proposed"),  # the machine does not go back to proposed
        ]
    )
    assert (picture.status, picture.since) == ("agreed", SEED_AT + 10 * HOUR)


def test_a_new_agreement_after_a_collapse_starts_a_new_ceasefire() -> None:
    picture = ceasefire(
        [
            said("a", 0, "agreed", parties=["A", "B"]),
            said("c", 24, "collapsed"),
            said("n", 3 * 24, "agreed", parties=["A", "C"], mediators=["Qatar"]),
        ]
    )
    assert (picture.status, picture.parties, picture.mediators) == ("agreed", ("A", "C"), ("Qatar",))


def test_restatements_add_parties_and_mediators_without_a_transition() -> None:
    picture = ceasefire(
        [
            said("a", 0, "agreed", parties=["Azerbaijan"]),
            said("b", 1, "agreed", parties=["Artsakh"], mediators=["Russia"]),
        ]
    )
    assert (picture.parties, picture.mediators, len(picture.history)) == (("Azerbaijan", "Artsakh"), ("Russia",), 1)


def test_extended_holds_and_can_still_be_violated() -> None:
    picture = ceasefire([said("e", 0, "in_effect"), said("x", 2 * 24, "extended"), said("v", 3 * 24, "violated")])
    assert picture.status == "violated"
    assert ceasefire([said("e", 0, "in_effect"), said("x", 24, "extended")], as_of_hours=10 * 24).status == "extended"
