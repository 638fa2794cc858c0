"""Topic administration: create the catalogue's topics (idempotent), describe a topic's partitions."""

from __future__ import annotations

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from streams.topics import Catalogue


async def create_topics(bootstrap: str, catalogue: Catalogue) -> dict[str, str]:
    """Returns each topic name with "created" or "exists"."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=30000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [
            NewTopic(topic.name, topic.spec.partitions, 1, topic_configs=topic.spec.config())
            for topic in catalogue
            if topic.name not in existing
        ]
        outcome = {topic.name: "exists" for topic in catalogue if topic.name in existing}
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
    await admin.start()
    try:
        [description] = await admin.describe_topics([topic])
    finally:
        await admin.close()
    if description.get("error_code", 0):
        return []
    return [int(partition["partition"]) for partition in description.get("partitions", [])]
