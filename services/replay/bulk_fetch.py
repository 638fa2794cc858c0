"""Fetch a planned range of a topic with librdkafka (confluent-kafka), a batch of columns at a time.

aiokafka turns every fetched record into a Python `ConsumerRecord` (~2.5 µs of Python per record,
two thirds of raw consumption); librdkafka parses the fetch responses in C on its own threads
and hands over `Message` objects built in C, from which each field of a whole batch is taken by
a `map` of the method (no Python step per record). Replay is a bulk copy of a time range, so it
reads this way, and so does `sitmon rebuild` (`services.rederive.fold_log`); everything else in
sitmon keeps aiokafka.

Nothing of production is touched: partitions are assigned by hand, nothing is committed or
stored (librdkafka needs a `group.id` to start, but a consumer that only assigns never joins the
group). `read_committed`, as for aiokafka: an aborted transaction is not part of the log.
"""

from __future__ import annotations

import asyncio
import logging
import operator
from collections.abc import AsyncGenerator, Callable
from concurrent.futures import ThreadPoolExecutor
from itertools import compress, repeat
from operator import itemgetter
from typing import cast

from confluent_kafka import Consumer, KafkaError, Message, TopicPartition

from services.errors import SitmonError
from services.replay.records import RecordBatch

BATCH = 10_000  # messages per consume(): the size aiokafka's raw baseline asks getmany for
WAIT_S = 1.0
GROUP = "sitmon-replay"  # required by librdkafka to start; never joined (assign only, no commits)
_quiet = logging.getLogger("sitmon.replay.librdkafka")
_quiet.addHandler(logging.NullHandler())  # librdkafka's own log lines would print to stderr
_quiet.propagate = False
_second = itemgetter(1)


def consumer_config(bootstrap: str) -> dict[str, object]:
    return {
        "bootstrap.servers": bootstrap,
        "group.id": GROUP,
        "enable.auto.commit": False,
        "enable.auto.offset.store": False,
        "isolation.level": "read_committed",
        "enable.partition.eof": True,  # a partition whose last records were transaction markers ends too
        "auto.offset.reset": "earliest",  # a start offset deleted by retention meanwhile: the oldest left
        "fetch.max.bytes": 16 << 20,  # the fetch sizes replay asked aiokafka for
        "max.partition.fetch.bytes": 4 << 20,
        "queued.max.messages.kbytes": 16 << 10,  # librdkafka prefetches ahead; bound what it holds...
        "fetch.queue.backoff.ms": 10,  # ...and fetch again soon after it drained (the default waits 1 s)
        "logger": _quiet,
    }


async def fetch_range(
    bootstrap: str,
    topic: str,
    starts: dict[int, int],
    ends: dict[int, int],
    until_ms: int | None,
    *,
    batch: int = BATCH,
) -> AsyncGenerator[RecordBatch, None]:
    """Each partition's records from its start offset to before its end offset, with record time
    at most `until_ms`. The consumer's calls run on a thread of their own, so the event loop stays
    free meanwhile, and in order: a replay cancelled during a consume() closes the consumer only
    after it (librdkafka's consumer is not to be closed while another thread consumes)."""
    remaining = {p for p in starts if starts[p] < ends[p]}
    if not remaining:
        return
    loop = asyncio.get_running_loop()
    calls = ThreadPoolExecutor(max_workers=1, thread_name_prefix="replay-fetch")
    consumer = Consumer(consumer_config(bootstrap))
    try:
        consumer.assign([TopicPartition(topic, p, starts[p]) for p in sorted(remaining)])
        while remaining:
            messages = await loop.run_in_executor(calls, _next_batch, consumer, batch)
            messages, ended = _without_events(topic, messages, ends)
            finished = ended | _reached_ends(messages, ends)
            if finished & remaining:
                consumer.pause([TopicPartition(topic, p) for p in finished & remaining])
                remaining -= finished
            columns = _columns(messages, ends, until_ms)
            if columns is not None:
                yield columns
    finally:
        closing = calls.submit(consumer.close)
        calls.shutdown(wait=False)
        await asyncio.wrap_future(closing)


def _next_batch(consumer: Consumer, batch: int = BATCH) -> list[Message]:
    """What librdkafka has fetched, up to `batch`, at once; when nothing yet, wait for the first
    (consume() waits its whole timeout unless it fills the batch)."""
    messages = consumer.consume(batch, 0)
    if messages:
        return messages
    first = consumer.poll(WAIT_S)
    return [] if first is None else [first, *consumer.consume(batch - 1, 0)]


def _without_events(topic: str, messages: list[Message], ends: dict[int, int]) -> tuple[list[Message], set[int]]:
    """The records, without librdkafka's events; the partitions an end-of-partition event closed."""
    errors = list(map(Message.error, messages))
    if not any(errors):
        return messages, set()
    kept: list[Message] = []
    ended: set[int] = set()
    for message, error in zip(messages, errors, strict=True):
        if error is None:
            kept.append(message)
        elif error.code() == KafkaError._PARTITION_EOF:
            if (message.offset() or 0) >= ends.get(message.partition() or 0, 0):
                ended.add(message.partition() or 0)
        elif error.fatal():
            raise SitmonError(f"replay of {topic}[{message.partition()}] failed: {error.str()}")
        # other errors are librdkafka's notices (a broker went away, …): it retries by itself
    return kept, ended


def _reached_ends(messages: list[Message], ends: dict[int, int]) -> set[int]:
    """Partitions whose last record in this batch is at or past their last planned offset."""
    last = dict(
        zip(_ints(Message.partition, messages), _ints(Message.offset, messages), strict=True)
    )  # the last per partition
    return {partition for partition, offset in last.items() if offset >= ends[partition] - 1}


def _columns(messages: list[Message], ends: dict[int, int], until_ms: int | None) -> RecordBatch | None:
    """The batch as columns, each field taken by a `map`; records past a partition's end offset or
    after `until_ms` left out (vectorised: `compress` with a mask, only when one is there)."""
    if not messages:
        return None
    partitions = _ints(Message.partition, messages)
    offsets = _ints(Message.offset, messages)
    keep: list[bool] = list(map(operator.lt, offsets, map(ends.__getitem__, partitions)))
    timestamps = list(map(_second, map(Message.timestamp, messages)))
    if until_ms is not None:
        keep = list(map(operator.and_, keep, map(operator.le, timestamps, repeat(until_ms))))
    if not all(keep):
        messages = list(compress(messages, keep))
        if not messages:
            return None
        partitions, offsets, timestamps = (list(compress(column, keep)) for column in (partitions, offsets, timestamps))
    return RecordBatch(
        partitions, offsets, timestamps, list(map(Message.key, messages)), list(map(Message.value, messages))
    )


def _ints(field: Callable[[Message], int | None], messages: list[Message]) -> list[int]:
    """A field every record has (partition, offset; only librdkafka's events lack them), for the batch."""
    return cast(list[int], list(map(field, messages)))
