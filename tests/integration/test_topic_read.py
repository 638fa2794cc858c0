"""`read_to_end`, the one-shot topic read the CLI, the event log and the situation query share."""

from __future__ import annotations

import pytest
from aiokafka import AIOKafkaProducer

from services.errors import SitmonError
from services.kafka.topic_read import read_all, read_to_end
from streams.topics import Catalogue

pytestmark = pytest.mark.integration


async def test_reads_what_was_committed_up_to_the_end_it_found_and_stops(bootstrap: str, catalogue: Catalogue) -> None:
    topic, partitions = catalogue.articles.name, catalogue.articles.spec.partitions  # several
    plain = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    aborting = AIOKafkaProducer(bootstrap_servers=bootstrap, transactional_id=f"{catalogue.prefix}tidy-abort")
    await plain.start()
    await aborting.start()
    try:
        for partition in range(partitions):
            for n in range(3):
                await plain.send_and_wait(topic, value=f"p{partition}-{n}".encode(), partition=partition)
        await aborting.begin_transaction()  # a writer that gave up mid-transaction: never to be read
        await aborting.send_and_wait(topic, value=b"aborted", partition=0)
        await aborting.abort_transaction()
        await plain.send_and_wait(topic, value=b"p0-after-abort", partition=0)
        seen: list[tuple[int, bytes]] = []
        async for record in read_to_end(bootstrap, topic):
            if not seen:  # records written once the read has begun lie past the end it took
                await plain.send_and_wait(topic, value=b"too-late", partition=record.partition)
            seen.append((record.partition, record.value or b""))
    finally:
        await plain.stop()
        await aborting.stop()

    expected = {(p, f"p{p}-{n}".encode()) for p in range(partitions) for n in range(3)}
    assert set(seen) == expected | {(0, b"p0-after-abort")}
    assert len(seen) == len(expected) + 1  # each once
    # log order within a partition
    assert [value for partition, value in seen if partition == 0] == [b"p0-0", b"p0-1", b"p0-2", b"p0-after-abort"]


async def test_an_empty_topic_reads_as_nothing_and_a_missing_one_is_one_clear_error(
    bootstrap: str, catalogue: Catalogue
) -> None:
    assert await read_all(bootstrap, catalogue.feeds.name) == []
    with pytest.raises(SitmonError, match=r"topic .*nowhere does not exist on .*sitmon topics create"):
        await read_all(bootstrap, f"{catalogue.prefix}nowhere", timeout_s=0.5)
