"""Topic administration: create the catalogue's topics (idempotent), describe a topic's partitions."""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import TopicAlreadyExistsError

from services.kafka.connect import start_client
from streams.topics import Catalogue, Topic


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
