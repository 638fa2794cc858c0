"""Scale-out: several workers in one consumer group publish the same pictures as one worker.

The region topics have `SITMON_REGION_PARTITIONS` partitions (4 here); each worker of a
deployment (same app id, its own data directory, as on its own machine) folds the regions of
the partitions it is assigned, and a region's table moves with its partition through the
changelog when a worker joins or leaves. The final picture of each of 42 regions must equal the
pure fold of the log byte for byte — what a single worker publishes (the determinism test
proves that part) — with a worker joining and another leaving mid-stream, and with four workers.
Kept lean: 420 reports.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from streams.topics import Catalogue
from tests.integration.test_worker_harness import (
    WorkerProcess,
    expected_pictures,
    produce_reports,
    topics_fixture,  # noqa: F401  (provides the `topics` fixture)
    wait_for_pictures,
    wait_until,
)
from tests.unit.streams.factories import synthetic_log

pytestmark = pytest.mark.integration

REGIONS = 42
LOG = synthetic_log(420, regions=REGIONS, seed=42)


def folded(*workers: WorkerProcess) -> float:
    return sum(
        worker.counter("sitmon_worker_reports_total", result="folded")
        for worker in workers
        if worker.process is not None and worker.process.poll() is None
    )


def holds(worker: WorkerProcess) -> str:
    """What the worker's web view says it holds: every region partition (200), a share (409), or busy (503)."""
    try:
        status = httpx.get(f"http://127.0.0.1:{worker.port}/situation", timeout=5).status_code
    except httpx.HTTPError:
        return "unreachable"
    return {200: "all", 409: "a share"}.get(status, "busy")


def test_a_worker_joining_and_one_leaving_mid_stream_change_no_picture(
    bootstrap: str, topics: Catalogue, tmp_path: Path
) -> None:
    expected = expected_pictures(LOG)
    assert len(expected) == REGIONS
    first_third, second_third, last_third = LOG[:140], LOG[140:280], LOG[280:]
    began = time.monotonic()
    first = WorkerProcess(bootstrap, topics, tmp_path / "first", batch_size=20).start()
    second = WorkerProcess(bootstrap, topics, tmp_path / "second", batch_size=20)
    try:
        produce_reports(bootstrap, topics, first_third)
        wait_until(lambda: folded(first) > 0, timeout_s=90, what="the first worker to fold")
        second.start()  # joins the group: the partitions are shared out again mid-stream
        wait_until(
            lambda: holds(first) == holds(second) == "a share",
            timeout_s=120,
            what="the two workers to share the partitions",
            every_s=0.5,
        )
        produce_reports(bootstrap, topics, second_third)
        wait_until(lambda: folded(second) > 0, timeout_s=120, what="the joining worker to fold")
        first.stop()  # leaves the group: the second takes over every partition from the changelog
        wait_until(lambda: holds(second) == "all", timeout_s=120, what="the second worker to hold every partition")
        produce_reports(bootstrap, topics, last_third)
        wait_for_pictures(bootstrap, topics, expected, timeout_s=180)
    finally:
        first.stop()
        second.stop()
    print(f"\n[join/leave] 42 regions identical after {time.monotonic() - began:.1f} s")


def test_four_workers_publish_the_pictures_of_one(bootstrap: str, topics: Catalogue, tmp_path: Path) -> None:
    expected = expected_pictures(LOG)
    began = time.monotonic()
    workers = [WorkerProcess(bootstrap, topics, tmp_path / f"w{n}", batch_size=20) for n in range(4)]
    try:
        for worker in workers:
            worker.launch()
        for worker in workers:
            worker.wait_serving()
        # serving is not yet sharing: until the group has rebalanced over all four, the first
        # worker to join may hold every partition and fold the whole (short) log alone
        wait_until(
            lambda: all(holds(worker) == "a share" for worker in workers),
            timeout_s=120,
            what="the four workers to share the partitions",
            every_s=0.5,
        )
        produce_reports(bootstrap, topics, LOG)
        wait_for_pictures(bootstrap, topics, expected, timeout_s=180)
        working = [worker for worker in workers if worker.counter("sitmon_worker_reports_total", result="folded") > 0]
    finally:
        for worker in workers:
            worker.stop()
    assert len(working) >= 2, "the fold was not shared: one worker did everything"
    print(f"\n[four workers] 42 regions identical after {time.monotonic() - began:.1f} s; {len(working)} folded")
