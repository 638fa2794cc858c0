"""The resume-before-seek race of issue 11, forced deterministically against the real broker.

A worker folds the first half of a log and stops cleanly (offsets committed). More reports
arrive. A second worker starts on a fresh disk, so it recovers its table from the changelog
and then resumes the stream partitions and seeks them to the committed offsets. The launcher
(tests/integration/seek_race_worker.py) holds that seek open until the fetcher has delivered
records past the committed offset — the interleaving the issue's trace shows. Unfixed, Faust
then records a gap over offsets that are in the log and commits past reports it dropped
(without streams/worker/faust_patches.py this test fails on the gap lines, and the pictures
lose reports). Fixed, the seek stops the fetcher first: nothing is delivered during the seek,
no gap is recorded, and every region's picture equals the pure fold of the whole log.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from streams.topics import Catalogue
from tests.integration.test_worker_harness import (
    WorkerProcess,
    expected_pictures,
    produce_reports,
    topics_fixture,  # noqa: F401  (provides the `topics` fixture)
    wait_for_pictures,
)
from tests.unit.streams.factories import synthetic_log

pytestmark = [pytest.mark.integration, pytest.mark.faults]

LOG = synthetic_log(2000, regions=16, seed=31)
FIRST, SECOND = LOG[:1000], LOG[1000:]


class SeekRaceWorker(WorkerProcess):
    command = (sys.executable, "-m", "tests.integration.seek_race_worker")


def test_a_seek_racing_the_fetcher_after_recovery_skips_nothing(
    bootstrap: str, topics: Catalogue, tmp_path: Path
) -> None:
    produce_reports(bootstrap, topics, FIRST)
    first = WorkerProcess(bootstrap, topics, tmp_path / "first", batch_size=200).start()
    try:
        wait_for_pictures(bootstrap, topics, expected_pictures(FIRST), timeout_s=120)
    finally:
        first.stop()  # SIGTERM: Faust commits the offsets of everything folded

    produce_reports(bootstrap, topics, SECOND)
    second = SeekRaceWorker(bootstrap, topics, tmp_path / "second", batch_size=200).start()
    try:
        wait_for_pictures(bootstrap, topics, expected_pictures(LOG), timeout_s=180)
    finally:
        second.stop()
    output = second.log_path.read_text(errors="replace")
    assert "SEEK-RACE-HOLD committed=" in output, "the restarted worker never sought committed offsets"
    gaps = [line for line in output.splitlines() if "SEEK-RACE-GAP" in line]
    assert not gaps, f"Faust recorded holes that are not in the log: {gaps[:4]}"
    assert "delivered past the committed offset during the seek" not in output
