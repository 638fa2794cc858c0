"""The region picture: what the stream processors publish after each change.

`SituationChanged` carries a region's full snapshot (not a delta), so a consumer that
reads only the latest record per region — the alerting service, `sitmon situation`,
a compacted view — has everything. Its JSON is a stable interface for users' scripts.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, Field

from streams.events import CeasefireStatus, Event, Frozen, Group, Outcome, Qualifier

Window = Literal["24h", "7d", "all"]
CeasefirePhase = Literal["none"] | CeasefireStatus | Literal["superseded"]


class FigureRef(Frozen):
    """A figure that contributed to a tally: enough to quote it and to find the article."""

    article_id: str
    outlet: str | None = None
    source: str | None = None
    count: int = Field(ge=0)
    qualifier: Qualifier = "exact"
    published_at: AwareDatetime
    sentence: str


class Tally(Frozen):
    """Casualties of one outcome and group over one event-time window, deduplicated.

    low / best / high follow UCDP; `best` is the conservative figure (ACLED) agreed by the
    sources; `sources` counts independent outlets; `disputed` when they differ by > 1.5x.
    """

    outcome: Outcome
    group: Group | None = None
    window: Window
    low: int = Field(ge=0)
    best: int = Field(ge=0)
    high: int = Field(ge=0)
    sources: int = Field(ge=0)
    disputed: bool = False
    figures: tuple[FigureRef, ...] = ()
    incidents: int = Field(default=0, ge=0, description="how many distinct incidents were summed")


class CeasefireTransition(Frozen):
    """One move of the ceasefire state machine: when (event time) and the sentence that caused it."""

    status: CeasefirePhase
    at: AwareDatetime
    evidence: str
    article_id: str | None = None


class CeasefirePicture(Frozen):
    status: CeasefirePhase = "none"
    since: AwareDatetime | None = None
    parties: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    evidence: str | None = None
    article_id: str | None = None
    history: tuple[CeasefireTransition, ...] = ()


class Cause(Frozen):
    """The report that caused this change."""

    event_id: str
    article_id: str
    published_at: AwareDatetime


class SituationChanged(Event):
    """A region's full picture after one report changed it. `occurred_at` is the event time."""

    type: Literal["situation.changed"] = "situation.changed"
    region: str
    as_of: AwareDatetime
    sequence: int = Field(ge=1, description="how many reports changed this region so far")
    casualties: tuple[Tally, ...] = ()
    ceasefire: CeasefirePicture = CeasefirePicture()
    cause: Cause
