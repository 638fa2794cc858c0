"""What a transactional writer acknowledges is readable at once: the subscription writer and the
event producer (ingest, POST /articles, reparse) answer only after the broker has written their
transaction's commit markers, so a read_committed reader asking right after the answer (the API's
fenced reads, reparse reading the reports it was given) always finds it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from services.ingest.articles import article_received
from services.ingest.sources import IncomingArticle
from services.kafka.producer import EventProducer, Outgoing
from services.kafka.topic_read import partitions_of
from streams import subscriptions as subs
from streams.topics import Catalogue
from tests.integration.alert_stack import store_subscription

pytestmark = pytest.mark.integration
CHANGES = 12  # the markers trail the commit by about a millisecond: several tries give the race its chances


async def unreadable_after_write(bootstrap: str, topic: str, write: Callable[[int], Awaitable[None]]) -> list[int]:
    """The writes (numbered 0..CHANGES-1) whose record and commit marker a read_committed reader
    asking right after the write returned did not yet see."""
    partitions = [TopicPartition(topic, number) for number in await partitions_of(bootstrap, topic)]
    # started ahead, as the API's own end-offset reader is: asking costs one round trip
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, isolation_level="read_committed")
    await reader.start()
    try:
        stable_before = sum((await reader.end_offsets(partitions)).values())
        unreadable = []
        for number in range(CHANGES):
            await write(number)
            # the last stable offset moves past the record and its commit marker: two offsets per write
            stable = sum((await reader.end_offsets(partitions)).values())
            if stable < stable_before + 2:
                unreadable.append(number)
            stable_before = stable
        return unreadable
    finally:
        await reader.stop()


async def test_every_acknowledged_change_is_readable_the_moment_it_is_acknowledged(
    bootstrap: str, catalogue: Catalogue
) -> None:
    async def create(number: int) -> None:
        created = subs.create(url=f"http://127.0.0.1:9/hook-{number}", now=datetime.now(UTC))
        await store_subscription(bootstrap, catalogue, created)

    assert await unreadable_after_write(bootstrap, catalogue.subscriptions.name, create) == []


async def test_every_published_batch_is_readable_the_moment_publish_returns(
    bootstrap: str, catalogue: Catalogue
) -> None:
    async with EventProducer(bootstrap, source="/sitmon/test") as producer:

        async def publish(number: int) -> None:
            item = IncomingArticle(id=f"visible-{number}", text="Two soldiers were killed.", origin="test")
            await producer.publish([Outgoing(catalogue.articles, item.id, article_received(item, datetime.now(UTC)))])

        assert await unreadable_after_write(bootstrap, catalogue.articles.name, publish) == []
