"""The poller's Prometheus series. Feeds are labelled by name (bounded: the feeds someone added),
never by URL; outcomes are the bounded `PollOutcome` set."""

from __future__ import annotations

from collections.abc import Sequence

from prometheus_client import CollectorRegistry, Counter, Gauge

from services.ingest.metrics import IngestMetrics
from streams.feeds import PollOutcome


class PollMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.fetches = Counter(
            "sitmon_feed_fetches", "Feed polls by feed and outcome", ["feed", "outcome"], registry=registry
        )
        self.items = Counter(
            "sitmon_feed_items_published",
            "Articles (new or revised) published from a feed",
            ["feed"],
            registry=registry,
        )
        self.dead_letters = Counter(
            "sitmon_feed_items_dead_lettered",
            "Feed items that could not be read (page, text)",
            ["feed"],
            registry=registry,
        )
        self.last_success = Gauge(
            "sitmon_feed_last_success_timestamp_seconds",
            "When a feed was last fetched successfully (unix seconds)",
            ["feed"],
            registry=registry,
        )
        self.feeds = Gauge("sitmon_feeds_followed", "Active feeds the poller follows", registry=registry)
        # the same series file ingest and POST /articles export: a failing stage is visible wherever it ran
        self.ingest = IngestMetrics.on(registry)

    def polled(
        self,
        feed: str,
        outcome: PollOutcome,
        published: int,
        dead_letters: int,
        success_at: float | None,
        extraction_failures: Sequence[str] = (),
    ) -> None:
        """Count one finished poll; `extraction_failures` holds the failed stage of each article published
        without its reports."""
        self.fetches.labels(feed, outcome).inc()
        for stage in extraction_failures:
            self.ingest.extraction_failures.labels(stage=stage).inc()
        if published:
            self.items.labels(feed).inc(published)
        if dead_letters:
            self.dead_letters.labels(feed).inc(dead_letters)
        if success_at is not None:
            self.last_success.labels(feed).set(success_at)
