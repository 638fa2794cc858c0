"""What the rebuild's fast path reads of the reports log (librdkafka, `services.replay.bulk_fetch`):
committed reports only, up to the end offsets seen at the start — also where a partition's log
ends in transaction markers — and a record the worker would dead-letter is counted, not folded."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence

import pytest
from aiokafka import AIOKafkaProducer

from services.rederive.fold_log import fold_reports_log
from streams.envelope import encode
from streams.events import ReportsExtracted, utc_timestamp_ms
from streams.topics import Catalogue
from tests.integration.test_worker_harness import (
    expected_pictures,
    produce_reports,
    topics_fixture,  # noqa: F401  (provides the `topics` fixture)
)
from tests.unit.streams.factories import synthetic_log

pytestmark = pytest.mark.integration

LOG = synthetic_log(160, regions=6, seed=41)
COMMITTED, ABORTED = LOG[:110], LOG[110:]


async def _in_transaction(bootstrap: str, topic: str, reports: Sequence[ReportsExtracted], *, commit: bool) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, transactional_id=f"test-{uuid.uuid4().hex[:8]}")
    await producer.start()
    try:
        await producer.begin_transaction()
        for report in reports:
            await producer.send(
                topic,
                key=report.region.encode(),
                value=encode(report, subject=report.region),
                timestamp_ms=utc_timestamp_ms(report.published_at),
            )
        await (producer.commit_transaction() if commit else producer.abort_transaction())
    finally:
        await producer.stop()


def test_the_rebuild_folds_committed_reports_only_and_ends_after_transaction_markers(
    bootstrap: str, topics: Catalogue
) -> None:
    half = len(COMMITTED) // 2
    produce_reports(bootstrap, topics, COMMITTED[:half])
    asyncio.run(_in_transaction(bootstrap, topics.reports.name, COMMITTED[half:], commit=True))
    region = COMMITTED[0].region
    produce_reports(bootstrap, topics, [(region.encode(), b"{not json", 1_700_000_000_000)])
    # last on every partition that holds reports: an aborted transaction, ending in its marker
    asyncio.run(_in_transaction(bootstrap, topics.reports.name, ABORTED, commit=False))

    serial = asyncio.run(fold_reports_log(bootstrap, topics.reports.name, processes=1))
    parallel = asyncio.run(fold_reports_log(bootstrap, topics.reports.name, processes=2, parallel_from=0))

    assert serial.records == parallel.records == len(COMMITTED) + 1  # the aborted reports are not read
    assert serial.dead_letters == parallel.dead_letters == 1
    pictures = {name: encode(result.picture, subject=name) for name, result in sorted(serial.regions.items())}
    assert pictures == expected_pictures(COMMITTED)
    assert parallel.regions == serial.regions
