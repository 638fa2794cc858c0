"""A report record's bytes → the facts the fold reads (`streams.fold.facts.ReportFacts`), fast.

The contract's pydantic models cost ~10 µs a report to validate and build, more than the fold
itself; the fold needs only a few of their fields. msgspec validates the same document against
Structs mirroring the envelope and `ReportsExtracted` (the same types, constraints and
unknown-field rules) in ~2 µs, and the facts are built from them directly. Anything msgspec does
not accept — a bad record, or a valid one in a form only pydantic's lax mode takes — goes
pydantic's way (`streams.worker.records.read_report`): so what is accepted, what is refused and
the dead letter's reason are exactly pydantic's, and msgspec only ever accepts what pydantic
accepts, with the same values (tests/unit/streams/test_report_reader.py checks both with
hypothesis). Ceasefire statements, rare and kept as models, are validated by pydantic itself.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Literal

import msgspec
from pydantic import TypeAdapter, ValidationError

from streams.envelope import TYPE_PREFIX
from streams.events import (
    CeasefireStatement,
    Group,
    Outcome,
    Qualifier,
    extractor_version_order,
)
from streams.fold.facts import ReportFacts, facts_of, normalised, region_places
from streams.fold.state import Contribution, Figure, to_ms
from streams.worker.records import Poison, RawRecord, read_report

NonNegative = Annotated[int, msgspec.Meta(ge=0)]
Aware = Annotated[datetime, msgspec.Meta(tz=True)]
EventId = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
NonEmpty = Annotated[str, msgspec.Meta(min_length=1)]

# msgspec rounds fractional seconds beyond microseconds where pydantic truncates them, which can
# move a time across a millisecond: such a record (or one whose text merely looks like it) takes
# pydantic's way
_BEYOND_MICROSECONDS = re.compile(rb"\.\d{7}")
_NO_STATEMENTS = msgspec.Raw(b"[]")


class _Location(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    name: str
    start: NonNegative
    end: NonNegative
    region: str | None = None
    country: str | None = None


class _Figure(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    sentence: str
    start: NonNegative
    end: NonNegative
    outcome: Outcome
    count: NonNegative
    qualifier: Qualifier = "exact"
    group: Group | None = None
    period_hours: Annotated[int, msgspec.Meta(ge=1)] | None = None
    source: str | None = None
    background: bool = False


class _Report(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    event_id: EventId
    type: Literal["reports.extracted"]  # required: the union needs it to pick the model
    schema_version: int = 1
    occurred_at: Aware
    article_id: str
    article_event_id: str
    outlet: str | None = None
    url: str | None = None
    published_at: Aware
    extractor_version: str
    revised_at: Aware | None = None
    region: str
    country: str | None = None
    language: str | None = None
    locations: tuple[_Location, ...] = ()
    casualties: tuple[_Figure, ...] = ()
    ceasefire: msgspec.Raw = _NO_STATEMENTS  # validated by pydantic: they stay models


class _Envelope(msgspec.Struct, frozen=True, kw_only=True):  # other attributes allowed, as CloudEvent's extra="allow"
    specversion: Literal["1.0"]
    id: NonEmpty
    source: NonEmpty
    type: NonEmpty
    subject: str | None = None
    time: Aware | None = None
    datacontenttype: str = "application/json"
    dataschema: str | None = None
    data: _Report


_decoder = msgspec.json.Decoder(_Envelope)
_statements: TypeAdapter[tuple[CeasefireStatement, ...]] = TypeAdapter(tuple[CeasefireStatement, ...])


def _places(report: _Report) -> list[str]:
    locations = report.locations
    if len(locations) == 1:  # the common case, without building a set
        only = locations[0]
        name = normalised(only.name) if only.region is None or only.region == report.region else None
        return [name] if name else []
    return region_places(report.region, [(place.name, place.region) for place in locations])


def read_facts(record: RawRecord) -> ReportFacts | Poison:
    """The record's report as the fold reads it, or the dead letter `read_report` makes of it."""
    facts = _fast_facts(record)
    if facts is not None:
        return facts
    read = read_report(record)
    return read if isinstance(read, Poison) else facts_of(read)


def _fast_facts(record: RawRecord) -> ReportFacts | None:
    """The facts, when msgspec accepts the record as it stands; None: ask pydantic."""
    raw = record.value
    if raw is None or record.key is None or _BEYOND_MICROSECONDS.search(raw) is not None:
        return None
    try:
        envelope = _decoder.decode(raw)
    except msgspec.DecodeError:  # not JSON, or not the report as the Structs have it (ValidationError)
        return None
    report = envelope.data
    if not envelope.type.startswith(TYPE_PREFIX) or record.key != report.region.encode("utf-8"):
        return None
    statements: tuple[CeasefireStatement, ...] = ()
    if report.ceasefire != _NO_STATEMENTS:
        try:
            statements = _statements.validate_json(bytes(report.ceasefire))
        except ValidationError:
            return None
    figures = [
        Figure(figure.outcome, figure.group, figure.count, figure.qualifier, figure.source, figure.sentence)
        for figure in report.casualties
        if not figure.background
    ]
    event_ms = to_ms(report.published_at)
    revised_ms = to_ms(report.revised_at) if report.revised_at is not None else event_ms
    contribution = Contribution(  # positional: the hot path (fields as in Contribution)
        report.article_id,
        report.event_id,
        (revised_ms, extractor_version_order(report.extractor_version), report.event_id),
        event_ms,
        report.outlet,
        _places(report),
        figures,
        [statement for statement in statements if not statement.background] if statements else [],
    )
    return ReportFacts(report.region, contribution, len(report.casualties) - len(figures))
