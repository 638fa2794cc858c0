"""A msgspec mirror of the report contract, for bench_decode only: what decoding with msgspec and
then building the contract's pydantic models would cost. It was measured and not taken (building
four pydantic models from Python costs what pydantic-core's validation costs), so it lives here
and not in `streams/`; `test_msgspec_mirror` keeps it in step with the models while it exists.
(What was taken instead: the fold's path does not build the models at all —
`streams.worker.report_reader` decodes with its own mirror, whose constrained types this one shares.)

Absent fields decode to UNSET so that the models get the same `model_fields_set` as pydantic's;
`kw_only` keeps the models' field order (pydantic serialises `__dict__` in its order).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec
from msgspec import UNSET, UnsetType
from pydantic import BaseModel

from streams.events import (
    CasualtyFigure,
    CeasefireStatement,
    CeasefireStatus,
    Group,
    LocationMention,
    Outcome,
    Qualifier,
    ReportsExtracted,
)
from streams.worker.report_reader import Aware, EventId, NonEmpty, NonNegative


class Mirror(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    pass


class LocationMirror(Mirror, kw_only=True):
    name: str
    start: NonNegative
    end: NonNegative
    region: str | UnsetType | None = UNSET
    country: str | UnsetType | None = UNSET


class FigureMirror(Mirror, kw_only=True):
    sentence: str
    start: NonNegative
    end: NonNegative
    outcome: Outcome
    count: NonNegative
    qualifier: Qualifier | UnsetType = UNSET
    group: Group | UnsetType | None = UNSET
    period_hours: Annotated[int, msgspec.Meta(ge=1)] | UnsetType | None = UNSET
    source: str | UnsetType | None = UNSET
    background: bool | UnsetType = UNSET


class StatementMirror(Mirror, kw_only=True):
    sentence: str
    start: NonNegative
    end: NonNegative
    status: CeasefireStatus
    parties: tuple[str, ...] | UnsetType = UNSET
    mediators: tuple[str, ...] | UnsetType = UNSET
    background: bool | UnsetType = UNSET


class ReportMirror(Mirror, kw_only=True):
    event_id: EventId
    type: Literal["reports.extracted"]  # required: the union needs it to pick the model
    schema_version: int | UnsetType = UNSET
    occurred_at: Aware
    article_id: str
    article_event_id: str
    outlet: str | UnsetType | None = UNSET
    url: str | UnsetType | None = UNSET
    published_at: Aware
    extractor_version: str
    revised_at: Aware | UnsetType | None = UNSET
    region: str
    country: str | UnsetType | None = UNSET
    language: str | UnsetType | None = UNSET
    locations: tuple[LocationMirror, ...] | UnsetType = UNSET
    casualties: tuple[FigureMirror, ...] | UnsetType = UNSET
    ceasefire: tuple[StatementMirror, ...] | UnsetType = UNSET


class EnvelopeMirror(msgspec.Struct, frozen=True):  # unknown envelope attributes are allowed
    specversion: Literal["1.0"]
    id: NonEmpty
    source: NonEmpty
    type: NonEmpty
    data: ReportMirror
    subject: str | None = None
    time: Aware | None = None
    datacontenttype: str = "application/json"
    dataschema: str | None = None


MODELS: dict[type[Mirror], type[BaseModel]] = {
    LocationMirror: LocationMention,
    FigureMirror: CasualtyFigure,
    StatementMirror: CeasefireStatement,
    ReportMirror: ReportsExtracted,
}
NESTED = ("locations", "casualties", "ceasefire")
DEFAULTS = {
    model: {name: field.default for name, field in model.model_fields.items() if not field.is_required()}
    for model in MODELS.values()
}
decoder = msgspec.json.Decoder(EnvelopeMirror)
_new = object.__new__
_set = object.__setattr__


def _values(model: type[BaseModel], mirror: Mirror) -> tuple[dict[str, Any], set[str]]:
    values = msgspec.structs.asdict(mirror)
    unset = [name for name, value in values.items() if value is UNSET]
    given = set(values).difference(unset)
    defaults = DEFAULTS[model]
    for name in unset:
        values[name] = defaults[name]
    return values, given


def by_hand(model: type[BaseModel], mirror: Mirror) -> Any:
    """The model as pydantic-core would build it, without validating again."""
    values, given = _values(model, mirror)
    for name in NESTED:
        if name in values:
            values[name] = tuple(by_hand(MODELS[type(item)], item) for item in values[name])
    built = _new(model)
    _set(built, "__dict__", values)
    _set(built, "__pydantic_fields_set__", given)
    _set(built, "__pydantic_extra__", None)
    _set(built, "__pydantic_private__", None)
    return built


def constructed(model: type[BaseModel], mirror: Mirror) -> Any:
    """The model through pydantic's `model_construct` (no validation, the documented way)."""
    values, given = _values(model, mirror)
    for name in NESTED:
        if name in values:
            values[name] = tuple(constructed(MODELS[type(item)], item) for item in values[name])
    return model.model_construct(given, **values)


def decode_by_hand(raw: bytes) -> Any:
    return by_hand(ReportsExtracted, decoder.decode(raw).data)


def decode_constructed(raw: bytes) -> Any:
    return constructed(ReportsExtracted, decoder.decode(raw).data)
