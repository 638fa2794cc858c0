"""End-to-end alert latency: a SituationChanged published → the signed webhook arriving.

Open loop: snapshots are published at a fixed rate whatever the pipeline does (a closed
loop would hide queueing). Each snapshot is for a new region with 150 killed, so it fires
a red alert (critical: no group_wait) and one webhook to a subscriber on loopback that
verifies every signature. Latency is measured where the webhook arrives.

Baseline, same broker, same run, same rate: a bare aiokafka producer → consumer round trip
of the same records. The ratio says what the alert pipeline adds to Kafka's own latency.

    SITMON_KAFKA_BOOTSTRAP=127.0.0.1:9092 python -m tests.benchmarks.bench_alert_latency --rate 50 --count 500
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import time
import uuid
from datetime import UTC, datetime

import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from services.kafka.admin import create_topics
from streams import subscriptions as subs
from streams.alerting import AlertNotified, AlertTransitioned
from streams.envelope import decode, encode
from streams.topics import Catalogue
from tests.integration.alert_stack import fast_settings, killed, running_alerts, snapshot, store_subscription
from tests.kafka_helpers import read_records
from tests.webhook_receiver import WebhookReceiver


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def summary(name: str, latencies_s: list[float], expected: int) -> dict[str, float]:
    ms = [v * 1000 for v in latencies_s]
    figures = {
        "p50": percentile(ms, 0.50),
        "p99": percentile(ms, 0.99),
        "p99.9": percentile(ms, 0.999),
        "mean": statistics.fmean(ms),
    }
    print(
        f"{name:<10} n={len(ms)}/{expected}  p50={figures['p50']:.1f} ms  p99={figures['p99']:.1f} ms  "
        f"p99.9={figures['p99.9']:.1f} ms  mean={figures['mean']:.1f} ms"
    )
    return figures


async def open_loop(count: int, rate: float, send: callable) -> dict[int, float]:  # type: ignore[valid-type]
    """Call send(i) at t0 + i/rate; returns each i's send time (monotonic)."""
    sent: dict[int, float] = {}
    start = time.monotonic() + 0.2
    for i in range(count):
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)  # pacing the open loop, not waiting for readiness
        sent[i] = time.monotonic()
        await send(i)
    return sent


async def baseline(bootstrap: str, catalogue: Catalogue, count: int, rate: float) -> list[float]:
    topic = catalogue.situation.name
    records = [encode(snapshot(killed(150, sources=2), region=f"base-{i}"), subject=f"base-{i}") for i in range(count)]
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=None, auto_offset_reset="latest")
    await consumer.start()
    while not consumer.assignment():
        await asyncio.sleep(0.01)
    for tp in consumer.assignment():
        await consumer.position(tp)  # resolve "latest" before producing
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=0)
    await producer.start()
    arrived: dict[int, float] = {}

    async def consume() -> None:
        while len(arrived) < count:
            for batch in (await consumer.getmany(timeout_ms=100)).values():
                now = time.monotonic()
                for record in batch:
                    arrived[int(record.key.decode().split("-")[1])] = now

    reader = asyncio.create_task(consume())

    async def send(i: int) -> None:
        await producer.send(topic, key=f"base-{i}".encode(), value=records[i])

    sent = await open_loop(count, rate, send)
    await asyncio.wait_for(reader, 60)
    await producer.stop()
    await consumer.stop()
    return [arrived[i] - sent[i] for i in range(count)]


async def pipeline(bootstrap: str, catalogue: Catalogue, count: int, rate: float) -> list[float]:
    secret = subs.new_secret(datetime.now(UTC))
    with WebhookReceiver(secret.secret) as receiver:
        created = subs.create(url=receiver.url("/bench"), now=datetime.now(UTC), kinds=["casualties"], secret=secret)
        await store_subscription(bootstrap, catalogue, created)
        records = [
            encode(snapshot(killed(150, sources=2), region=f"region-{i}"), subject=f"region-{i}") for i in range(count)
        ]
        settings = fast_settings(bootstrap, catalogue, alerts_evaluation_interval=1.0, alerts_keep_firing_for=3600.0)
        async with running_alerts(settings):
            producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=0)
            await producer.start()

            async def send(i: int) -> None:
                await producer.send(catalogue.situation.name, key=f"region-{i}".encode(), value=records[i])

            sent_wall: dict[int, float] = {}

            async def send_stamped(i: int) -> None:
                sent_wall[i] = time.time()
                await send(i)

            sent = await open_loop(count, rate, send_stamped)
            arrivals = await receiver.wait_for_async(count, path="/bench", timeout=120)
            await producer.stop()
    assert all(a.verified for a in arrivals), "a webhook failed signature verification"
    latencies = []
    for arrival in arrivals:
        region = arrival.payload["data"]["region"]
        latencies.append(arrival.arrived_at - sent[int(region.split("-")[1])])
    await decided_breakdown(bootstrap, catalogue, count, sent_wall)
    return latencies


async def decided_breakdown(bootstrap: str, catalogue: Catalogue, count: int, sent_wall: dict[int, float]) -> None:
    """Where the time goes: situation published → transition recorded → notification recorded
    (both on the alerts topic, by the broker's record timestamps, wall clock)."""
    records = await read_records(bootstrap, catalogue.alerts.name, expect=2 * count, timeout_s=30)
    decided: list[float] = []
    notified: list[float] = []
    for record in records:
        event = decode(record.value)
        if isinstance(event, AlertTransitioned):
            decided.append(record.timestamp / 1000 - sent_wall[int(event.region.split("-")[1])])
        elif isinstance(event, AlertNotified):
            region = event.group_key
            notified.append(record.timestamp / 1000 - sent_wall[int(region.split("-")[1])])
    summary("decided", decided, count)
    summary("requested", notified, count)


async def main(rate: float, count: int, rounds: int) -> None:
    bootstrap = os.environ.get("SITMON_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    print(f"alert latency: {count} snapshots at {rate:g}/s, {rounds} round(s), broker {bootstrap}")
    for round_no in range(1, rounds + 1):
        catalogue = Catalogue(f"bench{uuid.uuid4().hex[:8]}.")
        base_catalogue = Catalogue(f"benchbase{uuid.uuid4().hex[:8]}.")  # the alert service never sees these
        await create_topics(bootstrap, catalogue)
        await create_topics(bootstrap, base_catalogue)
        try:
            base = summary("baseline", await baseline(bootstrap, base_catalogue, count, rate), count)
            alerts = summary("alerts", await pipeline(bootstrap, catalogue, count, rate), count)
            ratios = "  ".join(f"{k}×{alerts[k] / base[k]:.1f}" for k in ("p50", "p99", "p99.9"))
            print(f"round {round_no}: alerts / baseline  {ratios}")
        finally:
            admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
            await admin.start()
            try:
                await admin.delete_topics([topic.name for cat in (catalogue, base_catalogue) for topic in cat])
            finally:
                await admin.close()


if __name__ == "__main__":
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=50.0, help="snapshots per second (open loop)")
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=1)
    options = parser.parse_args()
    asyncio.run(main(options.rate, options.count, options.rounds))
