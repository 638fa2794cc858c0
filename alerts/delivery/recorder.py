"""Writing delivery down: every event goes to the journal (durably) and into the in-memory fold,
and counts in the metrics. Events that conclude one attempt (attempted + finished, plus a dead
letter) are written together: same producer, same partition, so their order holds while the
subscription's queue waits for one round trip instead of three.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

from alerts.delivery.endpoint import Job
from alerts.delivery.journal import DeliveryJournal
from alerts.delivery.metrics import DeliveryMetrics
from alerts.delivery.sender import AttemptResult
from streams.deliveries import (
    AttemptOutcome,
    DeliveryAttempted,
    DeliveryEvent,
    DeliveryFinished,
    DeliveryLog,
    FinishOutcome,
    attempted_event_id,
    finished_event_id,
)
from streams.events import DeadLettered


class DeliveryRecorder:
    def __init__(
        self, journal: DeliveryJournal, log: DeliveryLog, metrics: DeliveryMetrics, clock: Callable[[], datetime]
    ) -> None:
        self._journal = journal
        self.log = log
        self._metrics = metrics
        self._clock = clock

    async def record(self, *events: DeliveryEvent) -> None:
        """Write in order (pipelined when several), then fold; returns once all are durable."""
        if len(events) == 1:
            await self._journal.record(events[0])
        else:
            await self._journal.record_all(events)
        for event in events:
            self.log.apply(event)

    def attempted(
        self, job: Job, attempt: int, result: AttemptResult, outcome: AttemptOutcome, next_at: datetime | None = None
    ) -> DeliveryAttempted:
        message = job.message
        self._metrics.attempts.labels(outcome=outcome, reason=result.reason).inc()
        return DeliveryAttempted(
            event_id=attempted_event_id(message.subscription_id, message.message_id, job.series, attempt),
            occurred_at=self._clock(),
            message_id=message.message_id,
            subscription_id=message.subscription_id,
            series=job.series,
            attempt=attempt,
            status_code=result.status_code,
            outcome=outcome,
            reason=result.reason,
            duration_s=result.duration_s,
            response_excerpt=result.response_excerpt,
            next_attempt_at=next_at,
        )

    def finished(self, job: Job, outcome: FinishOutcome, reason: str, attempts: int) -> DeliveryFinished:
        message = job.message
        self._metrics.notifications.labels(outcome=outcome, reason=reason).inc()
        return DeliveryFinished(
            event_id=finished_event_id(message.subscription_id, message.message_id, job.series),
            occurred_at=self._clock(),
            message_id=message.message_id,
            subscription_id=message.subscription_id,
            series=job.series,
            outcome=outcome,
            reason=reason,
            attempts=attempts,
        )

    async def give_up(
        self, job: Job, reason: str, detail: str, attempts: int, attempted: DeliveryAttempted | None = None
    ) -> None:
        """Dead-letter the message (dlq topic) and finish it as dead_lettered on the deliveries topic."""
        message = job.message
        origin = f"delivery:{message.subscription_id}/{message.message_id}#{job.series}"
        letter = DeadLettered.of(
            id_parts=("delivery.dead_lettered", origin),
            at=self._clock(),
            stage="alerts.delivery",
            origin=origin,
            reason=f"{reason}: {detail}",
            bad_input=job.body,
        )
        finished = self.finished(job, "dead_lettered", reason, attempts)
        events = (attempted, finished) if attempted is not None else (finished,)
        await asyncio.gather(self._journal.dead_letter(letter), self.record(*events))
