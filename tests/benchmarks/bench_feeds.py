"""Feed follower throughput: 200 feeds × 50 items, pages included, from a local server.

End to end, as `sitmon poll --once` does it: fetch each feed (through the SSRF guard), fetch
each item's page (every item is summary-only), extract the main text with trafilatura,
extract the facts, and publish articles, reports and the feeds' statuses in transactions.

Baseline, same server, same run: fetching the same feeds and pages with a bare httpx client
at the same concurrency, doing nothing with them. The ratios say what following costs over
merely downloading. The server runs in its own process, so the poller's CPU time
(`time.process_time` of this process) is the poller's alone. Runs alternate A B A B.

    SITMON_KAFKA_BOOTSTRAP=127.0.0.1:9092 python -m tests.benchmarks.bench_feeds [--feeds 200 --items 50 --rounds 2]

All feeds are on 127.0.0.1, so the per-host limit is raised to the concurrency (the server
stands for 200 hosts). Target: one poller keeps up with 100 articles/s.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing
import os
import statistics
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from multiprocessing.connection import Connection

import httpx
import structlog
from prometheus_client import CollectorRegistry

from services.cli.poll import run_poller
from services.feeds.book import publish_commands
from services.feeds.metrics import PollMetrics
from services.feeds.settings import PollSettings
from services.kafka.admin import create_topics
from services.settings import KafkaSettings
from streams import feeds
from streams.feeds import FeedEvent
from streams.topics import Catalogue
from tests.feed_server import FeedServer, Item, Resource, article_page, rss

PLACES = ["Stepanakert", "Khan Younis", "Kharkiv", "El Fasher", "Goma", "Mogadishu", "Aleppo", "Sana'a"]
CONCURRENCY = 32


def page_paragraphs(feed: int, item: int) -> list[str]:
    place = PLACES[(feed + item) % len(PLACES)]
    killed, injured = 3 + (feed * 7 + item) % 140, 10 + (feed + item * 3) % 300
    return [
        f"At least {killed} people were killed and {injured} injured in {place} on Tuesday, "
        "officials said, in one of the deadliest days of the fighting this month.",
        "Rescue workers searched the rubble of several buildings through the night, "
        "according to the civil defence, while hospitals appealed for blood donations.",
        f"The health ministry said {killed // 3} of the dead were children. A ceasefire proposed "
        "last week by mediators has not been agreed by either side.",
        "Residents described hearing explosions from the early hours. Aid agencies said access "
        "to the area remained restricted and that food and fuel were running low.",
    ]


def serve(feeds_n: int, items_n: int, conn: Connection) -> None:
    """The server process: every feed and page, until the parent closes the pipe."""
    with FeedServer() as server:
        for f in range(feeds_n):
            items = []
            for n in range(items_n):
                path = f"/f{f}/a{n}.html"
                server.put(path, Resource(article_page(f"Story {f}-{n}", page_paragraphs(f, n))))
                items.append(Item(f"b{f}-{n}", server.url(path), f"Story {f}-{n}", "Summary.", "2024-03-05T10:00:00Z"))
            server.put(f"/f{f}/feed.xml", Resource(rss(f"Outlet {f}", items), "application/rss+xml"))
        conn.send(server.port)
        conn.recv()  # blocks until the parent says stop (or goes away)


@dataclass(frozen=True)
class Run:
    items: int
    wall_s: float
    cpu_s: float

    @property
    def per_second(self) -> float:
        return self.items / self.wall_s

    @property
    def cpu_ms_per_item(self) -> float:
        return 1000 * self.cpu_s / self.items


async def baseline(port: int, feeds_n: int, items_n: int) -> Run:
    """A: download every feed and page with bare httpx at the same concurrency."""
    limits = asyncio.Semaphore(CONCURRENCY)
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=CONCURRENCY * 2)) as client:

        async def get(url: str) -> bytes:
            async with limits:
                return (await client.get(url)).content

        async def feed(f: int) -> int:
            await get(f"http://127.0.0.1:{port}/f{f}/feed.xml")
            pages = await asyncio.gather(*(get(f"http://127.0.0.1:{port}/f{f}/a{n}.html") for n in range(items_n)))
            return len(pages)

        started_wall, started_cpu = time.perf_counter(), time.process_time()
        fetched = sum(await asyncio.gather(*(feed(f) for f in range(feeds_n))))
        return Run(fetched, time.perf_counter() - started_wall, time.process_time() - started_cpu)


async def follow(bootstrap: str, port: int, feeds_n: int) -> Run:
    """B: the poller, once over every feed, on fresh topics."""
    catalogue = Catalogue(f"bench{uuid.uuid4().hex[:8]}.")
    await create_topics(bootstrap, catalogue)
    now = datetime.now(UTC)
    events: list[FeedEvent] = [
        feeds.add(url=f"http://127.0.0.1:{port}/f{f}/feed.xml", name=f"outlet-{f}", language="en", every_s=3600, now=now)
        for f in range(feeds_n)
    ]
    await publish_commands(bootstrap, catalogue, events)
    kafka = KafkaSettings(kafka_bootstrap=bootstrap, topic_prefix=catalogue.prefix)
    settings = PollSettings.model_validate(
        {"SITMON_FETCH_ALLOWED_NETWORKS": "127.0.0.0/8", "per_host": CONCURRENCY, "concurrency": CONCURRENCY}
    )
    started_wall, started_cpu = time.perf_counter(), time.process_time()
    counts = await run_poller(kafka, settings, PollMetrics(CollectorRegistry()), once=True)
    run = Run(counts.published, time.perf_counter() - started_wall, time.process_time() - started_cpu)
    if counts.failed or counts.dead_letters:
        raise SystemExit(f"the poller failed {counts.failed} poll(s), dead-lettered {counts.dead_letters} item(s)")
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    bootstrap = os.environ.get("SITMON_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)

    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=serve, args=(args.feeds, args.items, child), daemon=True)
    server.start()
    port = parent.recv()
    a_runs: list[Run] = []
    b_runs: list[Run] = []
    try:
        for round_ in range(1, args.rounds + 1):
            a_runs.append(asyncio.run(baseline(port, args.feeds, args.items)))
            b_runs.append(asyncio.run(follow(bootstrap, port, args.feeds)))
            a, b = a_runs[-1], b_runs[-1]
            print(
                f"round {round_}: A download {a.per_second:8.0f} pages/s, {a.cpu_ms_per_item:5.2f} ms CPU/page | "
                f"B follow {b.per_second:6.0f} items/s, {b.cpu_ms_per_item:5.2f} ms CPU/item ({b.items} items)"
            )
    finally:
        parent.send("stop")
        server.join(timeout=10)
    a_rate = statistics.median(r.per_second for r in a_runs)
    b_rate = statistics.median(r.per_second for r in b_runs)
    a_cpu = statistics.median(r.cpu_ms_per_item for r in a_runs)
    b_cpu = statistics.median(r.cpu_ms_per_item for r in b_runs)
    print(f"\n{args.feeds} feeds × {args.items} items, median of {args.rounds} rounds")
    print(f"  follow (B): {b_rate:.0f} items/s end to end, {b_cpu:.1f} ms poller CPU per item")
    print(f"  download only (A): {a_rate:.0f} pages/s, {a_cpu:.2f} ms CPU per page")
    print(f"  ratio B/A: {b_rate / a_rate:.3f} of the download rate, {b_cpu / a_cpu:.1f}× the CPU per item")
    ceiling = 1000 / b_cpu
    print(f"  one poller's CPU ceiling (one core): {ceiling:.0f} items/s")
    bound = "the local server (B close to A)" if b_rate / a_rate > 0.5 else "the poller"
    print(f"  end to end here is bounded by {bound}")
    print(f"  keeps up with 100 articles/s: {'yes' if min(ceiling, b_rate if bound == 'the poller' else ceiling) >= 100 else 'NO'}")


if __name__ == "__main__":
    main()
