"""Two corrections to faust-streaming 0.15.3 (pinned exactly in pyproject.toml), installed by build_app.

1. A seek that races the fetcher (issue 11: reports skipped after a restart).
   After a rebalance that needs table recovery, Faust resumes the flow to read the changelogs
   ("Resuming flow..."), and when recovery ends it resumes the stream partitions *before*
   `Consumer.perform_seek` ("Seek stream partitions to committed offsets"). The fetcher is
   running all the while, and the aiokafka consumer lives in another thread, so records can
   be fetched from the new position and delivered between the seek and the moment
   `perform_seek` writes the committed offset into `_read_offset`. Faust then believes it last
   read the committed offset C while the broker position is already past the delivered
   records; meanwhile `flow_control.resume()` clears the stream's queue, dropping delivered
   but unprocessed records. The next record (offset N) looks like a hole C+1..N in the log —
   as if compacted or a transaction marker — and `_add_gap` records it; `_new_offset` counts
   a gap as processed, so the commit jumps past the dropped records and they are never read
   again: lost, or applied out of order after a later rebalance when the fold already moved
   on. (faust-streaming #216/#217 fixed the same ordering in `_resume_streams` only; the
   table-recovery path keeps it.) The fix makes a seek atomic with respect to the fetcher:
   stop the flow, wait until the drain loop has parked (it returns to `_wait_next_records`
   and sees the flow stopped, dropping what it fetched), seek and set the read offsets, then
   resume. Records fetched after that start at the new position, so a gap seen afterwards is
   a real one.

   With no committed offset there is nothing to seek back to, so such partitions are rewound to
   their earliest offset, where a group without offsets starts (`_rewind_never_committed`).

2. read_committed for the worker's consumer. Ingest publishes an article and its report in
   one Kafka transaction; Faust reads `read_committed` only under exactly-once processing,
   which sitmon does not use. A worker reading uncommitted would fold reports of a batch
   that was aborted and re-sent after a broker restart.

tests/unit/streams/test_faust_internals.py fails loudly if the code these rely on changes.
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import Awaitable, Callable
from typing import Any

import faust
from faust.transport.consumer import Consumer
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

PINNED_FAUST = "0.15.3"
DRAIN_PARK_TIMEOUT_S = 5.0  # the drain loop's fetch waits at most 1 s; longer means it is not running

_original_perform_seek: Callable[[Consumer], Awaitable[None]] = Consumer.perform_seek
_original_wait_next_records: Callable[[Consumer, float], Awaitable[Any]] = Consumer._wait_next_records
_original_create_worker_consumer: Callable[..., Any] = AIOKafkaConsumerThread._create_worker_consumer

_parked: weakref.WeakKeyDictionary[Consumer, asyncio.Event] = weakref.WeakKeyDictionary()


def _parked_event(consumer: Consumer) -> asyncio.Event:
    event = _parked.get(consumer)
    if event is None:
        event = _parked[consumer] = asyncio.Event()
    return event


async def _wait_next_records(self: Consumer, timeout: float) -> Any:
    if not self.flow_active:  # the drain loop is between fetches and will wait for the flow
        _parked_event(self).set()
    return await _original_wait_next_records(self, timeout)


async def _perform_seek(self: Consumer) -> None:
    # Always park the drain loop when the flow is active, even before the fetcher has started:
    # skipping the wait while the fetcher starts (tried in 7df0986) left workers that join a
    # group folding nothing — the four-worker scale-out test saw one worker do all the work.
    if not self.flow_active:  # nothing is being delivered: the seek cannot race a fetch
        await _original_perform_seek(self)
        # but a fetch the flow's stop cut short was dropped all the same (Faust's getmany)
        await _rewind_never_committed(self)
        return
    parked = _parked_event(self)
    parked.clear()
    self.stop_flow()
    try:
        # the drain loop parks within its 1 s fetch timeout; if it does not, seek anyway (as unpatched)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(parked.wait(), DRAIN_PARK_TIMEOUT_S)
        await _original_perform_seek(self)
        await _rewind_never_committed(self)
    finally:
        self.resume_flow()


async def _rewind_never_committed(self: Consumer) -> None:
    """Stream partitions the group never committed go back to their earliest offset.

    The parked drain loop drops what it fetched, which a seek to the committed offset reads
    again — but aiokafka's `seek_to_committed` seeks only where an offset was committed
    (`if offset and offset > 0`). A partition with none stayed where the fetcher had got to,
    past the dropped records, and they were never folded: a worker killed before its first
    commit came back folding nothing at all (the kill -9 fault test's run 2, 1 run in ~40).
    Earliest is where a group without offsets starts anyway (`consumer_auto_offset_reset`);
    reports folded before the kill are refolded and counted once (the fold's duplicate check).
    """
    if self.app.conf.consumer_auto_offset_reset != "earliest":
        return
    changelogs = self.app.tables.changelog_topics  # positioned by table recovery, not here
    never_committed = [
        tp for tp in self.assignment() if not self._read_offset.get(tp) and tp.topic not in changelogs
    ]
    if never_committed:
        await self.seek_wait(await self.earliest_offsets(*never_committed))


def _create_worker_consumer(self: AIOKafkaConsumerThread, transport: Any) -> Any:
    consumer = _original_create_worker_consumer(self, transport)
    consumer._isolation_level = "read_committed"  # read by AIOKafkaConsumer.start() to build its fetcher
    return consumer


def install() -> None:
    """Apply both corrections (idempotent). Refuses another Faust version: the patches assume 0.15.3."""
    if faust.__version__ != PINNED_FAUST:
        raise RuntimeError(
            f"streams/worker/faust_patches.py was written against faust-streaming {PINNED_FAUST}, "
            f"found {faust.__version__}: re-check the seek race and read_committed before upgrading"
        )
    Consumer.perform_seek = _perform_seek  # type: ignore[method-assign]
    Consumer._wait_next_records = _wait_next_records  # type: ignore[method-assign]
    AIOKafkaConsumerThread._create_worker_consumer = _create_worker_consumer  # type: ignore[method-assign]
