"""The API's EventLog: reads answer from a read model a consumer keeps current, writes go to Kafka.

`KafkaEventLog` replays a topic per read (right for one-shot commands); a long-running API
cannot afford that — `GET /situation/gaza` grew from 71 ms to 3.9 s as the situation topic
grew from 151 to 4,155 snapshots. Here one consumer (no group, read_committed) follows the
situation, deliveries, subscriptions, alerts and tokens topics from their beginning and folds
every record into `ReadModel`.

How fresh a read is depends on who writes what it reads:
- The records people write — subscriptions, silences, tokens — are read behind a fence: the
  broker is asked for the topics' end offsets and the read waits until the model has applied
  everything before them, so a request sees every such write acknowledged before it (its own,
  the CLI's a moment ago, a token revoked a moment ago). Within an HTTP request the broker is
  asked once, for every followed topic, at the first fenced read (`read_fence.py`).
- The views the services derive — the situation, the delivery log — answer from the model as
  it stands, without a broker round trip: the consumer's long-polling fetch brings a record
  as the broker acknowledges it, so the model trails the log by about one fetch, and nobody
  outside can have seen those records acknowledged sooner. Under load the round trip was
  most of a request's time (p50 12-14 ms with it, 0.8 ms without, in-process at load 24).
- A region, a subscription or a delivered message looked up by name is taken from the model
  when found there; a miss asks the broker (it may have been written a moment ago) and looks
  again, so an answer "not found" is as sure as a fenced read.
"""

from __future__ import annotations

import asyncio
import contextlib
import time

import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition

from services.api.kafka_log import KafkaEventLog, SubscriptionCommands
from services.api.read_fence import current_fence
from services.api.read_model import ReadModel
from services.api.views import SituationViews
from services.errors import SitmonError
from services.kafka.admin import topic_partitions
from streams.deliveries import DeliveryRecord
from streams.subscription_commands import Decision, SubscriptionCommand
from streams.subscriptions import Subscription
from streams.topics import Catalogue

log = structlog.get_logger("sitmon.api")

FOLLOWED = ("situation", "deliveries", "subscriptions", "alerts", "tokens")
DERIVED = frozenset({"situation", "deliveries"})  # written by the services: read without a fence
CATCH_UP_TIMEOUT_S = 15.0
# the follower applies records for at most this long before letting the event loop turn, so a
# request never waits behind a long batch while the model catches up (decoding costs ~50 µs a record)
APPLY_SLICE_S = 0.002


class LiveEventLog(KafkaEventLog):
    def __init__(self, bootstrap: str, catalogue: Catalogue, writer: SubscriptionCommands | None = None) -> None:
        super().__init__(bootstrap, catalogue, writer)
        self.model = ReadModel()
        self._suffix_of = {catalogue.get(suffix).name: suffix for suffix in FOLLOWED}
        self._partitions: dict[str, list[TopicPartition]] = {}
        self._applied: dict[TopicPartition, int] = {}
        self._progress = asyncio.Condition()
        self._consumer: AIOKafkaConsumer | None = None
        # end offsets are asked on a connection of their own: the broker answers one connection's
        # requests in order, so behind the follower's long-polling fetch they would wait up to 0.5 s
        self._offsets: AIOKafkaConsumer | None = None
        self._follower: asyncio.Task[None] | None = None
        self.records_applied = 0
        self.end_offset_requests = 0  # broker round trips the reads cost: at most one per HTTP request

    async def start(self) -> None:
        await super().start()
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap,
            group_id=None,
            enable_auto_commit=False,
            isolation_level="read_committed",
            max_partition_fetch_bytes=4 * 1024 * 1024,
        )
        offsets = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap, group_id=None, enable_auto_commit=False, isolation_level="read_committed"
        )
        try:
            await consumer.start()
            await offsets.start()
            for name, suffix in self._suffix_of.items():
                numbers = await self._partitions_of(name)
                self._partitions[suffix] = [TopicPartition(name, number) for number in sorted(numbers)]
        except SitmonError:
            await consumer.stop()
            await offsets.stop()
            raise
        except Exception as exc:  # aiokafka raises several types for an unreachable broker
            await consumer.stop()
            await offsets.stop()
            raise SitmonError(f"cannot reach Kafka at {self.bootstrap}: {exc}") from exc
        everything = [tp for tps in self._partitions.values() for tp in tps]
        consumer.assign(everything)
        await consumer.seek_to_beginning(*everything)
        self._consumer, self._offsets = consumer, offsets
        self._follower = asyncio.create_task(self._follow(consumer), name="sitmon-api-read-model")
        started = time.monotonic()
        for suffix in FOLLOWED:
            await self._caught_up(suffix)
        log.info("read model ready", records=self.records_applied, seconds=round(time.monotonic() - started, 2))

    async def _partitions_of(self, name: str) -> list[int]:
        # a topic created a moment ago may not be in the broker's metadata yet: ask again for a while
        deadline = time.monotonic() + CATCH_UP_TIMEOUT_S
        while not (numbers := await topic_partitions(self.bootstrap, name)):
            if time.monotonic() > deadline:
                raise SitmonError(f"topic {name} does not exist on {self.bootstrap}; run `sitmon topics create`")
            await asyncio.sleep(0.1)
        return numbers

    async def stop(self) -> None:
        if self._follower is not None:
            self._follower.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._follower
            self._follower = None
        for client in (self._consumer, self._offsets):
            if client is not None:
                await client.stop()
        self._consumer = self._offsets = None
        await super().stop()

    async def _follow(self, consumer: AIOKafkaConsumer) -> None:
        while True:
            batches = await consumer.getmany(timeout_ms=1000, max_records=5000)
            slice_ends = time.monotonic() + APPLY_SLICE_S
            for tp, records in batches.items():
                suffix = self._suffix_of[tp.topic]
                for record in records:
                    self.model.apply(suffix, record.key, record.value)
                    if time.monotonic() > slice_ends:
                        await asyncio.sleep(0)  # let waiting requests answer, then go on
                        slice_ends = time.monotonic() + APPLY_SLICE_S
                self.records_applied += len(records)
            # the position (past control records of transactions too) is what the reads compare
            positions = {tp: await consumer.position(tp) for tp in consumer.assignment()}
            async with self._progress:
                self._applied.update(positions)
                self._progress.notify_all()

    async def _caught_up(self, suffix: str) -> None:
        """Return once every record written to the topic before this call (or before the HTTP
        request it serves) has been applied."""
        if self._offsets is None:
            await self.start()
        partitions = self._partitions[suffix]
        fence = current_fence()
        if fence is None:
            ends = await self._ends(partitions)
        else:
            if fence.ends is None:
                every = [tp for tps in self._partitions.values() for tp in tps]
                fence.ends = {(tp.topic, tp.partition): end for tp, end in (await self._ends(every)).items()}
            ends = {tp: fence.ends[(tp.topic, tp.partition)] for tp in partitions}

        def reached() -> bool:
            return all(self._applied.get(tp, 0) >= end for tp, end in ends.items())

        if reached():  # the usual case: no lock, no waiting
            return
        async with self._progress:
            if reached():
                return
            if self._follower is not None and self._follower.done():
                raise SitmonError(f"the API stopped following the log: {self._follower.exception()}")
            try:
                await asyncio.wait_for(self._progress.wait_for(reached), CATCH_UP_TIMEOUT_S)
            except TimeoutError:
                raise SitmonError(f"the API's read model fell behind {suffix} by more than 15 s") from None

    async def _ends(self, partitions: list[TopicPartition]) -> dict[TopicPartition, int]:
        assert self._offsets is not None
        self.end_offset_requests += 1
        try:
            found: dict[TopicPartition, int] = await asyncio.wait_for(
                self._offsets.end_offsets(partitions), CATCH_UP_TIMEOUT_S
            )
        except TimeoutError:
            topics = ", ".join(sorted({tp.topic for tp in partitions}))
            raise SitmonError(f"the broker at {self.bootstrap} did not tell the end of {topics} within 15 s") from None
        return found

    # --- reads answer from the read model; a write in a request makes its later reads ask again ---

    async def _folded(self, suffix: str, key: str | None = None) -> ReadModel:
        if suffix not in DERIVED:
            await self._caught_up(suffix)
        return self.model

    async def situation_view(self, region: str | None = None) -> SituationViews:
        if region is not None and region not in self.model.situations:  # perhaps its first picture just came
            await self._caught_up("situation")
        return self.model.situation

    async def subscription(self, subscription_id: str) -> Subscription | None:
        found = self.model.subscriptions.get(subscription_id)
        if found is None:  # perhaps created a moment ago: ask the broker, then look again
            await self._caught_up("subscriptions")
            found = self.model.subscriptions.get(subscription_id)
        return found

    async def delivery(self, subscription_id: str, message_id: str) -> DeliveryRecord | None:
        found = self.model.deliveries.get(subscription_id, message_id)
        if found is None:  # perhaps requested a moment ago: ask the broker, then look again
            await self._caught_up("deliveries")
            found = self.model.deliveries.get(subscription_id, message_id)
        return found

    async def _send(self, topic: str, key: str, value: bytes | None) -> None:
        await super()._send(topic, key, value)
        _forget_fence()

    async def submit_subscription(self, command: SubscriptionCommand) -> Decision:
        decision = await super().submit_subscription(command)
        _forget_fence()
        return decision


def _forget_fence() -> None:
    fence = current_fence()
    if fence is not None:
        fence.ends = None
