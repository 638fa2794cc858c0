"""Read a whole topic once, as it stands: from its beginning to the end offsets it has when the
read starts, so the read terminates on a live topic. No consumer group, nothing committed.

The one-shot reads use this: the CLI's event log (`sitmon subscriptions`, `tokens`, the
subscription writer's check before a change) and `sitmon situation`. What follows a topic and
keeps its position between catch-ups (the API's live read model, the feed poller's book) keeps
its own consumer instead.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition

from services.errors import SitmonError
from services.kafka.admin import topic_partitions
from services.kafka.connect import start_client

METADATA_WAIT_S = 15.0


async def read_to_end(bootstrap: str, topic: str, *, timeout_s: float = METADATA_WAIT_S) -> AsyncIterator[ConsumerRecord]:
    """Every committed record of `topic` up to its end offsets at the time of the call, in log order
    within each partition (partitions interleave). SitmonError when the broker cannot be reached or
    the topic does not exist.
    """
    numbers = await partitions_of(bootstrap, topic, timeout_s)
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        # read_committed: ingest and the subscription writer publish in transactions; a writer
        # fenced or killed mid-transaction leaves aborted records that must never be read
        isolation_level="read_committed",
        request_timeout_ms=int(timeout_s * 1000),
    )
    await start_client(consumer, bootstrap)  # one line and no leaked client when the broker is not there
    try:
        partitions = [TopicPartition(topic, number) for number in sorted(numbers)]
        consumer.assign(partitions)
        ends = await consumer.end_offsets(partitions)
        await consumer.seek_to_beginning(*partitions)
        remaining = {tp for tp in partitions if ends[tp] > 0}
        while remaining:
            batches = await consumer.getmany(*remaining, timeout_ms=500)
            for tp, batch in batches.items():
                for record in batch:
                    if record.offset < ends[tp]:
                        yield record
            for tp in list(remaining):
                # the position, not the last record seen: it moves past a transaction's control records
                if await consumer.position(tp) >= ends[tp]:
                    remaining.discard(tp)
    finally:
        await consumer.stop()


async def read_all(bootstrap: str, topic: str, *, timeout_s: float = METADATA_WAIT_S) -> list[ConsumerRecord]:
    """`read_to_end` as a list, for the callers that fold the whole topic at once."""
    return [record async for record in read_to_end(bootstrap, topic, timeout_s=timeout_s)]


async def partitions_of(bootstrap: str, topic: str, timeout_s: float = METADATA_WAIT_S) -> list[int]:
    """The topic's partition numbers; SitmonError when it does not exist."""
    # a topic created a moment ago may not be in the broker's metadata yet: ask again for a while
    deadline = time.monotonic() + timeout_s
    while not (numbers := await topic_partitions(bootstrap, topic)):
        if time.monotonic() > deadline:
            raise SitmonError(f"topic {topic} does not exist on {bootstrap}; run `sitmon topics create` first")
        await asyncio.sleep(0.1)
    return numbers
