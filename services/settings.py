"""Settings every service shares: where the broker is and which topics to use."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from streams.topics import REGION_PARTITIONS, Catalogue


class KafkaSettings(BaseSettings):
    """`SITMON_KAFKA_BOOTSTRAP` points every command at a broker; `SITMON_TOPIC_PREFIX` namespaces topics;
    `SITMON_REGION_PARTITIONS` is the partition count of the region-keyed topics when they are created."""

    model_config = SettingsConfigDict(env_prefix="SITMON_", extra="ignore")

    kafka_bootstrap: str = "127.0.0.1:9092"
    topic_prefix: str = ""
    region_partitions: int = Field(default=REGION_PARTITIONS, ge=1, le=1000)

    def catalogue(self) -> Catalogue:
        return Catalogue(self.topic_prefix, self.region_partitions)
