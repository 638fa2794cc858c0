"""One subscription's delivery queue: its own task, its own schedule, its own circuit breaker.

Each subscription gets a task that sends one request at a time, so a slow or dead endpoint
only ever holds its own queue. Within the queue, messages are ordered by when they are due,
not by arrival: a message waiting 30 minutes for its third attempt does not block a fresh
one behind it.

Why not tenacity: its retry loop sleeps inside the call, pinning one coroutine per message
for up to a day, with the schedule invisible to the rest of the system. Here a retry is just
a due time in a heap: the attempt count comes from the deliveries topic after a restart,
the circuit breaker can hold every message of an endpoint at once, and the queue depth is
countable.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

import structlog

from alerts.delivery.breaker import Breaker, ready_at
from streams.deliveries import OutboundMessage

log = structlog.get_logger("sitmon.alerts.delivery")


@dataclass(frozen=True)
class Job:
    """One message's delivery series as the queue holds it between attempts."""

    message: OutboundMessage
    series: int
    attempts_made: int
    requested_at: datetime
    body: bytes = field(repr=False)


Handler = Callable[["EndpointQueue", Job], Awaitable[None]]


class EndpointQueue:
    def __init__(
        self,
        subscription_id: str,
        limit: int,
        handle: Handler,
        on_change: Callable[[], None],
        handler_retry_s: float = 1.0,
    ) -> None:
        self.subscription_id = subscription_id
        self.limit = limit
        self._handler_retry_s = handler_retry_s
        self.breaker = Breaker()
        self.retired = False  # set by the handler when the endpoint is disabled: the task ends
        self._handle = handle
        self._on_change = on_change
        self._heap: list[tuple[float, int, Job]] = []
        self._order = itertools.count()
        self._wake = asyncio.Event()
        self._in_flight: Job | None = None
        self._task: asyncio.Task[None] | None = None

    def __len__(self) -> int:
        return len(self._heap) + (1 if self._in_flight is not None else 0)

    def holds(self, message_id: str) -> bool:
        pending = (job for _, _, job in self._heap)
        in_flight = (self._in_flight,) if self._in_flight is not None else ()
        return any(job.message.message_id == message_id for job in itertools.chain(pending, in_flight))

    def push(self, job: Job, due: float) -> bool:
        """Schedule `job` at loop time `due`; False when the queue is full (the caller dead-letters)."""
        in_flight = self._in_flight
        # a retry of the message in flight takes back its own slot; anything else needs a free one
        occupied = len(self._heap) + (1 if in_flight is not None and in_flight.message != job.message else 0)
        if occupied >= self.limit:
            return False
        heapq.heappush(self._heap, (due, next(self._order), job))
        self._wake.set()
        self._on_change()
        return True

    def drain(self) -> list[Job]:
        jobs = [job for _, _, job in sorted(self._heap)]
        self._heap.clear()
        self._on_change()
        return jobs

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name=f"webhooks:{self.subscription_id}")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while not self.retired:
            if not self._heap:
                self._wake.clear()
                await self._wake.wait()
                continue
            now = loop.time()
            due = max(self._heap[0][0], ready_at(self.breaker, now))
            if due > now:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), due - now)
                continue
            _, _, job = heapq.heappop(self._heap)
            self._in_flight = job
            try:
                await self._handle(self, job)
            except asyncio.CancelledError:
                raise
            except Exception:
                # The handler records every outcome itself; landing here means the log refused a
                # write. Keep the message and try again shortly rather than lose it or crash.
                log.exception("webhook.handler_failed", subscription=self.subscription_id)
                heapq.heappush(self._heap, (loop.time() + self._handler_retry_s, next(self._order), job))
            finally:
                self._in_flight = None
                self._on_change()
