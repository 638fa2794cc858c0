"""Publish sitmon events atomically: a Kafka transaction per batch, retried across broker restarts.

The producer is idempotent with acks=all, and transactional: `publish(records)` writes a batch
(an article, its reports and its dead letters, or a chunk of them) inside one transaction, so
a reader with `isolation_level=read_committed` sees all of it or none of it. When the broker
goes away mid-batch the attempt is abandoned, the producer is rebuilt — re-registering the same
transactional id aborts the open transaction on the broker — and the whole batch is sent
again after a backoff, until `retry_for` seconds have passed since the batch's first attempt.
When the broker went away after acknowledging every record but before answering the commit,
the log tells whether it committed (commit_check.py) before anything is sent again. A batch
therefore lands exactly once or not at all, and what `publish` returned for is on the topics.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

import structlog
from aiokafka import AIOKafkaProducer
from aiokafka.structs import RecordMetadata

from services.errors import SitmonError
from services.kafka.commit_check import committed
from services.kafka.retry import Backoff, is_retriable
from services.kafka.visibility import last_offsets, readable
from streams.envelope import encode
from streams.events import Event, utc_timestamp_ms
from streams.topics import Topic

log = structlog.get_logger("sitmon.kafka.producer")

# one attempt (start, send, commit) never hangs longer than this, even if the broker vanishes mid-way
ATTEMPT_TIMEOUT_S = 45.0
STOP_TIMEOUT_S = 5.0


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One record to publish: the topic, its key and the event (its time is the record timestamp)."""

    topic: Topic
    key: str
    event: Event
    timestamp: datetime | None = None


class PublishFailed(SitmonError):
    """A batch could not be published before the retry deadline; nothing of it is visible to readers."""


def unique_transactional_id(source: str) -> str:
    """Unique per process: two ingests never fence each other; a crashed one's transaction times out."""
    name = source.strip("/").replace("/", "-") or "sitmon"
    return f"{name}-{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(4)}"


class EventProducer:
    def __init__(
        self,
        bootstrap: str,
        *,
        source: str = "/sitmon",
        retry_for: float = 180.0,
        backoff: Backoff = Backoff(),
        clock: Callable[[], float] = time.monotonic,
        transactional_id: str | None = None,
    ) -> None:
        self._bootstrap = bootstrap
        self._source = source
        self._retry_for = retry_for
        self._backoff = backoff
        self._clock = clock
        # a stable id (the poller's, an ingest's slot: transaction_slots.py) lets a restarted process
        # fence its crashed predecessor and abort the transaction it left open at once; by default
        # every process has its own
        self._transactional_id = transactional_id or unique_transactional_id(source)
        self._producer: AIOKafkaProducer | None = None
        # (topic, partition, offset) of a record of a batch whose commit went unanswered
        self._in_doubt: tuple[str, int, int] | None = None
        self.attempts_retried = 0  # how many attempts were abandoned and retried (reported, tested)

    async def __aenter__(self) -> EventProducer:
        deadline = self._clock() + self._retry_for
        attempt = 0
        while True:
            try:
                await asyncio.wait_for(self._started(), ATTEMPT_TIMEOUT_S)
                return self
            except Exception as exc:  # classified just below
                await self._discard()
                if not is_retriable(exc) or self._clock() >= deadline:
                    raise SitmonError(f"cannot reach Kafka at {self._bootstrap}: {describe(exc)}") from exc
                await self._wait_before_retry(attempt, exc, "start")
                attempt += 1

    async def __aexit__(self, *_: object) -> None:
        await self._discard()

    async def publish(self, records: Sequence[Outgoing]) -> None:
        """Write `records` in one transaction; retried whole until it commits or the deadline passes."""
        if not records:
            return
        deadline = self._clock() + self._retry_for
        attempt = 0
        while True:
            try:
                await asyncio.wait_for(self._publish_once(records), ATTEMPT_TIMEOUT_S)
                return
            except Exception as exc:  # classified just below
                await self._discard()  # the next attempt's producer aborts this one's transaction
                if not is_retriable(exc):
                    raise PublishFailed(f"Kafka at {self._bootstrap} refused the batch: {describe(exc)}") from exc
                if self._clock() >= deadline:
                    raise PublishFailed(
                        f"Kafka at {self._bootstrap} did not take the batch within {self._retry_for:g} s: {describe(exc)}"
                    ) from exc
                self.attempts_retried += 1
                await self._wait_before_retry(attempt, exc, "publish")
                attempt += 1

    async def _publish_once(self, records: Sequence[Outgoing]) -> None:
        producer = await self._started()  # (re)registering the id settles a transaction left open
        if self._in_doubt is not None:
            # the last attempt had every record acknowledged and then lost its commit's answer:
            # if it committed, sending again would write the batch twice
            topic, partition, offset = self._in_doubt
            if await committed(self._bootstrap, topic, partition, offset, ATTEMPT_TIMEOUT_S / 2):
                self._in_doubt = None
                return
            self._in_doubt = None
        acknowledged: list[asyncio.Future[RecordMetadata]] = []
        try:
            async with producer.transaction():  # commit waits for every record of the batch to be acknowledged
                for record in records:
                    when = record.timestamp or record.event.occurred_at
                    acknowledged.append(
                        await producer.send(
                            record.topic.name,
                            value=encode(record.event, subject=record.key, source=self._source),
                            key=record.key.encode("utf-8"),
                            timestamp_ms=utc_timestamp_ms(when),
                        )
                    )
                await asyncio.gather(*acknowledged)
            # "published" means readable: the commit's markers follow it by a moment, and a reader
            # starting now (reparse reading the reports it was given) must find the records. If this
            # wait fails, the batch is in doubt like a lost commit answer: checked, never sent twice.
            await readable(self._bootstrap, last_offsets(f.result() for f in acknowledged), ATTEMPT_TIMEOUT_S / 2)
        except BaseException:
            if len(acknowledged) == len(records) and all(f.done() and not f.exception() for f in acknowledged):
                first = acknowledged[0].result()
                self._in_doubt = (first.topic, first.partition, first.offset)
            raise

    async def _started(self) -> AIOKafkaProducer:
        if self._producer is None:
            producer = AIOKafkaProducer(
                bootstrap_servers=self._bootstrap,
                acks="all",
                enable_idempotence=True,
                transactional_id=self._transactional_id,
                linger_ms=5,
                request_timeout_ms=30000,
            )
            self._producer = producer
            await producer.start()  # registers the transactional id: aborts a transaction left open
        return self._producer

    async def _discard(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            with contextlib.suppress(Exception):  # a dead broker cannot be said goodbye to
                await asyncio.wait_for(producer.stop(), STOP_TIMEOUT_S)

    async def _wait_before_retry(self, attempt: int, exc: BaseException, stage: str) -> None:
        delay = self._backoff.delay(attempt)
        log.warning("kafka.retrying", stage=stage, attempt=attempt + 1, error=describe(exc), delay_s=round(delay, 2))
        await asyncio.sleep(delay)


def describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
