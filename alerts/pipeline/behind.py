"""Resolutions read in one batch with their alert's firing: the service was behind its topic.

A running service keeping up with the situation topic tells a firing alert as soon as its group
timing allows, and its later resolution after that. A service that is behind — just started,
slowed by a loaded machine, back from a rebalance — can fetch an alert's firing snapshot and its
clearing snapshot in one batch; evaluated together, the firing is never told and the resolution
is then "never notified firing": the subscriber would never hear of an alert the same service
keeping up would have told (seen in the restart fault test: a red blip published right after a
restart was fetched together with its resolution).

Such a resolution is treated like one caught up at start-up (`AlertTransitioned.caught_up`, so
`dedup` tells it once, resolved, with its latest values) when the firing was due to be told
before the resolution by the snapshots' own times: its level skips group_wait, or the snapshots
are at least group_wait apart. A blip shorter than group_wait stays untold, as Alertmanager
would leave it for a service that keeps up.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from streams.alerting import AlertTransitioned
from streams.subscriptions import Level


def resolved_behind(
    transitions: Sequence[AlertTransitioned], wait: timedelta, critical_levels: tuple[Level, ...]
) -> set[str]:
    """Event ids of the resolutions in `transitions` (one batch, in order) whose alert fired
    earlier in the same batch, when that firing was due to be told before the resolution."""
    fired: dict[str, AlertTransitioned] = {}  # alert id → its first firing in the batch
    critical: set[str] = set()  # alerts that were firing at a level that skips group_wait
    behind: set[str] = set()
    for transition in transitions:
        alert_id = transition.alert_id
        if transition.status == "firing":
            if transition.previous_status != "firing":
                fired[alert_id] = transition
            if transition.level in critical_levels:
                critical.add(alert_id)
        elif transition.status == "resolved":
            firing = fired.pop(alert_id, None)
            if firing is not None and (alert_id in critical or _apart(firing, transition) >= wait):
                behind.add(transition.event_id)
            critical.discard(alert_id)
    return behind


def _apart(firing: AlertTransitioned, resolved: AlertTransitioned) -> timedelta:
    """By the snapshots' own times (when the worker saw them), not when this service read them."""
    return (resolved.values.as_of or resolved.occurred_at) - (firing.values.as_of or firing.occurred_at)
