"""The region fold: `apply(state, report) -> Folded`, and `apply_all` for a batch.

Pure: the input state is never mutated (the fold works on a private copy), so the worker,
`sitmon situation --as-of` and the tests share one function and a replay of the same log
gives the same state. The region's clock is the latest event time folded (its watermark);
nothing here reads the wall clock.

Order does not matter within the late-data horizon. Each article keeps one itemised
contribution — its report with the greatest `streams.events.derivation_key`, so a revision or
a re-derivation replaces the earlier one whatever the arrival order — and incidents and the
ceasefire are derived from the contributions in (event time, article id) order. A report that
arrives in that order is applied incrementally (the same result, cheaply); one that arrives
out of order, or replaces an article's earlier report, has them derived again.

Every decision depends only on the report, the articles already folded and the region's
clock — never on whether compaction already ran — so batch boundaries never change the state:

- a report up to 7 days behind the clock is itemised (it lands in every window);
- older, up to 30 days behind, its figures go straight into the all-time archive and its article
  is remembered; older still it cannot be told from one already counted: refused;
- a report of an article whose counted report is more than 7 days behind the clock is a
  redelivery (ignored) or a late revision (refused: the archive keeps what it counted).
Refused reports are returned in `FoldStats.refusals` with the reason; the worker dead-letters them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from streams.events import ReportsExtracted
from streams.fold.ceasefire import apply_article
from streams.fold.compaction import compact, remember, remembered
from streams.fold.derive_from_held import Pending, settle
from streams.fold.facts import ReportFacts, facts_of
from streams.fold.incidents import FoldStats, Refusal, fold_figures
from streams.fold.state import (
    ACCEPT_MS,
    ARCHIVE_MEMORY_MS,
    DAY_MS,
    ITEMISED_MS,
    Contribution,
    Cursor,
    Incident,
    RegionState,
    clone,
)
from streams.fold.tallies import archive

ACCEPT_DAYS, ITEMISED_DAYS, MEMORY_DAYS = ACCEPT_MS // DAY_MS, ITEMISED_MS // DAY_MS, ARCHIVE_MEMORY_MS // DAY_MS


class WrongRegion(ValueError):
    """A report folded into another region's state: a keying bug upstream, not bad data."""


@dataclass(frozen=True, slots=True)
class Folded:
    state: RegionState
    changed: bool
    stats: FoldStats


def new_region(region: str) -> RegionState:
    return RegionState(region=region)


def apply(state: RegionState, report: ReportsExtracted | ReportFacts) -> Folded:
    return apply_all(state, (report,))


def apply_all(state: RegionState, reports: Iterable[ReportsExtracted | ReportFacts]) -> Folded:
    """Fold reports, in log order, into a copy of `state`."""
    work = clone(state)
    stats = fold_into(work, reports)
    changed = stats.reports_folded > 0
    return Folded(work if changed else state, changed, stats)


def fold_into(
    state: RegionState, reports: Iterable[ReportsExtracted | ReportFacts], *, owned: bool = False
) -> FoldStats:
    """The in-place fold behind `apply_all`, for a caller that owns the state (the worker keeps
    each region's decoded state in memory; the articles whose entries changed are added to
    `state.touched`). Reports may come as contract models or as their facts already read.
    `owned`: the facts were read for this fold alone and are never folded again (the worker's and
    the rebuild's batches), so the state keeps each report's contribution itself instead of a
    copy; facts folded into several states (tests, `--as-of`) must be copied, as by default."""
    stats = FoldStats()
    pending = Pending()
    for index, report in enumerate(reports):
        if isinstance(report, ReportFacts):
            _fold_report(state, report, index, stats, pending, owned)
        else:  # facts made here are this fold's own
            _fold_report(state, facts_of(report), index, stats, pending, True)
    if stats.reports_folded:
        settle(state, pending, stats)
        compact(state)
    return stats


def _fold_report(
    state: RegionState, report: ReportFacts, index: int, stats: FoldStats, pending: Pending, owned: bool
) -> None:
    if report.region != state.region:
        raise WrongRegion(f"report {report.event_id} is for region {report.region!r}, not {state.region!r}")
    stated = report.contribution
    event_ms = stated.event_ms
    clock = event_ms if state.watermark_ms is None or event_ms > state.watermark_ms else state.watermark_ms
    held = state.contributions.get(stated.article_id)
    if held is not None and held.event_ms < clock - ACCEPT_MS:
        # Whether compaction already moved this old article out of the itemised ones depends on
        # batch boundaries: compact now (the clock decides, not the batch), then look again.
        settle(state, pending, stats)
        compact(state)
        held = _held(state, report.article_id)
    if held is not None:
        _another_report(state, held, report, event_ms, clock, index, stats, pending, owned)
        return
    known = remembered(state, stated.article_id) if state.remembered else None
    if known is not None and known.event_ms >= clock - ARCHIVE_MEMORY_MS:
        if report.event_id in known.event_ids:
            stats.duplicates_ignored += 1
        else:
            _refuse(stats, index, "late_revision", _late_revision(stated, clock))
        return
    if event_ms < clock - ARCHIVE_MEMORY_MS:
        _refuse(
            stats,
            index,
            "too_old",
            f"report of article {report.article_id!r} is dated {_days(clock - event_ms)} behind region "
            f"{state.region!r}'s latest report, beyond the {MEMORY_DAYS}-day memory of archived articles: "
            "sitmon cannot tell it from one already counted",
        )
        return
    contribution = _contribution(report, stats, owned)
    in_order = (state.latest is None or contribution.order > state.latest) and (
        state.watermark_ms is None or event_ms >= state.watermark_ms
    )
    _counted(state, contribution, clock, stats)
    if event_ms >= clock - ACCEPT_MS:
        _itemise(state, contribution, in_order, stats, pending)
    else:
        _archive_late(state, contribution, clock, index, stats, pending)


def _another_report(
    state: RegionState,
    held: Contribution,
    report: ReportFacts,
    event_ms: int,
    clock: int,
    index: int,
    stats: FoldStats,
    pending: Pending,
    owned: bool,
) -> None:
    """A report of an article already itemised: a redelivery, an older or a newer derivation."""
    if report.event_id == held.event_id or report.event_id in held.superseded:
        stats.duplicates_ignored += 1
        return
    stated = report.contribution
    if held.event_ms < clock - ACCEPT_MS:  # as good as archived, whether compaction ran or not
        _refuse(stats, index, "late_revision", _late_revision(stated, clock))
        return
    if stated.key < held.key:  # an older revision or extractor: the standing report stays
        held.superseded = sorted([*held.superseded, report.event_id])
        state.touched.add(held.article_id)
        _counted(state, stated, clock, stats)
        stats.superseded_ignored += 1
        return
    if event_ms < clock - ACCEPT_MS:
        _refuse(stats, index, "late_revision", _late_revision(stated, clock))
        return
    replacement = _contribution(report, stats, owned)
    replacement.superseded = sorted([*held.superseded, held.event_id])
    del state.contributions[report.article_id]
    state.contributions[report.article_id] = replacement
    state.touched.add(report.article_id)
    _counted(state, stated, clock, stats)
    stats.revisions_applied += 1
    pending.resort = True
    pending.incidents = pending.incidents or bool(held.figures or replacement.figures)
    pending.ceasefire = pending.ceasefire or bool(held.statements or replacement.statements)


def _itemise(
    state: RegionState, contribution: Contribution, in_order: bool, stats: FoldStats, pending: Pending
) -> None:
    """Keep the article's contribution; apply it incrementally when it comes in (event time,
    article id) order — which gives what deriving everything again would — else derive again."""
    state.contributions[contribution.article_id] = contribution
    state.touched.add(contribution.article_id)
    order = contribution.order
    if state.latest is None or order > state.latest:
        state.latest = order
    if not in_order:
        pending.resort = True
        stats.rederived += 1
    if contribution.figures:
        if in_order and not pending.incidents:
            fold_figures(state.incidents, state.region, contribution, stats)
        else:
            pending.incidents = True
    if contribution.statements:
        if in_order and not pending.ceasefire:
            stats.ceasefire_transitions += apply_article(state.ceasefire, contribution)
        else:
            pending.ceasefire = True


def _archive_late(
    state: RegionState, contribution: Contribution, clock: int, index: int, stats: FoldStats, pending: Pending
) -> None:
    """A new article more than 7 days behind the clock: its figures count in `all` only, as an
    incident of their own (the archive keeps sums, so it cannot be matched with other outlets')."""
    stats.archived_late += 1
    if contribution.figures:
        incidents: list[Incident] = []
        fold_figures(incidents, state.region, contribution, stats)
        for incident in incidents:
            archive(state.archived, incident)
        state.archived = dict(sorted(state.archived.items()))
        contribution.figures = []
    if contribution.statements and contribution.event_ms < clock - ITEMISED_MS:
        _refuse(
            stats,
            index,
            "late_ceasefire",
            f"ceasefire statements of article {contribution.article_id!r} are dated "
            f"{_days(clock - contribution.event_ms)} behind region {state.region!r}'s latest report: older than "
            f"the {ITEMISED_DAYS}-day ceasefire history kept in order, not applied (its figures were archived)",
        )
        contribution.statements = []
    if contribution.statements:  # still within the ordered history: kept itemised until it is absorbed
        state.contributions[contribution.article_id] = contribution
        state.touched.add(contribution.article_id)
        state.latest = contribution.order if state.latest is None else max(state.latest, contribution.order)
        pending.resort = pending.ceasefire = True
    else:
        remember(state, contribution)


def _counted(state: RegionState, stated: Contribution, clock: int, stats: FoldStats) -> None:
    """A report counted (folded, whether it stands or not): the clock and the newest report."""
    stats.reports_folded += 1
    state.sequence += 1
    state.watermark_ms = clock
    cause = state.cause
    # greater rank (event time, then derivation key), compared without building the rank tuples
    if (
        cause is None
        or stated.event_ms > cause.published_ms
        or (stated.event_ms == cause.published_ms and stated.key > cause.key)
    ):
        state.cause = Cursor(stated.event_id, stated.article_id, stated.event_ms, stated.key)


def _contribution(report: ReportFacts, stats: FoldStats, owned: bool) -> Contribution:
    """What the report adds to its article, to keep (the facts' own when this fold owns them);
    background figures (a past war's toll) were left out and are counted."""
    stats.background_ignored += report.background
    return report.contribution if owned else report.contribution.copy()


def _refuse(stats: FoldStats, index: int, kind: str, reason: str) -> None:
    stats.refusals.append(Refusal(index, kind, reason))


def _late_revision(stated: Contribution, clock: int) -> str:
    return (
        f"report {stated.event_id!r} is another revision or derivation of article {stated.article_id!r}, whose "
        f"counted report is more than {ACCEPT_DAYS} days behind the region's latest report "
        f"({_days(clock - stated.event_ms)} for this one): the all-time archive keeps the report it counted"
    )


def _days(span_ms: int) -> str:
    return f"{span_ms / DAY_MS:.1f} days"


def _held(state: RegionState, article_id: str) -> Contribution | None:
    return state.contributions.get(article_id)
