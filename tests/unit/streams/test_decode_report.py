"""`decode_report` (the reports topic's fast decoder) against `decode` and pydantic's step-by-step
path: for any valid report the same model, field for field (and the same fields set); for any
value at all, accepted by both with equal results or refused by both with the same reason — so a
bad record still reaches the dead-letter topic with its reason."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from streams.any_event import SitmonEvent
from streams.envelope import decode, decode_envelope, decode_report, encode
from streams.errors import UndecodableRecord
from streams.events import (
    CasualtyFigure,
    CeasefireStatement,
    CeasefireStatus,
    DeadLettered,
    Group,
    LocationMention,
    Outcome,
    Qualifier,
    ReportsExtracted,
)
from streams.worker.records import Poison, RawRecord, read_report

STEP_BY_STEP: TypeAdapter[Any] = TypeAdapter(SitmonEvent)

SAMPLE = json.dumps(
    {
        "event_id": "e1",
        "type": "reports.extracted",
        "occurred_at": "2023-09-20T18:00:00Z",
        "article_id": "a1",
        "article_event_id": "ae1",
        "published_at": "2023-09-20T18:00:00Z",
        "extractor_version": "sitmon-extract/1.1",
        "region": "nagorno-karabakh",
    }
)

text = st.text(st.characters(codec="utf-8"), max_size=30)
some_text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=30)
maybe_text = st.none() | text
offsets = st.integers(0, 10_000)
zones = st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-3))])
moments = st.datetimes(datetime(1990, 1, 1), datetime(2040, 1, 1), timezones=zones)

locations = st.builds(LocationMention, name=text, start=offsets, end=offsets, region=maybe_text, country=maybe_text)
figures = st.builds(
    CasualtyFigure,
    sentence=text,
    start=offsets,
    end=offsets,
    outcome=st.sampled_from(get_args(Outcome)),
    count=st.integers(0, 10**12),
    qualifier=st.sampled_from(get_args(Qualifier)),
    group=st.none() | st.sampled_from(get_args(Group)),
    period_hours=st.none() | st.integers(1, 10_000),
    source=maybe_text,
    background=st.booleans(),
)
statements = st.builds(
    CeasefireStatement,
    sentence=text,
    start=offsets,
    end=offsets,
    status=st.sampled_from(get_args(CeasefireStatus)),
    parties=st.tuples(text) | st.just(()),
    mediators=st.tuples(text, text) | st.just(()),
    background=st.booleans(),
)
reports = st.builds(
    ReportsExtracted,
    event_id=st.text(st.characters(codec="utf-8"), min_size=1, max_size=200),
    occurred_at=moments,
    article_id=text,
    article_event_id=text,
    outlet=maybe_text,
    url=maybe_text,
    published_at=moments,
    extractor_version=text,
    revised_at=st.none() | moments,
    region=text,
    country=maybe_text,
    language=maybe_text,
    locations=st.lists(locations, max_size=3).map(tuple),
    casualties=st.lists(figures, max_size=4).map(tuple),
    ceasefire=st.lists(statements, max_size=2).map(tuple),
)


def outcome(decoder: Any, raw: bytes | None) -> tuple[Any, ...]:
    """What a decoder makes of a value: the model with the fields it was given, or the reason."""
    try:
        event = decoder(raw)
    except UndecodableRecord as exc:
        return ("refused", str(exc))
    nested = [
        item.model_fields_set for name in ("locations", "casualties", "ceasefire") for item in getattr(event, name, ())
    ]
    return ("decoded", event, event.model_fields_set, nested, encode(event, subject="s"))


@given(reports)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_valid_report_decodes_to_the_model_pydantic_builds(report: ReportsExtracted) -> None:
    raw = encode(report, subject=report.region)
    fast = decode_report(raw)
    assert fast == STEP_BY_STEP.validate_python(decode_envelope(raw).data) == decode(raw) == report
    assert outcome(decode_report, raw) == outcome(decode, raw)
    assert type(fast) is ReportsExtracted and encode(fast, subject=report.region) == raw


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | text
    | st.sampled_from(["2024-01-01T00:00:00Z", "2024-01-01T00:00:00", "2024-13-01T00:00:00Z", "1.0", "killed", ""]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6,
)


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """A valid report's document with one thing changed: a key removed, a value replaced, a key added
    — in the envelope, the data or a nested figure."""
    document = json.loads(encode(draw(reports), subject="r"))
    targets = [document, document["data"]]
    for name in ("locations", "casualties", "ceasefire"):
        targets.extend(document["data"][name])
    target = draw(st.sampled_from(targets))
    action = draw(st.sampled_from(["remove", "replace", "add"]))
    if action == "add":
        target[draw(text) + "_unknown"] = draw(JSON_VALUES)
        return json.dumps(document).encode("utf-8")
    key = draw(st.sampled_from(sorted(target)))
    if action == "remove":
        del target[key]
    else:
        target[key] = draw(JSON_VALUES)
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode("utf-8")


@given(damaged())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_damaged_report_gets_what_decode_gives_it(raw: bytes) -> None:
    assert outcome(decode_report, raw) == outcome(decode, raw)


@given(damaged())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_refused_report_becomes_a_dead_letter_with_the_reason(raw: bytes) -> None:
    document = json.loads(raw)
    data = document.get("data")
    region = data.get("region") if isinstance(data, dict) else None
    key = region.encode() if isinstance(region, str) else None
    read = read_report(RawRecord("t.reports", 0, 7, key, raw, 0))
    try:
        event = decode(raw)
    except UndecodableRecord as exc:
        assert isinstance(read, Poison) and read.kind == "undecodable"
        assert read.letter.reason == str(exc) and read.letter.origin == "t.reports[0]@7"
        return
    if isinstance(event, ReportsExtracted):
        assert read == event
    else:
        assert isinstance(read, Poison) and read.kind == "wrong_type"


def every_key_removed() -> list[bytes]:
    sample = ReportsExtracted.model_validate_json(SAMPLE).model_copy(
        update={
            "locations": (LocationMention(name="Stepanakert", start=0, end=11),),
            "casualties": (CasualtyFigure(sentence="s", start=0, end=1, outcome="killed", count=3),),
            "ceasefire": (CeasefireStatement(sentence="s", start=0, end=1, status="agreed", parties=("a",)),),
        }
    )
    document = json.loads(encode(sample, subject="nagorno-karabakh"))
    found = []
    for path in [(), ("data",), ("data", "locations", 0), ("data", "casualties", 0), ("data", "ceasefire", 0)]:
        for key in _at(document, path):
            copy = json.loads(json.dumps(document))
            del _at(copy, path)[key]
            found.append(json.dumps(copy).encode())
    return found


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


@pytest.mark.parametrize("raw", every_key_removed())
def test_a_report_missing_any_key_gets_what_decode_gives_it(raw: bytes) -> None:
    assert outcome(decode_report, raw) == outcome(decode, raw)


def test_data_without_its_type_is_refused_as_decode_refuses_it() -> None:
    """The report model alone would default `type`; the union needs it to choose the model."""
    document = json.loads(encode(ReportsExtracted.model_validate(json.loads(SAMPLE)), subject="r"))
    del document["data"]["type"]
    raw = json.dumps(document).encode()
    assert outcome(decode_report, raw) == outcome(decode, raw)
    assert outcome(decode, raw)[0] == "refused"


def test_other_events_and_non_events_take_decodes_path() -> None:
    letter = DeadLettered(
        event_id="d1", occurred_at=datetime(2024, 1, 1, tzinfo=UTC), stage="t", origin="o", reason="r"
    )
    raw = encode(letter, subject="s")
    assert outcome(decode_report, raw) == outcome(decode, raw) and decode_report(raw) == letter
    assert outcome(decode_report, None) == outcome(decode, None)
    assert outcome(decode_report, b"{not json") == outcome(decode, b"{not json")
