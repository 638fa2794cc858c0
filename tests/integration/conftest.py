"""A real Kafka broker for the integration tests, and fresh topics for each test.

The broker is started through the same code as `sitmon broker start` (on free ports, in a
temporary directory), unless SITMON_KAFKA_BOOTSTRAP names one already running — CI starts
one in .ci/run and developers may keep one up between runs.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka.admin import AIOKafkaAdminClient

from services.broker.local import LocalBroker
from services.kafka.admin import create_topics
from services.kafka.probe import cluster_id_sync
from streams.topics import Catalogue


@pytest.fixture(scope="session")
def bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    given = os.environ.get("SITMON_KAFKA_BOOTSTRAP")
    if given:
        if cluster_id_sync(given, timeout_s=10) is None:
            pytest.fail(f"SITMON_KAFKA_BOOTSTRAP={given} but no Kafka broker answers there")
        yield given
        return
    state_dir: Path = tmp_path_factory.mktemp("broker")
    broker = LocalBroker(port=0, state_path=state_dir / "state.json")
    state = broker.start()
    os.environ["SITMON_KAFKA_BOOTSTRAP"] = state.bootstrap  # subprocesses (sitmon …) find it too
    try:
        yield state.bootstrap
    finally:
        os.environ.pop("SITMON_KAFKA_BOOTSTRAP", None)
        broker.stop()


def fresh_prefix() -> str:
    return f"t{uuid.uuid4().hex[:10]}."


@pytest.fixture
def catalogue(bootstrap: str) -> Iterator[Catalogue]:
    """The whole topic catalogue under a prefix no other test uses; deleted afterwards."""
    topics = Catalogue(fresh_prefix())
    asyncio.run(create_topics(bootstrap, topics))
    yield topics
    asyncio.run(_delete_topics(bootstrap, [topic.name for topic in topics]))


async def _delete_topics(bootstrap: str, names: list[str]) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.delete_topics(names)
    except Exception:  # cleanup is best effort; a leftover topic harms no other test
        pass
    finally:
        await admin.close()
