"""Silences, as in Alertmanager: label matchers over a time range, with an author and a comment.

A silence is pending before `starts_at`, active until `ends_at` (or until expired early),
expired after. The set of silences is a fold of silence events on the alerts topic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from streams.alerting import SilenceCreated, SilenceExpired, SilenceMatcher

SilenceState = Literal["pending", "active", "expired"]


@dataclass(frozen=True)
class Silence:
    created: SilenceCreated
    expired_at: datetime | None = None

    @property
    def silence_id(self) -> str:
        return self.created.silence_id

    def ends_at(self) -> datetime:
        if self.expired_at is not None and self.expired_at < self.created.ends_at:
            return self.expired_at
        return self.created.ends_at

    def state(self, now: datetime) -> SilenceState:
        if now >= self.ends_at():
            return "expired"
        if now < self.created.starts_at:
            return "pending"
        return "active"


def apply_silence(state: Mapping[str, Silence], event: SilenceCreated | SilenceExpired) -> dict[str, Silence]:
    folded = dict(state)
    if isinstance(event, SilenceCreated):
        previous = folded.get(event.silence_id)
        folded[event.silence_id] = Silence(event, previous.expired_at if previous else None)
    elif (existing := folded.get(event.silence_id)) is not None:
        folded[event.silence_id] = Silence(existing.created, event.occurred_at)
    return folded


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
