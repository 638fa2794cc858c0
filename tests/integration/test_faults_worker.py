"""Fault test: `kill -9` of the worker at 20 random moments during a 2,000-article ingest, same disk.

The issue's scale, kept cheap per kill rather than cut in count:
- the worker runs with a static group member id (`SITMON_WORKER_INSTANCE_ID`), so a restarted
  run takes the dead run's partitions back at once instead of waiting out its session timeout;
- the next worker process is started ahead, while the current one runs, and parks after its
  imports (the interpreter start and faust's imports take seconds of a loaded machine's wall
  clock); it is told to go the moment the current one is killed, so the restart itself — the
  `sitmon worker` command, its unclean-stop wipe and table recovery — is unchanged.
The ingest is interleaved with the faults: a chunk of reports is produced as each run starts
and another as it is killed, so reports arrive while the worker is down, while it recovers and
while it folds. The moments are random but reproducible (the seed is printed): a run is killed
as soon as its web port answers (during start-up, group join or table recovery) or after it
folded a random 1–40 reports (mid-batch or between a batch and its commit).
Reference: the pure fold of the whole log, which a clean run of the worker equals record for
record (test_worker_determinism), so every region's published picture — tallies, sources,
incidents, ceasefire history, and the sequence number that counts each report folded — must
equal it: no report lost, none applied twice.
"""

from __future__ import annotations

import asyncio
import os
import queue
import random
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from streams.events import ReportsExtracted
from streams.topics import Catalogue
from tests.integration.test_worker_harness import (
    WorkerProcess,
    _produce,
    expected_pictures,
    free_port,
    topics_fixture,  # noqa: F401  (provides the `topics` fixture)
    wait_for_pictures,
    wait_until,
)
from tests.integration.warm_start import go, launch_parked, parked_command
from tests.unit.streams.factories import synthetic_log

pytestmark = [pytest.mark.integration, pytest.mark.faults]

SEED = int(os.environ.get("SITMON_FAULTS_SEED", "1107"))  # replay a failure with its printed seed
KILLS = 20
LOG = synthetic_log(2000, regions=42, seed=SEED)
MOST_FOLDS_BEFORE_KILL = 40  # below a chunk's size: each run has at least one new chunk to fold

WORKER_IMPORTS = ("faust.worker", "streams.worker.app", "services.cli.worker")


class WarmWorker(WorkerProcess):
    """A `sitmon worker` process started ahead (tests/integration/warm_start.py): parked until `go()`."""

    def launch(self) -> WarmWorker:
        self.process = launch_parked(parked_command("worker", imports=WORKER_IMPORTS), self.env, self.log_path)
        return self

    def go(self) -> WarmWorker:
        assert self.process is not None
        go(self.process)
        return self


class Ingest:
    """Produces chunks of the log, in order, on a thread of its own while the test kills workers."""

    def __init__(self, bootstrap: str, catalogue: Catalogue) -> None:
        self.pending: queue.Queue[Sequence[ReportsExtracted] | None] = queue.Queue()
        self.failures: list[BaseException] = []
        self.chunks_sent = self.chunks_produced = 0
        self.thread = threading.Thread(target=self._run, args=(bootstrap, catalogue.reports.name), daemon=True)
        self.thread.start()

    def send(self, chunk: Sequence[ReportsExtracted]) -> None:
        self.chunks_sent += 1
        self.pending.put(chunk)

    def progress(self) -> str:
        """For a timeout's message: a worker waiting for reports the ingest never produced is not stuck."""
        return f"ingest: {self.chunks_produced} of {self.chunks_sent} chunks produced, failures: {self.failures!r}"

    def finish(self) -> None:
        self.pending.put(None)
        self.thread.join(timeout=120)
        assert not self.thread.is_alive(), "the ingest did not finish within 120 s"
        assert not self.failures, self.failures

    def _run(self, bootstrap: str, topic: str) -> None:
        try:
            while (chunk := self.pending.get()) is not None:
                asyncio.run(_produce(bootstrap, topic, chunk))
                self.chunks_produced += 1
        except BaseException as exc:  # surfaced by finish()
            self.failures.append(exc)


def test_kill_9_at_20_random_moments_during_an_ingest_leaves_every_picture_exact(
    bootstrap: str, topics: Catalogue, tmp_path: Path
) -> None:
    print(f"\n[faults] worker kill -9 seed {SEED} (SITMON_FAULTS_SEED={SEED} replays it)")
    rng = random.Random(SEED)
    disk = tmp_path / "worker"  # the same data directory for every run
    chunks = _split(LOG, 2 * KILLS + 1)  # one as each run starts, one as it is killed, the rest at the end
    ingest = Ingest(bootstrap, topics)
    port = free_port()
    spare: WarmWorker | None = _worker(bootstrap, topics, disk, port).launch()
    moments: list[str] = []
    try:
        for kill in range(KILLS):
            worker, spare = spare.go(), _worker(bootstrap, topics, disk, port).launch()
            ingest.send(chunks[2 * kill])
            threshold = rng.choice((0, rng.randint(1, MOST_FOLDS_BEFORE_KILL), rng.randint(1, MOST_FOLDS_BEFORE_KILL)))
            try:
                worker.wait_serving()
                if threshold:
                    wait_until(
                        lambda w=worker, t=threshold: w.counter("sitmon_worker_reports_total", result="folded") >= t,
                        timeout_s=120,
                        what=f"run {kill + 1} to fold {threshold} reports (log: {worker.log_path})",
                        every_s=0.02,
                        context=lambda w=worker: f"{ingest.progress()}\n{w.log_tail(120)}",
                    )
                    moments.append(str(int(worker.counter("sitmon_worker_reports_total", result="folded"))))
                else:
                    moments.append("start-up")
                worker.kill9()
            finally:
                worker.stop()
            ingest.send(chunks[2 * kill + 1])
        ingest.send(chunks[-1])
        ingest.finish()
        last = spare.go()
        spare = None
        try:
            last.wait_serving()
            wait_for_pictures(bootstrap, topics, expected_pictures(LOG), timeout_s=240)
        finally:
            last.stop()
    finally:
        if spare is not None:
            spare.kill9()
    regions = len(expected_pictures(LOG))
    print(f"[faults] {KILLS} kill -9, each after this many reports folded by the run: {', '.join(moments)}")
    print(f"[faults] {regions} of {regions} pictures equal the pure fold of {len(LOG)} reports")


def _split(log: Sequence[ReportsExtracted], parts: int) -> list[Sequence[ReportsExtracted]]:
    size = -(-len(log) // parts)
    return [log[start : start + size] for start in range(0, len(log), size)]


def _worker(bootstrap: str, topics: Catalogue, disk: Path, port: int) -> WarmWorker:
    worker = WarmWorker(bootstrap, topics, disk, batch_size=25)
    # every run is the same member, at the same address: Faust checks that the assignment a
    # static member gets back names its own web URL
    worker.env["SITMON_WORKER_INSTANCE_ID"] = "faults-worker-1"
    worker.port = port
    worker.env["SITMON_WORKER_WEB_PORT"] = str(port)
    return worker
