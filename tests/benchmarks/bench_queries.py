"""Query latency of the API as the log grows: GET /situation/{region} and a subscription's deliveries.

A real `sitmon api` process (its read model kept current by a consumer) on fresh topics. The
situation topic gets snapshots of 42 regions and the deliveries topic delivery events of 50
subscriptions (requested, attempted, finished), first 10,000 records on each (the baseline),
then grown to 100,000. At each size the same requests are timed over HTTP, one at a time —
one region's picture, the first page of 100 of a subscription's deliveries and the second
page of 50 (where `Link: rel=next` points) — and the figures are printed with their ratio to the baseline
measured in the same run, and the machine's load average beside them (a 2-core machine
shared with other work: the p99 follows the load): flat means the queries do not depend on
the log's length. `/healthz` (no read at all) is timed too: the floor of an HTTP request on
the machine at that moment — and for each, beside what the client saw, the p99 of what the API
itself spent (its `Server-Timing` header): the rest is the network and the scheduling of two
processes on a loaded machine. For contrast, the replay a request used to do (KafkaEventLog, a read of the
whole topic) is timed a few times at each size.

    SITMON_KAFKA_BOOTSTRAP=127.0.0.1:9092 python -m tests.benchmarks.bench_queries [--sizes 10000,100000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from services.api.kafka_log import KafkaEventLog
from services.kafka.admin import create_topics
from streams.deliveries import DeliveryAttempted, DeliveryFinished, DeliveryRequested, OutboundMessage
from streams.envelope import encode
from streams.events import Event
from streams.topics import Catalogue
from tests.benchmarks.bench_alert_latency import percentile
from tests.integration.alert_stack import KEY_ENV, killed, snapshot
from tests.integration.test_worker_harness import free_port

REGIONS = [f"region-{n:02d}" for n in range(42)]
SUBSCRIBERS = 50
TOKEN = "bench-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
START = datetime(2024, 1, 1, tzinfo=UTC)


def situation_records(first: int, count: int) -> list[tuple[str, Event]]:
    template = snapshot(killed(12), killed(140, window="7d"), ceasefire="agreed")
    records: list[tuple[str, Event]] = []
    for n in range(first, first + count):
        region = REGIONS[n % len(REGIONS)]
        at = START + timedelta(minutes=n)
        event = template.model_copy(
            update={"event_id": f"sit-{n}", "region": region, "sequence": n + 1, "as_of": at, "occurred_at": at}
        )
        records.append((region, event))
    return records


def delivery_records(first: int, count: int, subscription_ids: list[str]) -> list[tuple[str, Event]]:
    """Per message: requested, attempted, finished — three records, on the subscription's key."""
    records: list[tuple[str, Event]] = []
    n = first
    while len(records) < count:
        sub = subscription_ids[n % len(subscription_ids)]
        at = START + timedelta(seconds=n)
        message_id = f"msg_{n}"
        message = OutboundMessage(
            message_id=message_id, subscription_id=sub, event_type="alert.fired", data={"n": n}, created_at=at
        )
        records.append((sub, DeliveryRequested(event_id=f"dr-{n}", occurred_at=at, message=message)))
        records.append(
            (
                sub,
                DeliveryAttempted(
                    event_id=f"da-{n}",
                    occurred_at=at,
                    message_id=message_id,
                    subscription_id=sub,
                    attempt=1,
                    status_code=200,
                    outcome="delivered",
                    reason="ok",
                    duration_s=0.01,
                ),
            )
        )
        records.append(
            (
                sub,
                DeliveryFinished(
                    event_id=f"df-{n}",
                    occurred_at=at,
                    message_id=message_id,
                    subscription_id=sub,
                    outcome="delivered",
                    reason="ok",
                    attempts=1,
                ),
            )
        )
        n += 1
    return records[:count]


async def produce(bootstrap: str, topic: str, records: list[tuple[str, Event]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=20, max_batch_size=256 * 1024)
    await producer.start()
    try:
        futures = [
            await producer.send(topic, key=key.encode(), value=encode(event, subject=key)) for key, event in records
        ]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


def start_api(bootstrap: str, catalogue: Catalogue, port: int, log_path: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "SITMON_KAFKA_BOOTSTRAP": bootstrap,
        "SITMON_TOPIC_PREFIX": catalogue.prefix,
        "SITMON_API_TOKEN": TOKEN,
        "SITMON_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
        **KEY_ENV,  # the key that seals subscription secrets
    }
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "services.cli", "api", "--port", str(port)], env=env, stdout=log, stderr=log
        )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the API exited: {log_path.read_text()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.2)  # a start-up poll in a benchmark, not a readiness stand-in in a test
    raise SystemExit("the API did not answer within 120 s")


def caught_up(client: httpx.Client, records: int) -> None:
    """Wait until the API's read model has applied every record written (its derived views are read
    without a fence: a request answers from the model as it stands, so the timing must not start
    while the model is still catching up)."""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        for line in client.get("/metrics").text.splitlines():
            if line.startswith("sitmon_api_read_model_records ") and float(line.split()[1]) >= records:
                return
        time.sleep(0.5)  # a benchmark's wait for the API's catch-up, not a readiness stand-in in a test
    raise SystemExit("the API's read model did not catch up within 600 s")


def timed(client: httpx.Client, path: str, requests: int) -> tuple[list[float], list[float]]:
    """Seconds each request took as the client saw it, and as the API spent on it (its Server-Timing)."""
    client.get(path, headers=AUTH).raise_for_status()  # warm: the read model has caught up with the log
    latencies, spent = [], []
    for _ in range(requests):
        began = time.perf_counter()
        response = client.get(path, headers=AUTH)
        latencies.append(time.perf_counter() - began)
        response.raise_for_status()
        spent.append(float(response.headers["server-timing"].partition("dur=")[2]) / 1000)
    return latencies, spent


def replay_seconds(bootstrap: str, catalogue: Catalogue, subscription_id: str, rounds: int) -> tuple[float, float]:
    """The old way, per request: read the whole topic (median of a few rounds)."""
    log = KafkaEventLog(bootstrap, catalogue)
    situation, deliveries = [], []
    for _ in range(rounds):
        began = time.perf_counter()
        asyncio.run(log.situation_view())
        situation.append(time.perf_counter() - began)
        began = time.perf_counter()
        asyncio.run(log.delivery_page(subscription_id, 100))
        deliveries.append(time.perf_counter() - began)
    return percentile(situation, 0.5), percentile(deliveries, 0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="10000,100000", help="records per topic at each step, the first the baseline"
    )
    parser.add_argument("--requests", type=int, default=500, help="timed requests per endpoint and size")
    parser.add_argument("--replays", type=int, default=1, help="rounds of the old replay-per-request, for contrast")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    bootstrap = os.environ.get("SITMON_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    catalogue = Catalogue(f"bq{uuid.uuid4().hex[:8]}.")
    asyncio.run(create_topics(bootstrap, catalogue))
    port = free_port()
    log_path = Path(f"/tmp/bench-queries-{catalogue.prefix}log")
    api = start_api(bootstrap, catalogue, port, log_path)
    results: dict[int, dict[str, float]] = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            subscription_ids = [
                client.post("/subscriptions", json={"url": f"http://127.0.0.1:9/hook/{n}"}, headers=AUTH).json()[
                    "subscription_id"
                ]
                for n in range(SUBSCRIBERS)
            ]
            written = 0
            for size in sizes:
                began = time.perf_counter()
                pictures = situation_records(written, size - written)
                messages = delivery_records(written, size - written, subscription_ids)
                asyncio.run(produce(bootstrap, catalogue.situation.name, pictures))
                asyncio.run(produce(bootstrap, catalogue.deliveries.name, messages))
                written = size
                produced_s = time.perf_counter() - began
                region, sub = REGIONS[7], subscription_ids[3]
                listing = f"/subscriptions/{sub}/deliveries"
                first_page = f"{listing}?limit=100"
                caught_up(client, 2 * size + SUBSCRIBERS)  # both topics, and the subscriptions made
                # the second page of 50 (at 10,000 records a page of 100 holds a subscription's whole log)
                next_page = client.get(f"{listing}?limit=50", headers=AUTH).links["next"]["url"]
                load_before = os.getloadavg()[0]
                timings = {
                    "healthz": timed(client, "/healthz", args.requests),
                    "situation": timed(client, f"/situation/{region}", args.requests),
                    "deliveries": timed(client, first_page, args.requests),
                    "next page": timed(client, next_page, args.requests),
                }
                load_after = os.getloadavg()[0]
                old_situation, old_deliveries = replay_seconds(bootstrap, catalogue, sub, args.replays)
                results[size] = {}
                for name, (seen, spent) in timings.items():
                    results[size][f"{name} p50"] = percentile(seen, 0.5) * 1000
                    results[size][f"{name} p99"] = percentile(seen, 0.99) * 1000
                    results[size][f"{name} API p99"] = percentile(spent, 0.99) * 1000
                results[size]["replay situation"] = old_situation * 1000
                results[size]["replay deliveries"] = old_deliveries * 1000
                print(
                    f"{size:>7} records per topic (produced in {produced_s:.1f} s); "
                    f"load average {load_before:.1f} → {load_after:.1f} over the timed requests"
                )
                for name, value in results[size].items():
                    ratio = value / results[sizes[0]][name]
                    print(f"    {name:<18} {value:8.2f} ms   × {ratio:.2f} of the {sizes[0]:,}-record baseline")
    finally:
        api.terminate()
        api.wait(timeout=30)
        asyncio.run(drop(bootstrap, catalogue))


async def drop(bootstrap: str, catalogue: Catalogue) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.delete_topics([topic.name for topic in catalogue])
    finally:
        await admin.close()


if __name__ == "__main__":
    main()
