"""`SITMON_WORKER_INSTANCE_ID` makes the worker a static group member (Kafka's group.instance.id)."""

from __future__ import annotations

import pytest
from prometheus_client import CollectorRegistry

from streams.topics import Catalogue
from streams.worker.app import build_app
from streams.worker.settings import WorkerSettings


@pytest.mark.parametrize("instance_id", [None, "worker-a"])
def test_the_instance_id_reaches_the_consumer_group_settings(instance_id: str | None) -> None:
    settings = WorkerSettings(store="memory://", topic_prefix="p.", instance_id=instance_id)
    app = build_app(settings, Catalogue(settings.topic_prefix), CollectorRegistry(), 4)
    assert app.conf.consumer_group_instance_id == instance_id


def test_an_instance_id_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITMON_WORKER_INSTANCE_ID", "worker-b")
    assert WorkerSettings().instance_id == "worker-b"


def test_a_static_member_needs_a_fixed_web_port() -> None:
    with pytest.raises(ValueError, match="fixed web_port"):
        WorkerSettings(instance_id="worker-a", web_port=0)
