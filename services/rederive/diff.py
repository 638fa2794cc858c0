"""What a rebuild changes: regions whose tallies or ceasefire status differ from the live picture."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from streams.situation import SituationChanged

Figures = tuple[tuple[str, str | None, str, int, int, int], ...]


@dataclass(frozen=True, slots=True)
class RegionChange:
    region: str
    kind: str  # "new", "gone", "changed"
    tallies_changed: bool
    ceasefire_before: str | None
    ceasefire_after: str | None
    killed_before: int | None  # best, people in general, all time: the headline figure
    killed_after: int | None


def figures(picture: SituationChanged) -> Figures:
    return tuple((t.outcome, t.group, t.window, t.low, t.best, t.high) for t in picture.casualties)


def _killed(picture: SituationChanged | None) -> int | None:
    if picture is None:
        return None
    for tally in picture.casualties:
        if (tally.outcome, tally.group, tally.window) == ("killed", None, "all"):
            return tally.best
    return 0


def compare(live: Mapping[str, SituationChanged], rebuilt: Mapping[str, SituationChanged]) -> list[RegionChange]:
    """Only regions that differ, sorted by name."""
    changes = []
    for region in sorted(set(live) | set(rebuilt)):
        before, after = live.get(region), rebuilt.get(region)
        if before is not None and after is not None:
            tallies = figures(before) != figures(after)
            if not tallies and before.ceasefire.status == after.ceasefire.status:
                continue
            kind = "changed"
        else:
            tallies, kind = True, "new" if before is None else "gone"
        changes.append(
            RegionChange(
                region=region,
                kind=kind,
                tallies_changed=tallies,
                ceasefire_before=before.ceasefire.status if before else None,
                ceasefire_after=after.ceasefire.status if after else None,
                killed_before=_killed(before),
                killed_after=_killed(after),
            )
        )
    return changes
