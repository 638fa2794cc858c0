"""Settings of `sitmon api` (SITMON_* environment variables), built once in the entry point."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from streams.topics import Catalogue


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SITMON_", extra="ignore")

    kafka_bootstrap: str = "127.0.0.1:9092"
    topic_prefix: str = ""
    api_token: SecretStr | None = Field(default=None, description="bearer token every request must carry")
    api_host: str = "127.0.0.1"
    api_port: int = Field(default=8080, ge=0, le=65535)
    webhook_allowed_networks: str = Field(default="", description="CIDRs the SSRF guard lets through")

    def catalogue(self) -> Catalogue:
        return Catalogue(self.topic_prefix)
