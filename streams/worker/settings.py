"""The worker's settings, read once in the entry point (environment, then defaults)."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REGIONS_TABLE = "regions"  # the worker's table of region states (its changelog is what a rebuild writes)


class WorkerSettings(BaseSettings):
    """`SITMON_KAFKA_BOOTSTRAP` and `SITMON_TOPIC_PREFIX` are shared by every sitmon service;
    the rest are `SITMON_WORKER_*`. A new `version` is a fresh app: new consumer group and
    changelogs, so the tables are rebuilt from the reports topic."""

    model_config = SettingsConfigDict(env_prefix="SITMON_WORKER_", extra="ignore", frozen=True)

    kafka_bootstrap: str = Field(
        default="127.0.0.1:9092", validation_alias=AliasChoices("SITMON_KAFKA_BOOTSTRAP", "kafka_bootstrap")
    )
    topic_prefix: str = Field(default="", validation_alias=AliasChoices("SITMON_TOPIC_PREFIX", "topic_prefix"))
    app_id: str = "sitmon-worker"
    version: int = Field(default=1, ge=1)
    store: str = Field(default="rocksdb://", pattern=r"^(rocksdb|memory)://$")
    data_dir: Path = Path(".sitmon/worker")
    web_host: str = "127.0.0.1"
    web_port: int = Field(default=6066, ge=0, le=65535)
    # 8000 rather than 2000: 200k events / 200 regions, 5,036 → 5,997 ev/s (fewer region writes)
    batch_size: int = Field(default=8000, ge=1, description="most reports folded per table write")
    # 0.02 s: at 50 articles/s the lead measured article → webhook p50 85 ms / p99 321 ms
    # (0.2 s gave 204 / 524 ms); at full speed batches fill before the wait ends anyway
    batch_within_s: float = Field(default=0.02, gt=0, description="shortest wait to fill a batch")
    # under load the wait grows to the last batch's fold time (streams/worker/take.py), up to this.
    # 5 s rather than 0.5, chosen when every batch re-wrote the whole state of each region it
    # touched (bench_worker at 50,000: 1,307 → 2,629 events per CPU-second); a batch now writes only
    # what it changed, and a larger batch still spreads the per-region snapshot and Faust's
    # per-batch costs. An idle stream still waits only batch_within_s; a report waits at most
    # about one fold of the batch before it.
    batch_longest_wait_s: float = Field(default=5.0, gt=0, description="longest wait to fill a batch")
    commit_interval_s: float = Field(default=1.0, gt=0)
    # how long a dead worker keeps its partitions: a restarted one waits this long to rejoin
    session_timeout_s: float = Field(default=10.0, ge=6.0)
    # static group membership (Kafka's group.instance.id, KIP-345): a worker restarted with the
    # same id takes its partitions back at once instead of waiting out the dead run's session;
    # one id per worker of a deployment (two live workers with one id fence each other), and the
    # same web host and port at every restart (Faust asserts that the assignment a static member
    # gets back names its own URL). Unset: dynamic membership, a clean stop hands its partitions
    # to the others at once
    instance_id: str | None = Field(default=None, min_length=1, description="static group member id")
    # Faust's own Prometheus sensor hooks every event, message and table op (its histograms
    # cost the worker a large share of its CPU); sitmon's counters are always on
    faust_metrics: bool = Field(default=False, description="also export Faust's per-event Prometheus sensor")
    log_level: str = "info"

    @model_validator(mode="after")
    def _static_member_has_a_fixed_port(self) -> WorkerSettings:
        if self.instance_id is not None and self.web_port == 0:
            raise ValueError("instance_id needs a fixed web_port: a static member must come back at the same URL")
        return self

    @property
    def full_app_id(self) -> str:
        """The app id carries the topic prefix, so side-by-side deployments never share a group."""
        return f"{self.topic_prefix}{self.app_id}"

    @property
    def group_id(self) -> str:
        """The Faust app's id at this version, which is also its consumer group: Faust appends
        `-v<N>` from version 2 on (its `id_format`). Named here so a rebuild does not build a Faust
        app (importing Faust costs ~1 CPU-s) only to read names; tests/unit/test_worker_names.py
        checks them against the app's own."""
        return self.full_app_id if self.version <= 1 else f"{self.full_app_id}-v{self.version}"

    def changelog_topic(self, table: str) -> str:
        """The changelog topic Faust gives the app's table `table` at this version."""
        return f"{self.group_id}-{table}-changelog"
