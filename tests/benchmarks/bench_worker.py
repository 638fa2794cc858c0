"""Worker throughput: the real `sitmon worker` against raw aiokafka consumption of the same topic.

Preloads N report events (~512 B CloudEvents, keyed by ~200 regions, record timestamp =
publication time) on fresh topics, then alternates, at least three times each:

  A  raw `AIOKafkaConsumer.getmany` of the whole topic + the same decoding the worker does
     (`streams.envelope.decode`: JSON → pydantic ReportsExtracted), in this process;
  B  `sitmon worker` as a subprocess with a fresh app `version` (new group, new changelogs,
     RocksDB tables), timed from its first fold to its last (start-up and rebalance excluded).

For orientation it also runs C: the worker's pure batch step (decode, fold, snapshot, encode)
on the same getmany batches in this process, i.e. the fold without Faust's per-event machinery.

Prints events/s, events per CPU-second, the median ratio B/A (target ≥ 0.5) and the worker's
peak memory. Run on demand against a broker (not part of the test suite):

    SITMON_KAFKA_BOOTSTRAP=127.0.0.1:9092 python tests/benchmarks/bench_worker.py [--count 1000000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from services.kafka.admin import create_topics  # noqa: E402
from streams.envelope import decode, encode  # noqa: E402
from streams.events import CasualtyFigure, LocationMention, ReportsExtracted  # noqa: E402
from streams.fold.region import new_region  # noqa: E402
from streams.fold.state import RegionState  # noqa: E402
from streams.topics import REGION_PARTITIONS, Catalogue  # noqa: E402
from streams.worker.batch import fold_region, plan_batch  # noqa: E402
from streams.worker.records import RawRecord  # noqa: E402
from streams.worker.table_layout import batch_writes  # noqa: E402

START = datetime(2024, 1, 1, tzinfo=UTC)
TOWNS = ("North", "South", "East", "West")
WORKER = [sys.executable, "-c", "from services.cli.main import run; run()", "worker"]


def template() -> dict[str, object]:
    sentence = "Officials said 12 were killed."
    report = ReportsExtracted(
        event_id="e" * 32,
        occurred_at=START,
        article_id="a" * 24,
        article_event_id="b" * 16,
        outlet="outlet-0",
        published_at=START,
        extractor_version="bench",
        region="region-000",
        locations=(LocationMention(name="North", start=0, end=5, region="region-000"),),
        casualties=(
            CasualtyFigure(
                sentence=sentence, start=0, end=len(sentence), outcome="killed", count=12, source="ministry"
            ),
        ),
    )
    envelope = json.loads(encode(report, subject="region-000"))
    # ~512 B like the issue's reference event: leave out what is null (the models' defaults)
    envelope["data"] = _without_nulls(envelope["data"])
    for optional in ("dataschema", "datacontenttype"):
        envelope.pop(optional)
    envelope["data"].pop("schema_version")
    return envelope  # type: ignore[no-any-return]


def _without_nulls(value: object) -> object:
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value


def records(count: int, regions: int) -> list[tuple[bytes, bytes, int]]:
    """(key, value, timestamp_ms): every region's reports 5 minutes apart in event time."""
    base = template()
    out = []
    for index in range(count):
        region = f"region-{index % regions:03d}"
        moment = START + timedelta(minutes=5 * (index // regions))
        stamp = moment.isoformat().replace("+00:00", "Z")
        event_id = f"{index:016x}"
        data = dict(cast(dict[str, Any], base["data"]))
        data.update(
            event_id=event_id,
            occurred_at=stamp,
            published_at=stamp,
            article_id=f"a{index:012x}",
            region=region,
            outlet=f"outlet-{index % 7}",
            locations=[{**data["locations"][0], "name": TOWNS[index % 4], "region": region}],
            casualties=[{**data["casualties"][0], "count": 1 + index % 50}],
        )
        envelope = {**base, "id": event_id, "subject": region, "time": stamp, "data": data}
        value = json.dumps(envelope, separators=(",", ":")).encode()
        out.append((region.encode(), value, int(moment.timestamp() * 1000)))
    return out


async def preload(bootstrap: str, topic: str, items: list[tuple[bytes, bytes, int]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=20, max_batch_size=512 * 1024)
    await producer.start()
    try:
        pending = []
        for key, value, stamp in items:
            pending.append(await producer.send(topic, value=value, key=key, timestamp_ms=stamp))
            if len(pending) >= 20_000:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await producer.stop()


async def run_baseline(bootstrap: str, topic: str, count: int, *, fold: bool = False) -> dict[str, float]:
    """A: getmany + decode. With `fold`, C: the worker's pure batch step (decode, fold per region,
    snapshot, encode) on the same getmany batches, in this process — where the fold alone would be."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        max_partition_fetch_bytes=4 * 1024 * 1024,
        fetch_max_bytes=16 * 1024 * 1024,
    )
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in range(REGION_PARTITIONS)]
        consumer.assign(partitions)
        for tp, offset in (await consumer.beginning_offsets(partitions)).items():
            consumer.seek(tp, offset)
        seen = 0
        wall, cpu = time.perf_counter(), time.process_time()
        states: dict[str, RegionState] = {}
        while seen < count:
            batches = await consumer.getmany(timeout_ms=1000, max_records=10_000)
            for tp, messages in batches.items():
                if fold:
                    fold_batch(tp, messages, states)
                else:
                    for message in messages:
                        decode(message.value)
                seen += len(messages)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        await consumer.stop()
    return {"events": seen, "wall_s": wall, "cpu_s": cpu}


def fold_batch(
    tp: TopicPartition, messages: list[ConsumerRecord[bytes, bytes]], states: dict[str, RegionState]
) -> None:
    plan = plan_batch([RawRecord(tp.topic, tp.partition, m.offset, m.key, m.value, m.timestamp) for m in messages])
    for group in plan.regions.values():
        state = states.setdefault(group.region, new_region(group.region))
        outcome = fold_region(state, group)
        if outcome.write:
            list(batch_writes(state).in_order())  # the entries the worker would write
        if outcome.situation is not None:
            encode(outcome.situation, subject=group.region)


def proc_cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_memory_mb(pid: int, field: str) -> float:
    found = re.search(rf"^{field}:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text(), re.MULTILINE)
    return int(found.group(1)) / 1024 if found else 0.0


def consumed(port: int) -> float:
    import httpx  # here: bench_analysis's spawned rebuild processes import this module, and never need it

    text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
    return sum(
        float(value)
        for value in re.findall(r'^sitmon_worker_reports_total\{result="[a-z_]+"\} ([0-9.e+]+)$', text, re.MULTILINE)
    )


def run_worker(
    bootstrap: str, catalogue: Catalogue, count: int, version: int, batch_size: int | None
) -> dict[str, float]:
    import httpx

    port = 6900 + version
    data_dir = Path(tempfile.mkdtemp(prefix="bench-worker-"))
    env = {
        **os.environ,
        "SITMON_KAFKA_BOOTSTRAP": bootstrap,
        "SITMON_TOPIC_PREFIX": catalogue.prefix,
        "SITMON_WORKER_VERSION": str(version),
        "SITMON_WORKER_DATA_DIR": str(data_dir),
        "SITMON_WORKER_WEB_PORT": str(port),
        "SITMON_WORKER_LOG_LEVEL": "warning",
    }
    if batch_size is not None:  # else the worker's own default
        env["SITMON_WORKER_BATCH_SIZE"] = str(batch_size)
    with (data_dir / "worker.log").open("wb") as log:
        process = subprocess.Popen(WORKER, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        start_count = 0.0
        while True:  # start-up, group join and recovery are excluded: the clock starts at the first fold
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"worker did not start: see {data_dir / 'worker.log'}")
            try:
                start_count = consumed(port)
            except httpx.HTTPError:
                start_count = 0.0
            if start_count > 0:
                break
            time.sleep(0.02)
        wall, cpu = time.perf_counter(), proc_cpu_s(process.pid)
        done = start_count
        while done < count:
            time.sleep(0.1)
            done = consumed(port)
            if process.poll() is not None:
                raise RuntimeError(f"worker died: see {data_dir / 'worker.log'}")
        wall, cpu = time.perf_counter() - wall, proc_cpu_s(process.pid) - cpu
        return {
            "events": done - start_count,
            "wall_s": wall,
            "cpu_s": cpu,
            "rss_mb": proc_memory_mb(process.pid, "VmRSS"),
            "peak_mb": proc_memory_mb(process.pid, "VmHWM"),
        }
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


async def drop(bootstrap: str, prefix: str) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        names = [name for name in await admin.list_topics() if name.startswith(prefix)]
        if names:
            await admin.delete_topics(names)
    finally:
        await admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--regions", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=None, help="default: the worker's setting")
    args = parser.parse_args()
    bootstrap = os.environ.get("SITMON_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    catalogue = Catalogue(f"bench{uuid.uuid4().hex[:8]}.")
    asyncio.run(create_topics(bootstrap, catalogue))
    try:
        items = records(args.count, args.regions)
        size = statistics.mean(len(value) for _, value, _ in items[:10_000])
        started = time.perf_counter()
        asyncio.run(preload(bootstrap, catalogue.reports.name, items))
        print(
            f"preloaded {args.count} events of {size:.0f} B on {args.regions} regions in {time.perf_counter() - started:.1f} s"
        )
        del items
        ratios = []
        for round_ in range(1, args.rounds + 1):
            a = asyncio.run(run_baseline(bootstrap, catalogue.reports.name, args.count))
            b = run_worker(bootstrap, catalogue, args.count, version=round_, batch_size=args.batch_size)
            c = asyncio.run(run_baseline(bootstrap, catalogue.reports.name, args.count, fold=True))
            a_rate, b_rate, c_rate = a["events"] / a["wall_s"], b["events"] / b["wall_s"], c["events"] / c["wall_s"]
            ratios.append(b_rate / a_rate)
            print(
                f"round {round_}: A {a_rate:,.0f} ev/s ({a['events'] / a['cpu_s']:,.0f} ev/CPU-s) | "
                f"B {b_rate:,.0f} ev/s ({b['events'] / b['cpu_s']:,.0f} ev/CPU-s, RSS {b['rss_mb']:.0f} MB, "
                f"peak {b['peak_mb']:.0f} MB) | B/A {b_rate / a_rate:.2f} | "
                f"C (pure fold, no Faust) {c_rate:,.0f} ev/s, C/A {c_rate / a_rate:.2f}",
                flush=True,
            )
        print(f"median ratio B/A over {args.rounds} rounds: {statistics.median(ratios):.2f} (target >= 0.5)")
    finally:
        asyncio.run(drop(bootstrap, catalogue.prefix))


if __name__ == "__main__":
    main()
