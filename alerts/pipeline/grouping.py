"""Group timing per (subscription, group key): group_wait before the first notification of a
group, group_interval between later ones. Critical levels skip group_wait (latency matters
more than batching when people are dying in numbers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class GroupTiming:
    wait: timedelta
    interval: timedelta
    repeat: timedelta


@dataclass(frozen=True)
class GroupClock:
    first_pending_at: datetime | None = None  # when the group first had something to say
    last_flush_at: datetime | None = None


def flush_due(
    clock: GroupClock, now: datetime, timing: GroupTiming, critical: bool, critical_escalation: bool = False
) -> tuple[bool, str]:
    """`critical_escalation`: an alert escalated to (or within) a critical level — it skips group_interval too."""
    if clock.last_flush_at is None:
        if critical:
            return True, "critical_no_wait"
        started = clock.first_pending_at or now
        if now - started >= timing.wait:
            return True, "group_wait_elapsed"
        return False, "group_wait"
    if now - clock.last_flush_at >= timing.interval:
        return True, "group_interval_elapsed"
    if critical_escalation:
        return True, "critical_escalation"
    return False, "group_interval"
