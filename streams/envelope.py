"""CloudEvents 1.0 structured-mode JSON: how every event travels on Kafka.

A record's value is one self-describing JSON document, so kcat, kafka-console-consumer and
any CloudEvents SDK read the log without sitmon. `id` is the event id (the idempotency key),
`subject` the record key, `time` the event time.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from streams.any_event import SitmonEvent
from streams.errors import UndecodableRecord
from streams.events import Event, ReportsExtracted

SPECVERSION = "1.0"
TYPE_PREFIX = "org.sitmon."
DEFAULT_SOURCE = "/sitmon"


class CloudEvent(BaseModel):
    """The envelope's attributes (CloudEvents 1.0 core plus `subject`, `time`, `datacontenttype`)."""

    model_config = ConfigDict(frozen=True, extra="allow")

    specversion: str = Field(pattern=r"^1\.0$")
    id: str = Field(min_length=1)
    source: str = Field(min_length=1)
    type: str = Field(min_length=1)
    subject: str | None = None
    time: AwareDatetime | None = None
    datacontenttype: str = "application/json"
    dataschema: str | None = None
    data: dict[str, Any]


class TypedCloudEvent(CloudEvent):
    """The envelope with its data already typed: what `decode` validates in one pass from bytes."""

    data: SitmonEvent  # type: ignore[assignment]  # narrowed from a dict to the contract's union


class ReportCloudEvent(CloudEvent):
    """The envelope of a report: what `decode_report` tries first (no union to pick a model from)."""

    data: ReportsExtracted  # type: ignore[assignment]  # narrowed from a dict to the one model


_event_adapter: TypeAdapter[SitmonEvent] = TypeAdapter(SitmonEvent)


def wrap(event: Event, *, subject: str, source: str = DEFAULT_SOURCE) -> CloudEvent:
    event_type = event.type
    return CloudEvent(
        specversion=SPECVERSION,
        id=event.event_id,
        source=source,
        type=TYPE_PREFIX + event_type,
        subject=subject,
        time=event.occurred_at,
        dataschema=f"sitmon:{event_type}/v{event.schema_version}",
        data=event.model_dump(mode="json"),
    )


def encode(event: Event, *, subject: str, source: str = DEFAULT_SOURCE) -> bytes:
    """The bytes of a record value: compact, UTF-8, keys in model order (deterministic)."""
    envelope = wrap(event, subject=subject, source=source)
    return json.dumps(
        envelope.model_dump(mode="json", exclude_none=True), ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def decode_envelope(raw: bytes | None) -> CloudEvent:
    if raw is None:
        raise UndecodableRecord("the record has no value (a tombstone?); expected a CloudEvents JSON document")
    try:
        document = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UndecodableRecord(f"value is not JSON: {exc}") from exc
    if not isinstance(document, dict):
        raise UndecodableRecord(f"value is JSON {type(document).__name__}, expected a CloudEvents object")
    try:
        return CloudEvent.model_validate(document)
    except ValidationError as exc:
        raise UndecodableRecord(f"not a CloudEvents 1.0 envelope: {_first_error(exc)}") from exc


def decode(raw: bytes | None) -> SitmonEvent:
    """Record value → typed event; any problem raises UndecodableRecord with a one-line reason.

    One pydantic pass from the bytes (`TypedCloudEvent.model_validate_json`) builds the same
    models at about a third of the cost of parsing to dicts and validating twice (bench_decode);
    a value it refuses takes the step-by-step path below, which says precisely what is wrong.
    """
    if raw is not None:
        try:
            typed = TypedCloudEvent.model_validate_json(raw)
        except ValidationError:
            pass
        else:
            if typed.type.startswith(TYPE_PREFIX):
                return typed.data
    envelope = decode_envelope(raw)
    if not envelope.type.startswith(TYPE_PREFIX):
        raise UndecodableRecord(f"unknown CloudEvents type {envelope.type!r}, expected {TYPE_PREFIX}*")
    try:
        return _event_adapter.validate_python(envelope.data)
    except ValidationError as exc:
        raise UndecodableRecord(f"data of {envelope.type} is invalid: {_first_error(exc)}") from exc


def decode_report(raw: bytes | None) -> SitmonEvent:
    """`decode` for a topic of reports (the worker, the rebuild, history): the same result for
    every value — the same model, or the same UndecodableRecord — at ~0.8 of its cost.

    A report's envelope is validated straight into `ReportsExtracted`, skipping the choice among
    the union's models (bench_decode: msgspec, orjson, strict mode and `model_construct` were
    measured and save nothing once the contract's models are built). Any other value, valid or
    not, takes `decode`'s own path, so what is accepted and the reasons given do not change.
    """
    if raw is not None:
        try:
            typed = ReportCloudEvent.model_validate_json(raw)
        except ValidationError:
            pass
        else:
            # the union needs `type` in the data to pick a model; the model alone would default it
            if typed.type.startswith(TYPE_PREFIX) and "type" in typed.data.model_fields_set:
                return typed.data
    return decode(raw)


def _first_error(exc: ValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return str(exc)
    first = errors[0]
    where = ".".join(str(part) for part in first.get("loc", ())) or "(root)"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first.get('msg')}{more}"
