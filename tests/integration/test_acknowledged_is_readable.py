"""What a transactional writer acknowledges is readable at once: the subscription writer and the
event producer (ingest, POST /articles, reparse) answer only after the broker has written their
transaction's commit markers, so a read_committed reader asking right after the answer (the API's
fenced reads, reparse reading the reports it was given) always finds it."""

from __future__ import annotations

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


async def test_every_acknowledged_change_is_readable_the_moment_it_is_acknowledged(
    bootstrap: str, catalogue: Catalogue
) -> None:
    topic = catalogue.subscriptions.name
    partitions = [TopicPartition(topic, number) for number in await partitions_of(bootstrap, topic)]
    # started ahead, as the API's own end-offset reader is: asking costs one round trip
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, isolation_level="read_committed")
    await reader.start()
    try:
        stable_before = sum((await reader.end_offsets(partitions)).values())
        unreadable = []
        for number in range(CHANGES):
            created = subs.create(url=f"http://127.0.0.1:9/hook-{number}", now=datetime.now(UTC))
            await store_subscription(bootstrap, catalogue, created)
            # the last stable offset moves past the change and its commit marker: two offsets per change
            stable = sum((await reader.end_offsets(partitions)).values())
            if stable < stable_before + 2:
                unreadable.append(number)
            stable_before = stable
    finally:
        await reader.stop()
    assert unreadable == []


async def test_every_published_batch_is_readable_the_moment_publish_returns(
    bootstrap: str, catalogue: Catalogue
) -> None:
    topic = catalogue.articles.name
    partitions = [TopicPartition(topic, number) for number in await partitions_of(bootstrap, topic)]
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, isolation_level="read_committed")
    await reader.start()
    try:
        async with EventProducer(bootstrap, source="/sitmon/test") as producer:
            stable_before = sum((await reader.end_offsets(partitions)).values())
            unreadable = []
            for number in range(CHANGES):
                item = IncomingArticle(id=f"visible-{number}", text="Two soldiers were killed.", origin="test")
                await producer.publish(
                    [Outgoing(catalogue.articles, item.id, article_received(item, datetime.now(UTC)))]
                )
                stable = sum((await reader.end_offsets(partitions)).values())
                if stable < stable_before + 2:  # the record and its commit marker
                    unreadable.append(number)
                stable_before = stable
    finally:
        await reader.stop()
    assert unreadable == []
