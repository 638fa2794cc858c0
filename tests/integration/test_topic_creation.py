"""A topic sitmon creates is usable when creation returns: the next client's metadata shows every
partition with a leader. (Faust, started right after its changelog was created, once read the
changelog's metadata before the partitions showed and stopped with PartitionsMismatch.)"""

from __future__ import annotations

import asyncio

import pytest
from aiokafka import AIOKafkaClient, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from services.kafka.admin import ensure_topic
from streams.topics import Catalogue
from tests.integration.test_worker_harness import topics_fixture  # noqa: F401  (provides the `topics` fixture)

pytestmark = pytest.mark.integration


async def _led_partitions(bootstrap: str, names: list[str]) -> dict[str, int]:
    """What a client that has just started sees (Faust's consumer reads the same metadata)."""
    client = AIOKafkaClient(bootstrap_servers=bootstrap)
    await client.bootstrap()
    try:
        metadata = await client.fetch_all_metadata()
    finally:
        await client.close()
    led: dict[str, int] = {}
    for name in names:
        partitions = metadata.partitions_for_topic(name) or set()
        led[name] = sum(
            1 for p in partitions if metadata.leader_for_partition(TopicPartition(name, p)) not in (None, -1)
        )
    return led


async def _cleanup_policy(bootstrap: str, name: str) -> str:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        [response] = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, name)])
    finally:
        await admin.close()
    [(_code, _message, _type, _name, entries)] = response.resources
    return str({entry[0]: entry[1] for entry in entries}["cleanup.policy"])


def test_created_topics_show_every_partition_to_the_next_client(bootstrap: str, topics: Catalogue) -> None:
    # the catalogue (created by the fixture through `create_topics`)
    shown = asyncio.run(_led_partitions(bootstrap, [topic.name for topic in topics]))
    assert shown == {topic.name: topic.spec.partitions for topic in topics}

    # a worker's changelog, created before Faust starts
    changelog = f"{topics.prefix}sitmon-worker-regions-changelog"
    assert asyncio.run(ensure_topic(bootstrap, changelog, 6, {"cleanup.policy": "compact"})) is True
    assert asyncio.run(_led_partitions(bootstrap, [changelog])) == {changelog: 6}
    assert asyncio.run(_cleanup_policy(bootstrap, changelog)) == "compact"
    assert asyncio.run(ensure_topic(bootstrap, changelog, 6, {"cleanup.policy": "compact"})) is False  # idempotent
