"""The working state of one region: plain dataclasses, with JSON codecs (pydantic) for the parts
the worker's table stores.

Times are integer milliseconds since the epoch (the Kafka record timestamp unit): cheap to
compare in the hot loop and exact in JSON. The state is plain dataclasses so one batch can
fold many reports into it quickly; `clone` makes a private copy, so the public folds stay pure.

The worker does not store a region as one value: `streams.worker.table_layout` splits it into a
small header and one table entry per article (itemised or remembered), and the fold notes in
`RegionState.touched` which articles' entries it changed, so a batch writes only those.
Incidents and the replayed ceasefire are derived from the itemised articles and are not stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated

import msgspec
from pydantic import BaseModel, Field, TypeAdapter

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

    def copy(self) -> Contribution:
        """A copy the fold may change (it reassigns the lists, never changes them in place)."""
        return Contribution(
            self.article_id,
            self.event_id,
            self.key,
            self.event_ms,
            self.outlet,
            self.places,
            self.figures,
            self.statements,
            self.superseded,
        )


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


def _model_fields(value: object) -> object:
    """msgspec's hook for what it does not know: the contract's models (ceasefire statements)."""
    if isinstance(value, BaseModel):
        return value.model_dump()
    raise NotImplementedError(f"cannot encode {type(value).__name__} in a table entry")


# One table entry per article: a large rebuild writes about as many as it folds reports, and
# msgspec encodes the dataclass at about half pydantic's cost — the same bytes
# (tests/unit/streams/test_contribution_codec.py), which are decoded with pydantic.
_contribution_encoder = msgspec.json.Encoder(enc_hook=_model_fields)


def encode_contribution(contribution: Contribution) -> bytes:
    """An itemised article as JSON (always starts with `{`, unlike an encoded `Remembered`)."""
    return _contribution_encoder.encode(contribution)


def decode_contribution(raw: bytes) -> Contribution:
    return _contribution_codec.validate_json(raw)


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
    # article id -> its Contribution, ordered by (event time, article id). Kept decoded: the worker
    # keeps a region's state in memory while it holds its partition, so nothing is parsed per batch.
    contributions: dict[str, Contribution] = field(default_factory=dict)
    incidents: list[Incident] = field(default_factory=list)  # derived from contributions; by first_ms, id
    latest: tuple[int, str] | None = None  # greatest (event time, article id) derived into incidents
    archived: dict[str, Archived] = field(default_factory=dict)  # ordered by key
    remembered: dict[str, str] = field(default_factory=dict)  # article id -> Remembered, encoded; by id
    ceasefire_base: Ceasefire = field(default_factory=Ceasefire)  # statements older than the horizon
    ceasefire: Ceasefire = field(default_factory=Ceasefire)  # the base with itemised statements replayed
    cause: Cursor | None = None
    # articles whose contribution or remembered entry changed since the table last stored them
    # (the worker writes those and clears the set); not part of the state's value
    touched: Annotated[set[str], Field(exclude=True)] = field(default_factory=set)
    # the fold's bookkeeping for compaction, not part of the state's value either (None/False: not
    # known, worked out again): the remembered articles by event time (a heap, so the forgotten
    # are found without reading every entry; an entry whose article was remembered again since
    # is skipped), and whether an article joined `remembered` out of id order since it was sorted
    forget_queue: Annotated[list[tuple[int, str]] | None, Field(exclude=True)] = field(default=None, compare=False)
    remembered_unsorted: Annotated[bool, Field(exclude=True)] = field(default=False, compare=False)


_codec: TypeAdapter[RegionState] = TypeAdapter(RegionState)


# what the table's header entry of a region holds: the state without its articles (stored as
# entries of their own) and without what is derived from them (incidents, the replayed ceasefire)
_NOT_IN_HEADER = {"contributions", "remembered", "incidents", "ceasefire"}


def dump_state(state: RegionState) -> bytes:
    """The whole state as JSON (its value: the same states give the same bytes)."""
    return _codec.dump_json(state)


def load_state(raw: bytes) -> RegionState:
    return _codec.validate_json(raw)


def dump_header(state: RegionState) -> bytes:
    return _codec.dump_json(state, exclude=_NOT_IN_HEADER)


def clone(state: RegionState) -> RegionState:
    """A private deep copy to fold into (the JSON round trip is also what the table does)."""
    return load_state(dump_state(state))
