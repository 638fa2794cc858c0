"""Ingest's Prometheus series, on a registry the entry point injects (tests pass their own)."""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter


@dataclass(frozen=True)
class IngestMetrics:
    extraction_failures: Counter

    @classmethod
    def on(cls, registry: CollectorRegistry) -> IngestMetrics:
        return cls(
            extraction_failures=Counter(
                "sitmon_ingest_extraction_failures",
                "Articles published without reports because a stage of extraction failed, by stage",
                ["stage"],
                registry=registry,
            )
        )
