"""A worker whose group never committed folds every report, whatever its fetcher read before the seek.

Found by the kill -9 fault test (1 run in ~40, and one CI run): a worker killed before its first
offset commit came back folding nothing. After table recovery the patched seek
(streams/worker/faust_patches.py) lets the parked drain loop drop what it fetched and relies on
the seek to committed offsets to read it again, but with no committed offset aiokafka does not
seek, and the partition stayed past the dropped records. tests/integration/skipped_fetch_worker.py
forces that state (positions at the end of the log just before the seek). Without
`_rewind_never_committed` this test folds no report and times out; with it, every region's picture
equals the pure fold of the log.
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

LOG = synthetic_log(300, regions=12, seed=41)


class SkippedFetchWorker(WorkerProcess):
    command = (sys.executable, "-m", "tests.integration.skipped_fetch_worker")


def test_partitions_never_committed_are_read_from_their_earliest_offset(
    bootstrap: str, topics: Catalogue, tmp_path: Path
) -> None:
    produce_reports(bootstrap, topics, LOG)
    worker = SkippedFetchWorker(bootstrap, topics, tmp_path / "worker", batch_size=100).start()
    try:
        wait_for_pictures(bootstrap, topics, expected_pictures(LOG), timeout_s=120)
    finally:
        worker.stop()
    output = worker.log_path.read_text(errors="replace")
    assert "SKIPPED-FETCH positions moved to the end" in output, "the forced state never happened"
