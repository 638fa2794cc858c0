"""The worker's pure batch step: records → per-region folds, snapshots and dead letters."""

from __future__ import annotations

from streams.envelope import decode, encode
from streams.events import utc_timestamp_ms
from streams.fold.region import new_region
from streams.fold.state import dump_state
from streams.situation import SituationChanged
from streams.worker.batch import fold_region, plan_batch
from streams.worker.records import Poison, RawRecord, read_report
from tests.unit.streams.factories import HOUR, REGION, SEED_AT, report, seed_story

TOPIC = "sitmon.reports"


def record(offset: int, value: bytes | None, key: bytes | None = REGION.encode()) -> RawRecord:
    return RawRecord(TOPIC, 2, offset, key, value, utc_timestamp_ms(SEED_AT))


def good(article_id: str, offset: int, region: str = REGION) -> RawRecord:
    item = seed_story(article_id, "terra", at=SEED_AT + offset * HOUR)
    if region != REGION:
        item = report(article_id, region=region, at=SEED_AT + offset * HOUR)
    return record(offset, encode(item, subject=region), region.encode())


def test_poison_records_carry_origin_reason_and_excerpt() -> None:
    bad = read_report(record(41, b"\xff\xfe not json"))
    assert isinstance(bad, Poison)
    assert bad.kind == "undecodable"
    assert bad.letter.origin == "sitmon.reports[2]@41"
    assert bad.letter.reason.startswith("value is not JSON")
    assert bad.letter.excerpt


def test_a_tombstone_and_a_misrouted_report_are_poison_too() -> None:
    tombstone = read_report(record(1, None))
    misrouted = read_report(record(2, good("a1", 0).value, key=b"elsewhere"))
    assert isinstance(tombstone, Poison) and tombstone.kind == "undecodable"
    assert isinstance(misrouted, Poison) and misrouted.kind == "wrong_key"
    assert "'elsewhere'" in misrouted.letter.reason


def test_a_batch_is_split_by_region_in_log_order_around_poison() -> None:
    plan = plan_batch([good("a1", 0), record(1, b"{"), good("b1", 2, region="other"), good("a2", 3)])
    assert [index for index, _ in plan.poison] == [1]
    assert [r.article_id for r in plan.regions[REGION].reports] == ["a1", "a2"]
    assert (plan.regions[REGION].last_index, plan.regions["other"].last_index) == (3, 2)


def test_fold_region_writes_once_and_snapshots_the_batch() -> None:
    plan = plan_batch([good("a1", 0), good("a2", 1)])
    outcome = fold_region(new_region(REGION), plan.regions[REGION])
    assert outcome.write and outcome.situation is not None
    assert outcome.situation.sequence == 2
    assert isinstance(decode(encode(outcome.situation, subject=REGION)), SituationChanged)


def test_a_redelivered_batch_republishes_the_same_picture() -> None:
    plan = plan_batch([good("a1", 0)])
    state = new_region(REGION)
    first = fold_region(state, plan.regions[REGION])
    folded = dump_state(state)
    again = fold_region(state, plan.regions[REGION])
    assert again.stats.duplicates_ignored == 1 and again.stats.reports_folded == 0
    assert again.write and dump_state(state) == folded
    assert again.situation == first.situation  # same event id: consumers that dedupe see nothing new
