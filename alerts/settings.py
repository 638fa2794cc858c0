"""Settings of `sitmon alerts`, from SITMON_* environment variables; built once in the entry point.

Durations are seconds, so tests and demos compress them (`SITMON_ALERTS_GROUP_WAIT=0`).
Alertmanager's defaults: group_wait 30 s, group_interval 5 min, repeat_interval 4 h.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from alerts.lifecycle.state import LifecycleTiming
from alerts.pipeline.grouping import GroupTiming
from streams.subscriptions import Level
from streams.topics import Catalogue


class AlertsSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SITMON_", extra="ignore")

    kafka_bootstrap: str = "127.0.0.1:9092"
    topic_prefix: str = ""
    rules_path: Path | None = Field(default=None, description="rules YAML; default seeds/rules.yaml")

    alerts_for: float = Field(default=0.0, ge=0, description="seconds a condition must hold before firing")
    alerts_keep_firing_for: float = Field(default=300.0, ge=0, description="seconds firing survives a gap")
    alerts_group_wait: float = Field(default=30.0, ge=0)
    alerts_group_interval: float = Field(default=300.0, ge=0)
    alerts_repeat_interval: float = Field(default=4 * 3600.0, gt=0)
    alerts_critical_levels: tuple[Level, ...] = ("red",)
    alerts_escalation_factor: float = Field(default=1.5, ge=1.0, description="best × this (and + min rise) is news")
    alerts_escalation_min_rise: int = Field(default=10, ge=0, description="people more, besides the factor")
    alerts_evaluation_interval: float = Field(default=1.0, gt=0, description="seconds between timer ticks")
    alerts_metrics_port: int | None = Field(default=None, ge=0, le=65535, description="serve /metrics here")
    alerts_metrics_host: str = Field(default="127.0.0.1", description="0.0.0.0 to let Prometheus scrape from outside")
    alerts_group_id: str = "sitmon-alerts"
    # static group membership (Kafka's group.instance.id) for the situation consumer: a restarted
    # service rejoins at once instead of waiting out a killed run's session (10 s). One alerting
    # service runs per deployment; a second one with the same id fences the first
    alerts_instance_id: str | None = Field(default=None, min_length=1, description="static group member id")

    webhook_allowed_networks: str = ""

    def catalogue(self) -> Catalogue:
        return Catalogue(self.topic_prefix)

    def lifecycle(self) -> LifecycleTiming:
        return LifecycleTiming(
            for_=timedelta(seconds=self.alerts_for),
            keep_firing_for=timedelta(seconds=self.alerts_keep_firing_for),
            escalation_factor=self.alerts_escalation_factor,
            escalation_min_rise=self.alerts_escalation_min_rise,
        )

    def group_timing(self) -> GroupTiming:
        return GroupTiming(
            wait=timedelta(seconds=self.alerts_group_wait),
            interval=timedelta(seconds=self.alerts_group_interval),
            repeat=timedelta(seconds=self.alerts_repeat_interval),
        )

    def consumer_group(self) -> str:
        return f"{self.topic_prefix}{self.alerts_group_id}"
