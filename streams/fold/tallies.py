"""From incidents to published tallies: low / best / high per incident, summed over windows.

Per incident (Iraq Body Count's min/max per incident): `low` is the lowest standing figure
of any source, `high` the highest, `best` the lowest point estimate that every source's bounds
allow — ACLED's conservative choice ("at least 30" and "32" give 32; "32" and "40" give 32). A tally is `disputed` when its sources differ by
more than 1.5x. Subgroups are subsets: within an incident civilians are lifted to at least
children, and people in general to at least every group, so children <= civilians <= all
holds in every window; a subgroup is never added to the total. Windows hold the incidents
whose first report lies within 24 h / 7 d of the picture's time; `all` adds archived ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

from streams.events import Group, Outcome
from streams.fold.state import (
    DAY_MS,
    FIGURES_SHOWN,
    HOUR_MS,
    Archived,
    Incident,
    Quote,
    RegionState,
    SourceFigure,
    from_ms,
)
from streams.situation import FigureRef, Tally, Window

DISPUTE_RATIO = 1.5
# Published order follows the contract's own order of outcomes and groups (people in general first).
OUTCOME_ORDER: tuple[Outcome, ...] = get_args(Outcome)
GROUP_ORDER: tuple[Group | None, ...] = (None, *get_args(Group))
WINDOWS: tuple[tuple[Window, int | None], ...] = (("24h", 24 * HOUR_MS), ("7d", 7 * DAY_MS), ("all", None))


@dataclass(slots=True)
class Summary:
    """One outcome and group over one incident or a sum of incidents."""

    low: int = 0
    best: int = 0
    high: int = 0
    disputed: bool = False
    outlets: set[str] = field(default_factory=set)
    quotes: list[Quote] = field(default_factory=list)
    incidents: int = 1

    def absorb(self, other: Summary) -> None:
        self.incidents += other.incidents
        self.low += other.low
        self.best += other.best
        self.high += other.high
        self.disputed = self.disputed or other.disputed
        self.outlets |= other.outlets
        self.quotes.extend(other.quotes)


def is_disputed(counts: list[int]) -> bool:
    lowest, highest = min(counts), max(counts)
    return highest > DISPUTE_RATIO * lowest if lowest > 0 else highest > 0


def conservative_best(standing: list[SourceFigure]) -> int:
    """The lowest point estimate that every source's bounds allow ("at least 30" and "32" give 32)."""
    points = [figure.count for figure in standing if figure.qualifier in ("exact", "approximately")]
    floors = [figure.count for figure in standing if figure.qualifier == "at_least"]
    if points:
        return max(min(points), max(floors, default=0))
    if floors:
        return max(floors)
    return min(figure.count for figure in standing)  # only upper bounds ("up to 40")


def incident_summaries(incident: Incident) -> dict[tuple[str, str | None], Summary]:
    summaries: dict[tuple[str, str | None], Summary] = {}
    for tally in incident.tallies.values():
        standing = list(tally.by_source.values())
        counts = [figure.count for figure in standing]
        summaries[(tally.outcome, tally.group)] = Summary(
            low=min(counts),
            best=conservative_best(standing),
            high=max(counts),
            disputed=is_disputed(counts),
            outlets={outlet for figure in standing for outlet in figure.outlets},
            quotes=[figure.quote for figure in standing],
        )
    _lift_parents(summaries)
    return summaries


def _lift(summaries: dict[tuple[str, str | None], Summary], outcome: str, child: str, parent: str | None) -> None:
    lower = summaries.get((outcome, child))
    if lower is None:
        return
    upper = summaries.get((outcome, parent))
    if upper is None:  # no figure of the wider group: the subgroup's is the best we know of it
        summaries[(outcome, parent)] = Summary(
            lower.low, lower.best, lower.high, lower.disputed, set(lower.outlets), list(lower.quotes), lower.incidents
        )
        return
    upper.low = max(upper.low, lower.low)
    upper.best = max(upper.best, lower.best)
    upper.high = max(upper.high, lower.high)


def _lift_parents(summaries: dict[tuple[str, str | None], Summary]) -> None:
    """Children are civilians, and every group is people: parents are at least their children."""
    for outcome in {outcome for outcome, _ in summaries}:
        _lift(summaries, outcome, "children", "civilians")
        for group in [group for (o, group) in list(summaries) if o == outcome and group is not None]:
            _lift(summaries, outcome, group, None)


def archive(target: dict[str, Archived], incident: Incident) -> None:
    """Fold an incident too old for the 7-day window into the per-key archive (mutates target)."""
    for (outcome, group), summary in incident_summaries(incident).items():
        key = f"{outcome}|{group or ''}"
        held = target.get(key)
        if held is None:
            held = target[key] = Archived(outcome, group)
        held.low += summary.low
        held.best += summary.best
        held.high += summary.high
        held.disputed = held.disputed or summary.disputed
        held.incidents += 1
        held.outlets = sorted(set(held.outlets) | summary.outlets)
        held.figures = _latest(held.figures + summary.quotes)


def _quote_order(quote: Quote) -> tuple[int, str, str, int]:
    return (quote.published_ms, quote.article_id, quote.source or "", quote.count)


def _latest(quotes: list[Quote]) -> list[Quote]:
    return sorted(quotes, key=_quote_order)[-FIGURES_SHOWN:]


def _figure_ref(quote: Quote) -> FigureRef:
    return FigureRef.model_validate(
        {
            "article_id": quote.article_id,
            "outlet": quote.outlet,
            "source": quote.source,
            "count": quote.count,
            "qualifier": quote.qualifier,
            "published_at": from_ms(quote.published_ms),
            "sentence": quote.sentence,
        }
    )


def _sort_key(key: tuple[str, str | None]) -> tuple[int, int, str]:
    outcome, group = key
    rank_o = OUTCOME_ORDER.index(outcome) if outcome in OUTCOME_ORDER else len(OUTCOME_ORDER)
    rank_g = GROUP_ORDER.index(group) if group in GROUP_ORDER else len(GROUP_ORDER)
    return (rank_o, rank_g, f"{outcome}|{group}")


def window_tallies(state: RegionState, as_of_ms: int) -> tuple[Tally, ...]:
    """Every outcome and group ever seen in the region, over 24 h, 7 d and all time, as of `as_of_ms`."""
    per_incident = [(incident.first_ms, incident_summaries(incident)) for incident in state.incidents]
    keys = {key for _, summaries in per_incident for key in summaries}
    keys |= {(held.outcome, held.group) for held in state.archived.values()}
    tallies: list[Tally] = []
    for key in sorted(keys, key=_sort_key):
        for window, span in WINDOWS:
            total = Summary(incidents=0)
            for first_ms, summaries in per_incident:
                inside = first_ms <= as_of_ms and (span is None or first_ms > as_of_ms - span)
                if inside and key in summaries:
                    total.absorb(summaries[key])
            if span is None and (held := state.archived.get(f"{key[0]}|{key[1] or ''}")) is not None:
                total.absorb(
                    Summary(
                        held.low,
                        held.best,
                        held.high,
                        held.disputed,
                        set(held.outlets),
                        list(held.figures),
                        held.incidents,
                    )
                )
            tallies.append(
                Tally.model_validate(
                    {
                        "outcome": key[0],
                        "group": key[1],
                        "window": window,
                        "low": total.low,
                        "best": total.best,
                        "high": total.high,
                        "sources": len(total.outlets),
                        "disputed": total.disputed,
                        "figures": [_figure_ref(quote) for quote in _latest(total.quotes)],
                        "incidents": total.incidents,
                    }
                )
            )
    return tuple(tallies)
