"""`sitmon replay` reads a topic by time range without a consumer group, and keeps bad records visible."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import subprocess
import sys
import uuid
from datetime import UTC, datetime

import pytest
from aiokafka import AIOKafkaProducer
from confluent_kafka import Consumer

from services.cli.replay import copy_records
from services.replay import bulk_fetch
from services.replay.reader import RecordBatch
from streams.envelope import encode
from streams.events import DeadLettered, utc_timestamp_ms
from streams.topics import Catalogue
from tests.kafka_helpers import produce

pytestmark = pytest.mark.integration


def day(n: int) -> datetime:
    return datetime(2024, 1, n, tzinfo=UTC)


def dead(n: int) -> DeadLettered:
    return DeadLettered(event_id=f"e{n}", occurred_at=day(n), stage="test", origin=f"o{n}", reason="r")


def replay(catalogue: Catalogue, bootstrap: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITMON_KAFKA_BOOTSTRAP": bootstrap, "SITMON_TOPIC_PREFIX": catalogue.prefix}
    return subprocess.run(
        [sys.executable, "-m", "services.cli", "replay", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.fixture
def dlq_with_four_days(catalogue: Catalogue, bootstrap: str) -> Catalogue:
    items: list[tuple[bytes | None, bytes | None, int | None]] = [
        (f"k{n}".encode(), encode(dead(n), subject=f"k{n}"), utc_timestamp_ms(day(n))) for n in (1, 2, 3)
    ]
    items.append((b"broken", b"{not json", utc_timestamp_ms(day(4))))
    asyncio.run(produce(bootstrap, catalogue.dlq.name, items))
    return catalogue


def test_a_time_range_gives_exactly_the_records_inside_it(dlq_with_four_days: Catalogue, bootstrap: str) -> None:
    done = replay(dlq_with_four_days, bootstrap, "dlq", "--since", "2024-01-02", "--until", "2024-01-03T00:00:00Z")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [row["event"]["id"] for row in rows] == ["e2", "e3"]
    assert "replayed 2 record(s)" in done.stderr


def test_an_undecodable_record_is_replayed_raw_with_its_reason(dlq_with_four_days: Catalogue, bootstrap: str) -> None:
    done = replay(dlq_with_four_days, bootstrap, "dlq", "--format", "csv", "--since", "2024-01-03")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [row["key"] for row in rows] == ["k3", "broken"]
    assert rows[1]["error"].startswith("value is not JSON") and rows[1]["data"] == "{not json"


def test_bad_arguments_are_one_line_and_exit_2(catalogue: Catalogue, bootstrap: str) -> None:
    for args in (["nope"], ["dlq", "--since", "soon"], ["dlq", "--format", "xml"]):
        done = replay(catalogue, bootstrap, *args)
        assert done.returncode == 2, args
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


async def _transactions(bootstrap: str, topic: str) -> None:
    """Partition 0: committed, aborted, committed (the log ends in a commit marker); partition 1:
    only an aborted transaction (nothing to read, yet its end offset is past the marker)."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, transactional_id=f"test-{uuid.uuid4().hex[:8]}")
    await producer.start()
    try:
        steps = ((b"kept", 0, True), (b"dropped", 0, False), (b"later", 0, True), (b"dropped too", 1, False))
        for value, partition, commit in steps:
            await producer.begin_transaction()
            await (await producer.send(topic, key=b"k", value=value, partition=partition))
            await (producer.commit_transaction() if commit else producer.abort_transaction())
    finally:
        await producer.stop()


def test_aborted_transactions_are_left_out_and_a_log_ending_in_markers_ends(
    catalogue: Catalogue, bootstrap: str
) -> None:
    asyncio.run(_transactions(bootstrap, catalogue.articles.name))
    done = replay(catalogue, bootstrap, "articles")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(row["partition"], row["raw"]) for row in rows] == [(0, "kept"), (0, "later")]
    assert "replayed 2 record(s)" in done.stderr


class _FailingSink:
    count = 0

    def write_batch(self, batch: RecordBatch) -> None:
        raise OSError(28, "No space left on device")

    def close(self) -> None:
        pass


def test_a_writer_that_fails_closes_the_reading_before_the_error_leaves_the_copy(
    dlq_with_four_days: Catalogue, bootstrap: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not later, by the garbage collector's hook on the event loop that is closing (that printed
    "Task was destroyed but it is pending!" under the error)."""
    monkeypatch.setattr(bulk_fetch, "BATCH", 1)  # more batches to come when the first fails
    consumers: list[Consumer] = []

    def recorded(config: dict[str, object]) -> Consumer:
        consumers.append(Consumer(config))
        return consumers[-1]

    monkeypatch.setattr(bulk_fetch, "Consumer", recorded)

    async def copy_then_look() -> None:
        with pytest.raises(OSError, match="No space left"):
            await copy_records(bootstrap, dlq_with_four_days.dlq.name, _FailingSink(), None, None)
        with pytest.raises(RuntimeError, match="closed"):
            consumers[0].assignment()

    asyncio.run(copy_then_look())
