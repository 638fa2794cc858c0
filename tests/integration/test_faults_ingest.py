"""Fault test: an ingest killed in the middle of a chunk does not hold `read_committed` readers back.

A process takes an ingest transaction slot (as `sitmon ingest` does), opens a transaction,
writes a record of a chunk and is killed (`kill -9`) before committing. Its transaction stays
open on the broker, and a `read_committed` reader — the worker — stops at it: the partition's
last stable offset stays behind its end. The next ingest on the machine takes the same slot,
so the same transactional id, and starting its producer aborts the dead run's transaction:
the last stable offset reaches the end at once, rather than after the broker's transaction
timeout (60 s), and the half-written chunk is never read.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from services.kafka.producer import EventProducer, Outgoing
from services.kafka.transaction_slots import TransactionSlot
from streams.topics import Catalogue
from tests.unit.streams.factories import seed_story

pytestmark = [pytest.mark.integration, pytest.mark.faults]

SLOT = "sitmon-ingest-faults"

# a chunk's transaction left open: what `sitmon ingest` killed between its send and its commit leaves
OPEN_AND_WAIT = """
import asyncio, sys
from pathlib import Path
from aiokafka import AIOKafkaProducer
from services.kafka.transaction_slots import TransactionSlot

async def main(bootstrap, topic, directory):
    with TransactionSlot({slot!r}, directory=Path(directory)) as transactional_id:
        producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, transactional_id=transactional_id
        )
        await producer.start()
        await producer.begin_transaction()
        sent = await (await producer.send(topic, b"half of a chunk", key=b"k"))
        print(transactional_id, sent.partition, sent.offset, flush=True)
        await asyncio.sleep(3600)

asyncio.run(main(*sys.argv[1:]))
"""


def test_a_killed_ingest_s_open_transaction_is_aborted_by_the_next_ingest_s_start(
    bootstrap: str, catalogue: Catalogue, tmp_path: Path
) -> None:
    topic = catalogue.reports.name
    dead = subprocess.Popen(
        [sys.executable, "-c", OPEN_AND_WAIT.format(slot=SLOT), bootstrap, topic, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert dead.stdout is not None
        transactional_id, partition, offset = dead.stdout.readline().split()
    finally:
        dead.kill()
        dead.wait(10)
    where = TopicPartition(topic, int(partition))
    stable, end = asyncio.run(_stable_and_end(bootstrap, where))
    assert stable <= int(offset) < end, "the killed run's transaction should hold read_committed readers back"

    async def next_ingest() -> None:
        with TransactionSlot(SLOT, directory=tmp_path) as again:
            assert again == transactional_id  # the dead run's slot, so its id
            async with EventProducer(bootstrap, transactional_id=again) as producer:  # start: aborts it
                await producer.publish([Outgoing(catalogue.reports, "k", seed_story("after-the-crash", "terra"))])

    asyncio.run(next_ingest())
    stable, end = asyncio.run(_stable_and_end(bootstrap, where))
    assert stable == end  # nothing open any more: readers are not held back
    values = asyncio.run(_committed_values(bootstrap, where, end))
    assert b"half of a chunk" not in values and len(values) == 1  # only the next ingest's record


async def _stable_and_end(bootstrap: str, where: TopicPartition) -> tuple[int, int]:
    """(last stable offset, end offset) of the partition as a read_committed reader sees them."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, isolation_level="read_committed")
    await consumer.start()
    try:
        consumer.assign([where])
        await consumer.seek_to_beginning(where)
        for _ in range(100):  # the offsets come with the first fetch response
            await consumer.getmany(where, timeout_ms=100)
            stable, end = consumer.last_stable_offset(where), consumer.highwater(where)
            if stable is not None and end is not None:
                return int(stable), int(end)
        raise AssertionError(f"no fetch response for {where} after 100 polls")
    finally:
        await consumer.stop()


async def _committed_values(bootstrap: str, where: TopicPartition, end: int) -> list[bytes]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, isolation_level="read_committed")
    await consumer.start()
    try:
        consumer.assign([where])
        await consumer.seek_to_beginning(where)
        values: list[bytes] = []
        for _ in range(100):
            if await consumer.position(where) >= end:
                return values
            values += [record.value for record in (await consumer.getmany(where, timeout_ms=200)).get(where, [])]
        raise AssertionError(f"{where} not read to its end {end} after 100 polls")
    finally:
        await consumer.stop()
