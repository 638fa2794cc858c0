"""Did a transaction whose commit went unanswered commit after all?

A broker that dies while it answers EndTxn leaves the producer not knowing whether its
transaction committed. Sending the batch again in a new transaction would duplicate it if
it did. Once the transactional id is registered again (which completes or aborts whatever
transaction it left open), the answer is on the log: read with `read_committed` from the
offset one of its records was acknowledged at — the record itself comes back only if its
transaction committed (an aborted record is skipped, and a later offset comes first).
"""

from __future__ import annotations

import time

from aiokafka import AIOKafkaConsumer, TopicPartition


async def committed(bootstrap: str, topic: str, partition: int, offset: int, timeout_s: float) -> bool:
    """True if the record at `offset` is committed; False if it was aborted. TimeoutError if undecided."""
    tp = TopicPartition(topic, partition)
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, isolation_level="read_committed"
    )
    await consumer.start()
    try:
        consumer.assign([tp])
        consumer.seek(tp, offset)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            batch = await consumer.getmany(tp, timeout_ms=500)
            for record in batch.get(tp, []):
                return bool(record.offset == offset)
            if await consumer.position(tp) > offset:  # passed it without a record: aborted
                return False
        raise TimeoutError(f"the transaction of {topic}[{partition}]@{offset} is still undecided")
    finally:
        await consumer.stop()
