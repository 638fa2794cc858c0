"""Silences, as in Alertmanager: does an active silence's every matcher match an alert's labels?

The silence state itself (pending / active / expired, folded from silence events) lives in
the contract, streams/alerting.py, so the API shows it without importing alerts/.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime

from streams.alerting import Silence, SilenceMatcher, apply_silence

__all__ = ["Silence", "apply_silence", "matches", "silenced_by"]


def matches(matcher: SilenceMatcher, labels: Mapping[str, str]) -> bool:
    value = labels.get(matcher.name, "")
    if matcher.op == "=":
        return value == matcher.value
    if matcher.op == "!=":
        return value != matcher.value
    found = re.fullmatch(matcher.value, value) is not None
    return found if matcher.op == "=~" else not found


def silenced_by(labels: Mapping[str, str], silences: Iterable[Silence], now: datetime) -> str | None:
    """The id of an active silence whose matchers all match these labels, or None."""
    for silence in silences:
        if silence.state(now) == "active" and all(matches(m, labels) for m in silence.created.matchers):
            return silence.silence_id
    return None
