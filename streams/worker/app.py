"""The Faust app: one table-mutating agent (concurrency 1) and a read-only web view.

The reports topic and the region table share partition count, and every table entry of a
region is written while the current event is one of the region's records, so a region's
entries live in the partition its reports arrive on. The table holds a header and one entry
per article for each region (`table_layout`); the worker keeps the regions it holds decoded in
memory (`region_cache`), folds each batch from `take_paced` into them and writes only the
entries the batch changed. Faust flushes the producer (changelog, snapshots, dead letters)
before it commits the batch's offsets, which gives at-least-once, and the fold's article-id
memory makes redelivery harmless.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, cast

import faust
import structlog
from faust.sensors.prometheus import setup_prometheus_sensors
from faust.streams import Stream, _current_event
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from streams.envelope import encode
from streams.fold.region import new_region
from streams.fold.snapshot import snapshot
from streams.fold.state import to_ms
from streams.topics import SITUATION_TOPIC_HEADER, Catalogue
from streams.worker import faust_delivery, faust_patches
from streams.worker.batch import fold_region, plan_batch
from streams.worker.local_state import deployment_dir
from streams.worker.metrics import WorkerMetrics
from streams.worker.records import Poison, RawRecord
from streams.worker.region_cache import RegionCache
from streams.worker.settings import REGIONS_TABLE, WorkerSettings
from streams.worker.switch import VersionFollower, Wiring
from streams.worker.table_layout import batch_writes
from streams.worker.table_writes import TableWriter
from streams.worker.take import take_paced

log = structlog.get_logger("sitmon.worker")

RAW: dict[str, Any] = {"key_type": bytes, "value_type": bytes, "key_serializer": "raw", "value_serializer": "raw"}


def point_tables_at(event: faust.types.EventT[Any] | None) -> None:
    """Set the event Faust's tables read their partition from (store and changelog).

    Inside a `take_events` batch the agent's context holds no event of its own; setting only
    this task's context variable leaves the stream's buffer (another task) undisturbed —
    `Stream._set_current_event` would also clear the attribute the buffer reads.
    """
    _current_event.set(weakref.ref(event) if event is not None else None)


def broker_url(bootstrap: str) -> str:
    return ";".join(f"kafka://{host.strip()}" for host in bootstrap.split(",") if host.strip())


BROKER_REQUEST_TIMEOUT_S = 300.0


def build_app(
    settings: WorkerSettings,
    catalogue: Catalogue,
    registry: CollectorRegistry,
    region_partitions: int,
    on_switch: Callable[[int], None] | None = None,
) -> faust.App:
    """`region_partitions`: the partition count the reports topic has on the broker (table and
    situation topic follow it, so they stay co-partitioned whatever count the topics were made with).
    `on_switch`: called with the live version when `sitmon rebuild --switch` makes another one live
    (the worker then stops cleanly, for its entry point to start again as that version); None: the
    app does not follow switches (an app built only to name its topics)."""
    faust_patches.install()  # the seek/fetch race behind issue 11's skipped offsets; read_committed
    faust_delivery.install()  # the drain loop without four asyncio tasks per record
    app = faust.App(
        settings.full_app_id,
        version=settings.version,
        broker=broker_url(settings.kafka_bootstrap),
        store=settings.store,
        # one directory per app id (which carries the topic prefix): side-by-side deployments
        # on one data directory never open each other's tables
        datadir=str(deployment_dir(settings.data_dir, settings.full_app_id)),
        web_host=settings.web_host,
        web_bind=settings.web_host,
        web_port=settings.web_port,
        web_enabled=True,
        autodiscover=False,
        topic_partitions=region_partitions,
        topic_replication_factor=1,
        table_standby_replicas=0,
        producer_acks=-1,
        consumer_auto_offset_reset="earliest",
        broker_commit_interval=settings.commit_interval_s,
        broker_session_timeout=settings.session_timeout_s,
        # Faust gives the seek after table recovery this long, and when it runs out its recovery loop
        # stops for good without a word (ServiceStopped → break): the worker never folds again. A
        # broker restart during that seek takes the outage plus the broker's start (60-70 s on a
        # loaded 2-core machine, against Faust's default 90 s); aiokafka retries until it answers.
        broker_request_timeout=BROKER_REQUEST_TIMEOUT_S,
        broker_heartbeat_interval=min(3.0, settings.session_timeout_s / 3),
        consumer_group_instance_id=settings.instance_id,
        Monitor=faust_delivery.LeanMonitor,  # Faust's per-record statistics, which nothing here reads
    )
    if settings.faust_metrics:  # serves /metrics itself, Faust's series and sitmon's
        setup_prometheus_sensors(app, registry=registry, name_prefix="sitmon_worker_faust")
    else:

        @app.page("/metrics")
        async def metrics_view(web: Any, request: Any) -> Any:
            return web.bytes(generate_latest(registry), headers={"Content-Type": CONTENT_TYPE_LATEST})

    metrics = WorkerMetrics(registry)

    reports = app.topic(catalogue.reports.name, partitions=region_partitions, schema=faust_delivery.RawRecords())
    situation = app.topic(catalogue.situation.name, partitions=region_partitions, **RAW)
    dead_letters = app.topic(catalogue.dlq.name, **RAW)
    regions = app.Table(REGIONS_TABLE, default=None, partitions=region_partitions, key_type=bytes, value_type=bytes)
    cache = RegionCache(lambda: regions.items())

    # another worker may fold a region while this one does not hold it: after any rebalance the
    # table (restored from the changelog) is the truth again; forgotten also once recovery is
    # complete, in case a web request read the table while it was being restored
    async def forget_regions(*args: Any, **kwargs: Any) -> None:
        cache.forget()

    app.on_partitions_revoked.connect(forget_regions)
    app.on_partitions_assigned.connect(forget_regions)
    app.on_rebalance_complete.connect(forget_regions)

    writer = TableWriter(app, regions)

    # concurrency 1: with more, Faust may commit past an in-flight batch (faust-streaming #606)
    @app.agent(reports, concurrency=1)
    async def fold_reports(stream: faust.StreamT[bytes]) -> None:
        stream = cast(Stream[bytes], stream)  # the concrete class: its buffer internals, current event
        cache.forget()  # an agent restarted after a crash may hold states a failed batch changed
        batches = take_paced(stream, settings.batch_size, settings.batch_within_s, settings.batch_longest_wait_s)
        async for events in batches:
            records = [
                RawRecord(
                    topic=event.message.topic,
                    partition=event.message.partition,
                    offset=event.message.offset,
                    key=event.message.key,
                    value=event.value,
                    timestamp_ms=int(event.message.timestamp * 1000),
                )
                for event in events
            ]
            plan = plan_batch(records)
            refused: list[tuple[int, Poison]] = []  # reports the fold could not place: dead letters too
            for group in plan.regions.values():
                # table reads and writes pick their partition (store and changelog) from the
                # current event: point it at this region's own record, not the batch's last
                point_tables_at(events[group.last_index])
                key = group.region.encode("utf-8")
                state = cache.get(group.region)
                if state is None:
                    state = new_region(group.region)
                    cache.put(state)
                outcome = fold_region(state, group)
                metrics.observe(outcome.stats)
                refused.extend(outcome.refused)
                if outcome.write:
                    await writer.write(events[group.last_index].message.partition, list(batch_writes(state).in_order()))
                if outcome.situation is not None:
                    await situation.send(
                        key=key,
                        value=encode(outcome.situation, subject=group.region),
                        timestamp=to_ms(outcome.situation.as_of) / 1000,
                    )
                    metrics.situations.inc()
            for index, poison in [*plan.poison, *refused]:
                await dead_letters.send(
                    key=poison.letter.origin.encode("utf-8"),
                    value=encode(poison.letter, subject=poison.letter.origin),
                    timestamp=records[index].timestamp_ms / 1000,
                )
                metrics.dead_letters.labels(poison.kind).inc()
                log.warning("dead-lettered", origin=poison.letter.origin, kind=poison.kind, reason=poison.letter.reason)
            point_tables_at(None)

    if on_switch is not None:
        versions = app.topic(catalogue.worker_versions.name, partitions=1, **RAW)
        wiring = Wiring(app, cache, situation, versions, catalogue.reports.name)
        follower = VersionFollower(
            settings.kafka_bootstrap,
            catalogue.worker_versions.name,
            settings.full_app_id,
            str(app.conf.id),
            settings.version,
            wiring,
            on_switch,
        )

        async def follow_versions() -> None:
            await follower.run()

        app.task(follow_versions)  # started with the app, cancelled when it stops

    # readers check it: a worker of another deployment may answer on the same port
    deployment = {SITUATION_TOPIC_HEADER: catalogue.situation.name}

    def not_ready() -> str | None:
        if app.in_recovery or app.rebalancing:
            return "the worker is recovering or rebalancing its tables"
        return None

    @app.page("/situation/{region}")
    async def situation_view(web: Any, request: Any, region: str) -> Any:
        """The region's current picture, the same JSON as its latest record on the situation topic."""
        if (busy := not_ready()) is not None:
            return web.json({"error": busy}, status=503)
        state = cache.get(region)
        if state is None or state.cause is None:
            return web.json({"error": f"no report folded for region {region!r} on this worker"}, status=404)
        body = encode(snapshot(state), subject=region)
        return web.bytes(body, content_type="application/cloudevents+json", headers=deployment)

    @app.page("/situation")
    async def all_situations_view(web: Any, request: Any) -> Any:
        """Every region's current picture (a JSON array of CloudEvents), when this worker holds every
        region partition; with several workers each holds a share, and readers use the topic instead."""
        if (busy := not_ready()) is not None:
            return web.json({"error": busy}, status=503)
        held = {tp.partition for tp in app.assignor.assigned_actives() if tp.topic == catalogue.reports.name}
        if len(held) < region_partitions:
            message = f"this worker holds {len(held)} of {region_partitions} region partitions"
            return web.json({"error": message}, status=409)
        states = [cache.get(region) for region in cache.regions()]
        documents = [encode(snapshot(state), subject=state.region) for state in states if state and state.cause]
        body = b"[" + b",".join(documents) + b"]"
        return web.bytes(body, content_type="application/json", headers=deployment)

    return app
