"""Points of a region's picture over event time. Pure: the worker's fold, no Kafka.

Per change: one point after every report the fold took (the picture the worker published
then). Per interval (`every`): the picture at each step of a fixed grid, rendered as of that
moment, so the 24 h / 7 d windows and the 72 h ceasefire timer are evaluated there. Reports
before `since` still shape the picture; they only print no point.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from streams.events import ReportsExtracted
from streams.fold.region import fold_into, new_region
from streams.fold.snapshot import snapshot
from streams.fold.state import RegionState
from streams.situation import SituationChanged, Tally, Window

SERIES_OUTCOMES = ("killed", "injured")


@dataclass(frozen=True, slots=True)
class Point:
    time: datetime
    region: str
    sequence: int
    killed_low: int
    killed_best: int
    killed_high: int
    injured_low: int
    injured_best: int
    injured_high: int
    ceasefire: str
    ceasefire_since: datetime | None
    article_id: str  # the report that last changed the picture

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def point(picture: SituationChanged, window: Window) -> Point:
    """People in general (no group) over `window`: the headline figures of the picture."""
    tallies: dict[str, Tally] = {
        t.outcome: t
        for t in picture.casualties
        if t.group is None and t.window == window and t.outcome in SERIES_OUTCOMES
    }
    figures: dict[str, int] = {}
    for outcome in SERIES_OUTCOMES:
        tally = tallies.get(outcome)
        for part in ("low", "best", "high"):
            figures[f"{outcome}_{part}"] = getattr(tally, part) if tally is not None else 0
    return Point(
        time=picture.as_of,
        region=picture.region,
        sequence=picture.sequence,
        ceasefire=picture.ceasefire.status,
        ceasefire_since=picture.ceasefire.since,
        article_id=picture.cause.article_id,
        **figures,
    )


def per_change(
    reports: Iterable[ReportsExtracted],
    region: str,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    window: Window = "all",
) -> Iterator[Point]:
    state = new_region(region)
    for report in _of_region(reports, region, until):
        if fold_into(state, [report]).reports_folded and (since is None or report.published_at >= since):
            yield point(snapshot(state), window)


def per_interval(
    reports: Iterable[ReportsExtracted],
    region: str,
    every: timedelta,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    window: Window = "all",
) -> Iterator[Point]:
    """The picture at since, since + every, … up to until (default: the first and last report)."""
    ordered = list(_of_region(reports, region, until))
    if not ordered:
        return
    start = since or _floor(min(r.published_at for r in ordered), every)
    end = until or max(r.published_at for r in ordered)
    # the picture at a moment is the fold of every report published by then, in log order (as
    # `sitmon situation --as-of`): folded incrementally while the log is in time order; a moment
    # that a late report (behind a later one in the log) belongs to is refolded from scratch
    latest_after = _suffix_minima([r.published_at for r in ordered])
    state: RegionState = new_region(region)
    folded = 0
    moment = start
    while moment <= end:
        while folded < len(ordered) and ordered[folded].published_at <= moment:
            fold_into(state, [ordered[folded]])
            folded += 1
        current = state
        if folded < len(ordered) and latest_after[folded] <= moment:
            current = new_region(region)
            fold_into(current, [r for r in ordered if r.published_at <= moment])
        if current.cause is not None:
            yield point(snapshot(current, moment), window)
        moment += every


def _suffix_minima(times: list[datetime]) -> list[datetime]:
    minima = list(times)
    for index in range(len(minima) - 2, -1, -1):
        minima[index] = min(minima[index], minima[index + 1])
    return minima


def _of_region(reports: Iterable[ReportsExtracted], region: str, until: datetime | None) -> Iterator[ReportsExtracted]:
    for report in reports:
        if report.region == region and (until is None or report.published_at <= until):
            yield report


def _floor(moment: datetime, every: timedelta) -> datetime:
    epoch = datetime(1970, 1, 1, tzinfo=moment.tzinfo)
    return epoch + ((moment - epoch) // every) * every
