"""The rebuild's fast path: fold the whole reports log per region, without Faust's per-event path.

Reads every partition of the reports topic up to the end offsets seen at the start, in large
`getmany` batches, and hands each batch to the worker's own batch step
(`streams.worker.batch.plan_batch` / `fold_region`: decode, split by region, fold with the
pure fold, encode with the table codec). A region's reports all sit in one partition (the key
is the region), so folding partition by partition in log order is the order the live worker
folds in; the fold's result does not depend on where batches are cut. What comes out is each
region's table value — the bytes the worker's table holds for it — and its final picture.
Records the worker would dead-letter are counted, not dead-lettered again (the live worker did).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError

from services.kafka.admin import topic_partitions
from services.rederive.errors import LogUnreadable
from streams.situation import SituationChanged
from streams.worker.batch import fold_region, plan_batch
from streams.worker.records import RawRecord

FETCH_RECORDS = 20_000  # records per getmany: large batches make the per-region state load/dump rare


@dataclass(slots=True)
class RegionResult:
    partition: int  # of the reports topic, and so of the worker's table changelog
    state: bytes  # the table value, encoded by the worker's table codec
    picture: SituationChanged  # what the worker published last for the region


@dataclass(slots=True)
class FoldedLog:
    regions: dict[str, RegionResult] = field(default_factory=dict)
    ends: dict[int, int] = field(default_factory=dict)  # partition → the next offset: where the worker resumes
    records: int = 0
    dead_letters: int = 0


async def fold_reports_log(
    bootstrap: str,
    topic: str,
    *,
    on_plan: Callable[[int], None] = lambda _: None,
    on_progress: Callable[[int], None] = lambda _: None,
) -> FoldedLog:
    try:
        numbers = await topic_partitions(bootstrap, topic)
    except (KafkaError, OSError) as exc:
        raise LogUnreadable(f"cannot reach Kafka at {bootstrap}: {exc or type(exc).__name__}") from None
    if not numbers:
        raise LogUnreadable(f"topic {topic} does not exist on {bootstrap} (run `sitmon topics create`)")
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        isolation_level="read_committed",  # ingest publishes in transactions; aborted ones never count
        max_partition_fetch_bytes=8 * 1024 * 1024,
        fetch_max_bytes=32 * 1024 * 1024,
    )
    await consumer.start()
    folded = FoldedLog()
    try:
        assigned = [TopicPartition(topic, number) for number in sorted(numbers)]
        consumer.assign(assigned)
        ends = await consumer.end_offsets(assigned)
        starts = await consumer.beginning_offsets(assigned)
        folded.ends = {tp.partition: ends[tp] for tp in assigned}
        on_plan(sum(ends[tp] - starts[tp] for tp in assigned))
        states: dict[str, bytes] = {}
        for tp in assigned:
            consumer.seek(tp, starts[tp])
        remaining = {tp for tp in assigned if starts[tp] < ends[tp]}
        while remaining:
            batches = await consumer.getmany(*remaining, timeout_ms=1000, max_records=FETCH_RECORDS)
            for tp, messages in batches.items():
                inside = [m for m in messages if m.offset < ends[tp]]
                _fold_batch(tp, inside, states, folded)
                on_progress(folded.records)
            for tp in list(remaining):
                if await consumer.position(tp) >= ends[tp]:
                    remaining.discard(tp)
    except KafkaError as exc:
        raise LogUnreadable(f"reading {topic} from {bootstrap} failed: {exc or type(exc).__name__}") from None
    finally:
        await consumer.stop()
    return folded


def _fold_batch(tp: TopicPartition, messages: list, states: dict[str, bytes], folded: FoldedLog) -> None:  # type: ignore[type-arg]
    records = [RawRecord(tp.topic, tp.partition, m.offset, m.key, m.value, m.timestamp) for m in messages]
    plan = plan_batch(records)
    folded.records += len(records)
    folded.dead_letters += len(plan.poison)
    for group in plan.regions.values():
        outcome = fold_region(states.get(group.region), group)
        if outcome.state is None:
            continue
        states[group.region] = outcome.state
        assert outcome.situation is not None
        folded.regions[group.region] = RegionResult(tp.partition, outcome.state, outcome.situation)
