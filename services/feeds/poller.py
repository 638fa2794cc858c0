"""`sitmon poll`: follow every active feed on its schedule, publish what is new, never stop for one bad feed.

The loop reads the feeds topic (sources and statuses) and starts a poll for every active
feed that is due, within a global and a per-host limit on fetches in flight. Finished polls
are published by one publisher task: the articles, reports and dead letters of each poll and
the feed's new status go out together in one Kafka transaction (`EventProducer.publish`, the
ingest pipeline's own publishing), so after a crash — even `kill -9` mid-poll — the restarted
poller sees exactly the statuses whose articles were committed, and polls the rest again.
The producer's transactional id is stable per deployment, so a restarted poller fences its
dead predecessor and aborts the transaction it left open at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx
import structlog

from netguard.ssrf import AsyncResolver, async_system_resolver
from services.feeds import fetch as http
from services.feeds.book import FeedBookFollower
from services.feeds.harvest import Harvest, HarvestContext, harvest, status_after
from services.feeds.metrics import PollMetrics
from services.feeds.schedule import Draw, first_poll, next_poll
from services.feeds.settings import PollSettings
from services.kafka.producer import EventProducer, Outgoing
from streams.feeds import FeedSource, FeedStatus, polled, status_key
from streams.topics import Catalogue

log = structlog.get_logger("sitmon.poll")

MAX_POLLS_PER_TRANSACTION = 50
IDLE_TICK_S = 0.5


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Finished:
    source: FeedSource
    previous: FeedStatus | None
    result: Harvest
    polled_at: datetime


@dataclass
class PollCounts:
    polls: int = 0
    published: int = 0
    dead_letters: int = 0
    failed: int = 0


class Poller:
    def __init__(
        self,
        *,
        settings: PollSettings,
        follower: FeedBookFollower,
        producer: EventProducer,
        client: httpx.AsyncClient,
        catalogue: Catalogue,
        context: HarvestContext,
        metrics: PollMetrics,
        clock: Callable[[], datetime] = utc_now,
        draw: Draw = random.random,
        resolver: AsyncResolver = async_system_resolver,
    ) -> None:
        self._settings = settings
        self._follower = follower
        self._producer = producer
        self._client = client
        self._catalogue = catalogue
        self._context = context
        self._metrics = metrics
        self._clock = clock
        self._draw = draw
        self._resolver = resolver
        self._allowed = settings.allowed_networks()
        self._fetches = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._first_due: dict[str, datetime] = {}
        self._in_flight: set[str] = set()
        self._finished: asyncio.Queue[Finished] = asyncio.Queue()
        self.counts = PollCounts()

    # --- fetching, within the limits -------------------------------------------------------

    async def fetch(self, url: str, etag: str | None, last_modified: str | None, max_bytes: int) -> http.Fetched:
        host = urlsplit(url).hostname or ""
        per_host = self._hosts.setdefault(host, asyncio.Semaphore(self._settings.per_host))
        limits = http.FetchLimits(
            timeout_s=self._settings.timeout_s,
            connect_timeout_s=self._settings.connect_timeout_s,
            max_bytes=max_bytes,
            max_redirects=self._settings.max_redirects,
            allowed_networks=self._allowed,
            user_agent=self._settings.user_agent,
        )
        async with self._fetches, per_host:
            return await http.fetch(
                self._client, url, limits, etag=etag, last_modified=last_modified, resolver=self._resolver
            )

    # --- one feed --------------------------------------------------------------------------

    async def poll(self, source: FeedSource) -> Finished:
        previous = self._follower.book.statuses.get(source.feed_id)
        now = self._clock()
        try:
            result = await harvest(source, previous, self.fetch, self._context, now)
        except Exception as exc:  # a bug or a library failure on one feed never stops the others
            log.exception("feed.poll_crashed", feed=source.name)
            result = Harvest("malformed", f"{type(exc).__name__}: {exc}"[:300])
        return Finished(source, previous, result, now)

    def _status(self, done: Finished) -> FeedStatus:
        failures = (done.previous.failures + 1 if done.previous else 1) if done.result.failed else 0
        due = next_poll(
            done.polled_at,
            every_s=done.source.every_s,
            failures=failures,
            jitter=self._settings.jitter,
            backoff_first_s=self._settings.backoff_first_s,
            backoff_longest_s=self._settings.backoff_longest_s,
            retry_after_s=done.result.retry_after_s,
            draw=self._draw,
        )
        return status_after(done.source, done.previous, done.result, done.polled_at, due)

    # --- publishing: one transaction for several finished polls ----------------------------

    async def publish(self, batch: list[Finished]) -> None:
        records: list[Outgoing] = []
        statuses: list[tuple[Finished, FeedStatus]] = []
        for done in batch:
            status = self._status(done)
            statuses.append((done, status))
            records.extend(done.result.records)
            records.append(Outgoing(self._catalogue.feeds, status_key(done.source.feed_id), polled(status)))
        await self._producer.publish(records)
        for done, status in statuses:
            if done.source.feed_id in self._follower.book.sources:
                self._follower.book.statuses[done.source.feed_id] = status
            self._account(done, status)

    def _account(self, done: Finished, status: FeedStatus) -> None:
        result = done.result
        self.counts.polls += 1
        self.counts.published += result.published
        self.counts.dead_letters += result.dead_letters
        self.counts.failed += int(result.failed)
        success = status.last_success_at.timestamp() if status.last_success_at and not result.failed else None
        self._metrics.polled(
            done.source.name, result.outcome, result.published, result.dead_letters, success, result.extraction_failures
        )
        event = "feed.failed" if result.failed else "feed.polled"
        log.info(
            event,
            feed=done.source.name,
            outcome=result.outcome,
            reason=result.reason,
            published=result.published,
            next_poll_at=status.next_poll_at.isoformat(),
        )

    # --- the loops -------------------------------------------------------------------------

    def due(self, now: datetime) -> list[FeedSource]:
        book = self._follower.book
        found = []
        for source in book.sources.values():
            if source.state != "active" or source.feed_id in self._in_flight:
                continue
            status = book.statuses.get(source.feed_id)
            when = (
                status.next_poll_at
                if status
                else self._first_due.setdefault(source.feed_id, first_poll(now, source.every_s, self._draw))
            )
            if when <= now:
                found.append(source)
        return found

    async def poll_all_once(self) -> PollCounts:
        """Every active feed polled now, once, and published (`sitmon poll --once`, tests, the benchmark)."""
        await self._follower.catch_up()
        sources = [s for s in self._follower.book.sources.values() if s.state == "active"]
        pending = [asyncio.ensure_future(self.poll(source)) for source in sources]
        batch: list[Finished] = []
        for finished in asyncio.as_completed(pending):
            batch.append(await finished)
            if len(batch) >= MAX_POLLS_PER_TRANSACTION:
                await self.publish(batch)
                batch = []
        if batch:
            await self.publish(batch)
        return self.counts

    async def run(self, stop: asyncio.Event) -> PollCounts:
        """Poll due feeds until `stop` is set; polls in flight then finish and are published."""
        await self._follower.catch_up()
        publisher = asyncio.create_task(self._publish_finished())
        tasks: set[asyncio.Task[None]] = set()
        loop = asyncio.get_running_loop()
        next_refresh = 0.0
        try:
            while not stop.is_set():
                if publisher.done():
                    publisher.result()  # publishing failed for good (PublishFailed): stop, one line
                if loop.time() >= next_refresh:
                    await self._follower.poll_once(timeout_ms=10)
                    next_refresh = loop.time() + self._settings.refresh_s
                    self._metrics.feeds.set(sum(s.state == "active" for s in self._follower.book.sources.values()))
                for source in self.due(self._clock()):
                    self._in_flight.add(source.feed_id)
                    task = asyncio.create_task(self._poll_and_queue(source))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), IDLE_TICK_S)
            if tasks:
                await asyncio.wait(tasks, timeout=self._settings.timeout_s * 2)
            await self._finished.join()
        finally:
            for task in tasks:
                task.cancel()
            publisher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await publisher
        return self.counts

    async def _poll_and_queue(self, source: FeedSource) -> None:
        await self._finished.put(await self.poll(source))

    async def _publish_finished(self) -> None:
        while True:
            batch = [await self._finished.get()]
            while not self._finished.empty() and len(batch) < MAX_POLLS_PER_TRANSACTION:
                batch.append(self._finished.get_nowait())
            try:
                await self.publish(batch)
            finally:
                for done in batch:
                    self._in_flight.discard(done.source.feed_id)
                    self._finished.task_done()
