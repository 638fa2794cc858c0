"""Replay, rebuild and reparse throughput, as ratios against raw aiokafka consumption of the same
topic in the same run (and the live worker's ratio beside them).

Preloads N report events (bench_worker's ~512-700 B CloudEvents over R regions) on fresh topics,
then per round, on the same topic:

  A0  raw consumption: `AIOKafkaConsumer.getmany` of the whole topic, values untouched;
  A1  A0 + `streams.envelope.decode` of every value (bench_worker's baseline A);
  RB  the rebuild fast path: fold the whole log per region with the worker's batch step, write
      the table state to a fresh version's changelog, commit its offsets (`sitmon rebuild`);
  PQ  `sitmon replay reports --format parquet` (in process, to a temporary file);
  JL  `sitmon replay reports --format jsonl` (in process, to a temporary file, and to a pipe that
      a child process reads: `replay_rows.py` says why both);
  RR  replay's reading alone: the same copy into a sink that only counts (what PQ and JL add is
      their writer's cost);
  Each replay row is measured right after an A0 of its own, and its ratios are against that one:
  a round takes 10-30 s, in which the load, the broker and the kernel's free memory drift.
  W   with --worker: the live `sitmon worker` (a fresh app version) from its first fold to its last.

Then reparse, on topics of its own: M articles (the seed/dev/gold corpus repeated) and their
reports as ingest published them, then `reparse` with the current extractor (it reads where each
article's reports are, then extracts and publishes in transactions), against extraction alone in
process on the same articles (bench_extract's in-process figure).

    SITMON_KAFKA_BOOTSTRAP=127.0.0.1:9092 python -m tests.benchmarks.bench_analysis \
        [--count 1000000] [--regions 200] [--rounds 3] [--worker] [--articles 2000] [--only replay|rebuild]
        [--replays none,parquet,jsonl,pipe] [--no-a1] [--threads]

Each row prints its system CPU per event and CPU-s ÷ wall-s (above 1: more than one core busy);
`--threads` adds each replay row's CPU per thread and the least wall time two idle cores would
allow (`thread_cpu.py`).
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

from services.kafka.admin import create_topics, topic_partitions
from services.rederive.fold_log import fold_reports_log
from services.rederive.takeover import commit_offsets
from streams.events import ArticleReceived
from streams.topics import Catalogue
from tests.benchmarks.bench_worker import drop, preload, records, run_baseline, run_worker
from tests.benchmarks.replay_rows import ROWS, PipeReader, fresh_output, replay_to
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
        wall, cpu, system = time.perf_counter(), time.process_time(), os.times().system
        while seen < count:
            for messages in (await consumer.getmany(timeout_ms=1000, max_records=10_000)).values():
                seen += len(messages)
                size += sum(len(m.value or b"") for m in messages)
        return {
            "events": seen,
            "wall_s": time.perf_counter() - wall,
            "cpu_s": time.process_time() - cpu,
            "sys_s": os.times().system - system,
        }
    finally:
        await consumer.stop()


def cpu_s() -> float:
    """This process's CPU time and its finished children's (the rebuild folds in worker processes)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def sys_s() -> float:
    times = os.times()
    return times.system + times.children_system


async def timed(work: Callable[[], Awaitable[int]]) -> dict[str, float]:
    wall, cpu, system = time.perf_counter(), cpu_s(), sys_s()
    events = await work()
    return {
        "events": events,
        "wall_s": time.perf_counter() - wall,
        "cpu_s": cpu_s() - cpu,
        "sys_s": sys_s() - system,
    }


async def rebuild(bootstrap: str, catalogue: Catalogue, version: int) -> int:
    # imported here, and before the timing by main(): the fold processes are spawned and import
    # this module again, and `sitmon rebuild`'s import no CLI (typer, rich: ~0.35 CPU-s each)
    from services.cli.rebuild import worker_names

    group_id, changelog = worker_names(version)
    folded = await fold_reports_log(bootstrap, catalogue.reports.name, changelog=changelog)
    await commit_offsets(bootstrap, group_id, catalogue.reports.name, folded.ends)
    return folded.records


# The extractor, Arrow, the replay writers and the producer (structlog, which imports rich and
# pygments) are imported where they are used: the rebuild's fold processes are spawned and import
# this module again, and `sitmon rebuild`'s import none of them (the extractor alone builds its
# keyword gates at import, seconds of CPU per process; the producer ~0.3 CPU-s).


def measure_replay(
    bootstrap: str, catalogue: Catalogue, directory: Path, fmt: str, sample_threads: bool
) -> tuple[dict[str, float], str | None]:
    """One replay row, timed; with `sample_threads`, also each thread's CPU."""
    path = fresh_output(directory, fmt)
    with PipeReader() if fmt == "pipe" else nullcontext() as reader:
        pipe = reader.stdin if reader is not None else None
        with ThreadCpu() if sample_threads else nullcontext() as threads:
            result = asyncio.run(timed(lambda: replay_to(bootstrap, catalogue, fmt, path, pipe)))
    return result, threads.summary() if threads is not None else None


def rate(result: dict[str, float]) -> float:
    return result["events"] / result["wall_s"]


def per_cpu(result: dict[str, float]) -> float:
    return result["events"] / result["cpu_s"]


def parallelism(result: dict[str, float]) -> float:
    """CPU-seconds per wall-second: above 1 the run kept more than one core busy (on a loaded
    machine the wall ratios cannot show that; this figure can)."""
    return result["cpu_s"] / result["wall_s"]


def line(name: str, result: dict[str, float], a0: dict[str, float], a1: dict[str, float] | None) -> str:
    r = rate(result)
    a1_wall = f" ÷A1 {r / rate(a1):4.2f}" if a1 else ""
    a1_cpu = f" ÷A1 {per_cpu(result) / per_cpu(a1):4.2f}" if a1 else ""
    system = f"sys {result['sys_s'] / result['events'] * 1e6:4.2f} µs/ev   " if "sys_s" in result else ""
    return (
        f"  {name:28s} {r:9,.0f} ev/s  {per_cpu(result):9,.0f} ev/CPU-s   "
        f"wall ÷A0 {r / rate(a0):4.2f}{a1_wall}   CPU ÷A0 {per_cpu(result) / per_cpu(a0):4.2f}{a1_cpu}   "
        f"{system}CPU-s ÷ wall-s {parallelism(result):4.2f}"
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
    from services.kafka.producer import EventProducer, Outgoing  # structlog, rich: see the note above
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
    parser.add_argument(
        "--replays", default=",".join(ROWS), help=f"the replay rows, in this order (of {', '.join(ROWS)})"
    )
    parser.add_argument("--no-a1", action="store_true", help="skip A1 (raw + decode: the rebuild's baseline)")
    args = parser.parse_args()
    if unknown := set(args.replays.split(",")) - set(ROWS):
        parser.error(f"--replays: unknown rows {sorted(unknown)}")
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
        if args.only in ("all", "rebuild"):  # imported before timing, as for replay below
            import services.cli.rebuild
        if args.only in ("all", "replay"):  # imported before timing: A0 does not time importing aiokafka
            import services.cli.replay
            import services.replay.parquet  # noqa: F401
        for round_ in range(1, args.rounds + 1):
            a0 = asyncio.run(raw_consumption(bootstrap, catalogue.reports.name, args.count))
            a1 = None if args.no_a1 else asyncio.run(run_baseline(bootstrap, catalogue.reports.name, args.count))
            runs: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}  # row: its result, the A0 it is read against
            per_thread: dict[str, str] = {}
            if args.only in ("all", "rebuild"):
                runs["rebuild (fold + changelog)"] = (
                    asyncio.run(timed(lambda round_=round_: rebuild(bootstrap, catalogue, 100 + round_))),
                    a0,
                )
            if args.only in ("all", "replay"):
                for fmt in args.replays.split(","):
                    own_a0 = asyncio.run(raw_consumption(bootstrap, catalogue.reports.name, args.count))
                    result, threads = measure_replay(bootstrap, catalogue, directory, fmt, args.threads)
                    runs[ROWS[fmt]] = (result, own_a0)
                    if threads is not None:
                        per_thread[ROWS[fmt]] = threads
            if args.worker:
                runs["live worker (Faust)"] = (run_worker(bootstrap, catalogue, args.count, round_, None), a0)
            baselines = f" · A1 raw + decode {rate(a1):,.0f} ev/s ({per_cpu(a1):,.0f} ev/CPU-s)" if a1 else ""
            print(f"round {round_}: A0 raw {rate(a0):,.0f} ev/s ({per_cpu(a0):,.0f} ev/CPU-s){baselines}")
            for name, (result, base) in runs.items():
                print(line(name, result, base, a1), flush=True)
                if base is not a0:
                    print(
                        f"    against its own A0 just before: {rate(base):,.0f} ev/s ({per_cpu(base):,.0f} ev/CPU-s, "
                        f"sys {base['sys_s'] / base['events'] * 1e6:4.2f} µs/ev)"
                    )
                if name in per_thread:
                    print(per_thread[name])
                ratios.setdefault(name + " wall ÷A0", []).append(rate(result) / rate(base))
                if a1:
                    ratios.setdefault(name + " wall ÷A1", []).append(rate(result) / rate(a1))
                ratios.setdefault(name + " CPU ÷A0", []).append(per_cpu(result) / per_cpu(base))
                ratios.setdefault(name + " CPU-s ÷ wall-s", []).append(parallelism(result))
                if "sys_s" in result:
                    ratios.setdefault(name + " sys µs/ev", []).append(result["sys_s"] / result["events"] * 1e6)
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
