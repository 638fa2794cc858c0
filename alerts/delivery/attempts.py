"""One delivery attempt of a queued message, and what its result means.

The subscription is looked up at each attempt, so a pause (the message is held for the resume),
a deletion or a rotated secret is honoured. The result then decides, through the retry policy
and the endpoint's circuit breaker: delivered; tried again later (Retry-After honoured, capped);
given up (a final 4xx, or the schedule exhausted: dead-lettered); or the endpoint disabled
(410 Gone, or every attempt failing for days) — its queue retired and its waiting messages given up.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

import httpx
import structlog

from alerts.delivery import breaker as cb
from alerts.delivery import policy
from alerts.delivery.endpoint import EndpointQueue, Job
from alerts.delivery.metrics import DeliveryMetrics
from alerts.delivery.recorder import DeliveryRecorder
from alerts.delivery.sender import AttemptResult, send_attempt
from alerts.delivery.settings import DeliverySettings
from alerts.delivery.signing import webhook_headers
from netguard.ssrf import AsyncResolver
from streams.deliveries import DeliveryLog, SubscriptionDisableRequested
from streams.events import stable_id
from streams.subscriptions import Subscription

log = structlog.get_logger("sitmon.alerts.delivery")

SubscriptionLookup = Callable[[str], Subscription | None]
DisableCallback = Callable[[str, str], Awaitable[None]]
EXHAUSTED = "exhausted"
ENDPOINT_FAILING = "endpoint_failing"


class Attempts:
    """The handler every endpoint queue calls with its next due job."""

    def __init__(
        self,
        *,
        client: httpx.AsyncClient,
        subscriptions: SubscriptionLookup,
        settings: DeliverySettings,
        recorder: DeliveryRecorder,
        delivery_log: DeliveryLog,
        metrics: DeliveryMetrics,
        hold: Callable[[Job], Awaitable[None]],
        on_disable: DisableCallback | None,
        clock: Callable[[], datetime],
        resolver: AsyncResolver,
        rng: random.Random,
    ) -> None:
        self._client = client
        self._subscriptions = subscriptions
        self._settings = settings
        self._policy = settings.retry_policy()
        self._breaker_config = settings.breaker()
        self._networks = settings.networks()
        self._recorder = recorder
        self._log = delivery_log
        self.metrics = metrics
        self._hold = hold
        self._on_disable = on_disable
        self._clock = clock
        self._resolver = resolver
        self._rng = rng

    async def run(self, queue: EndpointQueue, job: Job) -> None:
        subscription = self._subscriptions(job.message.subscription_id)
        if subscription is not None and subscription.state == "paused":
            await self._hold(job)  # sent on resume (release), in order
            return
        if subscription is None or subscription.state != "active":
            reason = "subscription_deleted" if subscription is None else f"subscription_{subscription.state}"
            await self._recorder.record(self._recorder.finished(job, "abandoned", reason, job.attempts_made))
            return
        now = self._clock()
        loop = asyncio.get_running_loop()
        queue.breaker = cb.before_attempt(queue.breaker, loop.time())
        result = await send_attempt(
            self._client,
            subscription.url,
            job.body,
            webhook_headers(job.message.message_id, job.body, subscription.secrets, now),
            allowed_networks=self._networks,
            resolver=self._resolver,
            attempt_timeout_s=self._settings.attempt_timeout_s,
            connect_timeout_s=self._settings.connect_timeout_s,
            now=now,
        )
        attempt = job.attempts_made + 1
        self.metrics.attempt_duration.observe(result.duration_s)
        log.info(
            "webhook.attempt",
            subscription=job.message.subscription_id,
            message=job.message.message_id,
            attempt=attempt,
            status=result.status_code,
            reason=result.reason,
            duration_s=round(result.duration_s, 4),
        )
        if result.verdict == "delivered":
            queue.breaker = cb.after_success(queue.breaker)
            await self._recorder.record(
                self._recorder.attempted(job, attempt, result, "delivered"),
                self._recorder.finished(job, "delivered", policy.OK, attempt),
            )
            self.metrics.latency.observe(max(0.0, (self._clock() - job.requested_at).total_seconds()))
        elif result.verdict == "retry":
            await self._retry(queue, job, attempt, result)
        else:
            if result.reason == policy.CLIENT_ERROR:  # it answered: the endpoint is up, the request was refused
                queue.breaker = cb.after_success(queue.breaker)
            attempted = self._recorder.attempted(job, attempt, result, "failed")
            await self._recorder.give_up(job, result.reason, result.detail, attempt, attempted)
            if result.verdict == "gone":
                await self._disable(queue, "endpoint_gone", result.detail)

    async def _retry(self, queue: EndpointQueue, job: Job, attempt: int, result: AttemptResult) -> None:
        loop = asyncio.get_running_loop()
        retry_after = result.retry_after_s
        hold = min(retry_after, self._policy.retry_after_cap_s) if retry_after is not None else None
        queue.breaker = cb.after_failure(queue.breaker, loop.time(), self._breaker_config, hold)
        delay = policy.next_delay(self._policy, attempt, result.reason, retry_after, self._rng.uniform)
        if delay is None:
            attempted = self._recorder.attempted(job, attempt, result, "failed")
            detail = f"gave up after {attempt} attempts; last: {result.detail}"
            await self._recorder.give_up(job, EXHAUSTED, detail, attempt, attempted)
        else:
            next_at = self._clock() + timedelta(seconds=delay)
            await self._recorder.record(self._recorder.attempted(job, attempt, result, "retrying", next_at))
            queue.push(
                Job(job.message, job.series, attempt, job.requested_at, job.body), loop.time() + delay
            )  # never refused: this job's own slot was just freed
        failing_since = self._log.health(job.message.subscription_id).failing_since
        if policy.should_disable_failing(failing_since, self._clock(), self._policy):
            await self._disable(queue, ENDPOINT_FAILING, f"every attempt failed since {failing_since}")

    async def _disable(self, queue: EndpointQueue, reason: str, detail: str) -> None:
        subscription_id = queue.subscription_id
        now = self._clock()
        await self._recorder.record(
            SubscriptionDisableRequested(
                event_id=stable_id("delivery.disable", subscription_id, reason, now.isoformat()),
                occurred_at=now,
                subscription_id=subscription_id,
                reason="endpoint_gone" if reason == "endpoint_gone" else "endpoint_failing",
                detail=detail,
                failing_since=self._log.health(subscription_id).failing_since,
            )
        )
        log.warning("webhook.subscription_disable_requested", subscription=subscription_id, reason=reason)
        queue.retired = True
        for waiting in queue.drain():
            await self._recorder.give_up(waiting, reason, f"subscription disabled: {detail}", waiting.attempts_made)
        if self._on_disable is not None:
            await self._on_disable(subscription_id, reason)
