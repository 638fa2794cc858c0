"""Delivery settings (`SITMON_WEBHOOK_*`), read once by the alerts service and passed down.

Defaults are production values (the Svix schedule, 60 s after throttling, 5 days to disable);
tests compress them, e.g. `DeliverySettings(retry_schedule="0.05,0.05", throttle_min_wait_s=0.05)`.
"""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from alerts.delivery.breaker import BreakerConfig
from alerts.delivery.policy import SVIX_SCHEDULE_S, RetryPolicy
from netguard.ssrf import Network, parse_allowed_networks


class DeliverySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SITMON_WEBHOOK_", extra="ignore", frozen=True)

    allowed_networks: str = Field(default="", description="comma-separated CIDRs the SSRF guard lets through")
    retry_schedule: str = Field(
        default=",".join(f"{s:g}" for s in SVIX_SCHEDULE_S), description="seconds before retry 1, 2, …"
    )
    retry_jitter: float = Field(default=0.2, ge=0, lt=1)
    throttle_min_wait_s: float = Field(default=60.0, ge=0)
    retry_after_cap_s: float = Field(default=6 * 3600.0, ge=0)
    disable_after_failing_s: float = Field(default=5 * 24 * 3600.0, gt=0)
    attempt_timeout_s: float = Field(default=15.0, gt=0, description="whole attempt: connect, send, answer")
    connect_timeout_s: float = Field(default=5.0, gt=0)
    queue_limit: int = Field(default=10_000, ge=1, description="messages waiting per subscription")
    # a paused subscription's messages are held for its resume (alerts/delivery/held.py)
    held_limit: int = Field(default=1000, ge=1, description="messages held per paused subscription; then the oldest go")
    held_max_age_s: float = Field(default=7 * 24 * 3600.0, gt=0, description="longest a message is held")
    breaker_threshold: int = Field(default=5, ge=1)
    breaker_cooldown_s: float = Field(default=30.0, ge=0)
    breaker_max_cooldown_s: float = Field(default=15 * 60.0, ge=0)
    journal_retry_s: float = Field(default=1.0, gt=0, description="wait after the deliveries topic refused a write")

    @field_validator("retry_schedule")
    @classmethod
    def _schedule_is_numbers(cls, value: str) -> str:
        _parse_schedule(value)
        return value

    @field_validator("allowed_networks")
    @classmethod
    def _networks_are_cidrs(cls, value: str) -> str:
        parse_allowed_networks(value)
        return value

    def networks(self) -> tuple[Network, ...]:
        return parse_allowed_networks(self.allowed_networks)

    def retry_policy(self) -> RetryPolicy:
        return RetryPolicy(
            schedule=_parse_schedule(self.retry_schedule),
            jitter=self.retry_jitter,
            throttle_min_wait_s=self.throttle_min_wait_s,
            retry_after_cap_s=self.retry_after_cap_s,
            disable_after_failing_s=self.disable_after_failing_s,
        )

    def breaker(self) -> BreakerConfig:
        return BreakerConfig(self.breaker_threshold, self.breaker_cooldown_s, self.breaker_max_cooldown_s)


def _parse_schedule(value: str) -> tuple[float, ...]:
    try:
        delays = tuple(float(part) for part in value.split(",") if part.strip())
    except ValueError:
        raise ValueError(f"retry_schedule {value!r}: expected comma-separated seconds, e.g. 5,300,1800") from None
    if any(d < 0 for d in delays):
        raise ValueError(f"retry_schedule {value!r}: delays must not be negative")
    return delays
