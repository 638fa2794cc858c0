"""Retry decisions: the Svix schedule with jitter, 4xx final except 408/429, Retry-After, 410."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alerts.delivery import breaker as cb
from alerts.delivery.policy import (
    SVIX_SCHEDULE_S,
    RetryPolicy,
    classify_status,
    next_delay,
    parse_retry_after,
    should_disable_failing,
)

POLICY = RetryPolicy()


@pytest.mark.parametrize(
    ("status", "verdict", "reason"),
    [
        (200, "delivered", "ok"),
        (204, "delivered", "ok"),
        (301, "retry", "redirect"),
        (302, "retry", "redirect"),
        (400, "final", "client_error"),
        (401, "final", "client_error"),
        (404, "final", "client_error"),
        (408, "retry", "request_timeout"),
        (410, "gone", "endpoint_gone"),
        (429, "retry", "rate_limited"),
        (500, "retry", "server_error"),
        (503, "retry", "server_error"),
        (101, "retry", "unexpected_status"),
    ],
)
def test_status_codes_are_classified(status: int, verdict: str, reason: str) -> None:
    result = classify_status(status)
    assert (result.verdict, result.reason) == (verdict, reason)


@given(attempt=st.integers(min_value=1, max_value=7), draw=st.floats(min_value=0.8, max_value=1.2))
def test_delays_follow_the_svix_schedule_within_twenty_percent(attempt: int, draw: float) -> None:
    delay = next_delay(POLICY, attempt, "server_error", uniform=lambda lo, hi: lo + (hi - lo) * (draw - 0.8) / 0.4)
    assert delay is not None
    assert SVIX_SCHEDULE_S[attempt - 1] * 0.8 <= delay <= SVIX_SCHEDULE_S[attempt - 1] * 1.2


def test_real_jitter_spreads_delays_inside_the_bounds() -> None:
    delays = [next_delay(POLICY, 1, "server_error") for _ in range(200)]
    assert all(d is not None and 4.0 <= d <= 6.0 for d in delays)
    assert len(set(delays)) > 100  # not a constant


def test_eight_attempts_then_exhausted() -> None:
    assert POLICY.max_attempts == 8
    assert next_delay(POLICY, 7, "server_error") is not None
    assert next_delay(POLICY, 8, "server_error") is None


def test_throttling_waits_at_least_the_minimum_and_honours_retry_after_with_a_cap() -> None:
    exact = lambda lo, hi: (lo + hi) / 2  # noqa: E731
    assert next_delay(POLICY, 1, "rate_limited", uniform=exact) == 60.0
    assert next_delay(POLICY, 1, "timeout", uniform=exact) == 60.0
    assert next_delay(POLICY, 1, "server_error", uniform=exact) == 5.0
    assert next_delay(POLICY, 1, "rate_limited", 120, uniform=exact) == 120.0
    assert next_delay(POLICY, 1, "server_error", 30, uniform=exact) == 30.0
    assert next_delay(POLICY, 1, "rate_limited", 10**9, uniform=exact) == POLICY.retry_after_cap_s


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    assert parse_retry_after("120", now) == 120.0
    assert parse_retry_after("Sat, 28 Nov 2026 09:02:00 GMT", now) == 120.0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


def test_five_days_of_continuous_failure_disables() -> None:
    now = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    assert should_disable_failing(now - timedelta(days=5, seconds=1), now, POLICY)
    assert not should_disable_failing(now - timedelta(days=4, hours=23), now, POLICY)
    assert not should_disable_failing(None, now, POLICY)


def test_circuit_opens_after_threshold_then_probes_once_and_backs_off() -> None:
    config = cb.BreakerConfig(threshold=3, cooldown_s=10, max_cooldown_s=25)
    b = cb.Breaker()
    for t in (0.0, 1.0):
        b = cb.after_failure(b, t, config)
        assert b.state == "closed" and cb.ready_at(b, t) == t
    b = cb.after_failure(b, 2.0, config)
    assert b.state == "open" and cb.ready_at(b, 3.0) == 12.0
    b = cb.before_attempt(b, 12.0)
    assert b.state == "half_open"
    b = cb.after_failure(b, 12.5, config)  # the probe failed: reopen, cool-down doubled
    assert b.state == "open" and b.open_until == 32.5
    b = cb.after_failure(cb.before_attempt(b, 32.5), 33.0, config)
    assert b.open_until == 58.0  # doubled again but capped at 25 s
    b = cb.after_success(cb.before_attempt(b, 58.0))
    assert b == cb.Breaker()


def test_retry_after_holds_the_whole_endpoint_even_below_the_threshold() -> None:
    b = cb.after_failure(cb.Breaker(), 100.0, cb.BreakerConfig(threshold=5), hold_s=40)
    assert b.state == "open" and cb.ready_at(b, 100.0) == 140.0
