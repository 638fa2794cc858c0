"""Fault test: the broker stops for 30 s in the middle of a chunked ingest and of processing, three times.

The test runs its OWN broker (LocalBroker on free ports, its own data directory), never the
shared one. `sitmon ingest` publishes 1,500 generated articles in 30 regions (transactions of
100 items) while the worker folds them. Three outages, each 30 s, on the same data directory:
the first as soon as the first chunk is committed, the next ones as soon as a chunk committed
after the broker came back (the ingest and the worker are both mid-way each time); the broker
is killed (SIGKILL) twice and stopped cleanly (SIGTERM, Kafka's controlled shutdown) once.
Checked: ingest exits 0 and its count equals what is on the topic; every article and its
report is on the topics exactly once (read_committed, as the worker reads them); every region's
picture equals the pure fold of the reports log, which a clean run equals
(test_worker_determinism).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
import yaml
from aiokafka import AIOKafkaConsumer, TopicPartition

from services.broker.local import LocalBroker
from services.kafka.admin import create_topics
from services.kafka.topic_read import read_to_end
from streams.envelope import decode
from streams.events import ArticleReceived, ReportsExtracted
from streams.topics import Catalogue
from tests.integration.conftest import fresh_prefix
from tests.integration.test_worker_harness import WorkerProcess, expected_pictures, wait_for_pictures

pytestmark = [pytest.mark.integration, pytest.mark.faults]

E = TypeVar("E", ArticleReceived, ReportsExtracted)
REPO = Path(__file__).resolve().parents[2]
ARTICLES = (
    1500  # 15 chunks: the ingest is still running at the third outage (240 articles once finished before the first)
)
CHUNK = 100  # the ingest's transaction size
OUTAGE_S = 30.0
STOPS = (signal.SIGKILL, signal.SIGTERM, signal.SIGKILL)


@pytest.fixture
def own_broker(tmp_path: Path) -> Iterator[LocalBroker]:
    broker = LocalBroker(port=0, data_dir=tmp_path / "kafka", state_path=tmp_path / "broker-state.json")
    broker.start()
    try:
        yield broker
    finally:
        broker.stop()


def write_articles(folder: Path) -> None:
    """Three JSONL files of generated wire reports: a toll in a known place of 30 regions."""
    regions = yaml.safe_load((REPO / "seeds" / "regions.yaml").read_text())["regions"]
    places = [(name, spec["places"][0]) for name, spec in regions.items() if spec.get("places")][:30]
    start = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)
    folder.mkdir()
    for chunk in range(3):
        lines = []
        for n in range(chunk * ARTICLES // 3, (chunk + 1) * ARTICLES // 3):
            _, place = places[n % len(places)]
            toll = 3 + (n * 7) % 40
            text = f"At least {toll} people were killed in {place} on Monday, the health ministry said."
            lines.append(
                json.dumps(
                    {
                        "id": f"outage-{n:04d}",
                        "title": f"{toll} killed in {place}",
                        "text": text,
                        "published_at": (start + timedelta(minutes=20 * n)).isoformat(),
                        "source": ("Reuters", "AFP", "AP")[n % 3],
                    }
                )
            )
        (folder / f"chunk-{chunk}.jsonl").write_text("\n".join(lines) + "\n")


def test_three_broker_outages_during_ingest_and_processing_lose_and_double_nothing(
    own_broker: LocalBroker, tmp_path: Path
) -> None:
    bootstrap = own_broker.bootstrap
    catalogue = Catalogue(fresh_prefix())
    asyncio.run(create_topics(bootstrap, catalogue))
    folder = tmp_path / "articles"
    write_articles(folder)
    worker = WorkerProcess(bootstrap, catalogue, tmp_path / "worker", batch_size=100)
    worker.start()
    env = {**os.environ, "SITMON_KAFKA_BOOTSTRAP": bootstrap, "SITMON_TOPIC_PREFIX": catalogue.prefix}
    ingest = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "ingest", str(folder), "--no-progress", "--retry-for", "180"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    output: dict[str, str] = {}
    reader = threading.Thread(
        target=lambda: output.update(zip(("out", "err"), ingest.communicate(timeout=600), strict=False))
    )
    reader.start()
    outages: list[str] = []
    try:
        before = 0  # committed articles when the broker (re)started
        for how in STOPS:
            # a chunk committed since the broker came back (the first: any chunk): the ingest has
            # resumed and is mid-way, and the worker is folding what it reads
            committed = asyncio.run(
                _committed_at_least(bootstrap, catalogue.articles.name, catalogue.articles.spec.partitions, before + 1)
            )
            assert ingest.poll() is None, f"the ingest finished before outage {len(outages) + 1}"
            down_at = time.monotonic()
            _stop(own_broker, how)
            time.sleep(OUTAGE_S)  # the outage itself, not a wait for readiness
            own_broker.start()
            before = len(_events(bootstrap, catalogue.articles.name, ArticleReceived))
            outages.append(
                f"{signal.Signals(how).name} once {committed}+ articles were committed, "
                f"answering again {time.monotonic() - down_at:.0f} s later"
            )
        reader.join(timeout=600)
        assert ingest.returncode == 0, output.get("err", "")[-2000:]
        assert f"published {ARTICLES} article(s)" in output["out"], output
        articles = _events(bootstrap, catalogue.articles.name, ArticleReceived)
        reports = _events(bootstrap, catalogue.reports.name, ReportsExtracted)
        assert Counter(a.article_id for a in articles) == Counter(f"outage-{n:04d}" for n in range(ARTICLES))
        assert Counter(r.article_id for r in reports) == Counter(a.article_id for a in articles)
        wait_for_pictures(bootstrap, catalogue, expected_pictures(reports), timeout_s=240)
    finally:
        worker.stop()
        if ingest.poll() is None:
            ingest.kill()
    retried = output.get("err", "").count("kafka.retrying")
    print(f"\n[faults] broker outages of {OUTAGE_S:.0f} s: {'; '.join(outages)}")
    print(
        f"[faults] ingest retried {retried} time(s); {ARTICLES} articles and reports once each; "
        f"{len(expected_pictures(reports))} pictures equal the pure fold"
    )


def _stop(broker: LocalBroker, how: signal.Signals) -> None:
    """SIGKILL: the process dies at once; SIGTERM: Kafka's controlled shutdown. The data directory stays."""
    if how == signal.SIGKILL:
        state = broker.load_state()
        assert state is not None
        os.kill(state.pid, signal.SIGKILL)
    broker.stop()  # SIGTERM and wait (or, after a kill, forget the dead process)


async def _committed_at_least(
    bootstrap: str, topic: str, partitions_of: int, count: int, timeout_s: float = 180.0
) -> int:
    """Read the topic as the worker does (read_committed) until it holds `count` committed records;
    returns how many it holds then (aborted attempts are never counted)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, isolation_level="read_committed")
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in range(partitions_of)]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        seen = 0
        deadline = time.monotonic() + timeout_s
        while seen < count:
            assert time.monotonic() < deadline, (
                f"only {seen} of {count} committed records on {topic} in {timeout_s:.0f} s"
            )
            batches = await consumer.getmany(timeout_ms=50)
            seen += sum(len(records) for records in batches.values())
        return seen
    finally:
        await consumer.stop()


def _events(bootstrap: str, topic: str, kind: type[E]) -> list[E]:
    """Every committed record of the topic up to its end (read_committed), in log order per partition."""

    async def read() -> list[E]:
        return [
            event
            async for record in read_to_end(bootstrap, topic)
            if record.value and isinstance(event := decode(record.value), kind)
        ]

    return asyncio.run(read())
