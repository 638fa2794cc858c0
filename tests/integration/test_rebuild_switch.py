"""`sitmon rebuild --switch` takes effect without anyone restarting the worker: the running worker
moves to the rebuilt version by itself, the live picture becomes the rebuilt one, and what arrives
after the rebuild read its end offsets is folded once by the new version."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest
from aiokafka import AIOKafkaProducer

from services.kafka.admin import end_offsets
from services.kafka.topic_read import read_all
from services.rederive.switch import read_book
from services.situation_query.query import from_worker
from streams.envelope import decode, encode
from streams.events import ReportsExtracted, stable_id
from streams.situation import SituationChanged
from streams.topics import Catalogue
from tests.integration.test_rebuild import consumed, sitmon
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

LOG = synthetic_log(400, regions=8, seed=31)
NEWER_EXTRACTOR = "x/2"


def reparsed(report: ReportsExtracted) -> ReportsExtracted:
    """What `sitmon reparse` publishes for the article with a newer extractor: other (doubled) figures."""
    return report.model_copy(
        update={
            "event_id": stable_id("reports", report.article_id, NEWER_EXTRACTOR),
            "extractor_version": NEWER_EXTRACTOR,
            "casualties": tuple(f.model_copy(update={"count": f.count * 2}) for f in report.casualties),
        }
    )


BEFORE = LOG[:300] + [reparsed(r) for r in LOG[:300:7]]  # folded live, then rebuilt
QUIET = {"region-005", "region-006", "region-007"}  # no report after the switch
AFTER = [r for r in LOG[300:] if r.region not in QUIET] + [reparsed(r) for r in LOG[300::9] if r.region not in QUIET]
DAMAGED = "region-006"


def situation_counts(bootstrap: str, catalogue: Catalogue) -> dict[str, int]:
    records = asyncio.run(read_all(bootstrap, catalogue.situation.name))
    counts: dict[str, int] = {}
    for record in records:
        counts[record.key.decode()] = counts.get(record.key.decode(), 0) + 1
    return counts


def damage(bootstrap: str, catalogue: Catalogue, region: str, live: bytes) -> None:
    """A wrong picture on the live topic (as a faulty older worker could have left): nothing killed."""
    picture = decode(live)
    assert isinstance(picture, SituationChanged)
    wrong = picture.model_copy(update={"casualties": (), "event_id": "damaged"})

    async def send() -> None:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
        await producer.start()
        try:
            await producer.send_and_wait(catalogue.situation.name, encode(wrong, subject=region), key=region.encode())
        finally:
            await producer.stop()

    asyncio.run(send())


def all_published(bootstrap: str, catalogue: Catalogue, version: int) -> bool:
    """Whether the workers of `version` marked every region partition's pictures as published."""
    book = asyncio.run(read_book(bootstrap, catalogue, f"{catalogue.prefix}sitmon-worker"))
    return book.live_version(1) == version and not book.unpublished(
        version, set(range(catalogue.reports.spec.partitions))
    )


def consumed_now(worker: WorkerProcess) -> float | None:
    """The worker's reports counter, or None while it is between processes (the port is closed)."""
    try:
        return consumed(worker)
    except httpx.HTTPError:
        return None


def test_switch_moves_the_running_worker_to_the_rebuilt_version_without_a_restart(
    bootstrap: str, topics: Catalogue, tmp_path: Path
) -> None:
    worker = WorkerProcess(bootstrap, topics, tmp_path / "worker", version=1)
    # a static member: its group keeps it for a session after it stops, and the switched version
    # must wait for that before it publishes; and it comes back under the same id in the new group
    worker.env["SITMON_WORKER_INSTANCE_ID"] = "switching-worker"
    worker.start()
    try:
        assert worker.process is not None
        pid = worker.process.pid
        produce_reports(bootstrap, topics, BEFORE)
        wait_for_pictures(bootstrap, topics, expected_pictures(BEFORE), timeout_s=120)
        damage(bootstrap, topics, DAMAGED, published_pictures(bootstrap, topics)[DAMAGED])
        counts_before = situation_counts(bootstrap, topics)

        done = sitmon(topics, bootstrap, "rebuild", "--switch", "--json")
        assert done.returncode == 0, done.stderr
        summary = json.loads(done.stdout)
        assert summary["version"] == 2 and summary["reports"] == len(BEFORE) and summary["switched"]
        # the live worker had folded the same log, so only the damaged picture differs from the rebuilt one
        assert [(c["region"], c["kind"]) for c in summary["changes"]] == [(DAMAGED, "changed")]

        wait_until(lambda: all_published(bootstrap, topics, 2), timeout_s=120, what="version 2's pictures")
        produce_reports(bootstrap, topics, AFTER)
        # the live picture: the rebuilt state plus the new reports, the damaged region repaired
        wait_for_pictures(bootstrap, topics, expected_pictures(BEFORE + AFTER), timeout_s=120)
        # and `sitmon situation`'s first source, the worker's web view on the same port, answers the same
        served = asyncio.run(from_worker(f"http://127.0.0.1:{worker.port}", topics))
        assert served is not None
        assert {region: encode(p, subject=region) for region, p in served.items()} == expected_pictures(BEFORE + AFTER)
        # the same process, never restarted from outside, now folds as version 2 from where the
        # rebuild stopped: exactly the reports that came after (none folded twice, none lost)
        wait_until(lambda: consumed_now(worker) == len(AFTER), timeout_s=60, what="version 2's counters")
        assert worker.process.poll() is None and worker.process.pid == pid
        assert "app version 2 is live now; starting again as it" in worker.log_path.read_text()
        reports_end = asyncio.run(end_offsets(bootstrap, topics.reports.name))
        assert sum(reports_end.values()) == len(BEFORE) + len(AFTER)
        # every region's picture went out again after the switch, also where no report came
        counts_after = situation_counts(bootstrap, topics)
        assert all(counts_after[region] > counts_before[region] for region in QUIET)
    finally:
        worker.stop()


def test_a_worker_started_after_a_switch_runs_the_switched_version(
    bootstrap: str, topics: Catalogue, tmp_path: Path
) -> None:
    first = LOG[:200]
    produce_reports(bootstrap, topics, first)
    done = sitmon(topics, bootstrap, "rebuild", "--switch", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["version"] == 2
    assert published_pictures(bootstrap, topics) == {}  # the switch itself publishes nothing: the workers do

    # configured as version 1: the switch decides
    worker = WorkerProcess(bootstrap, topics, tmp_path / "later", version=1).start()
    try:
        wait_for_pictures(bootstrap, topics, expected_pictures(first), timeout_s=120)
        wait_until(lambda: all_published(bootstrap, topics, 2), timeout_s=60, what="version 2's marks")
        assert consumed(worker) == 0  # restored from the rebuilt changelog, nothing folded again
        assert "app version 2 is live (sitmon rebuild --switch)" in worker.log_path.read_text()
        again = sitmon(topics, bootstrap, "rebuild", "--json")  # the next rebuild goes past the live version
        assert again.returncode == 0, again.stderr
        assert json.loads(again.stdout)["version"] == 3
    finally:
        worker.stop()
