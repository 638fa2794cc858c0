"""Delivery metrics. Labels are low-cardinality by construction: outcomes and named reasons,
never URLs, hosts or subscription ids. Queue depth is one total and the deepest queue,
not a series per subscription."""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

LATENCY_BUCKETS_S = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 7200, 36000, 86400)
ATTEMPT_BUCKETS_S = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30)


class DeliveryMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.notifications = Counter(
            "sitmon_notifications",
            "Webhook notifications finished, by outcome (delivered, dead_lettered, abandoned) and reason",
            ["outcome", "reason"],
            registry=registry,
        )
        self.attempts = Counter(
            "sitmon_webhook_attempts",
            "Webhook HTTP attempts, by outcome (delivered, retrying, failed) and reason",
            ["outcome", "reason"],
            registry=registry,
        )
        self.latency = Histogram(
            "sitmon_webhook_delivery_latency_seconds",
            "From the delivery request to the endpoint's 2xx, retries included",
            buckets=LATENCY_BUCKETS_S,
            registry=registry,
        )
        self.attempt_duration = Histogram(
            "sitmon_webhook_attempt_duration_seconds",
            "One HTTP attempt, connect to answer",
            buckets=ATTEMPT_BUCKETS_S,
            registry=registry,
        )
        self.queue_depth = Gauge(
            "sitmon_webhook_queue_depth", "Messages waiting for delivery, all subscriptions", registry=registry
        )
        self.queue_depth_max = Gauge(
            "sitmon_webhook_queue_depth_max", "Messages waiting in the deepest subscription queue", registry=registry
        )
        self.circuits_open = Gauge(
            "sitmon_webhook_circuits_open", "Endpoints whose circuit breaker is open", registry=registry
        )

    def depths(self, depths: Iterable[int], open_circuits: int) -> None:
        values = list(depths)
        self.queue_depth.set(sum(values))
        self.queue_depth_max.set(max(values, default=0))
        self.circuits_open.set(open_circuits)
