"""Alert metrics: transitions and firing alerts by level and kind, notifications by outcome and reason.

Labels are bounded sets (levels, kinds, statuses, named reasons) — never regions,
subscription ids or URLs. The registry is injected, so tests read their own.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge

from streams.subscriptions import LEVELS


class AlertMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.transitions = Counter(
            "sitmon_alert_transitions",
            "Alert transitions recorded, by kind, level, status and reason.",
            ["kind", "level", "status", "reason"],
            registry=registry,
        )
        self.firing = Gauge(
            "sitmon_alerts_firing", "Alerts firing now, by kind and level.", ["kind", "level"], registry=registry
        )
        self.notifications = Counter(
            "sitmon_alert_notifications",
            "Notify-pipeline decisions per subscription and alert transition, by outcome and reason.",
            ["outcome", "reason"],
            registry=registry,
        )
        self.situations = Counter(
            "sitmon_alert_situations", "Situation records consumed, by outcome.", ["outcome"], registry=registry
        )
        for kind in ("casualties", "ceasefire"):
            for level in LEVELS:
                self.firing.labels(kind, level).set(0)

    def set_firing(self, counts: dict[tuple[str, str], int]) -> None:
        for kind in ("casualties", "ceasefire"):
            for level in LEVELS:
                self.firing.labels(kind, level).set(counts.get((kind, level), 0))
