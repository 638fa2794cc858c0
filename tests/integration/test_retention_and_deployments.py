"""Pictures of any age survive the broker's retention check; deployments keep their own local state.

The retention test runs its own broker with a 1 s retention check, and proves the check has
run by watching it delete a 2019 record from a canary topic configured the way the situation
topic used to be (30 days of record time) — then the 2019 picture must still be there, through
`sitmon situation` and `sitmon replay`.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from services.broker.local import LocalBroker
from services.kafka.admin import create_topics
from streams.topics import DAY_MS, Catalogue
from streams.worker.local_state import deployment_dir
from tests.integration.test_worker_harness import (
    WorkerProcess,
    drop_topics,
    expected_pictures,
    fresh_topics,
    produce_reports,
    wait_for_pictures,
    wait_until,
)
from tests.unit.streams.factories import seed_story

pytestmark = pytest.mark.integration

IN_2019 = datetime(2019, 9, 20, 18, 0, tzinfo=UTC)


def sitmon(bootstrap: str, catalogue: Catalogue, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITMON_KAFKA_BOOTSTRAP": bootstrap, "SITMON_TOPIC_PREFIX": catalogue.prefix}
    return subprocess.run(
        [sys.executable, "-m", "services.cli", *args], capture_output=True, text=True, env=env, timeout=90, check=False
    )


@pytest.fixture(scope="module")
def short_retention_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    broker = LocalBroker(
        port=0,
        state_path=tmp_path_factory.mktemp("retention-broker") / "state.json",
        extra_config={"log.retention.check.interval.ms": "1000"},
    )
    state = broker.start()
    try:
        yield state.bootstrap
    finally:
        broker.stop()


async def _canary(bootstrap: str, name: str) -> None:
    """A topic with the situation topic's old retention (30 days of record time), holding one 2019 record."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, 1, 1, topic_configs={"retention.ms": str(30 * DAY_MS)})])
    finally:
        await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(name, b"2019", timestamp_ms=int(IN_2019.timestamp() * 1000))
    finally:
        await producer.stop()


async def _log_start(bootstrap: str, name: str) -> int:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await consumer.start()
    try:
        tp = TopicPartition(name, 0)
        return int((await consumer.beginning_offsets([tp]))[tp])
    finally:
        await consumer.stop()


def test_pictures_of_2019_survive_the_retention_check(short_retention_broker: str, tmp_path: Path) -> None:
    bootstrap = short_retention_broker
    topics = fresh_topics(bootstrap)
    story = [seed_story("a2019-1", "terra", IN_2019), seed_story("a2019-2", "dw", IN_2019)]
    canary = f"{topics.prefix}canary"
    asyncio.run(_canary(bootstrap, canary))
    produce_reports(bootstrap, topics, story)
    worker = WorkerProcess(bootstrap, topics, tmp_path / "worker").start()
    try:
        wait_for_pictures(bootstrap, topics, expected_pictures(story), timeout_s=90)
    finally:
        worker.stop()
    # the broker's retention check has run once the canary's 2019 record is gone
    wait_until(
        lambda: asyncio.run(_log_start(bootstrap, canary)) > 0, timeout_s=60, what="the retention check", every_s=0.5
    )

    shown = sitmon(bootstrap, topics, "situation", "nagorno-karabakh", "--json")
    assert shown.returncode == 0, shown.stderr
    picture = json.loads(shown.stdout)
    assert picture["as_of"].startswith("2019-09-20")
    killed = {(t["group"], t["window"]): t["best"] for t in picture["casualties"] if t["outcome"] == "killed"}
    assert killed[(None, "24h")] == 32
    assert picture["ceasefire"]["status"] == "agreed"

    replayed = sitmon(bootstrap, topics, "replay", "situation", "--until", "2020-01-01T00:00:00Z")
    assert replayed.returncode == 0, replayed.stderr
    lines = [json.loads(line) for line in replayed.stdout.splitlines() if line.strip()]
    assert lines and all("2019-09-20" in json.dumps(line) for line in lines)
    assert asyncio.run(_log_start(bootstrap, topics.situation.name)) == 0  # nothing deleted from the topic


def test_two_deployments_share_a_data_dir_and_one_rebuilds_from_a_recreated_changelog(
    bootstrap: str, tmp_path: Path
) -> None:
    shared = tmp_path / "data"
    first, second = fresh_topics(bootstrap), fresh_topics(bootstrap)
    try:
        stories = {
            first.prefix: [seed_story("d1", "terra")],
            second.prefix: [seed_story("d2", "terra"), seed_story("d3", "dw")],
        }
        workers = [WorkerProcess(bootstrap, topics, shared) for topics in (first, second)]
        for worker in workers:
            worker.log_path = tmp_path / f"{worker.env['SITMON_TOPIC_PREFIX']}log"
            worker.start()
        try:
            for topics in (first, second):
                produce_reports(bootstrap, topics, stories[topics.prefix])
            for topics in (first, second):
                wait_for_pictures(bootstrap, topics, expected_pictures(stories[topics.prefix]), timeout_s=90)
        finally:
            for worker in workers:
                worker.stop()
        for topics in (first, second):
            assert (deployment_dir(shared, f"{topics.prefix}sitmon-worker") / "v1" / "clean-shutdown").exists()

        # the first deployment's topics are deleted and made again (as on a fresh broker): its
        # clean local tables now remember changelog offsets the broker does not have
        drop_topics(bootstrap, first)
        wait_until(lambda: _gone(bootstrap, first), timeout_s=60, what="the first deployment's topics to be deleted")
        asyncio.run(create_topics(bootstrap, first))
        again = [seed_story("d4", "dw")]
        produce_reports(bootstrap, first, again)
        restarted = WorkerProcess(bootstrap, first, shared)
        restarted.log_path = tmp_path / "restarted.log"
        restarted.start()
        try:
            wait_for_pictures(bootstrap, first, expected_pictures(again), timeout_s=90)
        finally:
            restarted.stop()
        assert "do not match changelog" in restarted.log_path.read_text()
    finally:
        drop_topics(bootstrap, first)
        drop_topics(bootstrap, second)


def _gone(bootstrap: str, topics: Catalogue) -> bool:
    """Topic deletion is asynchronous on the broker: gone when no topic under the prefix is listed."""

    async def names() -> list[str]:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            return list(await admin.list_topics())
        finally:
            await admin.close()

    return not any(name.startswith(topics.prefix) for name in asyncio.run(names()))


def test_topics_create_gives_an_existing_topic_the_catalogues_retention(bootstrap: str) -> None:
    """A deployment made with the old catalogue (situation: 30 days of record time) is brought in line."""
    from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

    topics = Catalogue(f"tr{os.urandom(5).hex()}.")
    old = {"cleanup.policy": "delete", "retention.ms": str(30 * DAY_MS)}

    async def configs(name: str) -> dict[str, str]:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            [response] = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, name)])
            [(_code, _message, _type, _name, entries)] = response.resources
            return {entry[0]: entry[1] for entry in entries}
        finally:
            await admin.close()

    async def make_old() -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            await admin.create_topics([NewTopic(topics.situation.name, 4, 1, topic_configs=old)])
        finally:
            await admin.close()

    try:
        asyncio.run(make_old())
        wait_until(
            lambda: asyncio.run(configs(topics.situation.name)).get("retention.ms") == old["retention.ms"],
            timeout_s=30,
            what="the old topic",
        )
        outcome = asyncio.run(create_topics(bootstrap, topics))
        assert outcome[topics.situation.name] == "exists, config updated"
        assert outcome[topics.reports.name] == "created"
        wait_until(
            lambda: asyncio.run(configs(topics.situation.name)).get("retention.ms") == "-1",
            timeout_s=30,
            what="the situation topic to keep everything",
        )
        assert asyncio.run(configs(topics.deliveries.name))["message.timestamp.type"] == "LogAppendTime"
        assert asyncio.run(create_topics(bootstrap, topics))[topics.situation.name] == "exists"  # idempotent
    finally:
        drop_topics(bootstrap, topics)
