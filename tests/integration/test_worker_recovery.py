"""Crash recovery: `kill -9` the worker mid-stream, start it again, and nothing is lost or applied twice.

The restarted worker recovers its table from the changelog topic (on a fresh disk it has
nothing else), resumes from the last committed offsets, and its final pictures must equal
the pure fold of the log byte for byte — the same as a clean run. faust-streaming #176 (a
recovery that never finishes) would show up here as a timeout.
"""

from __future__ import annotations

import time
from pathlib import Path

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

LOG = synthetic_log(12_000, regions=30, seed=23)


@pytest.mark.parametrize("disk", ["fresh-disk", "same-disk"])
def test_kill_9_mid_stream_then_restart_gives_the_clean_result(
    bootstrap: str, topics: Catalogue, tmp_path: Path, disk: str
) -> None:
    expected = expected_pictures(LOG)
    produce_reports(bootstrap, topics, LOG)
    first = WorkerProcess(bootstrap, topics, tmp_path / "first", batch_size=50).start()
    try:
        wait_until(
            lambda: first.counter("sitmon_worker_reports_total", result="folded") >= 3000,
            timeout_s=120,
            what="the first worker to be mid-stream",
            every_s=0.05,
        )
        folded_before_kill = first.counter("sitmon_worker_reports_total", result="folded")
        first.kill9()
    finally:
        first.stop()
    assert folded_before_kill < len(LOG) * 0.9, "the worker finished before it could be killed mid-stream"

    restarted_dir = tmp_path / ("second" if disk == "fresh-disk" else "first")
    started = time.monotonic()
    second = WorkerProcess(bootstrap, topics, restarted_dir, batch_size=500).start()
    try:
        wait_until(
            lambda: (
                second.counter("sitmon_worker_reports_total", result="folded")
                + second.counter("sitmon_worker_reports_total", result="duplicate")
                > 0
            ),
            timeout_s=120,
            what="the restarted worker to recover its table and resume",
            every_s=0.05,
        )
        resumed_after = time.monotonic() - started
        wait_for_pictures(bootstrap, topics, expected, timeout_s=180)
        resumed_folds = second.counter("sitmon_worker_reports_total", result="folded")
    finally:
        second.stop()
    if disk == "same-disk":  # the crashed run's local tables are not trusted: rebuilt from the changelog
        assert "rebuilding tables from the changelog" in second.log_path.read_text(errors="replace")
    # reports folded before the kill were not folded again (only the uncommitted tail is re-read)
    distinct_articles = len({(r.region, r.article_id) for r in LOG})
    assert resumed_folds <= distinct_articles - 1000
    print(f"\n[{disk}] killed after {folded_before_kill:.0f} folds; resumed {resumed_after:.1f} s after restart")


def test_a_clean_stop_then_restart_on_the_same_disk_continues_from_its_local_tables(
    bootstrap: str, topics: Catalogue, tmp_path: Path
) -> None:
    """After a clean stop the local RocksDB tables are trusted (no rebuild from the changelog), so
    what the worker wrote into them (one WriteBatch per region and batch, table_writes.py) must be
    the whole state: the restarted worker's pictures over the rest of the log must be the pure fold
    of all of it."""
    log = synthetic_log(2_000, regions=12, seed=31)
    first_part, second_part = log[:1_000], log[1_000:]
    produce_reports(bootstrap, topics, first_part)
    first = WorkerProcess(bootstrap, topics, tmp_path / "disk").start()
    try:
        wait_for_pictures(bootstrap, topics, expected_pictures(first_part), timeout_s=180)
    finally:
        first.stop()  # SIGTERM: flushed, committed, marked clean
    assert first.process is not None and first.process.returncode == 0
    produce_reports(bootstrap, topics, second_part)
    second = WorkerProcess(bootstrap, topics, tmp_path / "disk").start()
    try:
        wait_for_pictures(bootstrap, topics, expected_pictures(log), timeout_s=180)
        refolded = second.counter("sitmon_worker_reports_total", result="folded")
    finally:
        second.stop()
    assert "rebuilding tables" not in second.log_path.read_text(errors="replace")
    assert refolded <= len(second_part)  # the first part came from the local tables, not folded again
