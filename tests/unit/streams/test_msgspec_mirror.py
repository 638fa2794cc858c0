"""bench_decode's msgspec mirror stays in step with the contract: the same fields in the same order,
and reports decoded through it equal the models `decode` builds (or the benchmark compares apples
with pears)."""

from __future__ import annotations

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings

from streams.envelope import decode, encode
from streams.events import ReportsExtracted
from tests.benchmarks.msgspec_mirror import MODELS, Mirror, decode_by_hand, decode_constructed
from tests.unit.streams.test_decode_report import reports


@pytest.mark.parametrize("mirror", list(MODELS), ids=lambda m: m.__name__)
def test_the_mirror_has_the_models_fields_in_their_order(mirror: type[Mirror]) -> None:
    assert [f.name for f in msgspec.structs.fields(mirror)] == list(MODELS[mirror].model_fields)


@given(reports)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_reports_through_the_mirror_equal_decodes(report: ReportsExtracted) -> None:
    raw = encode(report, subject="r")
    for built in (decode_by_hand(raw), decode_constructed(raw)):
        assert built == decode(raw)
        assert built.model_fields_set == decode(raw).model_fields_set
        assert encode(built, subject="r") == raw
