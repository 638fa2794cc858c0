"""A circuit breaker per endpoint, so a dead endpoint gets a probe, not a storm.

Alertmanager retries every notification independently, and users report retry storms
against a failing receiver. Here, after `threshold` consecutive failures the circuit opens:
no message to that endpoint is attempted until the cool-down ends; then ONE probe goes out
(half-open). Its success closes the circuit and the backlog flows; its failure reopens it
with a doubled cool-down (capped). Messages waiting on an open circuit spend no attempts.
A 429/503 with Retry-After holds the whole endpoint until then, not just one message.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

BreakerState = Literal["closed", "open", "half_open"]


@dataclass(frozen=True)
class BreakerConfig:
    threshold: int = 5
    cooldown_s: float = 30.0
    max_cooldown_s: float = 15 * 60.0


@dataclass(frozen=True)
class Breaker:
    state: BreakerState = "closed"
    consecutive_failures: int = 0
    open_until: float = 0.0  # monotonic seconds
    cooldown_s: float = 0.0


def ready_at(breaker: Breaker, now: float) -> float:
    """The earliest time an attempt may go out (now, when the circuit allows it)."""
    return max(now, breaker.open_until) if breaker.state == "open" else now


def before_attempt(breaker: Breaker, now: float) -> Breaker:
    """An attempt is about to go out at `now` (>= ready_at): an open circuit becomes a probe."""
    if breaker.state == "open" and now >= breaker.open_until:
        return replace(breaker, state="half_open")
    return breaker


def after_success(breaker: Breaker) -> Breaker:
    return Breaker()


def after_failure(breaker: Breaker, now: float, config: BreakerConfig, hold_s: float | None = None) -> Breaker:
    """A failed attempt. `hold_s` (from Retry-After) holds the endpoint at least that long."""
    failures = breaker.consecutive_failures + 1
    if breaker.state == "half_open":
        cooldown = min(max(breaker.cooldown_s, config.cooldown_s) * 2, config.max_cooldown_s)
    elif failures >= config.threshold:
        cooldown = config.cooldown_s
    else:
        cooldown = 0.0
    if hold_s is not None:
        cooldown = max(cooldown, hold_s)
    if cooldown <= 0:
        return replace(breaker, state="closed", consecutive_failures=failures)
    return Breaker(state="open", consecutive_failures=failures, open_until=now + cooldown, cooldown_s=cooldown)
