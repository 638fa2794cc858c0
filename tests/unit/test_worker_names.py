"""A rebuild names the worker's consumer group and table changelog without building a Faust app
(`WorkerSettings.group_id`, `changelog_topic`): the names must be the ones Faust gives them."""

from __future__ import annotations

import pytest
from prometheus_client import CollectorRegistry

from services.cli.rebuild import worker_names
from streams.topics import Catalogue
from streams.worker.app import build_app
from streams.worker.settings import REGIONS_TABLE, WorkerSettings


@pytest.mark.parametrize("version", [1, 2, 17])
def test_the_names_are_faust_s_own(version: int) -> None:
    settings = WorkerSettings(store="memory://", topic_prefix="p.", version=version)
    app = build_app(settings, Catalogue(settings.topic_prefix), CollectorRegistry(), 4)
    assert settings.group_id == app.conf.id
    assert settings.changelog_topic(REGIONS_TABLE) == app.tables[REGIONS_TABLE].changelog_topic.get_topic_name()


def test_the_rebuild_names_the_version_it_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITMON_TOPIC_PREFIX", "q.")
    assert worker_names(3) == ("q.sitmon-worker-v3", "q.sitmon-worker-v3-regions-changelog")
