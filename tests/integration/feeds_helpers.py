"""Helpers for feed-follower tests: add feeds, run the poller in-process, read what it published."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

from prometheus_client import CollectorRegistry

from services.cli.poll import run_poller
from services.feeds.book import publish_commands, read_book
from services.feeds.metrics import PollMetrics
from services.feeds.poller import PollCounts
from services.feeds.settings import PollSettings
from services.settings import KafkaSettings
from streams import feeds
from streams.envelope import decode
from streams.events import ArticleReceived, DeadLettered, ReportsExtracted
from streams.feeds import FeedBook, FeedEvent
from streams.topics import Catalogue
from tests.kafka_helpers import read_records

LOOPBACK = "127.0.0.0/8"


def add_feeds(bootstrap: str, catalogue: Catalogue, *urls: tuple[str, str], every_s: int = 300) -> list[str]:
    """(name, url) pairs straight onto the feeds topic — bypassing the add-time URL check on purpose,
    so tests can prove the fetch-time check."""
    now = datetime.now(UTC)
    events: list[FeedEvent] = [feeds.add(url=url, name=name, language="en", every_s=every_s, now=now) for name, url in urls]
    asyncio.run(publish_commands(bootstrap, catalogue, events))
    return [event.feed.feed_id for event in events]


def poll_once(bootstrap: str, catalogue: Catalogue, metrics: PollMetrics | None = None, **settings: object) -> PollCounts:
    kafka = KafkaSettings(kafka_bootstrap=bootstrap, topic_prefix=catalogue.prefix)
    poll_settings = PollSettings.model_validate({"SITMON_FETCH_ALLOWED_NETWORKS": LOOPBACK, **settings})
    return asyncio.run(run_poller(kafka, poll_settings, metrics or PollMetrics(CollectorRegistry()), once=True))


def book(bootstrap: str, catalogue: Catalogue) -> FeedBook:
    return asyncio.run(read_book(bootstrap, catalogue))


def events_on(bootstrap: str, topic: str, expect: int, kind: type, timeout_s: float = 20.0) -> list:  # type: ignore[type-arg]
    records = asyncio.run(read_records(bootstrap, topic, expect=expect, timeout_s=timeout_s))
    return [event for event in (decode(r.value) for r in records) if isinstance(event, kind)]


def articles(bootstrap: str, catalogue: Catalogue, expect: int, timeout_s: float = 20.0) -> list[ArticleReceived]:
    return events_on(bootstrap, catalogue.articles.name, expect, ArticleReceived, timeout_s)


def reports(bootstrap: str, catalogue: Catalogue, expect: int, timeout_s: float = 20.0) -> list[ReportsExtracted]:
    return events_on(bootstrap, catalogue.reports.name, expect, ReportsExtracted, timeout_s)


def dead_letters(bootstrap: str, catalogue: Catalogue, expect: int, timeout_s: float = 10.0) -> list[DeadLettered]:
    return events_on(bootstrap, catalogue.dlq.name, expect, DeadLettered, timeout_s)


def sample(registry: CollectorRegistry, name: str, **labels: str) -> float:
    value = registry.get_sample_value(name, labels)
    return 0.0 if value is None else value


Check = Callable[[], object]
