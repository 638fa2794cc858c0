"""Rule 7 on the real broker: the same log gives byte-identical pictures whatever the speed or app version.

Three runs of one synthetic log (late reports, duplicates, rising tolls, ceasefire news):
preloaded and folded at full speed; replayed into a fresh app version (new group, new
changelogs) on the same topics; and trickled into another worker on other topics while it runs.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from services.kafka.topic_read import read_to_end
from streams.topics import Catalogue
from tests.integration.test_worker_harness import (
    WorkerProcess,
    drop_topics,
    expected_pictures,
    fresh_topics,
    produce_reports,
    published_pictures,
    topics_fixture,  # noqa: F401  (provides the `topics` fixture)
    wait_for_pictures,
    wait_until,
)
from tests.unit.streams.factories import synthetic_log

pytestmark = pytest.mark.integration

LOG = synthetic_log(1500, regions=12, seed=11)


def consumed(worker: WorkerProcess) -> float:
    return sum(
        worker.counter("sitmon_worker_reports_total", result=result) for result in ("folded", "duplicate", "refused")
    )


def pictures_after(bootstrap: str, catalogue: Catalogue, ends: dict[int, int]) -> dict[str, bytes]:
    """The last picture per region among the situation records written after `ends` (offset per partition)."""

    async def read() -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        async for record in read_to_end(bootstrap, catalogue.situation.name):
            if record.offset >= ends.get(record.partition, 0) and record.key is not None and record.value is not None:
                found[record.key.decode()] = record.value
        return dict(sorted(found.items()))

    return asyncio.run(read())


def situation_ends(bootstrap: str, catalogue: Catalogue) -> dict[int, int]:
    async def read() -> dict[int, int]:
        ends: dict[int, int] = {}
        async for record in read_to_end(bootstrap, catalogue.situation.name):
            ends[record.partition] = record.offset + 1
        return ends

    return asyncio.run(read())


def test_full_speed_fresh_version_and_trickle_give_byte_identical_pictures(
    bootstrap: str, topics: Catalogue, tmp_path: Path
) -> None:
    expected = expected_pictures(LOG)
    assert len(expected) == 12

    # 1. preloaded, full speed
    produce_reports(bootstrap, topics, LOG)
    first = WorkerProcess(bootstrap, topics, tmp_path / "v1", version=1).start()
    try:
        wait_for_pictures(bootstrap, topics, expected, timeout_s=120)
    finally:
        first.stop()
    full_speed = published_pictures(bootstrap, topics)

    # 2. the same topics replayed into a fresh app version: it rebuilds from offset 0
    ends = situation_ends(bootstrap, topics)
    second = WorkerProcess(bootstrap, topics, tmp_path / "v2", version=2).start()
    try:
        wait_until(lambda: consumed(second) >= len(LOG), timeout_s=120, what="version 2 to read the whole log")
        wait_until(
            lambda: pictures_after(bootstrap, topics, ends) == full_speed,
            timeout_s=60,
            what="version 2's pictures to equal version 1's",
        )
    finally:
        second.stop()

    # 3. other topics, the worker already running, the log trickled in small chunks
    trickled_topics = fresh_topics(bootstrap)
    third = WorkerProcess(bootstrap, trickled_topics, tmp_path / "trickle", batch_size=7).start()
    try:
        for start in range(0, len(LOG), 75):
            produce_reports(bootstrap, trickled_topics, LOG[start : start + 75])
            time.sleep(0.1)  # pacing is the scenario here: batches cut at other places than above
        wait_for_pictures(bootstrap, trickled_topics, expected, timeout_s=120)
        assert published_pictures(bootstrap, trickled_topics) == full_speed
    finally:
        third.stop()
        drop_topics(bootstrap, trickled_topics)
