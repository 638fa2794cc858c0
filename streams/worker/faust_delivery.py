"""How a fetched record reaches the worker's stream, without Faust's per-record overhead
(faust-streaming 0.15.3): the drain loop without four asyncio tasks per record, the reports
topic's records made events without the codec registry, and Faust's always-on `Monitor` sensor
keeping per record only what Faust itself reads back.

`Consumer._drain_messages` hands every fetched record to the streams with
`await self.wait_first(callback(message), self.suspend_flow.wait())`: it creates a task for the
callback and one each for the flow's suspension, the consumer's stop and its crash, waits for
the first to finish and cancels the other three. So a record that a rebalance suspends while its
callback waits (for flow control, a full stream buffer, the producer) is abandoned rather than
delivered. But the callback almost never waits: it decodes the record and puts it on a stream
queue that has room. The four tasks, `asyncio.wait` and the cancellations were the largest
single cost of the live worker's per-record path (py-spy, bench_worker: ~14 % of its samples).

Here the callback is first run by hand up to its first real wait (`coroutine.send(None)`, the
step a task would run first anyway). When it finishes within that step, which is the common
case, there is nothing to race. When it does wait, the started coroutine goes on as the
callback of the same `wait_first` as before (`_Resumed` continues it as its task would have),
so a suspension, stop or crash abandons it exactly as it abandoned the task. Every other line
is Faust's: read offsets, gaps, commits, the yield every 100 records — the seek race corrected
in faust_patches.py lives on those. tests/unit/streams/test_faust_internals.py fingerprints the
original; tests/unit/streams/test_faust_delivery.py checks both paths.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Generator
from time import monotonic
from typing import Any, cast

import faust
from faust.sensors import Monitor
from faust.transport.consumer import CONSUMER_FETCHING, Consumer
from faust.types import TP, AppT, EventT, Message, StreamT
from mode import Service

_original_drain_messages: Callable[[Consumer, Any], Awaitable[None]] = Consumer._drain_messages


class _Resumed:
    """Awaiting it finishes a coroutine already stepped by hand, as its task would have: it
    waits for what the coroutine yielded, then sends or throws into it step by step."""

    def __init__(self, coroutine: Coroutine[Any, Any, Any], yielded: Any) -> None:
        self._coroutine = coroutine
        self._yielded = yielded

    def __await__(self) -> Generator[Any, None, Any]:
        coroutine, step = self._coroutine, self._yielded
        while True:
            try:
                yield step
            except BaseException as exc:  # a cancellation (or any error) goes where the coroutine waits
                try:
                    step = coroutine.throw(exc)
                except StopIteration as done:
                    return done.value
            else:
                try:
                    step = coroutine.send(None)
                except StopIteration as done:
                    return done.value


async def deliver(consumer: Consumer, callback: Callable[[Any], Awaitable[Any]], message: Any) -> bool:
    """`await consumer.wait_first(callback(message), consumer.suspend_flow.wait())`, without
    the tasks when the callback does not wait. True: it finished in its first step."""
    coroutine = callback(message)
    if not asyncio.iscoroutine(coroutine):  # not an `async def` (Faust's is): as Faust does
        await consumer.wait_first(coroutine, consumer.suspend_flow.wait())
        return False
    try:
        yielded = coroutine.send(None)
    except StopIteration:
        return True
    await consumer.wait_first(_Resumed(coroutine, yielded), consumer.suspend_flow.wait())
    return False


async def _drain_messages(self: Consumer, fetcher: Any) -> None:  # pragma: no cover
    # Consumer._drain_messages of faust-streaming 0.15.3, the `wait_first` line replaced by `deliver`
    callback = self.callback
    getmany = self.getmany
    consumer_should_stop = cast(Service, self)._stopped.is_set
    fetcher_should_stop = cast(Service, fetcher)._stopped.is_set

    get_read_offset = self._read_offset.__getitem__
    set_read_offset = self._read_offset.__setitem__
    flag_consumer_fetching = CONSUMER_FETCHING
    set_flag = self.diag.set_flag
    unset_flag = self.diag.unset_flag
    commit_every = self._commit_every
    acks_enabled_for = self.app.topics.acks_enabled_for

    yield_every = 100
    num_since_yield = 0
    sleep = asyncio.sleep

    try:
        while not (consumer_should_stop() or fetcher_should_stop()):
            set_flag(flag_consumer_fetching)
            ait = cast(AsyncIterator[Any], getmany(timeout=1.0))

            # Sleeping because sometimes getmany is called in a loop
            # never releasing to the event loop
            await self.sleep(0)
            if not self.should_stop:
                async for tp, message in ait:
                    num_since_yield += 1
                    if num_since_yield > yield_every:
                        await sleep(0)
                        num_since_yield = 0

                    offset = message.offset
                    r_offset = get_read_offset(tp)
                    if r_offset is None or offset >= r_offset:
                        gap = offset - (r_offset or 0)
                        # We have a gap in income messages
                        if gap > 1 and r_offset:
                            acks_enabled = acks_enabled_for(message.topic)
                            if acks_enabled:
                                await self._add_gap(tp, r_offset + 1, offset)
                        if commit_every is not None:  # noqa: SIM102  (Faust's lines as they are)
                            if self._n_acked >= commit_every:
                                self._n_acked = 0
                                await self.commit()
                        await deliver(self, callback, message)
                        set_read_offset(tp, offset)
                    else:
                        self.log.dev(
                            "DROPPED MESSAGE ROFF %r: k=%r v=%r",
                            offset,
                            message.key,
                            message.value,
                        )
                unset_flag(flag_consumer_fetching)

    except self.consumer_stopped_errors:
        if self.transport.app.should_stop:
            # we're already stopping so ignore
            self.log.info("Broker stopped consumer, shutting down...")
            return
        raise
    except asyncio.CancelledError:
        if self.transport.app.should_stop:
            # we're already stopping so ignore
            self.log.info("Consumer shutting down for user cancel.")
            return
        raise
    except Exception as exc:
        self.log.exception("Drain messages raised: %r", exc)
        raise
    finally:
        unset_flag(flag_consumer_fetching)


class RawRecords(faust.Schema[bytes, bytes]):
    """Records as Faust events with the record's own bytes as key and value.

    Faust's decode for the `raw` codec and `bytes` types passes each key and value through the
    codec registry (`want_bytes`: bytes stay the same object, None stays None) and reads the
    `Event` class from the app's settings for every record (~4 % of the worker's py-spy samples).
    This builds the same event directly; nothing in it can fail to decode, so the decode-error
    callbacks are never needed (tests/unit/streams/test_faust_delivery.py compares both).
    """

    def __init__(self) -> None:
        super().__init__(key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw")

    def compile(self, app: AppT, *, default_propagate: bool = False, **callbacks: Any) -> Any:
        event_class: Any = app.conf.Event  # a setting fixed when the app was made

        async def decode(message: Message, *, propagate: bool = default_propagate) -> EventT[Any]:
            return cast(EventT[Any], event_class(app, message.key, message.value, message.headers, message))

        return decode


class LeanMonitor(Monitor):
    """Faust's `Monitor` (the app's `Monitor` setting) without its per-record statistics.

    Faust adds the monitor to every app's sensors, and four of its hooks run for every record:
    counters, per-stream and per-task name lookups, timestamps on the message and a runtime
    history (~2.5 % of the worker's py-spy samples, plus the delegate's calls). Nothing reads
    those figures but Faust's own stats pages and metrics sensors, which the worker does not
    serve (sitmon's counters are its own; `faust_metrics` replaces this monitor with Faust's
    Prometheus one, which keeps all of them). Faust itself reads one thing back: the time a
    partition's stream last took an event (`stream_inbound_time`), by which the consumer warns of
    a stalled stream — kept. Every other hook (commits, end offsets, tables, sends) is Faust's.
    """

    def on_message_in(self, tp: TP, offset: int, message: Message) -> None:
        pass

    def on_stream_event_in(
        self, tp: TP, offset: int, stream: StreamT[Any], event: EventT[Any]
    ) -> dict[str, Any] | None:
        self.stream_inbound_time[tp] = monotonic()
        return None

    def on_stream_event_out(
        self, tp: TP, offset: int, stream: StreamT[Any], event: EventT[Any], state: dict[str, Any] | None = None
    ) -> None:
        pass

    def on_message_out(self, tp: TP, offset: int, message: Message) -> None:
        pass


def install() -> None:
    """Use the copy (idempotent); faust_patches.install() has already refused another Faust version."""
    Consumer._drain_messages = _drain_messages  # type: ignore[method-assign]
