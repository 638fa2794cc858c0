"""Rule 7: the same log gives the same state, however it is cut into batches; the fold is pure."""

from __future__ import annotations

import itertools
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.envelope import encode
from streams.events import DISJOINT_GROUPS, PART_OF, ReportsExtracted
from streams.fold.region import apply, apply_all, new_region
from streams.fold.snapshot import snapshot
from streams.fold.state import dump_state
from tests.unit.streams.factories import HOUR, REGION, SEED_AT, figure, report, seed_story, statement

STATUSES = ("proposed", "agreed", "in_effect", "violated", "collapsed", "extended")


@st.composite
def logs(draw: st.DrawFn) -> list[ReportsExtracted]:
    count = draw(st.integers(min_value=1, max_value=40))
    reports = []
    for index in range(count):
        hours = draw(st.integers(min_value=0, max_value=24 * 20))
        article = draw(st.sampled_from([f"a{index}", "dup-1", "dup-2"]))
        figures = [
            figure(
                draw(st.integers(min_value=0, max_value=60)),
                draw(st.sampled_from(["killed", "injured"])),
                draw(st.sampled_from([None, "civilians", "children", "women", "police", "soldiers"])),
                source=draw(st.sampled_from([None, "ministry", "red cross"])),
                qualifier=draw(st.sampled_from(["exact", "at_least", "at_most", "approximately"])),
                background=draw(st.booleans()),
            )
            for _ in range(draw(st.integers(min_value=0, max_value=3)))
        ]
        statements = [statement(draw(st.sampled_from(STATUSES)))] if draw(st.booleans()) else []
        reports.append(
            report(
                article,
                at=SEED_AT + hours * HOUR,
                outlet=draw(st.sampled_from(["terra", "dw", None])),
                places=draw(st.sampled_from([(), ("Stepanakert",), ("Martuni",)])),
                casualties=figures,
                ceasefire=statements,
            )
        )
    return reports


@settings(max_examples=150, deadline=None)
@given(log=logs(), cuts=st.lists(st.integers(min_value=0, max_value=40), max_size=8))
def test_batch_boundaries_never_change_the_state(log: list[ReportsExtracted], cuts: list[int]) -> None:
    whole = apply_all(new_region(REGION), log).state
    state = new_region(REGION)
    bounds = sorted({0, len(log), *(cut for cut in cuts if cut < len(log))})
    for start, end in itertools.pairwise(bounds):
        state = apply_all(state, log[start:end]).state
    one_by_one = new_region(REGION)
    for item in log:
        one_by_one = apply(one_by_one, item).state
    assert dump_state(state) == dump_state(whole) == dump_state(one_by_one)
    if whole.cause is not None:
        published = encode(snapshot(whole), subject=REGION)
        assert encode(snapshot(state), subject=REGION) == published


@settings(max_examples=100, deadline=None)
@given(log=logs())
def test_subgroups_never_exceed_their_parents_in_any_window(log: list[ReportsExtracted]) -> None:
    state = apply_all(new_region(REGION), log).state
    if state.cause is None:
        return
    best = {(t.outcome, t.group, t.window): (t.low, t.best, t.high) for t in snapshot(state).casualties}
    for (outcome, group, window), values in best.items():
        parent = PART_OF.get(group, None) if group is not None else None  # type: ignore[call-overload]
        if group is not None:
            for low_or_best_or_high, bound in zip(values, best[(outcome, parent, window)], strict=True):
                assert low_or_best_or_high <= bound
        else:  # people in general are at least the sum of the disjoint groups, bound by bound
            disjoint = [best.get((outcome, name, window), (0, 0, 0)) for name in DISJOINT_GROUPS]
            for bound, total in enumerate(values):
                assert sum(group_values[bound] for group_values in disjoint) <= total
        assert values[0] <= values[1] <= values[2]


def test_apply_never_mutates_its_input() -> None:
    start = apply(new_region(REGION), seed_story("a1", "terra")).state
    before = dump_state(start)
    apply_all(start, [seed_story("a2", "dw", at=SEED_AT + HOUR), report("a3", ceasefire=[statement("collapsed")])])
    assert dump_state(start) == before


def test_the_published_json_keeps_the_documented_interface() -> None:
    event = snapshot(apply(new_region(REGION), seed_story("a1", "terra")).state)
    data = json.loads(encode(event, subject=REGION))["data"]
    assert {"region", "as_of", "casualties", "ceasefire"} <= set(data)
    assert data["region"] == REGION
    first = data["casualties"][0]
    assert {"outcome", "group", "window", "low", "best", "high", "sources", "disputed", "figures"} <= set(first)
    assert (first["outcome"], first["group"], first["window"]) == ("killed", None, "24h")
    assert {"status", "since", "parties", "mediators", "evidence"} <= set(data["ceasefire"])
