"""Issue 11: order does not matter. The same reports — permuted, redelivered, cut into batches
anywhere — give the same region state, byte for byte, as long as every report lies within the
late-data horizon (7 days) of the newest one; and no report is ever lost without a reason."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.events import ReportsExtracted
from streams.fold.region import apply_all, fold_into, new_region
from streams.fold.snapshot import snapshot
from streams.fold.state import RegionState, dump_state
from tests.unit.streams.factories import HOUR, REGION, SEED_AT, figure, report, statement

STATUSES = ("proposed", "agreed", "in_effect", "violated", "collapsed", "extended")
WEEK_HOURS = 7 * 24


@st.composite
def reports(draw: st.DrawFn, *, span_hours: int) -> list[ReportsExtracted]:
    """Distinct reports (articles, their revisions and re-derivations) spread over `span_hours`."""
    count = draw(st.integers(min_value=1, max_value=30))
    out: list[ReportsExtracted] = []
    for index in range(count):
        article = draw(st.sampled_from([f"a{index}", "shared-1", "shared-2"]))  # shared: revisions of one story
        hours = draw(st.integers(min_value=0, max_value=span_hours))
        figures = [
            figure(
                draw(st.integers(min_value=0, max_value=60)),
                draw(st.sampled_from(["killed", "injured"])),
                draw(st.sampled_from([None, "civilians", "children", "police"])),
                source=draw(st.sampled_from([None, "ministry", "red cross"])),
                qualifier=draw(st.sampled_from(["exact", "at_least", "at_most", "approximately"])),
                background=draw(st.booleans()),
            )
            for _ in range(draw(st.integers(min_value=0, max_value=3)))
        ]
        out.append(
            report(
                article,
                at=SEED_AT + hours * HOUR,
                outlet=draw(st.sampled_from(["terra", "dw", None])),
                places=draw(st.sampled_from([(), ("Stepanakert",), ("Martuni",)])),
                casualties=figures,
                ceasefire=[statement(draw(st.sampled_from(STATUSES)))] if draw(st.booleans()) else [],
                revised_at=SEED_AT + draw(st.integers(min_value=0, max_value=span_hours)) * HOUR,
                extractor_version=draw(st.sampled_from(["sitmon-extract/1.2", "sitmon-extract/1.10"])),
                event_id=f"e{index}",
            )
        )
    return out


@st.composite
def delivered(draw: st.DrawFn, log: list[ReportsExtracted]) -> list[list[ReportsExtracted]]:
    """The same log as a consumer may see it: in another order, with redeliveries, in batches."""
    order = list(draw(st.permutations(log)))
    for _ in range(draw(st.integers(min_value=0, max_value=5))):
        order.insert(draw(st.integers(min_value=0, max_value=len(order))), draw(st.sampled_from(log)))
    cuts = draw(st.lists(st.integers(min_value=0, max_value=len(order)), max_size=6))
    bounds = sorted({0, len(order), *cuts})
    return [order[start:end] for start, end in itertools.pairwise(bounds)]


def fold_batches(batches: list[list[ReportsExtracted]]) -> RegionState:
    state = new_region(REGION)
    for batch in batches:
        state = apply_all(state, batch).state
    return state


@settings(max_examples=150, deadline=None)
@given(data=st.data(), log=reports(span_hours=WEEK_HOURS))
def test_within_the_horizon_any_order_redelivery_and_batching_give_the_same_state(
    data: st.DataObject, log: list[ReportsExtracted]
) -> None:
    reference = fold_batches([log])
    other = fold_batches(data.draw(delivered(log)))
    assert dump_state(other) == dump_state(reference)
    if reference.cause is not None:
        assert snapshot(other) == snapshot(reference)


@settings(max_examples=100, deadline=None)
@given(data=st.data(), log=reports(span_hours=60 * 24))
def test_every_report_is_folded_ignored_as_a_duplicate_or_refused_with_a_reason(
    data: st.DataObject, log: list[ReportsExtracted]
) -> None:
    batches = data.draw(delivered(log))
    state = new_region(REGION)
    for batch in batches:
        stats = fold_into(state, batch)
        # a report refused whole is not folded; one whose statements alone came too late is both
        refused_whole = [refusal for refusal in stats.refusals if refusal.kind != "late_ceasefire"]
        assert stats.reports_folded + stats.duplicates_ignored + len(refused_whole) == len(batch)
        assert all(refusal.reason and 0 <= refusal.index < len(batch) for refusal in stats.refusals)


@settings(max_examples=100, deadline=None)
@given(data=st.data(), log=reports(span_hours=60 * 24))
def test_beyond_the_horizon_batch_boundaries_still_never_change_the_state(
    data: st.DataObject, log: list[ReportsExtracted]
) -> None:
    order = list(data.draw(st.permutations(log)))
    cuts = data.draw(st.lists(st.integers(min_value=0, max_value=len(order)), max_size=6))
    bounds = sorted({0, len(order), *cuts})
    assert dump_state(fold_batches([order[a:b] for a, b in itertools.pairwise(bounds)])) == dump_state(
        fold_batches([order])
    )
