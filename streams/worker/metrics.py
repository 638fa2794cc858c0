"""sitmon's own worker counters, next to Faust's Prometheus sensors on the worker's web port.

Labels are low-cardinality by design: a result or a reason kind, never a region, source or id.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter

from streams.fold.incidents import FoldStats


class WorkerMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.reports = Counter(
            "sitmon_worker_reports",
            "Reports read from the reports topic, by what the fold did with them (folded includes revision, superseded and archived_late)",
            ["result"],
            registry=registry,
        )
        self.figures = Counter(
            "sitmon_worker_figures",
            "Casualty figures, by what the incident model did with them",
            ["result"],
            registry=registry,
        )
        self.ceasefire_transitions = Counter(
            "sitmon_worker_ceasefire_transitions", "Ceasefire state machine transitions", registry=registry
        )
        self.dead_letters = Counter(
            "sitmon_worker_dead_letters", "Records sent to the dead-letter topic", ["kind"], registry=registry
        )
        self.situations = Counter("sitmon_worker_situations_published", "Region snapshots published", registry=registry)

    def observe(self, stats: FoldStats) -> None:
        self.reports.labels("folded").inc(stats.reports_folded)
        self.reports.labels("duplicate").inc(stats.duplicates_ignored)
        self.reports.labels("revision").inc(stats.revisions_applied)
        self.reports.labels("superseded").inc(stats.superseded_ignored)
        self.reports.labels("archived_late").inc(stats.archived_late)
        self.reports.labels("out_of_order").inc(stats.rederived)
        self.reports.labels("refused").inc(len(stats.refusals))
        self.figures.labels("counted").inc(stats.figures_counted)
        self.figures.labels("superseded").inc(stats.figures_superseded)
        self.figures.labels("deduplicated").inc(stats.tallies_deduplicated)
        self.figures.labels("background").inc(stats.background_ignored)
        self.ceasefire_transitions.inc(stats.ceasefire_transitions)
