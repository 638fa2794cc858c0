"""Deriving a region's incidents and ceasefire again from the articles it holds.

The fold applies a report incrementally when it comes in (event time, article id) order; an
article that arrives out of order or replaces its earlier report leaves the derivation pending
(`Pending`), and `settle` derives it again from every held article once per batch. A state read
back from a store that keeps only the articles is derived the same way (`derive_again`).
Separate from region.py, which decides what each report does (itemise, archive, refuse): this
module only recomputes from what is held, the same whatever the batch boundaries were.
"""

from __future__ import annotations

from dataclasses import dataclass

from streams.fold.ceasefire import advance_clock, replay
from streams.fold.incidents import FoldStats, derive_incidents
from streams.fold.state import Contribution, RegionState


@dataclass(slots=True)
class Pending:
    """What the batch left to derive again: out-of-order or replaced articles."""

    incidents: bool = False
    ceasefire: bool = False
    resort: bool = False


def settle(state: RegionState, pending: Pending, stats: FoldStats) -> None:
    """Derive again what out-of-order or replaced articles left pending; run the ceasefire clock."""
    if pending.resort:
        _sort_contributions(state)
        state.latest = next(reversed(state.contributions.values())).order if state.contributions else None
    if pending.incidents:
        state.incidents = derive_incidents(state.region, _all_held(state, figures=True))
    clock = state.watermark_ms if state.watermark_ms is not None else 0
    before = state.ceasefire.transitions
    if pending.ceasefire:
        state.ceasefire = replay(state.ceasefire_base, _all_held(state, statements=True), clock)
    else:
        advance_clock(state.ceasefire, clock)  # the 72 h timer runs with the region's clock
    stats.ceasefire_transitions += max(0, state.ceasefire.transitions - before)
    pending.resort = pending.incidents = pending.ceasefire = False


def derive_again(state: RegionState) -> None:
    """Order the articles and derive incidents and the ceasefire from them: what the fold keeps
    incrementally, for a state read back from a store that holds only the articles and the
    header (`streams.worker.table_layout`). The result equals the state the fold had built."""
    _sort_contributions(state)
    state.remembered = dict(sorted(state.remembered.items()))
    state.remembered_unsorted, state.forget_queue = False, None
    state.incidents = derive_incidents(state.region, _all_held(state, figures=True))
    clock = state.watermark_ms if state.watermark_ms is not None else 0
    state.ceasefire = replay(state.ceasefire_base, _all_held(state, statements=True), clock)


def _sort_contributions(state: RegionState) -> None:
    order = sorted(state.contributions.values(), key=lambda contribution: contribution.order)
    state.contributions = {contribution.article_id: contribution for contribution in order}


def _all_held(state: RegionState, *, figures: bool = False, statements: bool = False) -> list[Contribution]:
    """The itemised articles with figures, or with ceasefire statements, in order."""
    return [
        contribution
        for contribution in state.contributions.values()
        if (figures and contribution.figures) or (statements and contribution.statements)
    ]
