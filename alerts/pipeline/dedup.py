"""The dedup decision, per (subscription, alert): Alertmanager's, made explicit and named.

Notify on the first firing, on a changed alert (new level, confirmed by a second source,
new ceasefire phase; an escalation — higher level or a best risen enough — as `alert.updated`), on resolution (if the subscriber wants it) and when the repeat
interval has elapsed — otherwise not. Every decision has a reason that labels a metric.

One departure from Alertmanager: an alert resolved while the service was down (the resolution
caught up at start-up) whose firing a subscriber was never told — it fired during the downtime
too, or the service stopped between recording the firing and telling it — is told once,
resolved, with its latest values. So is one the service read fire and resolve in one batch
while it was behind its topic (pipeline/behind.py): being behind is a downtime too. A
subscriber of a running service would have heard it fire and resolve; staying silent would
hide, say, a red alert from everyone whose service restarted at the time. (A blip that fires and resolves within group_wait while the service runs is still
not told, as in Alertmanager.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from alerts.lifecycle.state import AlertState
from streams.alerting import AlertNotified, NotifiedStatus


@dataclass(frozen=True)
class NotifiedRecord:
    """What a subscription was last told about one alert."""

    seq: int
    status: NotifiedStatus
    at: datetime
    repeats: int = 0


def record_from(event: AlertNotified, previous: NotifiedRecord | None) -> NotifiedRecord:
    repeats = previous.repeats + 1 if previous is not None and previous.seq == event.seq else 0
    return NotifiedRecord(seq=event.seq, status=event.status, at=event.occurred_at, repeats=repeats)


@dataclass(frozen=True)
class Decision:
    send: bool  # deliver a webhook
    record: bool  # record an AlertNotified, so the transition is not considered again
    reason: str
    status: NotifiedStatus | None = None
    repeat: int = 0


SKIP_PENDING = Decision(False, False, "pending")


def dedup(
    previous: NotifiedRecord | None,
    alert: AlertState,
    *,
    send_resolved: bool,
    now: datetime,
    repeat_interval: timedelta,
    unseen: bool = False,
) -> Decision:
    """`unseen`: the alert was resolved while the service was down or behind (engine.unseen)."""
    if alert.status == "pending":
        return SKIP_PENDING
    if alert.status == "firing":
        if previous is None or previous.status == "resolved":
            return Decision(True, True, "first_notification", "firing")
        if previous.seq < alert.seq:
            # worse than what the subscriber was told (higher level, best risen): alert.updated
            return Decision(True, True, "escalated" if alert.escalated else "alert_changed", "firing")
        if now - previous.at >= repeat_interval:
            return Decision(True, True, "repeat_interval_elapsed", "firing", previous.repeats + 1)
        return Decision(False, False, "already_notified")
    # resolved: an unseen life the subscriber never heard fire — not at all, or not since it was
    # told an earlier life's resolution — is told once
    if unseen and (previous is None or (previous.status == "resolved" and previous.seq < alert.seq)):
        if not send_resolved:
            return Decision(False, True, "resolved_not_wanted", "resolved")
        return Decision(True, True, "fired_and_resolved_while_down", "resolved")
    if previous is None or previous.status == "resolved":
        return Decision(False, False, "never_notified_firing" if previous is None else "already_notified")
    if not send_resolved:
        return Decision(False, True, "resolved_not_wanted", "resolved")
    return Decision(True, True, "resolved", "resolved")
