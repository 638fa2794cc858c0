"""From incidents to published tallies: low / best / high per incident, summed over windows.

Per incident (Iraq Body Count's min/max per incident): `low` is the lowest standing figure
of any source, `high` the highest, `best` the lowest point estimate that every source's bounds
allow — ACLED's conservative choice ("at least 30" and "32" give 32; "32" and "40" give 32).
A tally is `disputed` when its sources differ by more than 1.5x. Groups follow the contract's
arithmetic (streams.events.DISJOINT_GROUPS, PART_OF): within an incident a whole is lifted to at
least its largest part (children, women, journalists, aid workers of civilians) and people in
general to at least the sum of the disjoint groups, bound by bound; parts never add. So
children <= civilians <= all holds in every window. Windows hold the incidents
whose first report lies within 24 h / 7 d of the picture's time; `all` adds archived ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

from streams.events import DISJOINT_GROUPS, PART_OF, Group, Outcome
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


def _combined(parts: list[Summary], add: bool) -> Summary:
    """Several groups' summaries as one: summed when the groups are disjoint, the largest otherwise."""
    if add:
        total = Summary(incidents=parts[0].incidents)
        for part in parts:
            total.low, total.best, total.high = total.low + part.low, total.best + part.best, total.high + part.high
            total.disputed = total.disputed or part.disputed
            total.outlets |= part.outlets
            total.quotes.extend(part.quotes)
        return total
    largest = max(parts, key=lambda part: (part.best, part.high, part.low))
    return Summary(
        max(part.low for part in parts),
        largest.best,
        max(part.high for part in parts),
        largest.disputed,
        set(largest.outlets),
        list(largest.quotes),
        largest.incidents,
    )


def _lift(
    summaries: dict[tuple[str, str | None], Summary],
    outcome: str,
    groups: tuple[str, ...],
    whole: str | None,
    add: bool,
) -> None:
    """Make the whole at least what its groups add up to (disjoint groups) or their largest (parts)."""
    parts = [summaries[(outcome, group)] for group in groups if (outcome, group) in summaries]
    if not parts:
        return
    lower = _combined(parts, add)
    upper = summaries.get((outcome, whole))
    if upper is None:  # no figure of the whole: what its groups say is the best we know of it
        summaries[(outcome, whole)] = lower
        return
    upper.low = max(upper.low, lower.low)
    upper.high = max(upper.high, lower.high)
    if lower.best > upper.best:  # the groups' figures now carry the whole's best: cite them too
        upper.best = lower.best
        upper.disputed = upper.disputed or lower.disputed
        upper.outlets |= lower.outlets
        upper.quotes.extend(lower.quotes)


def _lift_parents(summaries: dict[tuple[str, str | None], Summary]) -> None:
    """The contract's group arithmetic (streams.events.DISJOINT_GROUPS, PART_OF), per incident:
    a whole is at least its largest part, and people in general at least the sum of the disjoint
    groups — so children <= civilians <= all, and "3 police and 2 civilians" are 5 people."""
    wholes = sorted(set(PART_OF.values()))
    for outcome in sorted({outcome for outcome, _ in summaries}):
        for whole in wholes:
            _lift(summaries, outcome, tuple(part for part, of in PART_OF.items() if of == whole), whole, add=False)
        _lift(summaries, outcome, DISJOINT_GROUPS, None, add=True)


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
