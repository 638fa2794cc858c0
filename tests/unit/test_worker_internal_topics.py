"""The topics `sitmon worker` creates before Faust starts are the ones Faust itself would create."""

from __future__ import annotations

from prometheus_client import CollectorRegistry

from services.cli.worker import internal_topics
from streams.topics import Catalogue
from streams.worker.app import build_app
from streams.worker.settings import WorkerSettings


def test_the_worker_creates_faust_s_changelog_and_leader_topic_with_faust_s_partitions() -> None:
    settings = WorkerSettings(store="memory://", topic_prefix="p.")
    app = build_app(settings, Catalogue(settings.topic_prefix), CollectorRegistry(), 6)
    topics = internal_topics(app)
    leader = app._leader_assignor._leader_topic  # Faust's own (built here, in a test, without a worker)
    assert topics[leader.get_topic_name()] == (leader.partitions, {})
    assert topics[app.tables["regions"].changelog_topic.get_topic_name()] == (6, {"cleanup.policy": "compact"})
    assert sorted(topics) == ["p.sitmon-worker-__assignor-__leader", "p.sitmon-worker-regions-changelog"]
