"""What a paused subscription's endpoint is owed: its messages, held in order until it resumes.

A pause is the subscriber saying "not now", not "never": notifications planned while a
subscription is paused are requested as usual (durably, on the deliveries topic) and then
held here instead of being sent. On resume they go out in the order they were requested.
The hold is bounded, so a subscription paused and forgotten cannot grow without limit:

- count: at most `limit` messages per subscription; holding one more abandons the OLDEST
  (reason `held_overflow`) — the newest news is the most useful on resume;
- age: a message held longer than `max_age` is abandoned (reason `held_too_long`) when the
  hold is next touched (a message held, or the subscription resumed).

Abandoned messages are finished as `abandoned` on the deliveries topic with that reason, so
the delivery log and the API show what was dropped and why; `sitmon` can resend them.
A held message is still pending on the deliveries topic, so a restart holds it again.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from alerts.delivery.endpoint import Job

HELD_OVERFLOW = "held_overflow"
HELD_TOO_LONG = "held_too_long"


@dataclass
class HeldMessages:
    limit: int
    max_age: timedelta
    _jobs: deque[Job] = field(default_factory=deque)

    def __len__(self) -> int:
        return len(self._jobs)

    def hold(self, job: Job, now: datetime) -> list[tuple[Job, str]]:
        """Hold `job` behind the others; returns the messages this drops, each with its reason."""
        if any(held.message.message_id == job.message.message_id and held.series == job.series for held in self._jobs):
            return []  # already held (recovered twice): keep its place
        self._jobs.append(job)
        dropped = self._expire(now)
        while len(self._jobs) > self.limit:
            dropped.append((self._jobs.popleft(), HELD_OVERFLOW))
        return dropped

    def release(self, now: datetime) -> tuple[list[Job], list[tuple[Job, str]]]:
        """Everything held, oldest first, and what expired meanwhile; the hold is empty afterwards."""
        dropped = self._expire(now)
        jobs = list(self._jobs)
        self._jobs.clear()
        return jobs, dropped

    def _expire(self, now: datetime) -> list[tuple[Job, str]]:
        kept = deque(job for job in self._jobs if now - job.requested_at <= self.max_age)
        dropped = [(job, HELD_TOO_LONG) for job in self._jobs if now - job.requested_at > self.max_age]
        self._jobs = kept
        return dropped
