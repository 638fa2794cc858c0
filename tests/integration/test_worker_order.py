"""Issue 9/11 on the real broker: a week of news ingested newest-first gives the same pictures as
oldest-first, redelivered reports change nothing, and a revision replaces its article's figures.

One worker, one log: every region of the week appears twice, as `oldest-N` (reports in time
order) and `newest-N` (the same reports, newest first, some sent twice). The two pictures of a
region must be equal in everything but the region's name.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.events import ReportsExtracted
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
from tests.unit.streams.factories import HOUR, SEED_AT, figure, report, synthetic_log

pytestmark = pytest.mark.integration

REGIONS = 6


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


@pytest.fixture(scope="module")
def run(bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Catalogue, list[ReportsExtracted]]]:
    catalogue = fresh_topics(bootstrap)
    worker = WorkerProcess(bootstrap, catalogue, Path(tmp_path_factory.mktemp("order")) / "worker").start()
    try:
        log = week()
        oldest_first = renamed(sorted(log, key=lambda item: item.published_at), "oldest-")
        newest = sorted(log, key=lambda item: item.published_at, reverse=True)
        newest_first = renamed(newest[:40] + newest[:40:3] + newest[40:], "newest-")  # with redeliveries
        produce_reports(bootstrap, catalogue, oldest_first + newest_first)
        wait_for_pictures(bootstrap, catalogue, expected_pictures(oldest_first + newest_first), timeout_s=120)
        yield catalogue, log
    finally:
        worker.stop()
        drop_topics(bootstrap, catalogue)


def test_newest_first_gives_the_same_pictures_as_oldest_first(
    bootstrap: str, run: tuple[Catalogue, list[ReportsExtracted]]
) -> None:
    catalogue, log = run
    pictures = published_pictures(bootstrap, catalogue)
    regions = sorted({item.region for item in log})
    assert len(regions) == REGIONS
    for region in regions:
        oldest, newest = without_region(pictures["oldest-" + region]), without_region(pictures["newest-" + region])
        assert newest == oldest, region
        assert any(t["best"] > 0 for t in oldest["casualties"])  # type: ignore[attr-defined]


def test_each_revised_article_counts_once_with_its_latest_figures(
    bootstrap: str, run: tuple[Catalogue, list[ReportsExtracted]]
) -> None:
    catalogue, log = run
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
