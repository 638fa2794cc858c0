"""Waiting until committed records are readable by `read_committed` consumers.

A transaction's commit returns once the coordinator has logged its decision; the commit markers
that let `read_committed` readers past its records are written to each partition a moment later.
A writer that answers "published" at the commit would let a reader that starts right then (a
reparse reading the reports it was just given, the API's fenced read after a 201) miss them.
Asking the partitions' last stable offsets until they pass the records closes that window.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Mapping

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import RecordMetadata

POLL_S = 0.005  # markers follow a commit within milliseconds


def last_offsets(written: Iterable[RecordMetadata]) -> dict[TopicPartition, int]:
    """The greatest offset written to each partition."""
    last: dict[TopicPartition, int] = {}
    for record in written:
        tp = TopicPartition(record.topic, record.partition)
        last[tp] = max(last.get(tp, -1), record.offset)
    return last


async def readable(bootstrap: str, last: Mapping[TopicPartition, int], timeout_s: float) -> None:
    """Return once every partition's last stable offset has passed its offset in `last`;
    TimeoutError after `timeout_s`."""
    if not last:
        return
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, isolation_level="read_committed"
    )
    await consumer.start()
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            stable = await consumer.end_offsets(list(last))
            if all(stable[tp] > offset for tp, offset in last.items()):
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"committed records not readable within {timeout_s:g} s")
            await asyncio.sleep(POLL_S)
    finally:
        await consumer.stop()
