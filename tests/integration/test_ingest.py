"""`sitmon ingest` against a real broker, read back as an outsider would: with kcat."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from streams.envelope import decode
from streams.events import ArticleReceived, DeadLettered, ReportsExtracted
from streams.topics import Catalogue, Topic

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds" / "articles"
SEED_ID = "terra-2023-09-20-nagorno-karabakh-ceasefire"


def sitmon(*args: str, catalogue: Catalogue, bootstrap: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITMON_KAFKA_BOOTSTRAP": bootstrap, "SITMON_TOPIC_PREFIX": catalogue.prefix}
    return subprocess.run(
        [sys.executable, "-m", "services.cli", *args, "--no-progress"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def kcat(bootstrap: str, topic: Topic) -> list[dict[str, Any]]:
    """Every record of a topic, as kcat's JSON envelope (key, payload, partition, offset, ts)."""
    binary = shutil.which("kcat") or shutil.which("kafkacat")
    assert binary, "kcat is required (apt-get install kcat); .ci/run installs it"
    out = subprocess.run(
        [binary, "-C", "-b", bootstrap, "-t", topic.name, "-e", "-q", "-J"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_the_seed_folder_lands_on_the_articles_topic_as_cloudevents(catalogue: Catalogue, bootstrap: str) -> None:
    done = sitmon("ingest", str(SEEDS), catalogue=catalogue, bootstrap=bootstrap)
    assert done.returncode == 0, done.stderr
    records = kcat(bootstrap, catalogue.articles)
    seed_files = sorted(p for p in SEEDS.rglob("*") if p.is_file())
    assert len(records) >= len(seed_files)
    seed = next(r for r in records if r["key"] == SEED_ID)
    envelope = json.loads(seed["payload"])
    assert envelope["specversion"] == "1.0"
    assert envelope["type"] == "org.sitmon.article.received"
    assert envelope["subject"] == SEED_ID
    assert envelope["time"] == "2023-09-20T18:00:00Z"
    assert seed["ts"] == 1695232800000  # the record timestamp is the publication time
    event = decode(seed["payload"].encode())
    assert isinstance(event, ArticleReceived)
    assert envelope["id"] == event.event_id
    assert event.outlet == "Terra / AFP, DPA"
    assert "32 people were killed and more than 200 injured" in event.text

    reports = [decode(r["payload"].encode()) for r in kcat(bootstrap, catalogue.reports)]
    seed_report = next(r for r in reports if isinstance(r, ReportsExtracted) and r.article_id == SEED_ID)
    assert seed_report.region == "nagorno-karabakh"
    assert seed_report.article_event_id == event.event_id


def test_reingesting_the_same_article_is_recognisable_by_key_and_event_id(catalogue: Catalogue, bootstrap: str) -> None:
    for _ in range(2):
        done = sitmon("ingest", str(SEEDS), catalogue=catalogue, bootstrap=bootstrap)
        assert done.returncode == 0, done.stderr
    seeds = [r for r in kcat(bootstrap, catalogue.articles) if r["key"] == SEED_ID]
    assert len(seeds) == 2
    assert len({json.loads(r["payload"])["id"] for r in seeds}) == 1
    assert seeds[0]["partition"] == seeds[1]["partition"]  # same key, same partition: ordered


def test_a_poison_line_is_dead_lettered_with_its_reason_while_good_lines_arrive(
    catalogue: Catalogue, bootstrap: str, tmp_path: Path
) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"id": "good-1", "text": "Five soldiers were killed in Lachin.", "published_at": "2023-09-21"})
        + '\n{"id": "broken", "text": \n'
        + json.dumps({"id": "good-2", "text": "Talks resumed.", "published_at": "2023-09-22"})
        + "\n"
    )
    done = sitmon("ingest", str(batch), catalogue=catalogue, bootstrap=bootstrap)
    assert done.returncode == 2
    assert f"{batch}:2: invalid JSON" in done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(r["key"] for r in kcat(bootstrap, catalogue.articles)) == ["good-1", "good-2"]
    [dead] = [decode(r["payload"].encode()) for r in kcat(bootstrap, catalogue.dlq)]
    assert isinstance(dead, DeadLettered)
    assert dead.origin == f"{batch}:2"
    assert dead.reason.startswith("invalid JSON")
    assert dead.excerpt.startswith('{"id": "broken"')
