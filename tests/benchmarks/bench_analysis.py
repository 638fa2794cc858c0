"""Replay, rebuild and reparse throughput, as ratios against raw aiokafka consumption of the same
topic in the same run (and the live worker's ratio beside them).

Preloads N report events (bench_worker's ~512-700 B CloudEvents over R regions) on fresh topics,
then per round, on the same topic:

  A0  raw consumption: `AIOKafkaConsumer.getmany` of the whole topic, values untouched;
  A1  A0 + `streams.envelope.decode` of every value (bench_worker's baseline A);
  RB  the rebuild fast path: fold the whole log per region with the worker's batch step, write
      the table state to a fresh version's changelog, commit its offsets (`sitmon rebuild`);
  PQ  `sitmon replay reports --format parquet` (in process, to a temporary file);
  JL  `sitmon replay reports --format jsonl` (in process, to a temporary file);
  RR  replay's reading alone: the same copy into a sink that only counts (what PQ and JL add is
      their writer's cost);
  W   with --worker: the live `sitmon worker` (a fresh app version) from its first fold to its last.

Then reparse, on topics of its own: M articles (the seed/dev/gold corpus repeated) and their
reports as ingest published them, then `reparse` with the current extractor (it reads where each
article's reports are, then extracts and publishes in transactions), against extraction alone in
process on the same articles (bench_extract's in-process figure).

    SITMON_KAFKA_BOOTSTRAP=127.0.0.1:9092 python -m tests.benchmarks.bench_analysis \
        [--count 1000000] [--regions 200] [--rounds 3] [--worker] [--articles 2000] [--only replay|rebuild]
        [--threads]

Each row prints CPU-s ÷ wall-s (above 1: more than one core busy); `--threads` adds each replay
row's CPU per thread and the least wall time two idle cores would allow (`thread_cpu.py`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from contextlib import nullcontext
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.cli.rebuild import worker_names
from services.kafka.admin import create_topics, topic_partitions
from services.kafka.producer import EventProducer, Outgoing
from services.rederive.fold_log import fold_reports_log
from services.rederive.takeover import commit_offsets
from streams.events import ArticleReceived
from streams.topics import Catalogue
from tests.benchmarks.bench_worker import drop, preload, records, run_baseline, run_worker
from tests.benchmarks.thread_cpu import ThreadCpu


async def raw_consumption(bootstrap: str, topic: str, count: int) -> dict[str, float]:
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        max_partition_fetch_bytes=4 * 1024 * 1024,
        fetch_max_bytes=16 * 1024 * 1024,
    )
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in await topic_partitions(bootstrap, topic)]
        consumer.assign(partitions)
        for tp, offset in (await consumer.beginning_offsets(partitions)).items():
            consumer.seek(tp, offset)
        seen, size = 0, 0
        wall, cpu = time.perf_counter(), time.process_time()
        while seen < count:
            for messages in (await consumer.getmany(timeout_ms=1000, max_records=10_000)).values():
                seen += len(messages)
                size += sum(len(m.value or b"") for m in messages)
        return {"events": seen, "wall_s": time.perf_counter() - wall, "cpu_s": time.process_time() - cpu}
    finally:
        await consumer.stop()


def cpu_s() -> float:
    """This process's CPU time and its finished children's (the rebuild folds in worker processes)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


async def timed(work: Callable[[], Awaitable[int]]) -> dict[str, float]:
    wall, cpu = time.perf_counter(), cpu_s()
    events = await work()
    return {"events": events, "wall_s": time.perf_counter() - wall, "cpu_s": cpu_s() - cpu}


async def rebuild(bootstrap: str, catalogue: Catalogue, version: int) -> int:
    group_id, changelog = worker_names(version)
    folded = await fold_reports_log(bootstrap, catalogue.reports.name, changelog=changelog)
    await commit_offsets(bootstrap, group_id, catalogue.reports.name, folded.ends)
    return folded.records


def fresh_output(directory: Path, fmt: str) -> Path:
    """Where a replay writes, with the last round's file removed first (outside the timing): a
    replay writes a new file, and truncating the last one cost the kernel ~0.1 s per 70 MB."""
    path = directory / f"replay.{fmt}"
    path.unlink(missing_ok=True)
    return path


# The extractor, Arrow and the replay writers are imported where they are used: the rebuild's fold
# processes are spawned and import this module again, and `sitmon rebuild`'s import none of them
# (the extractor alone builds its keyword gates at import, seconds of CPU per process).


class _CountingSink:
    """Counts the batches' records and writes nothing: replay's reading alone."""

    def __init__(self) -> None:
        self.count = 0

    def write_batch(self, batch: Any) -> None:
        self.count += len(batch)

    def close(self) -> None:
        pass


async def replay_to(bootstrap: str, catalogue: Catalogue, fmt: str, path: Path) -> int:
    from services.cli.replay import copy_records
    from services.replay.jsonl import JsonLinesWriter
    from services.replay.parquet import ParquetWriter

    if fmt == "parquet":
        return await copy_records(bootstrap, catalogue.reports.name, ParquetWriter(path, "reports"), None, None)
    if fmt == "none":
        return await copy_records(bootstrap, catalogue.reports.name, _CountingSink(), None, None)
    with path.open("wb") as handle:
        return await copy_records(bootstrap, catalogue.reports.name, JsonLinesWriter(handle), None, None)


def rate(result: dict[str, float]) -> float:
    return result["events"] / result["wall_s"]


def per_cpu(result: dict[str, float]) -> float:
    return result["events"] / result["cpu_s"]


def parallelism(result: dict[str, float]) -> float:
    """CPU-seconds per wall-second: above 1 the run kept more than one core busy (on a loaded
    machine the wall ratios cannot show that; this figure can)."""
    return result["cpu_s"] / result["wall_s"]


def line(name: str, result: dict[str, float], a0: dict[str, float], a1: dict[str, float]) -> str:
    r = rate(result)
    return (
        f"  {name:28s} {r:9,.0f} ev/s  {per_cpu(result):9,.0f} ev/CPU-s   "
        f"wall ÷A0 {r / rate(a0):4.2f} ÷A1 {r / rate(a1):4.2f}   "
        f"CPU ÷A0 {per_cpu(result) / per_cpu(a0):4.2f} ÷A1 {per_cpu(result) / per_cpu(a1):4.2f}   "
        f"CPU-s ÷ wall-s {parallelism(result):4.2f}"
    )


def articles(count: int) -> list[ArticleReceived]:
    from tests.benchmarks.bench_extract import corpus_articles

    corpus = corpus_articles()
    start = datetime(2024, 1, 1, tzinfo=UTC)
    made = []
    for n in range(count):
        source = corpus[n % len(corpus)]
        at = start + timedelta(minutes=n)
        made.append(
            ArticleReceived(
                event_id=f"bench-{n}",
                occurred_at=at,
                article_id=f"bench-{n}",
                text=source["text"],
                language=source.get("language"),
                published_at=at,
                origin="bench",
            )
        )
    return made


async def reparse_bench(bootstrap: str, catalogue: Catalogue, count: int) -> None:
    from services.cli.ingest import extract_article
    from services.extraction.extractor import EXTRACTOR_VERSION
    from services.ingest.articles import reports_extracted
    from services.rederive.reparse import reparse

    corpus = articles(count)
    cpu = time.process_time()
    extracted = [reports_extracted(article, extract_article(article), "sitmon-extract/0.9") for article in corpus]
    in_process = count / (time.process_time() - cpu)
    async with EventProducer(bootstrap, source="/bench") as producer:
        for start in range(0, len(corpus), 500):
            await producer.publish(
                [Outgoing(catalogue.articles, a.article_id, a) for a in corpus[start : start + 500]]
                + [Outgoing(catalogue.reports, r.region, r) for r in extracted[start : start + 500]]
            )
    wall, cpu = time.perf_counter(), time.process_time()
    async with EventProducer(bootstrap, source="/bench") as producer:
        summary = await reparse(bootstrap, catalogue, producer, extract=extract_article, version=EXTRACTOR_VERSION)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"reparse: {summary.articles} articles in {wall:.1f} s: {summary.articles / wall:,.0f} articles/s "
        f"({summary.articles / cpu:,.0f} per CPU-s); extraction alone in process {in_process:,.0f} articles/s "
        f"per CPU-s; reparse ÷ extraction {summary.articles / cpu / in_process:.2f} (CPU), "
        f"{summary.articles / wall / in_process:.2f} (wall); {summary.withdrawals} withdrawals"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--regions", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--worker", action="store_true", help="also run the live worker (slow)")
    parser.add_argument(
        "--threads", action="store_true", help="print each replay row's CPU per thread (sampled from /proc)"
    )
    parser.add_argument("--articles", type=int, default=2000, help="articles for the reparse figure (0: skip)")
    parser.add_argument(
        "--only", choices=("all", "replay", "rebuild"), default="all", help="run only these rows (and the baselines)"
    )
    args = parser.parse_args()
    bootstrap = os.environ.get("SITMON_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    catalogue = Catalogue(f"bench{uuid.uuid4().hex[:8]}.")
    os.environ["SITMON_TOPIC_PREFIX"] = catalogue.prefix  # worker_names reads the worker's settings
    asyncio.run(create_topics(bootstrap, catalogue))
    directory = Path(tempfile.mkdtemp(prefix="bench-analysis-"))
    try:
        items = records(args.count, args.regions)
        started = time.perf_counter()
        asyncio.run(preload(bootstrap, catalogue.reports.name, items))
        print(f"preloaded {args.count} reports on {args.regions} regions in {time.perf_counter() - started:.1f} s")
        del items
        ratios: dict[str, list[float]] = {}
        if args.only in ("all", "replay"):  # imported before timing: A0 does not time importing aiokafka
            import services.cli.replay
            import services.replay.parquet  # noqa: F401
        for round_ in range(1, args.rounds + 1):
            a0 = asyncio.run(raw_consumption(bootstrap, catalogue.reports.name, args.count))
            a1 = asyncio.run(run_baseline(bootstrap, catalogue.reports.name, args.count))
            runs: dict[str, dict[str, Any]] = {}
            per_thread: dict[str, str] = {}
            if args.only in ("all", "rebuild"):
                runs["rebuild (fold + changelog)"] = asyncio.run(
                    timed(lambda round_=round_: rebuild(bootstrap, catalogue, 100 + round_))
                )
            if args.only in ("all", "replay"):
                rows = (("none", "replay, reading only"), ("parquet", "replay → Parquet"), ("jsonl", "replay → JSONL"))
                for fmt, row in rows:
                    path = fresh_output(directory, fmt)
                    with ThreadCpu() if args.threads else nullcontext() as threads:
                        runs[row] = asyncio.run(
                            timed(lambda fmt=fmt, path=path: replay_to(bootstrap, catalogue, fmt, path))
                        )
                    if threads is not None:
                        per_thread[row] = threads.summary()
            if args.worker:
                runs["live worker (Faust)"] = run_worker(bootstrap, catalogue, args.count, round_, None)
            print(
                f"round {round_}: A0 raw {rate(a0):,.0f} ev/s ({per_cpu(a0):,.0f} ev/CPU-s) · "
                f"A1 raw + decode {rate(a1):,.0f} ev/s ({per_cpu(a1):,.0f} ev/CPU-s)"
            )
            for name, result in runs.items():
                print(line(name, result, a0, a1), flush=True)
                if name in per_thread:
                    print(per_thread[name])
                ratios.setdefault(name + " wall ÷A0", []).append(rate(result) / rate(a0))
                ratios.setdefault(name + " wall ÷A1", []).append(rate(result) / rate(a1))
                ratios.setdefault(name + " CPU ÷A0", []).append(per_cpu(result) / per_cpu(a0))
                ratios.setdefault(name + " CPU-s ÷ wall-s", []).append(parallelism(result))
        print("medians over rounds (÷A0 = raw consumption, ÷A1 = raw + decode; CPU = events per CPU-second):")
        for name, values in ratios.items():
            print(f"  {name:44s} {statistics.median(values):.2f}", flush=True)
        if args.articles:
            own = Catalogue(f"{catalogue.prefix}reparse.")  # under the prefix: dropped with the rest
            asyncio.run(create_topics(bootstrap, own))
            asyncio.run(reparse_bench(bootstrap, own, args.articles))
    finally:
        shutil.rmtree(directory, ignore_errors=True)  # the replays' output files, ~100 MB per 100,000 reports
        asyncio.run(drop(bootstrap, catalogue.prefix))


if __name__ == "__main__":
    main()
