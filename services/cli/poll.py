"""`sitmon poll`: the long-running feed follower (see services/feeds/poller.py)."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from typing import Annotated

import typer
from prometheus_client import CollectorRegistry, start_http_server
from rich.console import Console

from services.cli.ingest import extract_article
from services.extraction.extractor import EXTRACTOR_VERSION
from services.feeds.book import FeedBookFollower
from services.feeds.fetch import build_client
from services.feeds.harvest import HarvestContext
from services.feeds.metrics import PollMetrics
from services.feeds.poller import PollCounts, Poller
from services.feeds.settings import PollSettings
from services.ingest.pipeline import ExtractionStep
from services.kafka.producer import EventProducer
from services.settings import KafkaSettings

console = Console(highlight=False, stderr=True)


async def run_poller(kafka: KafkaSettings, settings: PollSettings, metrics: PollMetrics, *, once: bool) -> PollCounts:
    catalogue = kafka.catalogue()
    context = HarvestContext(
        catalogue=catalogue,
        extraction=ExtractionStep(extract_article, EXTRACTOR_VERSION),
        max_feed_bytes=settings.max_feed_bytes,
        max_page_bytes=settings.max_page_bytes,
        summary_chars=settings.summary_chars,
        revisit_for_s=settings.revisit_for_s,
        revisit_every_s=settings.revisit_every_s,
    )
    # one transactional id per deployment: a restarted poller fences a crashed one and aborts its open poll
    producer = EventProducer(
        kafka.kafka_bootstrap, source="/sitmon/poll", transactional_id=f"sitmon-poll-{kafka.topic_prefix}"
    )
    follower = FeedBookFollower(kafka.kafka_bootstrap, catalogue)
    async with producer, build_client(max_connections=settings.concurrency * 2) as client:
        await follower.start()  # after the producer: its start aborted any poll a crash left open
        try:
            poller = Poller(
                settings=settings,
                follower=follower,
                producer=producer,
                client=client,
                catalogue=catalogue,
                context=context,
                metrics=metrics,
            )
            if once:
                return await poller.poll_all_once()
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(signum, stop.set)
            return await poller.run(stop)
        finally:
            await follower.stop()


def poll_command(
    once: Annotated[bool, typer.Option(help="poll every active feed once, publish, and exit")] = False,
    metrics_port: Annotated[int | None, typer.Option(help="serve Prometheus /metrics on this port")] = None,
) -> None:
    """Follow every active feed on its schedule and publish new and revised articles (runs until stopped)."""
    kafka = KafkaSettings()
    settings = PollSettings()
    settings.allowed_networks()  # a bad SITMON_FETCH_ALLOWED_NETWORKS is one line before any network call
    registry = CollectorRegistry()
    port = metrics_port if metrics_port is not None else settings.metrics_port
    if port is not None:
        start_http_server(port, addr="127.0.0.1", registry=registry)
    with contextlib.suppress(KeyboardInterrupt):
        counts = asyncio.run(run_poller(kafka, settings, PollMetrics(registry), once=once))
        console.print(
            f"polled {counts.polls} time(s): {counts.published} article(s) published, "
            f"{counts.dead_letters} dead-lettered, {counts.failed} failed poll(s)"
        )


def register(app: typer.Typer) -> None:
    app.command("poll")(poll_command)
