"""Topic administration: create the catalogue's topics (idempotent), describe a topic's partitions.

A created topic is not usable at once: CreateTopics returns when the controller has recorded
it, and the broker's metadata shows its partitions (with leaders) a moment later. A client that
asks in between sees the topic with no partitions — Faust, started right after, took such a
changelog for one with 0 partitions and stopped with PartitionsMismatch. So every creation here
returns only once the broker's metadata shows every partition with a leader.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import TopicAlreadyExistsError

from services.kafka.connect import start_client
from streams.topics import Catalogue, Topic

METADATA_WAIT_S = 30.0  # the same bound as the CreateTopics request's own timeout
METADATA_POLL_S = 0.1


async def _led_partitions(admin: AIOKafkaAdminClient, names: list[str]) -> dict[str, int]:
    """How many partitions of each topic the broker's metadata shows with a leader (0 when unknown)."""
    led: dict[str, int] = {}
    for description in await admin.describe_topics(names):
        partitions = [] if description.get("error_code", 0) else description.get("partitions", [])
        led[str(description["topic"])] = sum(
            1 for p in partitions if not p.get("error_code", 0) and int(p.get("leader", -1)) >= 0
        )
    return led


async def wait_for_partitions(admin: AIOKafkaAdminClient, expected: Mapping[str, int]) -> None:
    """Return once the broker's metadata shows each topic with at least its expected partitions led."""
    deadline = time.monotonic() + METADATA_WAIT_S
    while expected:
        led = await _led_partitions(admin, sorted(expected))
        missing = {name: count for name, count in expected.items() if led.get(name, 0) < count}
        if not missing:
            return
        if time.monotonic() > deadline:
            shown = ", ".join(f"{name}: {led.get(name, 0)} of {count}" for name, count in sorted(missing.items()))
            raise RuntimeError(f"the broker's metadata does not show the created partitions ({shown})")
        await asyncio.sleep(METADATA_POLL_S)  # polling the broker's metadata until the deadline


async def ensure_topic(bootstrap: str, name: str, partitions: int, config: Mapping[str, str]) -> bool:
    """Create `name` unless it exists, then wait until every partition is led. True when created here."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=30000)
    await start_client(admin, bootstrap)
    try:
        created = False
        if name not in await admin.list_topics():
            response = await admin.create_topics([NewTopic(name, partitions, 1, topic_configs=dict(config))])
            for topic, code, *_ in response.topic_errors:
                if code not in (0, TopicAlreadyExistsError.errno):
                    raise RuntimeError(f"creating topic {topic} failed with Kafka error code {code}")
                created = code == 0
        await wait_for_partitions(admin, {name: partitions})
        return created
    finally:
        await admin.close()


async def _align_configs(admin: AIOKafkaAdminClient, topics: list[Topic]) -> set[str]:
    """Give existing topics the catalogue's retention and cleanup; the names whose config changed.

    A deployment created with an older catalogue (the situation topic once kept 30 days of
    record time, which deleted every older picture) is brought in line by `topics create`.
    """
    if not topics:
        return set()
    described = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, t.name) for t in topics])
    current: dict[str, dict[str, str]] = {}
    for response in described:
        for _code, _message, _type, name, entries in response.resources:
            current[name] = {entry[0]: entry[1] for entry in entries}
    changed = [t for t in topics if any(current.get(t.name, {}).get(k) != v for k, v in t.spec.config().items())]
    if changed:
        await admin.alter_configs(
            [ConfigResource(ConfigResourceType.TOPIC, t.name, configs=t.spec.config()) for t in changed]
        )
    return {t.name for t in changed}


async def create_topics(bootstrap: str, catalogue: Catalogue) -> dict[str, str]:
    """Returns each topic name with "created", "exists" or "exists, config updated"."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=30000)
    await start_client(admin, bootstrap)
    try:
        existing = set(await admin.list_topics())
        wanted = [
            NewTopic(topic.name, topic.spec.partitions, 1, topic_configs=topic.spec.config())
            for topic in catalogue
            if topic.name not in existing
        ]
        updated = await _align_configs(admin, [topic for topic in catalogue if topic.name in existing])
        outcome = {
            topic.name: "exists, config updated" if topic.name in updated else "exists"
            for topic in catalogue
            if topic.name in existing
        }
        if wanted:
            response = await admin.create_topics(wanted, timeout_ms=30000)
            for name, code, *_ in response.topic_errors:
                if code == 0:
                    outcome[name] = "created"
                elif code == TopicAlreadyExistsError.errno:
                    outcome[name] = "exists"
                else:
                    raise RuntimeError(f"creating topic {name} failed with Kafka error code {code}")
            await wait_for_partitions(admin, {new.name: new.num_partitions for new in wanted})
        return outcome
    finally:
        await admin.close()


async def topic_partitions(bootstrap: str, topic: str) -> list[int]:
    """The partition numbers of `topic`, or [] when the broker does not have it."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await start_client(admin, bootstrap)
    try:
        [description] = await admin.describe_topics([topic])
    finally:
        await admin.close()
    if description.get("error_code", 0):
        return []
    return [int(partition["partition"]) for partition in description.get("partitions", [])]


async def end_offsets(bootstrap: str, topic: str) -> dict[int, int]:
    """Each partition's end offset (the next offset to be written); {} when the topic does not exist."""
    numbers = await topic_partitions(bootstrap, topic)
    if not numbers:
        return {}
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    await start_client(consumer, bootstrap)
    try:
        found = await consumer.end_offsets([TopicPartition(topic, number) for number in numbers])
    finally:
        await consumer.stop()
    return {tp.partition: offset for tp, offset in found.items()}
