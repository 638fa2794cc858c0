"""Running `sitmon worker` as a real subprocess against the real broker, and reading its output.

Helpers for the worker's integration tests (test_worker_*.py), plus a test of what every
other test relies on: the worker serves Faust's and sitmon's Prometheus metrics.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from services.kafka.admin import create_topics
from services.situation_query.query import latest
from streams.envelope import encode
from streams.events import ReportsExtracted, utc_timestamp_ms
from streams.fold.region import fold_into, new_region
from streams.fold.snapshot import snapshot
from streams.fold.state import RegionState
from streams.topics import Catalogue
from streams.worker.local_state import deployment_dir
from tests.unit.streams.factories import seed_story

pytestmark = pytest.mark.integration

WORKER = [sys.executable, "-c", "from services.cli.main import run; run()", "worker"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(
    condition: Callable[[], bool],
    *,
    timeout_s: float,
    what: str,
    every_s: float = 0.2,
    context: Callable[[], str] | None = None,
) -> None:
    """`context`: read when it times out and added to the error — CI keeps only what the test prints."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(every_s)
    detail = f"\n{context()}" if context is not None else ""
    raise AssertionError(f"timed out after {timeout_s:.0f} s waiting for {what}{detail}")


class WorkerProcess:
    """One `sitmon worker` subprocess on a test's topics, with its own data dir and web port."""

    command: tuple[str, ...] = tuple(WORKER)  # a fault test's launcher module (`python -m …`) forces a rare interleaving

    def __init__(
        self, bootstrap: str, catalogue: Catalogue, data_dir: Path, *, version: int = 1, batch_size: int = 500
    ) -> None:
        self.port = free_port()
        self.log_path = data_dir.with_suffix(".log")
        self.env = {
            **os.environ,
            "SITMON_KAFKA_BOOTSTRAP": bootstrap,
            "SITMON_TOPIC_PREFIX": catalogue.prefix,
            "SITMON_WORKER_VERSION": str(version),
            "SITMON_WORKER_DATA_DIR": str(data_dir),
            "SITMON_WORKER_WEB_PORT": str(self.port),
            "SITMON_WORKER_BATCH_SIZE": str(batch_size),
            "SITMON_WORKER_BATCH_WITHIN_S": "0.05",
            "SITMON_WORKER_COMMIT_INTERVAL_S": "0.5",
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        return self.launch().wait_serving()

    def launch(self) -> WorkerProcess:
        """Start the process without waiting (several workers then start side by side)."""
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(list(self.command), env=self.env, stdout=log, stderr=subprocess.STDOUT)
        return self

    def wait_serving(self) -> WorkerProcess:
        wait_until(self._serving, timeout_s=60, what=f"the worker's web port {self.port} (log: {self.log_path})")
        return self

    def _serving(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError(f"the worker exited with {self.process.returncode}: {self.log_tail()}")
        try:
            return httpx.get(f"http://127.0.0.1:{self.port}/metrics", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    def metrics(self) -> str:
        return httpx.get(f"http://127.0.0.1:{self.port}/metrics", timeout=5).text

    def counter(self, name: str, **labels: str) -> float:
        selector = ",".join(f'{key}="{value}"' for key, value in labels.items())
        pattern = re.escape(name + (f"{{{selector}}}" if selector else "")) + r" ([0-9.e+]+)"
        found = re.search(r"^" + pattern + r"$", self.metrics(), re.MULTILINE)
        return float(found.group(1)) if found else 0.0

    def kill9(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def fresh_topics(bootstrap: str) -> Catalogue:
    catalogue = Catalogue(f"tw{uuid.uuid4().hex[:10]}.")
    asyncio.run(create_topics(bootstrap, catalogue))
    return catalogue


def drop_topics(bootstrap: str, catalogue: Catalogue) -> None:
    """Delete the test's topics and the ones its workers created (changelogs), all under its prefix."""

    async def drop() -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            names = [name for name in await admin.list_topics() if name.startswith(catalogue.prefix)]
            if names:
                await admin.delete_topics(names)
        finally:
            await admin.close()

    asyncio.run(drop())


@pytest.fixture(name="topics")
def topics_fixture(bootstrap: str) -> Iterator[Catalogue]:
    """Fresh topics for one test, dropped afterwards together with its workers' changelog topics."""
    catalogue = fresh_topics(bootstrap)
    yield catalogue
    drop_topics(bootstrap, catalogue)


Item = ReportsExtracted | tuple[bytes | None, bytes | None, int]


async def _produce(bootstrap: str, topic: str, items: Sequence[Item]) -> list[tuple[int, int]]:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=5)
    await producer.start()
    try:
        futures = []
        for item in items:
            if isinstance(item, ReportsExtracted):
                key, value = item.region.encode(), encode(item, subject=item.region)
                timestamp_ms = utc_timestamp_ms(item.published_at)
            else:
                key, value, timestamp_ms = item
            futures.append(await producer.send(topic, value=value, key=key, timestamp_ms=timestamp_ms))
        sent = [await future for future in futures]
    finally:
        await producer.stop()
    return [(meta.partition, meta.offset) for meta in sent]


def produce_reports(bootstrap: str, catalogue: Catalogue, items: Sequence[Item]) -> list[tuple[int, int]]:
    """Send reports (record timestamp = publication time) or raw records; returns (partition, offset) each."""
    return asyncio.run(_produce(bootstrap, catalogue.reports.name, items))


def expected_pictures(items: Sequence[Item]) -> dict[str, bytes]:
    """What the worker must publish last for each region: the pure fold of the same log, encoded."""
    states: dict[str, RegionState] = {}
    for item in items:
        if isinstance(item, ReportsExtracted):
            fold_into(states.setdefault(item.region, new_region(item.region)), [item])
    return {region: encode(snapshot(state), subject=region) for region, state in sorted(states.items())}


def published_pictures(bootstrap: str, catalogue: Catalogue) -> dict[str, bytes]:
    pictures = asyncio.run(latest(bootstrap, catalogue))
    return {region: encode(picture, subject=region) for region, picture in pictures.items()}


def wait_for_pictures(bootstrap: str, catalogue: Catalogue, expected: dict[str, bytes], timeout_s: float) -> None:
    found: dict[str, bytes] = {}

    def arrived() -> bool:
        nonlocal found
        found = published_pictures(bootstrap, catalogue)
        return found == expected

    try:
        wait_until(arrived, timeout_s=timeout_s, what="the worker's final pictures", every_s=0.5)
    except AssertionError:
        differing = sorted(region for region in expected if found.get(region) != expected[region])
        first = differing[0] if differing else None
        detail = (
            f"; {first}: published {_summary(found.get(first))} expected {_summary(expected[first])}" if first else ""
        )
        raise AssertionError(f"{len(differing)} region(s) differ from the pure fold{detail}") from None


def _summary(raw: bytes | None) -> str:
    if raw is None:
        return "nothing"
    data = json.loads(raw)["data"]
    killed = [
        t["best"] for t in data["casualties"] if (t["outcome"], t["group"], t["window"]) == ("killed", None, "all")
    ]
    return f"sequence {data['sequence']} killed/all {killed} ceasefire {data['ceasefire']['status']}"


def test_the_worker_serves_metrics_and_a_web_view_of_each_region(
    bootstrap: str, topics: Catalogue, tmp_path: Path
) -> None:
    worker = WorkerProcess(bootstrap, topics, tmp_path / "worker")
    worker.env["SITMON_WORKER_FAUST_METRICS"] = "true"  # off by default: it costs throughput
    worker.start()
    try:
        produce_reports(bootstrap, topics, [seed_story("a1", "terra")])
        wait_until(
            lambda: worker.counter("sitmon_worker_reports_total", result="folded") == 1, timeout_s=60, what="a fold"
        )
        # the fold is counted before its picture is sent (the first send waits for the situation
        # topic's metadata), and a sent picture reaches the topic when the producer writes it:
        # each is polled for, or under load the test read the counter or the topic too early
        wait_until(
            lambda: worker.counter("sitmon_worker_situations_published_total") >= 1, timeout_s=30, what="a picture sent"
        )
        wait_until(
            lambda: "nagorno-karabakh" in published_pictures(bootstrap, topics),
            timeout_s=30,
            what="the picture on the situation topic",
        )
        text = worker.metrics()
        assert "sitmon_worker_faust_messages_received_total" in text  # Faust's own sensors, when asked for
        assert worker.counter("sitmon_worker_figures_total", result="background") == 1
        # the web view serves the same picture as the latest record on the situation topic
        view = httpx.get(f"http://127.0.0.1:{worker.port}/situation/nagorno-karabakh", timeout=5)
        assert view.status_code == 200
        assert view.content == published_pictures(bootstrap, topics)["nagorno-karabakh"]
        assert httpx.get(f"http://127.0.0.1:{worker.port}/situation/atlantis", timeout=5).status_code == 404
        every = httpx.get(f"http://127.0.0.1:{worker.port}/situation", timeout=5)
        assert every.status_code == 200 and [e["subject"] for e in every.json()] == ["nagorno-karabakh"]
        # `sitmon situation` answers from the worker's tables: it works with no broker reachable at all
        shown = subprocess.run(
            [*WORKER[:-1], "situation", "nagorno-karabakh", "--json", "--worker", f"http://127.0.0.1:{worker.port}"],
            env={**worker.env, "SITMON_KAFKA_BOOTSTRAP": "127.0.0.1:1"},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert shown.returncode == 0, shown.stderr
        assert json.loads(shown.stdout)["as_of"] == json.loads(view.content)["data"]["as_of"]
    finally:
        worker.stop()
    # a clean stop lets the next start trust the disk (each deployment and version has its own)
    assert (deployment_dir(tmp_path / "worker", f"{topics.prefix}sitmon-worker") / "v1" / "clean-shutdown").exists()
