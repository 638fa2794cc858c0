"""The incident model: how casualty figures from many articles become one tally each.

A region's figures are grouped into incidents. Articles are taken in (event time, article id)
order — `fold_figures` is only ever given the next article in that order, `derive_incidents`
sorts them — so the incidents never depend on arrival order. An article joins the earliest
incident whose first report lies within 48 h of its event time and whose places overlap its
places (an article or incident that names no place overlaps any); otherwise it starts a new
incident. Inside an incident, per outcome and group, every source (the authority the
figure is attributed to, else the outlet) keeps one standing figure: the highest it has
stated, so "the toll rose to 32" supersedes its earlier 27 and a stale restatement never rolls
it back. Outlets repeating a source's figure add to the number of sources, not to the count.
Distinct incidents add up; background figures never enter.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from streams.events import stable_id
from streams.fold.facts import normalised
from streams.fold.state import INCIDENT_SPAN_MS, Contribution, Figure, Incident, IncidentTally, Quote, SourceFigure


@dataclass(frozen=True, slots=True)
class Refusal:
    """A report the fold could not place, and why: the worker dead-letters it (`index` is its
    position in the reports given to the fold; `kind` labels the metric)."""

    index: int
    kind: str
    reason: str


@dataclass(slots=True)
class FoldStats:
    """What folding did, for sitmon's counters (labels stay low-cardinality: no region, no source)."""

    reports_folded: int = 0
    duplicates_ignored: int = 0
    revisions_applied: int = 0
    superseded_ignored: int = 0
    archived_late: int = 0
    rederived: int = 0
    figures_counted: int = 0
    figures_superseded: int = 0
    tallies_deduplicated: int = 0
    background_ignored: int = 0
    ceasefire_transitions: int = 0
    refusals: list[Refusal] = field(default_factory=list)

    def add(self, other: FoldStats) -> None:
        for name in self.__slots__:
            if name != "refusals":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.refusals.extend(other.refusals)


def tally_key(outcome: str, group: str | None) -> str:
    return f"{outcome}|{group or ''}"


def _first_ms(incident: Incident) -> int:
    return incident.first_ms


def find_incident(incidents: list[Incident], event_ms: int, places: list[str]) -> Incident | None:
    """The earliest incident (by first report, then id: the list's order) whose first report lies
    within the span of `event_ms` and whose places overlap `places`. Only incidents first reported
    in [event_ms - span, event_ms + span] can match, and the list is ordered by first report, so the
    search starts at the first of them (bisect) and stops after the last: a region holding a week of
    incidents checks the few near the report, not all of them."""
    first = bisect_left(incidents, event_ms - INCIDENT_SPAN_MS, key=_first_ms)
    latest = event_ms + INCIDENT_SPAN_MS
    for index in range(first, len(incidents)):
        incident = incidents[index]
        if incident.first_ms > latest:
            return None
        if not places or not incident.places or not set(places).isdisjoint(incident.places):
            return incident  # places overlap (an article or incident that names none overlaps any)
    return None


def _incident_order(incident: Incident) -> tuple[int, str]:
    return (incident.first_ms, incident.incident_id)


def fold_figures(incidents: list[Incident], region: str, contribution: Contribution, stats: FoldStats) -> bool:
    """Fold one article's figures into `incidents` (mutated), which must hold only articles earlier
    in (event time, article id) order; True when anything changed."""
    if not contribution.figures:
        return False
    event_ms, places = contribution.event_ms, contribution.places
    incident = find_incident(incidents, event_ms, places)
    changed = False
    if incident is None:
        incident = Incident(stable_id(region, contribution.article_id), event_ms, event_ms, list(places))
        incidents.append(incident)
        incidents.sort(key=_incident_order)
        changed = True
    else:
        if event_ms < incident.first_ms:
            incident.first_ms = event_ms
            incidents.sort(key=_incident_order)  # ordered by first report; the last does not move it
            changed = True
        if event_ms > incident.last_ms:
            incident.last_ms = event_ms
            changed = True
        if any(place not in incident.places for place in places):
            incident.places = sorted(set(incident.places).union(places))
            changed = True
    incident.members.append(contribution.article_id)
    outlet = normalised(contribution.outlet) or f"article:{contribution.article_id}"
    for figure in contribution.figures:
        changed = _fold_figure(incident, figure, contribution, outlet, stats) or changed
    return changed


def derive_incidents(region: str, contributions: Iterable[Contribution]) -> list[Incident]:
    """The incidents of itemised articles, built in (event time, article id) order: the same
    incidents whatever order the articles arrived in."""
    incidents: list[Incident] = []
    scratch = FoldStats()
    for contribution in sorted(contributions, key=lambda held: held.order):
        fold_figures(incidents, region, contribution, scratch)
    return incidents


def _fold_figure(incident: Incident, figure: Figure, contribution: Contribution, outlet: str, stats: FoldStats) -> bool:
    key = tally_key(figure.outcome, figure.group)
    tally = incident.tallies.get(key)
    if tally is None:
        tally = incident.tallies[key] = IncidentTally(figure.outcome, figure.group)
    source = normalised(figure.source) or outlet
    standing = tally.by_source.get(source)
    if standing is None:
        if tally.by_source:
            stats.tallies_deduplicated += 1  # another source's report of a tally already held
        tally.by_source[source] = SourceFigure(figure.count, figure.qualifier, _quote(figure, contribution), [outlet])
        stats.figures_counted += 1
        return True
    changed = False
    if figure.count > standing.count:
        stats.figures_superseded += 1
        standing.count, standing.qualifier, standing.quote = figure.count, figure.qualifier, _quote(figure, contribution)
        changed = True
    if outlet not in standing.outlets:
        standing.outlets = sorted([*standing.outlets, outlet])
        stats.tallies_deduplicated += 1
        changed = True
    return changed


def _quote(figure: Figure, contribution: Contribution) -> Quote:
    """The figure as cited, made only when it stands (most restate a standing figure)."""
    return Quote(
        contribution.article_id,
        contribution.outlet,
        figure.source,
        figure.count,
        figure.qualifier,
        contribution.event_ms,
        figure.sentence,
    )
