"""The feeds topic as a `FeedBook`: read once (the CLI), or followed while the poller runs; and the
commands people give (add, pause, resume, remove) published onto it.

Reads are `read_committed`: a status written in an aborted poll transaction (a poller killed
mid-poll) is never seen, so the restarted poller polls that feed again.
"""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord
from aiokafka.structs import TopicPartition

from services.kafka.connect import start_client
from services.kafka.topic_read import partitions_of, read_to_end
from streams.envelope import decode, encode
from streams.errors import UndecodableRecord
from streams.feeds import (
    FeedAdded,
    FeedBook,
    FeedEvent,
    FeedPaused,
    FeedPolled,
    FeedRemoved,
    FeedResumed,
    status_key,
)
from streams.topics import Catalogue

FEED_EVENTS = (FeedAdded, FeedPaused, FeedResumed, FeedRemoved, FeedPolled)


class FeedBookFollower:
    """Keeps a FeedBook up to date with the feeds topic (one partition, compacted).

    Not a one-shot `read_to_end`: the poller catches up, then goes on applying what arrives
    (`poll_once`) on the same consumer, so the position is kept between catch-ups.
    """

    def __init__(self, bootstrap: str, catalogue: Catalogue) -> None:
        self.book = FeedBook()
        self._bootstrap = bootstrap
        self._topic = catalogue.feeds.name
        self._consumer: AIOKafkaConsumer | None = None

    async def start(self) -> None:
        partitions = await partitions_of(self._bootstrap, self._topic)
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self._bootstrap,
            group_id=None,
            enable_auto_commit=False,
            isolation_level="read_committed",
        )
        await start_client(consumer, self._bootstrap)
        self._consumer = consumer
        assigned = [TopicPartition(self._topic, p) for p in sorted(partitions)]
        consumer.assign(assigned)
        await consumer.seek_to_beginning(*assigned)

    async def stop(self) -> None:
        if self._consumer is not None:
            await self._consumer.stop()
            self._consumer = None

    async def catch_up(self) -> FeedBook:
        """Apply every committed record up to the topic's end as of now."""
        consumer = self._require()
        partitions = list(consumer.assignment())
        ends = await consumer.end_offsets(partitions)
        for tp in partitions:
            while await consumer.position(tp) < ends[tp]:
                await self.poll_once(timeout_ms=200)
        return self.book

    async def poll_once(self, timeout_ms: int = 1000) -> int:
        batches = await self._require().getmany(timeout_ms=timeout_ms)
        applied = 0
        for records in batches.values():
            for record in records:
                applied += self._apply(record)
        return applied

    def _apply(self, record: ConsumerRecord) -> int:
        return apply_record(self.book, record)

    def _require(self) -> AIOKafkaConsumer:
        if self._consumer is None:
            raise RuntimeError("FeedBookFollower.start() first")
        return self._consumer


def apply_record(book: FeedBook, record: ConsumerRecord) -> int:
    """One record of the feeds topic into the book; 1 when it changed something."""
    key = record.key.decode("utf-8", errors="replace") if record.key is not None else ""
    if record.value is None:
        book.forget(key)
        return 1
    try:
        event = decode(record.value)
    except UndecodableRecord:
        return 0  # not ours to dead-letter from a view; `sitmon replay` shows it with the reason
    if isinstance(event, FEED_EVENTS):
        book.apply(event)
        return 1
    return 0


async def read_book(bootstrap: str, catalogue: Catalogue) -> FeedBook:
    """The feeds as they stand now (the CLI: read once and exit)."""
    book = FeedBook()
    async for record in read_to_end(bootstrap, catalogue.feeds.name):
        apply_record(book, record)
    return book


async def publish_commands(bootstrap: str, catalogue: Catalogue, events: list[FeedEvent]) -> None:
    """People's changes to the sources: acks=all; a removal also tombstones both of the feed's keys."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await start_client(producer, bootstrap)
    topic = catalogue.feeds.name
    try:
        for event in events:
            key = event.feed.feed_id
            await producer.send_and_wait(
                topic, key=key.encode(), value=encode(event, subject=key, source="/sitmon/feeds")
            )
            if isinstance(event, FeedRemoved):
                await producer.send_and_wait(topic, key=key.encode(), value=None)
                await producer.send_and_wait(topic, key=status_key(key).encode(), value=None)
    finally:
        await producer.stop()
