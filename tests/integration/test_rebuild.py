"""`sitmon rebuild`: the batch fast path reproduces the live worker's state byte for byte, and the
Faust worker of the rebuilt version takes over from it (restores the changelog, resumes the log)."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from services.kafka.admin import end_offsets
from services.kafka.topic_read import read_to_end
from services.rederive.fold_log import fold_reports_log
from streams.envelope import encode
from streams.topics import Catalogue
from tests.integration.test_worker_harness import (
    WorkerProcess,
    expected_pictures,
    produce_reports,
    published_pictures,
    topics_fixture,  # noqa: F401  (provides the `topics` fixture)
    wait_for_pictures,
    wait_until,
)
from tests.unit.streams.factories import synthetic_log

pytestmark = pytest.mark.integration

LOG = synthetic_log(600, regions=8, seed=23)
FIRST, REST = LOG[:450], LOG[450:]


def sitmon(catalogue: Catalogue, bootstrap: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITMON_KAFKA_BOOTSTRAP": bootstrap, "SITMON_TOPIC_PREFIX": catalogue.prefix}
    env.pop("SITMON_WORKER_VERSION", None)
    return subprocess.run(
        [sys.executable, "-m", "services.cli", *args], capture_output=True, text=True, env=env, timeout=180, check=False
    )


def table_values(bootstrap: str, changelog: str) -> dict[bytes, bytes]:
    """The latest value per key of a table's changelog: what Faust restores the table to (a
    tombstone deletes its key: the worker deletes the entries of articles it forgot)."""

    async def read() -> dict[bytes, bytes]:
        found: dict[bytes, bytes] = {}
        async for record in read_to_end(bootstrap, changelog):
            assert record.key is not None
            if record.value is None:
                found.pop(record.key, None)
            else:
                found[record.key] = record.value
        return found

    return asyncio.run(read())


def consumed(worker: WorkerProcess) -> float:
    return sum(
        worker.counter("sitmon_worker_reports_total", result=result) for result in ("folded", "duplicate", "refused")
    )


def test_rebuild_equals_the_live_worker_byte_for_byte_and_the_worker_takes_over(
    bootstrap: str, topics: Catalogue, tmp_path: Path
) -> None:
    produce_reports(bootstrap, topics, FIRST)
    live = WorkerProcess(bootstrap, topics, tmp_path / "live", version=1).start()
    try:
        wait_for_pictures(bootstrap, topics, expected_pictures(FIRST), timeout_s=120)
    finally:
        live.stop()
    live_pictures = published_pictures(bootstrap, topics)
    situation_before = asyncio.run(end_offsets(bootstrap, topics.situation.name))

    done = sitmon(topics, bootstrap, "rebuild", "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["version"] == 2 and summary["reports"] == len(FIRST)
    assert summary["changes"] == []  # an unchanged log: the rebuilt picture is the live one
    # the table state, as Faust restores it: the same bytes the live worker's changelog holds
    live_changelog = f"{topics.prefix}sitmon-worker-regions-changelog"
    assert summary["changelog"] == f"{topics.prefix}sitmon-worker-v2-regions-changelog"
    assert table_values(bootstrap, summary["changelog"]) == table_values(bootstrap, live_changelog)
    # without --switch nothing the live system reads was written
    assert asyncio.run(end_offsets(bootstrap, topics.situation.name)) == situation_before

    # the partitions folded in parallel processes give the same regions, byte for byte
    serial = asyncio.run(fold_reports_log(bootstrap, topics.reports.name, processes=1))
    parallel = asyncio.run(fold_reports_log(bootstrap, topics.reports.name, processes=2, parallel_from=0))
    assert parallel.regions == serial.regions and parallel.records == serial.records == len(FIRST)
    # and the rebuilt pictures are the live situation, byte for byte
    rebuilt = {region: encode(result.picture, subject=region) for region, result in sorted(serial.regions.items())}
    assert rebuilt == live_pictures

    refused = sitmon(topics, bootstrap, "rebuild", "--version", "2")
    assert refused.returncode == 2 and "already holds state" in refused.stderr

    # the worker of version 2 restores the rebuilt tables and reads only what came after
    taking_over = WorkerProcess(bootstrap, topics, tmp_path / "v2", version=2).start()
    try:
        produce_reports(bootstrap, topics, REST)
        wait_for_pictures(bootstrap, topics, expected_pictures(LOG), timeout_s=120)
        wait_until(lambda: consumed(taking_over) == len(REST), timeout_s=30, what="version 2's counters")
    finally:
        taking_over.stop()
    assert published_pictures(bootstrap, topics) != live_pictures  # (the new reports did change pictures)

