"""Whole-pipeline latency: an article ingested → its signed webhook arriving at a subscriber.

Every stage is the real one: the ingest pipeline (read model → extraction → idempotent
producer), `sitmon worker` and `sitmon alerts` as separate processes, and a loopback
receiver that verifies each signature with standardwebhooks. Articles are sent open loop
at a fixed rate; each one reports 150 killed in a different country, so each fires a new
red (critical: no group_wait) alert in its own region, and latency is measured where the
webhook arrives.

Baseline, same broker, same run, same rate: a bare aiokafka producer → consumer round trip
(from bench_alert_latency). Ratios say what sitmon adds to Kafka's own latency.

    SITMON_KAFKA_BOOTSTRAP=127.0.0.1:9092 python -m tests.benchmarks.bench_pipeline_latency --rate 50 --count 200
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pycountry
import structlog

from services.broker.local import free_port
from services.cli.ingest import extract_article
from services.extraction.extractor import EXTRACTOR_VERSION, extract
from services.ingest.pipeline import ExtractionStep, ingest
from services.ingest.sources import IncomingArticle
from services.kafka.admin import create_topics
from services.kafka.producer import EventProducer
from streams import subscriptions as subs
from streams.topics import Catalogue
from tests.benchmarks.bench_alert_latency import baseline, open_loop, summary
from tests.integration.alert_stack import KEY_ENV, store_subscription
from tests.webhook_receiver import WebhookReceiver


def articles_by_region(count: int) -> dict[str, IncomingArticle]:
    """One article per distinct region: 150 killed in a different country each time."""
    chosen: dict[str, IncomingArticle] = {}
    published = datetime.now(UTC)
    for country in pycountry.countries:
        text = f"At least 150 people were killed in {country.name} on Monday, officials said."
        region = extract(text).region
        if region == "unknown" or region in chosen:
            continue
        chosen[region] = IncomingArticle(
            id=f"bench-{uuid.uuid4().hex[:12]}", text=text, published_at=published, source="bench wire", origin="bench"
        )
        if len(chosen) == count:
            break
    return chosen


@contextlib.contextmanager
def service(args: list[str], env: dict[str, str], log: Path) -> Iterator[None]:
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "services.cli", *args], env=env, stdout=out, stderr=out)
    try:
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_for_metrics(port: int, deadline_s: float = 60) -> None:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=1).status_code == 200:
                return
        time.sleep(0.2)  # polling a readiness endpoint against a deadline
    raise RuntimeError(f"no /metrics on port {port} within {deadline_s}s")


async def pipeline(bootstrap: str, catalogue: Catalogue, count: int, rate: float, workdir: Path) -> list[float]:
    articles = articles_by_region(count + 1)
    warmup_region, warmup = articles.popitem()
    regions = list(articles)
    env = {
        **os.environ,
        "SITMON_KAFKA_BOOTSTRAP": bootstrap,
        "SITMON_TOPIC_PREFIX": catalogue.prefix,
        "SITMON_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
        "SITMON_ALERTS_KEEP_FIRING_FOR": "3600",
        **KEY_ENV,  # the key that seals subscription secrets
    }
    secret = subs.new_secret(datetime.now(UTC))
    step = ExtractionStep(extract_article, EXTRACTOR_VERSION)
    worker_port, alerts_port = free_port(), free_port()
    with (
        WebhookReceiver(secret.secret) as receiver,
        service(["worker", "--web-port", str(worker_port), "--data-dir", str(workdir / "w")], env, workdir / "w.log"),
        service(["alerts", "--metrics-port", str(alerts_port)], env, workdir / "a.log"),
    ):
        created = subs.create(url=receiver.url("/bench"), now=datetime.now(UTC), kinds=["casualties"], secret=secret)
        await store_subscription(bootstrap, catalogue, created)
        wait_for_metrics(worker_port)
        wait_for_metrics(alerts_port)
        async with EventProducer(bootstrap, source="/bench") as producer:
            # Warm-up: one article through the whole path, so group joins are not timed.
            await ingest([warmup], producer=producer, catalogue=catalogue, extraction=step)
            await receiver.wait_for_async(1, path="/bench", timeout=120)

            async def send(i: int) -> None:
                await ingest([articles[regions[i]]], producer=producer, catalogue=catalogue, extraction=step)

            sent = await open_loop(count, rate, send)
            arrivals = await receiver.wait_for_async(count + 1, path="/bench", timeout=180)
    assert all(a.verified for a in arrivals), "a webhook failed signature verification"
    index = {region: i for i, region in enumerate(regions)}
    return [
        a.arrived_at - sent[index[a.payload["data"]["region"]]]
        for a in arrivals
        if a.payload["data"]["region"] != warmup_region
    ]


async def main(rate: float, count: int, rounds: int) -> None:
    bootstrap = os.environ.get("SITMON_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    print(f"pipeline latency: {count} articles at {rate:g}/s, {rounds} round(s), broker {bootstrap}")
    for round_no in range(1, rounds + 1):
        catalogue, base_catalogue = Catalogue(f"pl{uuid.uuid4().hex[:8]}."), Catalogue(f"plb{uuid.uuid4().hex[:8]}.")
        await create_topics(bootstrap, catalogue)
        await create_topics(bootstrap, base_catalogue)
        base = summary("baseline", await baseline(bootstrap, base_catalogue, count, rate), count)
        with tempfile.TemporaryDirectory(prefix="sitmon-bench-") as workdir:
            whole = summary("pipeline", await pipeline(bootstrap, catalogue, count, rate, Path(workdir)), count)
        ratios = "  ".join(f"{k}×{whole[k] / base[k]:.1f}" for k in ("p50", "p99", "p99.9"))
        print(f"round {round_no}: pipeline / baseline  {ratios}   (target p50 ≤ 100 ms, p99 ≤ 500 ms)")


if __name__ == "__main__":
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rate", type=float, default=50.0, help="articles per second (open loop)")
    parser.add_argument("--count", type=int, default=200, help="articles per round (one country each, ≤ ~240)")
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    asyncio.run(main(options.rate, options.count, options.rounds))
