"""The poller's settings (`SITMON_POLL_*`, `SITMON_FETCH_ALLOWED_NETWORKS`): one object, built in the entry point."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from netguard.ssrf import FETCHES, Network, parse_allowed_networks


class PollSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SITMON_POLL_", extra="ignore")

    fetch_allowed_networks: str = Field(
        default="",
        validation_alias="SITMON_FETCH_ALLOWED_NETWORKS",
        description="CIDRs the SSRF guard lets fetches reach besides global addresses (tests: 127.0.0.0/8)",
    )
    timeout_s: float = Field(default=20.0, gt=0, description="a whole fetch, headers to last byte")
    connect_timeout_s: float = Field(default=5.0, gt=0)
    max_feed_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)
    max_page_bytes: int = Field(default=3 * 1024 * 1024, ge=1024)
    max_redirects: int = Field(default=5, ge=0, le=20)
    per_host: int = Field(default=4, ge=1, description="fetches in flight to one host at a time")
    concurrency: int = Field(default=32, ge=1, description="fetches in flight altogether")
    jitter: float = Field(default=0.1, ge=0, le=0.5, description="± fraction of the schedule, so feeds spread out")
    backoff_first_s: float = Field(default=60.0, gt=0)
    backoff_longest_s: float = Field(default=6 * 3600.0, gt=0)
    summary_chars: int = Field(
        default=600, ge=0, description="an entry whose text is shorter than this is a summary: its page is fetched"
    )
    revisit_for_s: float = Field(
        default=6 * 3600.0, ge=0, description="pages first seen this recently are revisited: live pages change"
    )
    revisit_every_s: float = Field(default=900.0, ge=0, description="how often a young page is revisited (conditionally)")
    refresh_s: float = Field(default=5.0, gt=0, description="how often the feeds topic is re-read for changes")
    user_agent: str = "sitmon-feeds/1 (+https://github.com/sitmon)"
    metrics_port: int | None = None

    def allowed_networks(self) -> tuple[Network, ...]:
        return parse_allowed_networks(self.fetch_allowed_networks, purpose=FETCHES)
