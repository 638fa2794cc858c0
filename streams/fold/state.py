"""The working state of one region, as the Faust table stores it (JSON via pydantic).

Times are integer milliseconds since the epoch (the Kafka record timestamp unit): cheap to
compare in the hot loop and exact in JSON. The state is plain dataclasses so one batch can
fold many reports into a private copy quickly; `clone` makes that copy, so callers' values
are never mutated (the public folds stay pure).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from pydantic import TypeAdapter

HOUR_MS = 60 * 60 * 1000
DAY_MS = 24 * HOUR_MS

# A report belongs to an incident when its event time lies within this span of the
# incident's first report; reports later than this behind the region's clock are too late.
INCIDENT_SPAN_MS = 48 * HOUR_MS
LATE_LIMIT_MS = 48 * HOUR_MS
# Incidents stay itemised as long as a window (7 d) or a late report (48 h) can still need them.
ITEMISED_MS = 7 * DAY_MS + LATE_LIMIT_MS
# Article ids are remembered as long as a duplicate could still be folded (it is too late after).
SEEN_ARTICLES_MS = LATE_LIMIT_MS
VIOLATION_QUIET_MS = 72 * HOUR_MS
FIGURES_SHOWN = 20
HISTORY_KEPT = 50


def to_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


@dataclass(slots=True)
class Quote:
    """One stated figure, enough to cite it (becomes a `FigureRef`)."""

    article_id: str
    outlet: str | None
    source: str | None
    count: int
    qualifier: str
    published_ms: int
    sentence: str


@dataclass(slots=True)
class SourceFigure:
    """A source's standing figure for one incident tally: the highest it has stated."""

    count: int
    qualifier: str
    quote: Quote
    outlets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class IncidentTally:
    """One outcome and group within an incident: each source's standing figure, keyed by source."""

    outcome: str
    group: str | None
    by_source: dict[str, SourceFigure] = field(default_factory=dict)


@dataclass(slots=True)
class Incident:
    incident_id: str
    first_ms: int
    last_ms: int
    places: list[str] = field(default_factory=list)
    tallies: dict[str, IncidentTally] = field(default_factory=dict)  # key: "outcome|group"


@dataclass(slots=True)
class Archived:
    """Incidents too old for any window but `all`, summed per outcome and group."""

    outcome: str
    group: str | None
    low: int = 0
    best: int = 0
    high: int = 0
    disputed: bool = False
    incidents: int = 0
    outlets: list[str] = field(default_factory=list)
    figures: list[Quote] = field(default_factory=list)


@dataclass(slots=True)
class Transition:
    status: str
    at_ms: int
    evidence: str
    article_id: str | None


@dataclass(slots=True)
class Ceasefire:
    status: str = "none"
    since_ms: int | None = None
    parties: list[str] = field(default_factory=list)
    mediators: list[str] = field(default_factory=list)
    evidence: str | None = None
    article_id: str | None = None
    last_violation_ms: int | None = None
    history: list[Transition] = field(default_factory=list)


@dataclass(slots=True)
class Cursor:
    """The last report that changed the region (becomes `SituationChanged.cause`)."""

    event_id: str
    article_id: str
    published_ms: int


@dataclass(slots=True)
class RegionState:
    region: str
    watermark_ms: int | None = None  # the latest event time folded: the region's clock
    sequence: int = 0
    seen_articles: dict[str, int] = field(default_factory=dict)  # article id -> event time
    incidents: list[Incident] = field(default_factory=list)  # ordered by first_ms, then id
    archived: dict[str, Archived] = field(default_factory=dict)
    ceasefire: Ceasefire = field(default_factory=Ceasefire)
    cause: Cursor | None = None


_codec: TypeAdapter[RegionState] = TypeAdapter(RegionState)


def dump_state(state: RegionState) -> bytes:
    return _codec.dump_json(state)


def load_state(raw: bytes) -> RegionState:
    return _codec.validate_json(raw)


def clone(state: RegionState) -> RegionState:
    """A private deep copy to fold into (the JSON round trip is also what the table does)."""
    return load_state(dump_state(state))
