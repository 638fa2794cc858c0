"""The topic catalogue: the one place that names sitmon's Kafka topics.

Every topic has a key, a value model, a partition count, retention and cleanup policy,
and the dead-letter topic its consumers send poison records to. A `Catalogue` may carry a
prefix (setting `SITMON_TOPIC_PREFIX`), so tests and side-by-side deployments get topics of
their own on one broker without spelling a topic name anywhere else.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from streams.errors import UnknownTopic

DAY_MS = 24 * 60 * 60 * 1000
FOREVER = -1

# Reports and situation share a key (the region) and a partition count, so the Faust
# tables that read one and write the other stay co-partitioned. The count is chosen when the
# topics are created (`SITMON_REGION_PARTITIONS`); it caps how many workers share the fold.
REGION_PARTITIONS = 4

# Retention follows the time a topic's records carry. Records on articles, reports, situation
# and alerts carry *event* time (publication time of the news), which can be years old: a
# time-based retention would delete a 2019 backfill at the broker's next retention check while
# the worker still holds its picture. Those topics keep everything (their size grows with the
# news, not with time). Deliveries carry the wall-clock time of each attempt and are stamped by
# the broker (LogAppendTime), so their 90 days are 90 days of operation whatever clock sent them.

# The worker's web view names the situation topic its pictures belong to in this response
# header, so a reader never takes another deployment's worker (on the same port) for its own.
SITUATION_TOPIC_HEADER = "sitmon-situation-topic"


@dataclass(frozen=True)
class TopicSpec:
    """What a topic holds and how the broker keeps it."""

    suffix: str
    key: str
    value: str
    partitions: int
    retention_ms: int
    cleanup_policy: str = "delete"
    dead_letter: str | None = "dlq"
    timestamp_type: str = "CreateTime"
    keyed_by_region: bool = False

    def config(self) -> dict[str, str]:
        settings = {"cleanup.policy": self.cleanup_policy, "message.timestamp.type": self.timestamp_type}
        if self.cleanup_policy == "delete":
            settings["retention.ms"] = str(self.retention_ms)
        return settings


SPECS: tuple[TopicSpec, ...] = (
    TopicSpec("articles", "article id", "ArticleReceived", 4, FOREVER),
    TopicSpec("reports", "region", "ReportsExtracted", REGION_PARTITIONS, FOREVER, keyed_by_region=True),
    TopicSpec("situation", "region", "SituationChanged", REGION_PARTITIONS, FOREVER, keyed_by_region=True),
    TopicSpec("alerts", "alert group key", "Alert transitions", 4, FOREVER),
    TopicSpec("deliveries", "subscription id", "Delivery attempts", 4, 90 * DAY_MS, timestamp_type="LogAppendTime"),
    TopicSpec("subscriptions", "subscription id", "Subscription events", 1, FOREVER, "compact"),
    TopicSpec("tokens", "token name", "API token events (hashes only)", 1, FOREVER, "compact"),
    TopicSpec("audit", "actor", "AuditRecorded", 1, FOREVER),
    TopicSpec("feeds", "feed id (its status: feed id/status)", "Feed events", 1, FOREVER, "compact"),
    # which app version of the worker is live (`sitmon rebuild --switch`); streams/worker_versions.py
    TopicSpec(
        "worker-versions",
        "worker app id (picture marks: <app id>/v<version>/<partition>)",
        "WorkerVersionSwitched, WorkerPicturesPublished",
        1,
        FOREVER,
        "compact",
    ),
    TopicSpec("dlq", "origin", "DeadLettered", 1, FOREVER, dead_letter=None),
)


@dataclass(frozen=True)
class Topic:
    name: str
    spec: TopicSpec


class Catalogue:
    """The topics of one deployment: `sitmon.<suffix>`, after an optional prefix.

    `region_partitions` applies at topic creation; a worker reads the count the reports
    topic actually has, so a running deployment never depends on this setting.
    """

    def __init__(self, prefix: str = "", region_partitions: int = REGION_PARTITIONS) -> None:
        if region_partitions < 1:
            raise ValueError(f"region_partitions must be at least 1, got {region_partitions}")
        self.prefix = prefix
        self.region_partitions = region_partitions
        self._by_suffix = {
            spec.suffix: Topic(
                f"{prefix}sitmon.{spec.suffix}",
                replace(spec, partitions=region_partitions) if spec.keyed_by_region else spec,
            )
            for spec in SPECS
        }

    def __iter__(self) -> Iterator[Topic]:
        return iter(self._by_suffix.values())

    def get(self, suffix: str) -> Topic:
        try:
            return self._by_suffix[suffix]
        except KeyError:
            raise UnknownTopic(f"no topic {suffix!r} in the catalogue; known: {', '.join(self._by_suffix)}") from None

    def resolve(self, name: str) -> Topic:
        """A topic by its full name or its short name (`reports` or `sitmon.reports`)."""
        for topic in self:
            if name in (topic.name, topic.spec.suffix, f"sitmon.{topic.spec.suffix}"):
                return topic
        known = ", ".join(topic.name for topic in self)
        raise UnknownTopic(f"no topic {name!r} in the catalogue; known: {known}")

    @property
    def articles(self) -> Topic:
        return self.get("articles")

    @property
    def reports(self) -> Topic:
        return self.get("reports")

    @property
    def situation(self) -> Topic:
        return self.get("situation")

    @property
    def alerts(self) -> Topic:
        return self.get("alerts")

    @property
    def deliveries(self) -> Topic:
        return self.get("deliveries")

    @property
    def subscriptions(self) -> Topic:
        return self.get("subscriptions")

    @property
    def tokens(self) -> Topic:
        return self.get("tokens")

    @property
    def audit(self) -> Topic:
        return self.get("audit")

    @property
    def feeds(self) -> Topic:
        return self.get("feeds")

    @property
    def worker_versions(self) -> Topic:
        return self.get("worker-versions")

    @property
    def dlq(self) -> Topic:
        return self.get("dlq")
