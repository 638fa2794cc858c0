"""The API's EventLog: reads answer from a read model a consumer keeps current, writes go to Kafka.

`KafkaEventLog` replays a topic per read (right for one-shot commands); a long-running API
cannot afford that — `GET /situation/gaza` grew from 71 ms to 3.9 s as the situation topic
grew from 151 to 4,155 snapshots. Here one consumer (no group, read_committed) follows the
situation, deliveries, subscriptions, alerts and tokens topics from their beginning and folds
every record into `ReadModel`.

A read first asks the broker for the end offsets of the topic it needs and waits until the
consumer has applied everything before them: one small request, independent of the log's
length, and a request still sees every write acknowledged before it — its own included.
"""

from __future__ import annotations

import asyncio
import contextlib
import time

import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition

from services.api.kafka_log import KafkaEventLog, SubscriptionCommands
from services.api.read_model import ReadModel
from services.errors import SitmonError
from services.kafka.admin import topic_partitions
from streams.access import ApiToken
from streams.alerting import Silence
from streams.deliveries import DeliveryRecord
from streams.situation import SituationChanged
from streams.subscriptions import Subscription
from streams.topics import Catalogue

log = structlog.get_logger("sitmon.api")

FOLLOWED = ("situation", "deliveries", "subscriptions", "alerts", "tokens")
CATCH_UP_TIMEOUT_S = 15.0


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
            for tp, records in batches.items():
                suffix = self._suffix_of[tp.topic]
                for record in records:
                    self.model.apply(suffix, record.key, record.value)
                self.records_applied += len(records)
            # the position (past control records of transactions too) is what the reads compare
            positions = {tp: await consumer.position(tp) for tp in consumer.assignment()}
            async with self._progress:
                self._applied.update(positions)
                self._progress.notify_all()

    async def _caught_up(self, suffix: str) -> None:
        """Return once every record written to the topic before this call has been applied."""
        if self._offsets is None:
            await self.start()
        assert self._offsets is not None
        partitions = self._partitions[suffix]
        try:
            ends = await asyncio.wait_for(self._offsets.end_offsets(partitions), CATCH_UP_TIMEOUT_S)
        except TimeoutError:
            raise SitmonError(f"the broker at {self.bootstrap} did not tell the end of {suffix} within 15 s") from None

        def reached() -> bool:
            return all(self._applied.get(tp, 0) >= end for tp, end in ends.items())

        async with self._progress:
            if reached():
                return
            if self._follower is not None and self._follower.done():
                raise SitmonError(f"the API stopped following the log: {self._follower.exception()}")
            try:
                await asyncio.wait_for(self._progress.wait_for(reached), CATCH_UP_TIMEOUT_S)
            except TimeoutError:
                raise SitmonError(f"the API's read model fell behind {suffix} by more than 15 s") from None

    # --- reads ------------------------------------------------------------------------------

    async def situations(self) -> dict[str, SituationChanged]:
        await self._caught_up("situation")
        return dict(self.model.situations)

    async def deliveries(self, subscription_id: str, limit: int | None = None) -> list[DeliveryRecord]:
        await self._caught_up("deliveries")
        return self.model.deliveries(subscription_id, limit)

    async def subscriptions(self) -> dict[str, Subscription]:
        await self._caught_up("subscriptions")
        return dict(self.model.subscriptions)

    async def silences(self) -> dict[str, Silence]:
        await self._caught_up("alerts")
        return dict(self.model.silences)

    async def api_tokens(self) -> dict[str, ApiToken]:
        await self._caught_up("tokens")
        return dict(self.model.tokens)
