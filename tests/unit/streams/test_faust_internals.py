"""Fails loudly when the Faust (and aiokafka) internals the worker relies on change.

streams/worker/take.py copies `Stream.take_events`; streams/worker/faust_patches.py corrects
the seek/fetch race of the table-recovery path and the consumer's isolation level;
streams/worker/table_writes.py writes table entries and their changelog records itself. All were
written against faust-streaming 0.15.3 and aiokafka 0.14.0. If this test fails after an
upgrade, re-read each listed function: does the race still exist (run
tests/integration/test_worker_seek_race.py without `faust_patches.install()` — it must fail
on recorded gaps, or the fix may have moved upstream), does take.py still match, does
AIOKafkaConsumer.start still build its fetcher from `_isolation_level`, does Faust still flush the
producer table_writes.py sends through before committing? Then update the
fingerprints.
"""

from __future__ import annotations

import hashlib
import inspect
from typing import Any

import aiokafka
import faust
from faust.stores.rocksdb import Store as RocksStore
from faust.streams import Stream
from faust.tables.base import Collection
from faust.tables.recovery import Recovery
from faust.transport.consumer import Consumer
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread, Producer

from streams.worker import faust_patches

RELIED_ON: dict[str, tuple[Any, str]] = {
    # the race: the drain loop, its read offsets and gaps, the seek that rewrites them, the commit
    "Consumer.perform_seek": (faust_patches._original_perform_seek, "0e8c130ff4b0afd8"),
    "Consumer._wait_next_records": (faust_patches._original_wait_next_records, "6218e1969a636b3f"),
    "Consumer._drain_messages": (Consumer._drain_messages, "44a2500309e83c63"),
    "Consumer._add_gap": (Consumer._add_gap, "4df2573ded7c1c2c"),
    "Consumer._new_offset": (Consumer._new_offset, "1d2c7ea89a7ad4f1"),
    "Consumer.ack": (Consumer.ack, "5fcf41cf45153475"),
    "Consumer.getmany": (Consumer.getmany, "4b168d84882a70d6"),
    # the order that opens the race: resume stream partitions, then seek, with the flow running
    "Recovery._restart_recovery": (Recovery._restart_recovery, "6bd8a8558a2dffe4"),
    "Recovery.on_recovery_completed": (Recovery.on_recovery_completed, "6ef567acf072e46d"),
    # read_committed
    "AIOKafkaConsumerThread._create_worker_consumer": (
        faust_patches._original_create_worker_consumer,
        "c2701bfc3e6f6cad",
    ),
    "aiokafka.AIOKafkaConsumer.start": (aiokafka.AIOKafkaConsumer.start, "2f1ba70443327538"),
    # take.py's copy of take_events and the Stream internals it uses
    "Stream.take_events": (Stream.take_events, "607d48aead118ba8"),
    "Stream._enable_passive": (Stream._enable_passive, "64da8ce9f729e30e"),
    # table_writes.py writes the changelog past Faust's per-write path: through the producer Faust
    # flushes before it commits offsets (at-least-once), recording the persisted offset as Faust does
    "Producer._ensure_producer": (Producer._ensure_producer, "5592a4bbdf251325"),
    "Producer.flush": (Producer.flush, "36d0cb3615f65b01"),
    "Collection._on_changelog_sent": (Collection._on_changelog_sent, "60122c86a120d82c"),
    "rocksdb.Store.set_persisted_offset": (RocksStore.set_persisted_offset, "b4c811926678346e"),
    # ... and for RocksDB puts a region's entries in one WriteBatch into the partition's database
    # (as Store.apply_changelog_batch does), standing in for Store._set, which reads it back by the
    # current event's partition (Store._get) or by scanning every partition's database
    "rocksdb.Store._set": (RocksStore._set, "4227e561e288d941"),
    "rocksdb.Store._db_for_partition": (RocksStore._db_for_partition, "cb7e67d5f9efc4bc"),
}


def fingerprint(function: Any) -> str:
    source = inspect.getsource(getattr(function, "fun", function))  # Service.task wraps its coroutine
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def test_the_pinned_versions_are_installed() -> None:
    assert faust.__version__ == faust_patches.PINNED_FAUST
    assert aiokafka.__version__ == "0.14.0"


def test_the_internals_the_worker_relies_on_are_unchanged() -> None:
    changed = {name: fingerprint(fn) for name, (fn, expected) in RELIED_ON.items() if fingerprint(fn) != expected}
    assert not changed, f"Faust/aiokafka internals changed (see this module's docstring): {changed}"


def test_install_patches_the_seek_and_the_isolation_level() -> None:
    faust_patches.install()
    assert Consumer.perform_seek is faust_patches._perform_seek
    assert Consumer._wait_next_records is faust_patches._wait_next_records
    assert AIOKafkaConsumerThread._create_worker_consumer is faust_patches._create_worker_consumer
    assert "isolation_level=self._isolation_level" in inspect.getsource(aiokafka.AIOKafkaConsumer.start)
