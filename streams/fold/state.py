"""The working state of one region, as the Faust table stores it (JSON via pydantic).

Times are integer milliseconds since the epoch (the Kafka record timestamp unit): cheap to
compare in the hot loop and exact in JSON. The state is plain dataclasses so one batch can
fold many reports into a private copy quickly; `clone` makes that copy, so callers' values
are never mutated (the public folds stay pure).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pydantic import TypeAdapter

from streams.events import CeasefireStatement

HOUR_MS = 60 * 60 * 1000
DAY_MS = 24 * HOUR_MS

# A report belongs to an incident when its event time lies within this span of the
# incident's first report.
INCIDENT_SPAN_MS = 48 * HOUR_MS
# The late-data horizon: a report up to 7 days behind the region's clock (its latest event time)
# is itemised and lands in every window its event time falls in, exactly as if it had come in
# time order. Incidents first reported more than 7 d + 48 h behind the clock are archived (no
# itemised report can join them any more), and ceasefire statements that old are absorbed into
# the ceasefire's archived base.
ACCEPT_MS = 7 * DAY_MS
ITEMISED_MS = ACCEPT_MS + INCIDENT_SPAN_MS
# Articles no longer itemised are remembered (their report ids) this long, so a redelivery or a
# revision of an archived article is recognised; a report older than this cannot be told apart
# from one already counted and is dead-lettered.
ARCHIVE_MEMORY_MS = 30 * DAY_MS
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
    members: list[str] = field(default_factory=list)  # article ids whose figures joined it


DerivationKey = tuple[int, tuple[int, ...], str]


@dataclass(slots=True)
class Figure:
    """What the fold needs of a `CasualtyFigure` (not its offsets): kept per itemised article."""

    outcome: str
    group: str | None
    count: int
    qualifier: str
    source: str | None
    sentence: str


@dataclass(slots=True)
class Contribution:
    """An article's standing report (the greatest `derivation_key` seen), itemised while a window
    can need it. Incidents and the ceasefire are derived from these in event-time order, so the
    order in which reports arrive never matters."""

    article_id: str
    event_id: str
    key: DerivationKey
    event_ms: int
    outlet: str | None
    places: list[str]
    figures: list[Figure]  # not background; emptied once its incident is archived
    statements: list[CeasefireStatement]  # not background; emptied once absorbed into the base
    superseded: list[str] = field(default_factory=list)  # ids of the article's reports that lost

    @property
    def order(self) -> tuple[int, str]:
        return (self.event_ms, self.article_id)


@dataclass(slots=True)
class Remembered:
    """An article no longer itemised: the ids of its reports, to recognise them again."""

    event_ms: int
    event_ids: list[str]

    def encode(self) -> str:
        return " ".join([str(self.event_ms), *self.event_ids])

    @staticmethod
    def decode(raw: str) -> Remembered:
        event_ms, *event_ids = raw.split(" ")
        return Remembered(int(event_ms), event_ids)


_contribution_codec: TypeAdapter[Contribution] = TypeAdapter(Contribution)


def encode_contribution(contribution: Contribution) -> str:
    """`<event ms> <f|-><s|-> <json>`: compaction reads the time and whether figures or statements
    remain from the prefix, without decoding the article."""
    flags = ("f" if contribution.figures else "-") + ("s" if contribution.statements else "-")
    packed = base64.b64encode(_contribution_codec.dump_json(contribution)).decode("ascii")
    return f"{contribution.event_ms} {flags} {packed}"


def decode_contribution(raw: str) -> Contribution:
    return _contribution_codec.validate_json(base64.b64decode(raw.split(" ", 2)[2]))


def contribution_summary(raw: str) -> tuple[int, bool, bool]:
    """(event ms, has figures, has statements) of an encoded contribution."""
    event_ms, flags, _ = raw.split(" ", 2)
    return int(event_ms), flags[0] == "f", flags[1] == "s"


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
    history: list[Transition] = field(default_factory=list)  # the last HISTORY_KEPT transitions
    transitions: int = 0  # all transitions ever made


@dataclass(slots=True)
class Cursor:
    """The newest report folded — greatest event time, then derivation key — whatever the order of
    arrival (becomes `SituationChanged.cause`)."""

    event_id: str
    article_id: str
    published_ms: int
    key: DerivationKey

    @property
    def rank(self) -> tuple[int, DerivationKey]:
        return (self.published_ms, self.key)


@dataclass(slots=True)
class RegionState:
    region: str
    watermark_ms: int | None = None  # the latest event time folded: the region's clock
    sequence: int = 0  # distinct reports folded (redeliveries and dead-lettered ones excluded)
    # article id -> its Contribution as JSON, ordered by (event time, article id). Kept encoded and
    # decoded only when touched: most batches append a few and read none, and a region holds up
    # to 9 days of articles, which would otherwise be parsed and rebuilt for every batch.
    contributions: dict[str, str] = field(default_factory=dict)
    incidents: list[Incident] = field(default_factory=list)  # derived from contributions; by first_ms, id
    latest: tuple[int, str] | None = None  # greatest (event time, article id) derived into incidents
    archived: dict[str, Archived] = field(default_factory=dict)  # ordered by key
    remembered: dict[str, str] = field(default_factory=dict)  # article id -> Remembered, encoded; by id
    ceasefire_base: Ceasefire = field(default_factory=Ceasefire)  # statements older than the horizon
    ceasefire: Ceasefire = field(default_factory=Ceasefire)  # the base with itemised statements replayed
    cause: Cursor | None = None


_codec: TypeAdapter[RegionState] = TypeAdapter(RegionState)


def dump_state(state: RegionState) -> bytes:
    return _codec.dump_json(state)


def load_state(raw: bytes) -> RegionState:
    return _codec.validate_json(raw)


def clone(state: RegionState) -> RegionState:
    """A private deep copy to fold into (the JSON round trip is also what the table does)."""
    return load_state(dump_state(state))
