"""`sitmon replay --format parquet`: one typed row per record, the same ids as kcat sees, boundaries once."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from aiokafka import AIOKafkaProducer

from services.cli.replay import copy_records
from services.replay.parquet import ParquetWriter
from streams.envelope import encode
from streams.events import ArticleReceived, utc_timestamp_ms
from streams.topics import Catalogue
from tests.kafka_helpers import produce
from tests.unit.streams.factories import synthetic_log

pytestmark = pytest.mark.integration

T0 = datetime(2023, 9, 20, 18, 0, tzinfo=UTC)


def article(n: int) -> ArticleReceived:
    at = T0 + timedelta(hours=n)
    return ArticleReceived(
        event_id=f"ev-{n}",
        occurred_at=at,
        article_id=f"article-{n}",
        text=f"Article {n}: 3 people were killed.",
        outlet="wire",
        published_at=at,
        origin=f"test:{n}",
    )


def sitmon(catalogue: Catalogue, bootstrap: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITMON_KAFKA_BOOTSTRAP": bootstrap, "SITMON_TOPIC_PREFIX": catalogue.prefix}
    return subprocess.run(
        [sys.executable, "-m", "services.cli", *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


@pytest.fixture
def articles_topic(catalogue: Catalogue, bootstrap: str) -> Catalogue:
    """Twelve articles an hour apart over four partitions, and one value that is not JSON."""
    items: list[tuple[bytes | None, bytes | None, int | None]] = [
        (a.article_id.encode(), encode(a, subject=a.article_id), utc_timestamp_ms(a.published_at))
        for a in map(article, range(12))
    ]
    items.append((b"broken", b"{not json", utc_timestamp_ms(T0 + timedelta(hours=20))))
    asyncio.run(produce(bootstrap, catalogue.articles.name, items))
    return catalogue


def kcat_ids(bootstrap: str, topic: str) -> list[str]:
    kcat = shutil.which("kcat")
    if kcat is None:
        pytest.fail("kcat is not installed (.ci/run installs it)")
    done = subprocess.run(
        [kcat, "-C", "-b", bootstrap, "-t", topic, "-e", "-q", "-f", "%s\n"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    ids = []
    for line in done.stdout.splitlines():
        try:
            ids.append(json.loads(line)["id"])
        except ValueError:
            ids.append(line)  # not JSON: identified by its raw value
    return ids


def test_parquet_has_one_typed_row_per_record_and_the_ids_kcat_sees(
    articles_topic: Catalogue, bootstrap: str, tmp_path: Path
) -> None:
    out = tmp_path / "articles.parquet"
    done = sitmon(articles_topic, bootstrap, "replay", "articles", "--format", "parquet", "-o", str(out))
    assert done.returncode == 0, done.stderr
    table = pq.read_table(out)
    assert table.num_rows == 13
    rows = table.to_pylist()
    ids = sorted(row["id"] if row["error"] is None else row["raw"] for row in rows)
    assert ids == sorted(kcat_ids(bootstrap, articles_topic.articles.name))
    good = {row["article_id"]: row for row in rows if row["error"] is None}
    assert good["article-5"]["published_at"] == T0 + timedelta(hours=5)  # a typed UTC timestamp, not text
    assert good["article-5"]["time"] == T0 + timedelta(hours=5)
    assert good["article-5"]["subject"] == "article-5" and good["article-5"]["type"] == "org.sitmon.article.received"
    (broken,) = [row for row in rows if row["error"] is not None]
    assert broken["key"] == "broken" and broken["error"].startswith("value is not JSON")
    assert table.schema.field("published_at").type.tz == "UTC"
    assert pq.ParquetFile(out).metadata.num_row_groups >= 1


def test_since_and_until_include_each_boundary_record_exactly_once(
    articles_topic: Catalogue, bootstrap: str, tmp_path: Path
) -> None:
    since, until = T0 + timedelta(hours=3), T0 + timedelta(hours=7)
    out = tmp_path / "window.parquet"
    done = sitmon(
        articles_topic,
        bootstrap,
        "replay",
        "articles",
        "--format",
        "parquet",
        "-o",
        str(out),
        "--since",
        since.isoformat(),
        "--until",
        until.isoformat(),
    )
    assert done.returncode == 0, done.stderr
    found = sorted(pq.read_table(out, columns=["article_id"]).column("article_id").to_pylist())
    assert found == [f"article-{n}" for n in range(3, 8)]  # 3 (= since) and 7 (= until) once each
    jsonl = sitmon(
        articles_topic, bootstrap, "replay", "articles", "--since", since.isoformat(), "--until", until.isoformat()
    )
    assert sorted(json.loads(line)["event"]["data"]["article_id"] for line in jsonl.stdout.splitlines()) == found


def test_parquet_needs_an_output_file(catalogue: Catalogue, bootstrap: str) -> None:
    done = sitmon(catalogue, bootstrap, "replay", "articles", "--format", "parquet")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "-o FILE.parquet" in done.stderr


async def produce_many(bootstrap: str, topic: str, items: list[tuple[bytes | None, bytes | None, int | None]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=20)
    await producer.start()
    try:
        sent = [await producer.send(topic, value=value, key=key, timestamp_ms=at) for key, value, at in items]
        await asyncio.gather(*sent)
    finally:
        await producer.stop()


def test_a_replay_cut_into_many_units_and_row_groups_has_every_record_once_in_log_order(
    catalogue: Catalogue, bootstrap: str, tmp_path: Path
) -> None:
    reports = synthetic_log(2_000, regions=20, seed=11)
    items: list[tuple[bytes | None, bytes | None, int | None]] = [
        (r.region.encode(), encode(r, subject=r.region), utc_timestamp_ms(r.occurred_at)) for r in reports
    ]
    items[700] = (b"broken", b"{not json", items[700][2])
    items[1_400] = (b"gone", None, items[1_400][2])
    asyncio.run(produce_many(bootstrap, catalogue.reports.name, items))
    out = tmp_path / "reports.parquet"
    unit_bytes = 40 * max(len(value or b"") for _, value, _ in items)  # ~40 reports a unit, ~8 a row group
    writer = ParquetWriter(out, "reports", row_group=300, unit_bytes=unit_bytes)
    count = asyncio.run(copy_records(bootstrap, catalogue.reports.name, writer, None, None))
    table = pq.read_table(out)
    assert count == table.num_rows == 2_000
    offsets: dict[int, list[int]] = {}
    for row in table.select(["partition", "offset"]).to_pylist():
        offsets.setdefault(row["partition"], []).append(row["offset"])
    assert all(seen == list(range(len(seen))) for seen in offsets.values())  # each partition's log, once, in order
    good = [row for row in table.select(["id", "error"]).to_pylist() if row["error"] is None]
    expected = {r.event_id for n, r in enumerate(reports) if n not in (700, 1_400)}
    assert len(good) == 1_998 and {row["id"] for row in good} == expected
    metadata = pq.ParquetFile(out).metadata
    assert [metadata.row_group(g).num_rows for g in range(metadata.num_row_groups)] == [300] * 6 + [200]
