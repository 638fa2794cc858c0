"""`decode`'s one-pass fast path gives the same models as the step-by-step path, and bad values the same reasons."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import TypeAdapter

from streams.any_event import SitmonEvent
from streams.envelope import decode, decode_envelope, encode
from streams.errors import UndecodableRecord
from streams.events import DeadLettered
from streams.fold.region import fold_into, new_region
from streams.fold.snapshot import snapshot
from tests.unit.streams.factories import figure, report, statement, synthetic_log

STEP_BY_STEP: TypeAdapter[Any] = TypeAdapter(SitmonEvent)


def samples() -> list[Any]:
    reports = synthetic_log(60, regions=3, seed=5)
    state = new_region(reports[0].region)
    fold_into(state, [r for r in reports if r.region == state.region])
    return [
        *reports,
        report("a1", casualties=(figure(3, group="children", qualifier="at_least"),), ceasefire=(statement("agreed"),)),
        snapshot(state),
        DeadLettered(
            event_id="d1", occurred_at=reports[0].published_at, stage="t", origin="o", reason="r", excerpt="x"
        ),
    ]


@pytest.mark.parametrize("event", samples(), ids=lambda e: f"{e.type}-{e.event_id[:6]}")
def test_the_fast_path_builds_the_models_the_step_by_step_path_builds(event: Any) -> None:
    raw = encode(event, subject="s")
    assert decode(raw) == STEP_BY_STEP.validate_python(decode_envelope(raw).data) == event


def envelope(**changes: Any) -> bytes:
    document = json.loads(encode(report("a1"), subject="nagorno-karabakh"))
    document.update(changes)
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"{not json", "value is not JSON"),
        (b"[1, 2]", "value is JSON list, expected a CloudEvents object"),
        (None, "the record has no value"),
        (envelope(specversion="0.3"), "not a CloudEvents 1.0 envelope: specversion"),
        (envelope(type="com.example.other"), "unknown CloudEvents type 'com.example.other'"),
        (
            envelope(data={"type": "reports.extracted", "event_id": "x"}),
            "data of org.sitmon.reports.extracted is invalid",
        ),
    ],
)
def test_bad_values_get_the_same_one_line_reasons(raw: bytes | None, reason: str) -> None:
    with pytest.raises(UndecodableRecord) as caught:
        decode(raw)
    assert str(caught.value).startswith(reason)
