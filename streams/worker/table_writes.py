"""Writing a batch's table entries: into the local store, and to the changelog in bulk.

Faust's own table write (`table[key] = value`) sends each changelog record through its
producer buffer as a `FutureMessage` with callbacks and sensors, about as costly as folding a
report; the table layout writes one or two entries per report, so that path would cost more
than the fold. This does what Faust's table does for a write — the value into the store of the
current event's partition (for RocksDB, the region's entries in one `WriteBatch`), the record to
the changelog, the changelog offset remembered in the
store once acknowledged (`Collection._on_changelog_sent`) — with the region's records in one
aiokafka batch, appended in the order given (the order `table_layout` relies on after a crash).
Faust flushes the same producer before it commits offsets, so at-least-once is unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aiokafka import AIOKafkaProducer
from faust.stores.rocksdb import Store as RocksStore
from faust.types import TP
from rocksdict import WriteBatch

from streams.worker.table_layout import Entry


class TableWriter:
    def __init__(self, app: Any, table: Any) -> None:
        self._app = app
        self._table = table
        self.records = 0  # changelog records sent (for tests and benchmarks)

    async def write(self, partition: int, entries: Sequence[Entry]) -> None:
        """Apply `entries` in order; Faust's tables must point at an event of `partition`."""
        store = self._table.data
        if isinstance(store, RocksStore) and store.use_rocksdict:
            # one atomic RocksDB write per region, as Faust's own changelog recovery writes
            # (`Store.apply_changelog_batch`), instead of a `put` per entry through the store's
            # per-write path (event lookup, key index under a lock: ~4 % of the worker's samples)
            batch = WriteBatch(raw_mode=True)
            for key, value in entries:
                if value is not None:
                    batch.put(key, value)
                else:
                    batch.delete(key)
            store._db_for_partition(partition).write(batch)
        else:  # the memory store
            for key, value in entries:
                if value is not None:
                    store[key] = value
                elif key in store:
                    del store[key]
        producer: AIOKafkaProducer = self._app.producer._ensure_producer()
        topic = self._table.changelog_topic.get_topic_name()
        batch = producer.create_batch()
        for key, value in entries:
            if batch.append(key=key, value=value, timestamp=None) is None:  # full: send, go on in a new one
                await self._send(producer, batch, topic, partition)
                batch = producer.create_batch()
                batch.append(key=key, value=value, timestamp=None)  # an empty batch takes any record
        await self._send(producer, batch, topic, partition)
        self.records += len(entries)

    async def _send(self, producer: AIOKafkaProducer, batch: Any, topic: str, partition: int) -> None:
        count = batch.record_count()
        sent = await producer.send_batch(batch, topic, partition=partition)
        tp = TP(topic, partition)
        store = self._table.data

        def persisted(done: Any) -> None:  # as Faust's table does once a changelog record is acknowledged
            if not done.cancelled() and done.exception() is None:
                store.set_persisted_offset(tp, done.result().offset + count - 1)

        sent.add_done_callback(persisted)
