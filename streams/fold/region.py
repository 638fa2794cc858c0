"""The region fold: `apply(state, report) -> Folded`, and `apply_all` for a batch.

Pure: the input state is never mutated (the fold works on a private copy), so the worker,
`sitmon situation --as-of` and the tests share one function and a replay of the same log
gives the same state. The region's clock is the latest event time folded (its watermark);
nothing here reads the wall clock.

Idempotency: a report whose article was already folded changes nothing, and a report more
than 48 h behind the region's clock is too late to place and changes nothing (counted).
Compaction (archiving old incidents, forgetting old article ids) depends only on the final
watermark, so batch boundaries never change the resulting state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from streams.events import ReportsExtracted
from streams.fold.ceasefire import advance_clock, apply_statement
from streams.fold.incidents import FoldStats, fold_figures
from streams.fold.state import (
    ITEMISED_MS,
    LATE_LIMIT_MS,
    SEEN_ARTICLES_MS,
    Cursor,
    RegionState,
    clone,
    to_ms,
)
from streams.fold.tallies import archive


class WrongRegion(ValueError):
    """A report folded into another region's state: a keying bug upstream, not bad data."""


@dataclass(frozen=True, slots=True)
class Folded:
    state: RegionState
    changed: bool
    stats: FoldStats


def new_region(region: str) -> RegionState:
    return RegionState(region=region)


def apply(state: RegionState, report: ReportsExtracted) -> Folded:
    return apply_all(state, (report,))


def apply_all(state: RegionState, reports: Iterable[ReportsExtracted]) -> Folded:
    """Fold reports, in log order, into a copy of `state`."""
    work = clone(state)
    stats = fold_into(work, reports)
    changed = stats.reports_folded > 0
    return Folded(work if changed else state, changed, stats)


def fold_into(state: RegionState, reports: Iterable[ReportsExtracted]) -> FoldStats:
    """The in-place fold behind `apply_all`, for a caller that owns a private copy of the state
    (the worker deserialises a fresh one from its table for every batch)."""
    stats = FoldStats()
    for report in reports:
        _fold_report(state, report, stats)
    if stats.reports_folded:
        _compact(state)
    return stats


def _fold_report(state: RegionState, report: ReportsExtracted, stats: FoldStats) -> None:
    if report.region != state.region:
        raise WrongRegion(f"report {report.event_id} is for region {report.region!r}, not {state.region!r}")
    event_ms = to_ms(report.published_at)
    seen_ms = state.seen_articles.get(report.article_id)
    # an id older than the memory horizon counts as forgotten even before compaction drops it,
    # so whether compaction already ran (batch boundaries) never changes the outcome
    if seen_ms is not None and (state.watermark_ms is None or seen_ms >= state.watermark_ms - SEEN_ARTICLES_MS):
        stats.duplicates_ignored += 1
        return
    if state.watermark_ms is not None and event_ms < state.watermark_ms - LATE_LIMIT_MS:
        stats.too_late_ignored += 1
        return
    state.seen_articles.pop(report.article_id, None)  # re-insert: key order must not depend on compaction
    state.seen_articles[report.article_id] = event_ms
    stats.reports_folded += 1
    state.sequence += 1
    state.cause = Cursor(report.event_id, report.article_id, event_ms)
    if state.watermark_ms is None or event_ms > state.watermark_ms:
        state.watermark_ms = event_ms
        stats.ceasefire_transitions += advance_clock(state.ceasefire, event_ms)
    fold_figures(state.incidents, state.region, report, stats)
    for statement in report.ceasefire:
        before = state.ceasefire.status
        apply_statement(state.ceasefire, statement, event_ms, report.article_id)
        stats.ceasefire_transitions += state.ceasefire.status != before


def _compact(state: RegionState) -> None:
    """Archive incidents no window but `all` can need, and forget article ids too old to recur."""
    if state.watermark_ms is None:
        return
    horizon = state.watermark_ms - ITEMISED_MS
    if state.incidents and state.incidents[0].first_ms < horizon:
        for incident in state.incidents:
            if incident.first_ms < horizon:
                archive(state.archived, incident)
        state.incidents = [incident for incident in state.incidents if incident.first_ms >= horizon]
    forget_before = state.watermark_ms - SEEN_ARTICLES_MS
    if any(seen_ms < forget_before for seen_ms in state.seen_articles.values()):
        state.seen_articles = {
            article: seen_ms for article, seen_ms in state.seen_articles.items() if seen_ms >= forget_before
        }
