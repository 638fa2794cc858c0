"""The dispatcher: durable hand-off from alerting, per-subscription queues, recovery, resend, hold.

`submit` returns only once DeliveryRequested is on the deliveries topic (acks=all), so a crash
after it cannot lose the webhook: `recover` folds the topic at start-up and re-enqueues every
requested-but-unfinished message with its `webhook-id` and its attempt count. Every attempt
and every end (delivered, dead-lettered, abandoned) is written to the same topic; given-up
messages also go to the dead-letter topic. What one attempt does and what its result means
is `alerts/delivery/attempts.py`; a paused subscription's messages are held here until resumed.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import structlog
from prometheus_client import CollectorRegistry

from alerts.delivery.attempts import EXHAUSTED, Attempts, DisableCallback, SubscriptionLookup
from alerts.delivery.endpoint import EndpointQueue, Job
from alerts.delivery.held import HeldMessages
from alerts.delivery.journal import DeliveryJournal
from alerts.delivery.metrics import DeliveryMetrics
from alerts.delivery.recorder import DeliveryRecorder
from alerts.delivery.settings import DeliverySettings
from alerts.delivery.signing import webhook_body
from alerts.errors import UnknownDelivery
from netguard.ssrf import AsyncResolver, async_system_resolver
from streams.deliveries import DeliveryLog, DeliveryRecord, DeliveryRequested, OutboundMessage, requested_event_id
from streams.subscriptions import Subscription

log = structlog.get_logger("sitmon.alerts.delivery")

QUEUE_FULL = "queue_full"


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Dispatcher:
    def __init__(
        self,
        journal: DeliveryJournal,
        client: httpx.AsyncClient,
        subscriptions: SubscriptionLookup,
        settings: DeliverySettings,
        *,
        registry: CollectorRegistry | None = None,
        on_disable: DisableCallback | None = None,
        clock: Callable[[], datetime] = _utc_now,
        resolver: AsyncResolver = async_system_resolver,
        rng: random.Random | None = None,
    ) -> None:
        self._journal = journal
        self._settings = settings
        self._policy = settings.retry_policy()
        self._clock = clock
        self.metrics = DeliveryMetrics(registry or CollectorRegistry())
        self.log = DeliveryLog()  # the fold of everything written (and replayed): the API may read it
        self._recorder = DeliveryRecorder(journal, self.log, self.metrics, clock)
        self._attempts = Attempts(
            client=client,
            subscriptions=subscriptions,
            settings=settings,
            recorder=self._recorder,
            delivery_log=self.log,
            metrics=self.metrics,
            hold=self._hold,
            on_disable=on_disable,
            clock=clock,
            resolver=resolver,
            rng=rng or random.Random(),
        )
        self._queues: dict[str, EndpointQueue] = {}
        self._requesting: dict[tuple[str, str, int], asyncio.Future[None]] = {}  # (subscription, message, series)
        self._held: dict[str, HeldMessages] = {}  # paused subscriptions' messages, for their resume
        self._running = False

    # --- the interface alerting uses ------------------------------------------------------

    async def start(self) -> None:
        self._running = True
        for queue in self._queues.values():
            queue.start()

    async def stop(self) -> None:
        self._running = False
        await asyncio.gather(*(queue.stop() for queue in self._queues.values()))

    async def submit(self, subscription: Subscription, message: OutboundMessage) -> None:
        """Durably request delivery, then deliver in the background. Idempotent by message_id."""
        if message.subscription_id != subscription.subscription_id:
            raise ValueError(
                f"message {message.message_id} is for subscription {message.subscription_id}, "
                f"not {subscription.subscription_id}"
            )
        if self.log.get(subscription.subscription_id, message.message_id) is not None:
            return
        await self._request(message, series=0)

    async def resend(self, subscription: Subscription, message_id: str, request_id: str | None = None) -> int:
        """A new attempt series for a message sent earlier, same webhook-id. Returns the series number.

        `request_id` (the ResendRequested event id) makes it idempotent: a request already
        answered by a series — replayed after a restart — is not carried out twice.
        """
        record = self.log.get(subscription.subscription_id, message_id)
        if record is None:
            raise UnknownDelivery(
                f"no message {message_id!r} was ever requested for subscription {subscription.subscription_id!r}"
            )
        if request_id is not None and request_id in self.log.answered:
            return record.series
        if record.status == "pending":
            return record.series  # still being delivered: a resend would only duplicate it
        await self._request(record.message, series=record.series + 1, answers=request_id)
        return record.series + 1

    async def recover(self) -> int:
        """Fold the deliveries topic and re-enqueue what was requested but never finished.
        Call once at start-up, after the subscriptions are loaded. Returns how many were re-enqueued."""
        for event in await self._journal.replay():
            self.log.apply(event)
        unfinished = self.log.unfinished()
        now = self._clock()
        for record in unfinished:
            wait = (record.next_attempt_at - now).total_seconds() if record.next_attempt_at else 0.0
            await self._enqueue(self._job(record), max(0.0, wait))
        log.info("webhook.recovered", unfinished=len(unfinished))
        return len(unfinished)

    def held_count(self, subscription_id: str) -> int:
        held = self._held.get(subscription_id)
        return len(held) if held is not None else 0

    def queue_depth(self, subscription_id: str) -> int:
        queue = self._queues.get(subscription_id)
        return len(queue) if queue is not None else 0

    # --- requesting and queueing -----------------------------------------------------------

    async def _request(self, message: OutboundMessage, series: int, answers: str | None = None) -> None:
        """Record DeliveryRequested and enqueue; a concurrent request for the same message waits
        for the first one's write instead of writing again, so both return only once it is durable."""
        claim = (message.subscription_id, message.message_id, series)
        pending = self._requesting.get(claim)
        if pending is None:
            pending = asyncio.ensure_future(self._record_request(message, series, answers))
            self._requesting[claim] = pending
            pending.add_done_callback(lambda _: self._requesting.pop(claim, None))
        await asyncio.shield(pending)

    async def _record_request(self, message: OutboundMessage, series: int, answers: str | None = None) -> None:
        event = DeliveryRequested(
            event_id=requested_event_id(message.subscription_id, message.message_id, series),
            occurred_at=self._clock(),
            message=message,
            series=series,
            answers=answers,
        )
        await self._recorder.record(event)
        record = self.log.get(message.subscription_id, message.message_id)
        assert record is not None
        await self._enqueue(self._job(record), 0.0)

    def _job(self, record: DeliveryRecord) -> Job:
        return Job(record.message, record.series, record.attempts, record.requested_at, webhook_body(record.message))

    async def _enqueue(self, job: Job, delay_s: float) -> None:
        if job.attempts_made >= self._policy.max_attempts:  # crashed between the last attempt and its end
            detail = f"gave up after {job.attempts_made} attempts (found at recovery)"
            await self._recorder.give_up(job, EXHAUSTED, detail, job.attempts_made)
            return
        subscription_id = job.message.subscription_id
        queue = self._queues.get(subscription_id)
        if queue is None or queue.retired:
            queue = EndpointQueue(
                subscription_id,
                self._settings.queue_limit,
                self._attempts.run,
                self._update_gauges,
                self._settings.journal_retry_s,
            )
            self._queues[subscription_id] = queue
        if not queue.push(job, asyncio.get_running_loop().time() + delay_s):
            detail = f"subscription queue holds {queue.limit} messages already"
            await self._recorder.give_up(job, QUEUE_FULL, detail, job.attempts_made)
            return
        if self._running:
            queue.start()

    def _update_gauges(self) -> None:
        open_circuits = sum(1 for q in self._queues.values() if q.breaker.state != "closed")
        self.metrics.depths((len(q) for q in self._queues.values()), open_circuits)

    # --- holding a paused subscription's messages ----------------------------------------------

    async def release(self, subscription_id: str) -> int:
        """The subscription was resumed: send what was held for it, in request order. Returns how many."""
        held = self._held.pop(subscription_id, None)
        if held is None:
            return 0
        jobs, dropped = held.release(self._clock())
        await self._abandon_held(dropped)
        for job in jobs:
            await self._enqueue(job, 0.0)
        log.info("webhook.released", subscription=subscription_id, released=len(jobs), dropped=len(dropped))
        return len(jobs)

    async def _hold(self, job: Job) -> None:
        subscription_id = job.message.subscription_id
        held = self._held.get(subscription_id)
        if held is None:
            held = self._held[subscription_id] = HeldMessages(
                self._settings.held_limit, timedelta(seconds=self._settings.held_max_age_s)
            )
        await self._abandon_held(held.hold(job, self._clock()))

    async def _abandon_held(self, dropped: list[tuple[Job, str]]) -> None:
        for job, reason in dropped:
            await self._recorder.record(self._recorder.finished(job, "abandoned", reason, job.attempts_made))
