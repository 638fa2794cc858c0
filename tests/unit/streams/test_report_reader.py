"""`read_facts` (msgspec, straight to the fold's facts) against pydantic's way (`read_report`, then
`facts_of`): for any record, the same facts or the same dead letter with the same reason. And its
fast path is really taken — counted, not timed — for the records sitmon writes, so the equality
is not just the fallback agreeing with itself."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streams.envelope import encode
from streams.events import CasualtyFigure, CeasefireStatement, LocationMention, ReportsExtracted
from streams.fold.facts import facts_of
from streams.fold.region import apply_all, new_region
from streams.fold.state import dump_state
from streams.worker import report_reader
from streams.worker.records import Poison, RawRecord, read_report
from streams.worker.report_reader import read_facts
from tests.unit.streams.test_decode_report import JSON_VALUES, damaged, reports, text


def pydantic_way(record: RawRecord) -> Any:
    read = read_report(record)
    return read if isinstance(read, Poison) else facts_of(read)


def record(raw: bytes | None, key: bytes | None) -> RawRecord:
    return RawRecord("t.reports", 0, 7, key, raw, 0)


class Counted:
    """How often the fast path answered (it returns None when pydantic must decide)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answered = self.asked = 0
        inner = report_reader._fast_facts

        def counting(rec: RawRecord) -> Any:
            self.asked += 1
            facts = inner(rec)
            self.answered += facts is not None
            return facts

        monkeypatch.setattr(report_reader, "_fast_facts", counting)


@given(reports)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_valid_report_gives_the_facts_pydantic_gives(report: ReportsExtracted) -> None:
    rec = record(encode(report, subject=report.region), report.region.encode())
    assert read_facts(rec) == pydantic_way(rec) == facts_of(report)
    assert rec.value is not None
    fast = report_reader._fast_facts(rec) is not None
    assert fast or report_reader._BEYOND_MICROSECONDS.search(rec.value)  # pydantic decides only then


@given(damaged())
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_damaged_report_gets_what_pydantic_gives_it(raw: bytes) -> None:
    document = json.loads(raw)
    data = document.get("data")
    region = data.get("region") if isinstance(data, dict) else None
    key = region.encode() if isinstance(region, str) else b"k"
    rec = record(raw, key)
    assert read_facts(rec) == pydantic_way(rec)


times = st.from_regex(
    r"\A(19[7-9]\d|20[0-3]\d)-(0[1-9]|1[0-2])-([01][1-9]|2[0-8])[Tt ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d([.,]\d{1,9})?)?"
    r"([Zz]|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)?\Z"
)


@given(report=reports, published=times, revised=st.none() | times)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_written_time_is_read_as_pydantic_reads_it(report: ReportsExtracted, published: str, revised: str | None) -> None:
    """Times written every way ISO 8601 allows (fractions beyond microseconds, no seconds, no zone,
    comma, lower case): accepted alike, and the same milliseconds for the fold."""
    document = json.loads(encode(report, subject="r"))
    document["data"].update(published_at=published, revised_at=revised, occurred_at=published)
    document["time"] = revised or published
    rec = record(json.dumps(document).encode(), report.region.encode())
    assert read_facts(rec) == pydantic_way(rec)


@given(report=reports, raw_value=JSON_VALUES, name=text)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_unknown_envelope_attributes_are_allowed_as_pydantic_allows_them(
    report: ReportsExtracted, raw_value: Any, name: str
) -> None:
    document = json.loads(encode(report, subject="r"))
    document.setdefault(name + "x", raw_value)
    rec = record(json.dumps(document).encode(), report.region.encode())
    assert read_facts(rec) == pydantic_way(rec)


ODD_VALUES = [
    b"",
    b"null",
    b"\xef\xbb\xbf{}",
    b'{"specversion":"1.0"}',
    b"[1,2]",
    b'{"a":"\x01"}',
]


@pytest.mark.parametrize("raw", [None, *ODD_VALUES])
def test_odd_values_get_pydantics_dead_letter(raw: bytes | None) -> None:
    rec = record(raw, b"r")
    assert read_facts(rec) == pydantic_way(rec)
    assert isinstance(read_facts(rec), Poison)


def sample() -> ReportsExtracted:
    return ReportsExtracted.model_validate(
        {
            "event_id": "e1",
            "occurred_at": "2023-09-20T18:00:00Z",
            "article_id": "a1",
            "article_event_id": "ae1",
            "published_at": "2023-09-20T18:00:00.123456Z",
            "extractor_version": "sitmon-extract/1.2",
            "region": "nagorno-karabakh",
            "outlet": "Outlet",
            "locations": [LocationMention(name=" Stepanakert ", start=0, end=11, region="nagorno-karabakh")],
            "casualties": [
                CasualtyFigure(sentence="s", start=0, end=1, outcome="killed", count=3, source="Ministry"),
                CasualtyFigure(sentence="b", start=0, end=1, outcome="killed", count=900, background=True),
            ],
            "ceasefire": [CeasefireStatement(sentence="s", start=0, end=1, status="agreed", parties=("a", "b"))],
        }
    )


def test_a_misrouted_report_gets_the_wrong_key_dead_letter() -> None:
    rec = record(encode(sample(), subject="x"), b"elsewhere")
    read = read_facts(rec)
    assert isinstance(read, Poison) and read.kind == "wrong_key" and read == pydantic_way(rec)


def test_the_records_sitmon_writes_take_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    counted = Counted(monkeypatch)
    report = sample()
    facts = read_facts(record(encode(report, subject=report.region), report.region.encode()))
    assert facts == facts_of(report) and (counted.asked, counted.answered) == (1, 1)
    assert facts.background == 1 and [f.count for f in facts.contribution.figures] == [3]
    assert facts.contribution.places == ["stepanakert"] and len(facts.contribution.statements) == 1


def test_folding_the_facts_gives_the_state_folding_the_models_gives() -> None:
    report = sample()
    later = report.model_copy(update={"event_id": "e2", "extractor_version": "sitmon-extract/1.10"})
    records = [record(encode(r, subject=r.region), r.region.encode()) for r in (report, later, report)]
    facts = [read_facts(r) for r in records]
    assert not any(isinstance(f, Poison) for f in facts)
    from_facts = apply_all(new_region(report.region), facts)  # type: ignore[arg-type]
    from_models = apply_all(new_region(report.region), [report, later, report])
    assert dump_state(from_facts.state) == dump_state(from_models.state)
    assert (from_facts.stats.revisions_applied, from_facts.stats.duplicates_ignored) == (1, 1)
