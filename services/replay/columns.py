"""Typed Parquet columns for a topic, derived from the contract's event models.

A replayed record becomes one row: where it sat in Kafka (partition, offset, record time,
key), the CloudEvents envelope's attributes, and the event's `data` fields flattened into
columns of their model's types — times as UTC timestamps, tuples of models as list columns
of structs, literals as strings. The schema follows the models, so a field added to the
contract appears in the Parquet file without touching this module.

A topic carrying several event types (alerts, deliveries, subscriptions) gets the union of
their fields; a field two types declare differently is kept as JSON text.
"""

from __future__ import annotations

import types
from datetime import datetime
from typing import Any, Literal, Union, get_args, get_origin

import pyarrow as pa
from pydantic import AwareDatetime, BaseModel, FutureDatetime, NaiveDatetime, PastDatetime

from streams.alerting import AnyAlertEvent
from streams.deliveries import DeliveryEvent
from streams.events import ArticleReceived, DeadLettered, ReportsExtracted
from streams.situation import SituationChanged
from streams.subscriptions import AnySubscriptionEvent

TIMESTAMP = pa.timestamp("us", tz="UTC")  # pydantic writes microseconds; ms would refuse them
# pydantic's constrained datetimes are marker classes, not datetime subclasses
DATETIME_MARKERS: tuple[Any, ...] = (AwareDatetime, NaiveDatetime, PastDatetime, FutureDatetime)
JSON_TEXT = pa.string()

# Where the record sat and what the envelope says; `error`/`raw` keep a record that is not a
# CloudEvent (nothing is dropped), `data_json` the data of an event type the topic does not model.
ENVELOPE: tuple[tuple[str, pa.DataType], ...] = (
    ("partition", pa.int32()),
    ("offset", pa.int64()),
    ("timestamp", pa.timestamp("ms", tz="UTC")),
    ("key", pa.string()),
    ("id", pa.string()),
    ("type", pa.string()),
    ("source", pa.string()),
    ("subject", pa.string()),
    ("time", TIMESTAMP),
    ("dataschema", pa.string()),
)
TRAILER: tuple[tuple[str, pa.DataType], ...] = (
    ("data_json", JSON_TEXT),
    ("error", pa.string()),
    ("raw", pa.string()),
)
# data fields already carried by the envelope (`type` there is the full CloudEvents type)
SKIPPED_DATA_FIELDS = frozenset({"type"})


def _members(union: Any) -> tuple[type[BaseModel], ...]:
    return tuple(member for member in get_args(union) if isinstance(member, type))


TOPIC_MODELS: dict[str, tuple[type[BaseModel], ...]] = {
    "articles": (ArticleReceived,),
    "reports": (ReportsExtracted,),
    "situation": (SituationChanged,),
    "dlq": (DeadLettered,),
    "alerts": _members(AnyAlertEvent),
    "deliveries": _members(DeliveryEvent),
    "subscriptions": _members(AnySubscriptionEvent),
}


def arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type of a pydantic field annotation (unknown shapes become JSON text)."""
    if annotation in DATETIME_MARKERS:
        return TIMESTAMP
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        inner = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(inner) == 1:
            return arrow_type(inner[0])
        kinds = {arrow_type(arg) for arg in inner}
        return kinds.pop() if len(kinds) == 1 else JSON_TEXT
    if origin is Literal:
        values = get_args(annotation)
        return pa.string() if all(isinstance(v, str) for v in values) else JSON_TEXT
    if origin in (tuple, list, frozenset, set):
        args = [arg for arg in get_args(annotation) if arg is not Ellipsis]
        return pa.list_(arrow_type(args[0])) if len(args) == 1 else JSON_TEXT
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return pa.struct([(name, arrow_type(field.annotation)) for name, field in annotation.model_fields.items()])
        if issubclass(annotation, bool):
            return pa.bool_()
        if issubclass(annotation, int):
            return pa.int64()
        if issubclass(annotation, float):
            return pa.float64()
        if issubclass(annotation, str):
            return pa.string()
        if issubclass(annotation, datetime):
            return TIMESTAMP
    return JSON_TEXT


def data_fields(models: tuple[type[BaseModel], ...]) -> dict[str, pa.DataType]:
    """The union of the models' fields, in first-seen order; conflicting declarations → JSON text."""
    fields: dict[str, pa.DataType] = {}
    for model in models:
        for name, field in model.model_fields.items():
            if name in SKIPPED_DATA_FIELDS:
                continue
            kind = arrow_type(field.annotation)
            fields[name] = kind if fields.get(name, kind) == kind else JSON_TEXT
    return fields


def topic_schema(suffix: str) -> tuple[pa.Schema, frozenset[str]]:
    """The Parquet schema of a topic and the CloudEvents types (without prefix) it flattens."""
    models = TOPIC_MODELS.get(suffix, ())
    data = data_fields(models)
    clashes = {name for name, _ in (*ENVELOPE, *TRAILER)} & set(data)
    if clashes:  # a model field named like an envelope column: keep the envelope's, say so loudly
        raise ValueError(f"event fields {sorted(clashes)} clash with replay columns")
    schema = pa.schema([*ENVELOPE, *data.items(), *TRAILER])
    modelled = frozenset(str(model.model_fields["type"].default) for model in models)
    return schema, modelled


def with_text_times(kind: pa.DataType) -> pa.DataType:
    """The same type with every timestamp as text: rows are built from JSON's ISO strings and
    then cast in one vectorised step (Arrow parses ISO 8601 with a zone)."""
    if pa.types.is_timestamp(kind) and kind.tz is not None and kind.unit == "us":
        return pa.string()
    if pa.types.is_list(kind):
        return pa.list_(with_text_times(kind.value_type))
    if pa.types.is_struct(kind):
        return pa.struct([(kind.field(i).name, with_text_times(kind.field(i).type)) for i in range(kind.num_fields)])
    return kind
