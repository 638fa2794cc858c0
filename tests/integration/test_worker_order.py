"""Issue 9/11 on the real broker: a week of news ingested newest-first gives the same pictures as
oldest-first, redelivered reports change nothing, a revision replaces its article's figures, and a
report too old to place is dead-lettered with its offset and the reason (never silently dropped).

One worker, one log: every region of the week appears twice, as `oldest-N` (reports in time
order) and `newest-N` (the same reports, newest first, some sent twice). The two pictures of a
region must be equal in everything but the region's name.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.envelope import decode
from streams.events import DeadLettered, ReportsExtracted
from streams.topics import Catalogue
from tests.integration.test_worker_harness import (
    WorkerProcess,
    drop_topics,
    expected_pictures,
    fresh_topics,
    produce_reports,
    published_pictures,
    wait_for_pictures,
)
from tests.kafka_helpers import read_records
from tests.unit.streams.factories import DAY, HOUR, SEED_AT, figure, report, synthetic_log

pytestmark = pytest.mark.integration

REGIONS = 6
# a report 40 days older than its region's newest: beyond the memory of archived articles
BEYOND_MEMORY = [
    report("recent", region="late-region", at=SEED_AT + 40 * DAY, casualties=[figure(5)]),
    report("forty-days-old", region="late-region", casualties=[figure(100)]),
]


def week() -> list[ReportsExtracted]:
    """About a week of news (0.5 h apart, some up to 40 h late) over a few regions, with revisions."""
    log = [
        item
        for item in synthetic_log(300, regions=REGIONS, seed=5)
        if SEED_AT <= item.published_at < SEED_AT + 150 * HOUR  # all within the 7-day horizon of the newest
    ]
    revised = [
        report(
            item.article_id,
            at=item.published_at,
            outlet=item.outlet,
            region=item.region,
            casualties=[figure(max(0, f.count - 1), f.outcome, f.group, source=f.source) for f in item.casualties],
            revised_at=item.published_at + 2 * HOUR,
        )
        for item in log[::25]
        if item.casualties
    ]
    return log + revised


def renamed(items: list[ReportsExtracted], prefix: str) -> list[ReportsExtracted]:
    return [item.model_copy(update={"region": prefix + item.region}) for item in items]


def without_region(raw: bytes) -> dict[str, object]:
    data = json.loads(raw)["data"]
    return {key: value for key, value in data.items() if key not in {"region", "event_id"}}


Run = tuple[Catalogue, list[ReportsExtracted], str]  # topics, the week's log, the refused record's origin


@pytest.fixture(scope="module")
def run(bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    catalogue = fresh_topics(bootstrap)
    worker = WorkerProcess(bootstrap, catalogue, Path(tmp_path_factory.mktemp("order")) / "worker").start()
    try:
        log = week()
        oldest_first = renamed(sorted(log, key=lambda item: item.published_at), "oldest-")
        newest = sorted(log, key=lambda item: item.published_at, reverse=True)
        newest_first = renamed(newest[:40] + newest[:40:3] + newest[40:], "newest-")  # with redeliveries
        everything = oldest_first + newest_first + BEYOND_MEMORY
        positions = produce_reports(bootstrap, catalogue, everything)
        wait_for_pictures(bootstrap, catalogue, expected_pictures(everything), timeout_s=120)
        partition, offset = positions[-1]
        yield catalogue, log, f"{catalogue.reports.name}[{partition}]@{offset}"
    finally:
        worker.stop()
        drop_topics(bootstrap, catalogue)


def test_newest_first_gives_the_same_pictures_as_oldest_first(bootstrap: str, run: Run) -> None:
    catalogue, log, _ = run
    pictures = published_pictures(bootstrap, catalogue)
    regions = sorted({item.region for item in log})
    assert len(regions) == REGIONS
    for region in regions:
        oldest, newest = without_region(pictures["oldest-" + region]), without_region(pictures["newest-" + region])
        assert newest == oldest, region
        assert any(t["best"] > 0 for t in oldest["casualties"])  # type: ignore[attr-defined]


def test_each_revised_article_counts_once_with_its_latest_figures(bootstrap: str, run: Run) -> None:
    catalogue, log, _ = run
    revised = {item.article_id for item in log if item.revised_at is not None}
    assert revised
    pictures = published_pictures(bootstrap, catalogue)
    cited = [
        figure_ref
        for region in {item.region for item in log}
        for tally in json.loads(pictures["newest-" + region])["data"]["casualties"]
        for figure_ref in tally["figures"]
        if figure_ref["article_id"] in revised
    ]
    stated = {(item.article_id, f.count) for item in log if item.revised_at is not None for f in item.casualties}
    assert cited and all((ref["article_id"], ref["count"]) in stated for ref in cited)  # only the revision's figures


def test_a_report_too_old_to_place_is_dead_lettered_with_its_offset_and_reason(bootstrap: str, run: Run) -> None:
    catalogue, _, origin = run
    [record] = asyncio.run(read_records(bootstrap, catalogue.dlq.name, expect=1))
    letter = decode(record.value)
    assert isinstance(letter, DeadLettered)
    assert (letter.stage, letter.origin) == ("worker", origin)
    assert "'forty-days-old'" in letter.reason and "40.0 days behind" in letter.reason
    picture = json.loads(published_pictures(bootstrap, catalogue)["late-region"])["data"]
    assert [t["best"] for t in picture["casualties"] if t["window"] == "all" and t["group"] is None] == [5]
