"""After a commit that went unanswered, the log tells whether the transaction committed."""

from __future__ import annotations

import uuid

import pytest
from aiokafka import AIOKafkaProducer

from services.kafka.commit_check import committed
from streams.topics import Catalogue

pytestmark = pytest.mark.integration


async def test_a_committed_record_is_found_and_an_aborted_one_is_not(bootstrap: str, catalogue: Catalogue) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, transactional_id=f"test-{uuid.uuid4().hex[:8]}")
    await producer.start()
    try:
        topic = catalogue.articles.name
        async with producer.transaction():
            kept = await (await producer.send(topic, key=b"a", value=b"kept", partition=0))
        await producer.begin_transaction()
        dropped = await (await producer.send(topic, key=b"a", value=b"dropped", partition=0))
        await producer.abort_transaction()
        async with producer.transaction():  # something after it, as in a busy log
            await (await producer.send(topic, key=b"a", value=b"later", partition=0))
    finally:
        await producer.stop()
    assert await committed(bootstrap, topic, 0, kept.offset, timeout_s=20) is True
    assert await committed(bootstrap, topic, 0, dropped.offset, timeout_s=20) is False
