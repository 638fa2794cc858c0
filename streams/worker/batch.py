"""One consumed batch → per-region folds and the records to publish. Pure, no faust.

A batch is split by region in log order, each record read straight into the facts the fold
needs (`streams.worker.report_reader`: no pydantic models built for a valid report); each region's state is folded with all its reports
in place (the caller keeps it decoded between batches) and the entries the fold changed are
written once (`streams.worker.table_layout`).
A region whose batch held only redeliveries (reports already folded: after a crash, before
the offsets were committed) is written and published again unchanged, so a picture that was
lost with the crash is republished; the snapshot's event id is the same, so consumers that
deduplicate by id see nothing new.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from streams.fold.facts import ReportFacts
from streams.fold.incidents import FoldStats
from streams.fold.region import fold_into
from streams.fold.snapshot import snapshot
from streams.fold.state import RegionState
from streams.situation import SituationChanged
from streams.worker.records import Poison, RawRecord, dead_letter
from streams.worker.report_reader import read_facts


@dataclass(slots=True)
class RegionBatch:
    region: str
    reports: list[ReportFacts] = field(default_factory=list)
    records: list[tuple[int, RawRecord]] = field(default_factory=list)  # each report's record and its position
    last_index: int = 0  # position of the region's last record in the batch (its partition anchor)


@dataclass(slots=True)
class BatchPlan:
    regions: dict[str, RegionBatch] = field(default_factory=dict)
    poison: list[tuple[int, Poison]] = field(default_factory=list)


def plan_batch(records: Sequence[RawRecord]) -> BatchPlan:
    plan = BatchPlan()
    for index, record in enumerate(records):
        read = read_facts(record)
        if isinstance(read, Poison):
            plan.poison.append((index, read))
            continue
        group = plan.regions.get(read.region)
        if group is None:
            group = plan.regions[read.region] = RegionBatch(read.region)
        group.reports.append(read)
        group.records.append((index, record))
        group.last_index = index
    return plan


@dataclass(frozen=True, slots=True)
class RegionOutcome:
    write: bool  # whether to write the region's changed entries (and publish its picture)
    situation: SituationChanged | None  # the picture, when asked for and written
    stats: FoldStats
    refused: list[tuple[int, Poison]] = field(default_factory=list)  # reports the fold could not place


def fold_region(state: RegionState, batch: RegionBatch, *, picture: bool = True) -> RegionOutcome:
    """Fold the batch into `state` in place (`picture`: also render the region's snapshot). The
    batch's facts were read for this fold (`plan_batch`), so the state keeps them without a copy:
    fold a batch into one state only (folding it again into the same one is a redelivery)."""
    stats = fold_into(state, batch.reports, owned=True)
    refused = [
        (batch.records[refusal.index][0], dead_letter(batch.records[refusal.index][1], refusal.kind, refusal.reason))
        for refusal in stats.refusals
        if refusal.index < len(batch.records)
    ]
    if state.cause is None or not (stats.reports_folded or stats.duplicates_ignored):
        return RegionOutcome(False, None, stats, refused)
    return RegionOutcome(True, snapshot(state) if picture else None, stats, refused)
