"""The rebuild's fast path: fold the whole reports log per region, without Faust's per-event path.

Reads the reports topic up to the end offsets seen at the start, fetched by librdkafka in
batches of up to 20,000 records (`services.replay.bulk_fetch`, as replay reads), and hands each
batch to the worker's own batch step (`streams.worker.batch.plan_batch` / `fold_region`: decode, split by region, fold with the pure fold into states kept in memory).
A region's reports all sit in one partition (the key is the region), so folding partition by
partition in log order is the order the live worker folds in, and the fold's result does not
depend on where batches are cut. Partitions share nothing, so they are folded in parallel
processes (as Kafka Streams runs one task per partition), one group of partitions per core.
What comes out is each region's table entries — the keys and bytes the worker's table holds for
it (`streams.worker.table_layout`), encoded in the process that folded it — and its final
picture. Given the new version's changelog, each process writes its regions' entries there
itself (about one entry per report: copying them to the parent and writing them from there, one
process after the other, cost ~3 µs per report). Records the worker would dead-letter are
counted, not dead-lettered again.
"""

from __future__ import annotations

import asyncio
import atexit
import gc
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError

from services.errors import SitmonError
from services.kafka.admin import topic_partitions
from services.rederive.errors import LogUnreadable
from services.rederive.takeover import claim_changelog, write_changelog
from services.replay.bulk_fetch import fetch_range
from streams.fold.region import new_region
from streams.fold.snapshot import snapshot
from streams.fold.state import RegionState
from streams.situation import SituationChanged
from streams.worker.batch import fold_region, plan_batch
from streams.worker.records import RawRecord
from streams.worker.table_layout import all_entries

FETCH_RECORDS = 20_000  # records per fold step: each region's batch is folded (and compacted) in one call
PARALLEL_FROM = 200_000  # below this many records, starting processes (~2 CPU-s each) costs more than it saves


@dataclass(slots=True)
class RegionResult:
    partition: int  # of the reports topic, and so of the worker's table changelog
    # the table's entries of the region (key, value), in the worker's layout; none when the fold
    # wrote them to the changelog itself
    entries: list[tuple[bytes, bytes]]
    picture: SituationChanged  # what the worker published last for the region


@dataclass(slots=True)
class FoldedLog:
    regions: dict[str, RegionResult] = field(default_factory=dict)
    ends: dict[int, int] = field(default_factory=dict)  # partition → the next offset: where the worker resumes
    records: int = 0
    dead_letters: int = 0
    written: int = 0  # table entries written to the changelog

    def absorb(self, other: FoldedLog) -> None:
        self.regions.update(other.regions)  # disjoint: a region lives in one partition
        self.records += other.records
        self.dead_letters += other.dead_letters
        self.written += other.written


def _consumer(bootstrap: str) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        isolation_level="read_committed",  # ingest publishes in transactions; aborted ones never count
        max_partition_fetch_bytes=8 * 1024 * 1024,
        fetch_max_bytes=32 * 1024 * 1024,
    )


async def log_bounds(bootstrap: str, topic: str) -> tuple[dict[int, int], dict[int, int]]:
    """(beginning, end) offset per partition, the ends fixed now: the rebuild folds up to them."""
    try:
        numbers = await topic_partitions(bootstrap, topic)
    except (KafkaError, OSError) as exc:
        raise LogUnreadable(f"cannot reach Kafka at {bootstrap}: {exc or type(exc).__name__}") from None
    if not numbers:
        raise LogUnreadable(f"topic {topic} does not exist on {bootstrap} (run `sitmon topics create`)")
    consumer = _consumer(bootstrap)
    await consumer.start()
    try:
        assigned = [TopicPartition(topic, number) for number in sorted(numbers)]
        starts = await consumer.beginning_offsets(assigned)
        ends = await consumer.end_offsets(assigned)
    finally:
        await consumer.stop()
    return {tp.partition: starts[tp] for tp in assigned}, {tp.partition: ends[tp] for tp in assigned}


async def fold_reports_log(
    bootstrap: str,
    topic: str,
    *,
    changelog: str | None = None,
    processes: int | None = None,
    parallel_from: int = PARALLEL_FROM,
) -> FoldedLog:
    """Fold every report up to the current end offsets; `processes` defaults to the cores there are.
    `changelog`: the fresh version's table changelog — claimed first (refused when it holds state),
    then every region's entries are written to it by the process that folded the region, and the
    results hold none."""
    starts, ends = await log_bounds(bootstrap, topic)
    if changelog is not None:
        await claim_changelog(bootstrap, changelog, len(ends))
    total = sum(ends[p] - starts[p] for p in ends)
    workers = min(processes or os.cpu_count() or 1, len(ends))
    folded = FoldedLog(ends=dict(ends))
    if workers <= 1 or total < parallel_from:
        folded.absorb(await fold_partitions(bootstrap, topic, starts, ends, changelog))
        return folded
    shares = balanced_shares({p: ends[p] - starts[p] for p in ends}, workers)
    loop = asyncio.get_running_loop()
    # spawn: a fresh interpreter per worker (forking a process that runs an event loop is unsafe)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        parts = await asyncio.gather(
            *(
                loop.run_in_executor(
                    pool,
                    _fold_in_process,
                    bootstrap,
                    topic,
                    {p: starts[p] for p in share},
                    {p: ends[p] for p in share},
                    changelog,
                )
                for share in shares
            )
        )
    for part in parts:
        folded.absorb(part)
    return folded


def balanced_shares(sizes: dict[int, int], workers: int) -> list[list[int]]:
    """Partitions (number → records) in `workers` shares of about equal records, largest partition
    first to the least loaded share: the rebuild lasts as long as its largest share, and region
    keys hash unevenly (200 regions over 4 partitions: 59, 44, 54 and 43; every other partition
    made shares of 113 and 87 regions' reports, these make 102 and 98)."""
    shares: list[list[int]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for partition in sorted(sizes, key=lambda number: (-sizes[number], number)):
        lightest = loads.index(min(loads))
        shares[lightest].append(partition)
        loads[lightest] += sizes[partition]
    return [sorted(share) for share in shares if share]


# what a pool process folded, kept until it exits (_fold_in_process)
_kept_until_exit: list[object] = []


def _fold_in_process(
    bootstrap: str, topic: str, starts: dict[int, int], ends: dict[int, int], changelog: str | None
) -> FoldedLog:
    """One share, in a pool process that ends with the rebuild. Its states are not freed: freeing
    millions of small objects one by one cost ~0.9 µs per report (250,000 reports in process,
    ~3 % of a rebuild's CPU), and Python's teardown at exit would free them all again, so the
    process ends without it."""
    atexit.unregister(_exit_without_teardown)
    atexit.register(_exit_without_teardown)
    return asyncio.run(fold_partitions(bootstrap, topic, starts, ends, changelog, keep=_kept_until_exit))


def _exit_without_teardown() -> None:
    """Registered last, so run first when the pool process exits (its result long sent): end it
    without Python's teardown, which frees every object of every module. The standard streams
    are all there is to flush; the changelog producer was flushed and stopped by the fold."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while folding: the fold builds millions of small
    objects and keeps them (every region stays decoded until the end), and each full collection
    walks all of them, to find no cycle (the state is trees of dataclasses). Reference counting
    still frees everything else; a cycle made meanwhile waits until the collector is back on.
    bench: 100k reports, in process, 25,316 -> 28,818 reports per CPU-second against the
    worker's raised thresholds (GC_THRESHOLDS), 17,271 at Python's defaults."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


async def fold_partitions(
    bootstrap: str,
    topic: str,
    starts: dict[int, int],
    ends: dict[int, int],
    changelog: str | None = None,
    *,
    keep: list[object] | None = None,
) -> FoldedLog:
    """`keep`: where to leave the states instead of freeing them (a process about to exit)."""
    # The states die inside (when _fold_and_hand_over returns), or are kept and frozen, before the
    # collector is back on: everything made while it was paused is still in its youngest
    # generation, so its first collection after would walk every object of every state still
    # alive — ~7 % of a 1,000,000-report rebuild's CPU (py-spy), for no cycle found.
    with _collector_paused():
        folded = await _fold_and_hand_over(bootstrap, topic, starts, ends, changelog, keep)
        if keep is not None:
            gc.freeze()  # what is kept moves to the permanent generation: no collection walks it
        return folded


async def _fold_and_hand_over(
    bootstrap: str,
    topic: str,
    starts: dict[int, int],
    ends: dict[int, int],
    changelog: str | None,
    keep: list[object] | None,
) -> FoldedLog:
    """Fold, then the regions' pictures and entries (written to `changelog` when given)."""
    folded, states = await _fold_partitions(bootstrap, topic, starts, ends)
    if keep is not None:
        keep.append(states)
    held = {region: (partition, state) for region, (partition, state) in states.items() if state.cause is not None}
    for region, (partition, state) in held.items():
        entries = all_entries(state) if changelog is None else []
        folded.regions[region] = RegionResult(partition, entries, snapshot(state))
    if changelog is not None:
        folded.written = await write_changelog(bootstrap, changelog, _entries_by_partition(held))
    return folded


def _entries_by_partition(
    held: dict[str, tuple[int, RegionState]],
) -> Iterator[tuple[int, Iterable[tuple[bytes, bytes]]]]:
    """Each partition's entries, its regions in name order, each encoded only as it is sent."""
    by_partition: dict[int, list[RegionState]] = {}
    for _, (partition, state) in sorted(held.items()):
        by_partition.setdefault(partition, []).append(state)
    for partition, states in sorted(by_partition.items()):
        yield partition, (entry for state in states for entry in all_entries(state))


async def _fold_partitions(
    bootstrap: str, topic: str, starts: dict[int, int], ends: dict[int, int]
) -> tuple[FoldedLog, dict[str, tuple[int, RegionState]]]:
    """Fold the partitions' records as librdkafka fetches them (`fetch_range`, replay's reader:
    read_committed, up to `ends`), a batch of columns at a time. aiokafka built a Python
    `ConsumerRecord` per record, and fetched only while the event loop was free, not while a batch
    was folded; librdkafka parses in C and prefetches on its own threads while the fold runs.
    250,000 reports, fetching alone: 3.5-4.5 -> 2.1-2.3 µs of CPU per record, half the wall time."""
    folded = FoldedLog()
    states: dict[str, tuple[int, RegionState]] = {}  # region → (partition, state)
    try:
        async for batch in fetch_range(bootstrap, topic, starts, ends, None, batch=FETCH_RECORDS):
            records = list(
                map(RawRecord, repeat(topic), batch.partitions, batch.offsets, batch.keys, batch.values, batch.timestamps)
            )
            _fold_batch(records, states, folded)
    except SitmonError as exc:
        raise LogUnreadable(str(exc)) from None
    return folded, states


def _fold_batch(records: list[RawRecord], states: dict[str, tuple[int, RegionState]], folded: FoldedLog) -> None:
    plan = plan_batch(records)
    folded.records += len(records)
    folded.dead_letters += len(plan.poison)
    for group in plan.regions.values():
        held = states.get(group.region)
        if held is None:
            held = states[group.region] = (group.records[0][1].partition, new_region(group.region))
        fold_region(held[1], group, picture=False)  # the picture is rendered once, at the end
        held[1].touched.clear()  # the whole region is written at the end
