"""Settings every service shares: where the broker is and which topics to use."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

from streams.topics import Catalogue


class KafkaSettings(BaseSettings):
    """`SITMON_KAFKA_BOOTSTRAP` points every command at a broker; `SITMON_TOPIC_PREFIX` namespaces topics."""

    model_config = SettingsConfigDict(env_prefix="SITMON_", extra="ignore")

    kafka_bootstrap: str = "127.0.0.1:9092"
    topic_prefix: str = ""

    def catalogue(self) -> Catalogue:
        return Catalogue(self.topic_prefix)
