"""Handing a rebuilt state to the Faust worker: the changelog it restores from and the offsets it
resumes at (`--switch` then makes that version the live one: services/rederive/switch.py).

Faust restores a table by reading its changelog topic (`<app id>-<table>-changelog`, compacted,
one partition per partition of the source topic) into its local store, then resumes the source
topic at the consumer group's committed offsets — as Kafka Streams restores a state store. A
rebuild therefore writes, for a fresh app version, the table's entries of each region (its header
and one per article, `streams.worker.table_layout`, in the partition of the region's reports)
and commits the
group's offsets at the end of what it folded; the worker started with that version takes over
from there, with its usual at-least-once guarantees.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from services.kafka.admin import ensure_topic
from services.rederive.errors import RebuildRefused


async def claim_changelog(bootstrap: str, changelog: str, partitions: int) -> None:
    """Create the version's changelog, or refuse when it exists with records (another history)."""
    if await ensure_topic(bootstrap, changelog, partitions, {"cleanup.policy": "compact"}):
        return  # created here, and its partitions show: the worker of that version can start at once
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await consumer.start()
    try:
        assigned = [TopicPartition(changelog, p) for p in range(partitions)]
        ends = await consumer.end_offsets(assigned)
    finally:
        await consumer.stop()
    if any(ends.values()):
        raise RebuildRefused(
            f"{changelog} already holds state: that app version has run; rebuild into a newer --version"
        )


async def write_changelog(
    bootstrap: str, changelog: str, partitions: Iterable[tuple[int, Iterable[tuple[bytes, bytes]]]]
) -> int:
    """Table entries, partition by partition, each in the order given (the rebuild gives a
    partition's regions in name order, each region's articles then its header); returns how many
    records were written. Sent in batches built here (`send_batch`): a region has one entry per
    article it still itemises or remembers, so a large log has about as many entries as reports,
    and building the batches directly costs far less per record than one `send` each. The entries
    may be made as they are sent (a generator), so they need not all be held at once."""
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        enable_idempotence=True,
        max_batch_size=1024 * 1024,
        max_request_size=8 * 1024 * 1024,
    )
    await producer.start()
    written = 0
    try:
        sent = []
        for partition, entries in partitions:
            batch = producer.create_batch()
            for key, value in entries:
                if batch.append(key=key, value=value, timestamp=None) is None:  # full: send it, start another
                    sent.append(await producer.send_batch(batch, changelog, partition=partition))
                    batch = producer.create_batch()
                    if batch.append(key=key, value=value, timestamp=None) is None:
                        raise RebuildRefused(f"table entry {key!r} ({len(value)} bytes) is larger than a batch")
                written += 1
            if batch.record_count():
                sent.append(await producer.send_batch(batch, changelog, partition=partition))
        for future in sent:
            await future
    finally:
        await producer.stop()
    return written


async def commit_offsets(bootstrap: str, group_id: str, topic: str, ends: Mapping[int, int]) -> None:
    """The worker's group resumes each reports partition where the rebuild stopped reading."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group_id, enable_auto_commit=False)
    await consumer.start()
    try:
        offsets = {TopicPartition(topic, partition): offset for partition, offset in ends.items()}
        consumer.assign(list(offsets))
        await consumer.commit(offsets)
    finally:
        await consumer.stop()
