"""What an attempt's result means, and when to try again: pure decisions with named reasons.

The reason of every decision labels the notifications metric and is written to the
deliveries topic, so "why was this not delivered" is answered from the log.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Literal

# Svix's production schedule: the delay before retry n (after the first attempt).
SVIX_SCHEDULE_S: tuple[float, ...] = (5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600)

Verdict = Literal["delivered", "retry", "final", "gone"]

# Named reasons (low-cardinality metric labels).
OK = "ok"
SERVER_ERROR = "server_error"  # 5xx
CLIENT_ERROR = "client_error"  # 4xx other than 408/410/429: final, the request itself is refused
GONE = "endpoint_gone"  # 410: the subscriber says the endpoint is gone for good
RATE_LIMITED = "rate_limited"  # 429
REQUEST_TIMEOUT = "request_timeout"  # 408
UNEXPECTED_STATUS = "unexpected_status"  # 1xx or other oddities
REDIRECT = "redirect"  # 3xx: never followed, it could point past the SSRF guard
TIMEOUT = "timeout"  # no answer in time
CONNECT_ERROR = "connect_error"
PROTOCOL_ERROR = "protocol_error"
REFUSED_ADDRESS = "refused_address"  # the SSRF guard refused what the host resolves to now

THROTTLED = frozenset({RATE_LIMITED, REQUEST_TIMEOUT, TIMEOUT})


@dataclass(frozen=True)
class Classification:
    verdict: Verdict
    reason: str


def classify_status(status_code: int) -> Classification:
    if 200 <= status_code < 300:
        return Classification("delivered", OK)
    if 300 <= status_code < 400:
        return Classification("retry", REDIRECT)
    if status_code == 410:
        return Classification("gone", GONE)
    if status_code == 429:
        return Classification("retry", RATE_LIMITED)
    if status_code == 408:
        return Classification("retry", REQUEST_TIMEOUT)
    if 400 <= status_code < 500:
        return Classification("final", CLIENT_ERROR)
    if status_code >= 500:
        return Classification("retry", SERVER_ERROR)
    return Classification("retry", UNEXPECTED_STATUS)


@dataclass(frozen=True)
class RetryPolicy:
    """Delays between attempts. `schedule[i]` is the wait before retry i+1; len+1 attempts in all."""

    schedule: tuple[float, ...] = SVIX_SCHEDULE_S
    jitter: float = 0.2
    throttle_min_wait_s: float = 60.0  # after a 429, 408 or timeout: give the endpoint room
    retry_after_cap_s: float = 6 * 3600.0  # a Retry-After beyond this is treated as this
    disable_after_failing_s: float = 5 * 24 * 3600.0

    @property
    def max_attempts(self) -> int:
        return len(self.schedule) + 1


def next_delay(
    policy: RetryPolicy,
    attempts_made: int,
    reason: str,
    retry_after_s: float | None = None,
    uniform: Callable[[float, float], float] = random.uniform,
) -> float | None:
    """Seconds to wait before the next attempt, or None when the schedule is exhausted."""
    if attempts_made >= policy.max_attempts:
        return None
    base = policy.schedule[attempts_made - 1]
    delay = base * uniform(1 - policy.jitter, 1 + policy.jitter)
    if reason in THROTTLED:
        delay = max(delay, policy.throttle_min_wait_s)
    if retry_after_s is not None:
        delay = max(delay, min(retry_after_s, policy.retry_after_cap_s))
    return delay


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Retry-After as delta-seconds or an HTTP date; None when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - now).total_seconds())


def should_disable_failing(failing_since: datetime | None, now: datetime, policy: RetryPolicy) -> bool:
    """Svix: an endpoint that has failed every attempt for `disable_after_failing_s` is disabled."""
    return failing_since is not None and (now - failing_since).total_seconds() >= policy.disable_after_failing_s
