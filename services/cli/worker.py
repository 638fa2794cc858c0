"""`sitmon worker`: the Faust stream processors that fold reports into each region's picture."""

from __future__ import annotations

import asyncio
import gc
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from services.cli.output import stderr
from services.errors import BadInput, SitmonError
from services.kafka.admin import end_offsets, ensure_topic, topic_partitions
from services.rederive.switch import read_book
from streams.topics import Catalogue


def worker_command(
    version: Annotated[
        int | None, typer.Option(help="app version; a new one rebuilds every table from the reports topic")
    ] = None,
    web_port: Annotated[int | None, typer.Option(help="port of the web view and /metrics (default 6066)")] = None,
    data_dir: Annotated[Path | None, typer.Option(help="where the RocksDB tables live")] = None,
    store: Annotated[str | None, typer.Option(help="table store: rocksdb:// or memory://")] = None,
) -> None:
    """Fold the reports topic into per-region casualty and ceasefire state; publish each region's picture.

    Reads SITMON_KAFKA_BOOTSTRAP, SITMON_TOPIC_PREFIX and SITMON_WORKER_* settings. Serves
    /metrics and /situation/REGION on the web port. Stops cleanly on Ctrl-C. Runs the app version
    `sitmon rebuild --switch` made live (else --version / SITMON_WORKER_VERSION), and moves to the
    next one a switch makes live by itself: it stops cleanly and starts again in the same process.
    """
    # imported here: faust is heavy and only this command needs it
    from faust.worker import Worker
    from prometheus_client import CollectorRegistry

    from streams.worker import local_state
    from streams.worker.app import build_app
    from streams.worker.region_cache import GC_THRESHOLDS
    from streams.worker.settings import WorkerSettings

    overrides = {
        name: value
        for name, value in (("version", version), ("web_port", web_port), ("data_dir", data_dir), ("store", store))
        if value is not None
    }
    try:
        settings = WorkerSettings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        where = f" {'.'.join(map(str, first['loc']))}" if first["loc"] else "s"  # a check across settings has none
        raise BadInput(f"worker setting{where}: {first['msg']}") from None
    catalogue = Catalogue(settings.topic_prefix)
    partitions = asyncio.run(_region_partitions(settings.kafka_bootstrap, catalogue))
    live = asyncio.run(read_book(settings.kafka_bootstrap, catalogue, settings.full_app_id)).live_version(
        settings.version
    )
    if live != settings.version:
        stderr.print(
            f"sitmon: app version {live} is live (sitmon rebuild --switch); running it, not {settings.version}"
        )
        settings = settings.model_copy(update={"version": live})
    deployment = local_state.deployment_dir(settings.data_dir, settings.full_app_id)
    deployment.mkdir(parents=True, exist_ok=True)
    if local_state.prepare(deployment, settings.version):
        stderr.print("sitmon: the last worker run did not stop cleanly; rebuilding tables from the changelog")
    gc.set_threshold(*GC_THRESHOLDS)
    switched_to: list[int] = []  # the version a switch made live while this worker ran
    app = build_app(settings, catalogue, CollectorRegistry(), partitions, on_switch=switched_to.append)
    asyncio.run(_ensure_internal_topics(app, settings.kafka_bootstrap))
    if settings.store.startswith("rocksdb"):
        _drop_tables_the_changelog_does_not_back(app, settings.kafka_bootstrap, deployment, settings.version)
    try:
        Worker(app, loglevel=settings.log_level, quiet=True).execute_from_commandline()
    except SystemExit as stop:
        if stop.code in (0, None):  # a clean stop: everything flushed and committed
            local_state.mark_clean(deployment, settings.version)
            if switched_to:
                _start_again_as(switched_to[-1])
        raise


def _start_again_as(version: int) -> None:
    """Replace this process with the same command (same pid: a supervisor sees no exit); the new
    one reads the switch and runs `version` (Faust binds an app to one version per process)."""
    stderr.print(f"sitmon: app version {version} is live now; starting again as it")
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, sys.orig_argv)


async def _region_partitions(bootstrap: str, catalogue: Catalogue) -> int:
    try:
        numbers = await topic_partitions(bootstrap, catalogue.reports.name)
    except Exception as exc:  # aiokafka raises several types for an unreachable broker
        raise SitmonError(f"cannot reach Kafka at {bootstrap}: {exc or type(exc).__name__}") from None
    if not numbers:
        raise SitmonError(f"topic {catalogue.reports.name} does not exist on {bootstrap} (run `sitmon topics create`)")
    return len(numbers)


def internal_topics(app: Any) -> dict[str, tuple[int, dict[str, str]]]:
    """The topics Faust would create at start, {name: (partitions, config)}: each table's
    changelog, and the leader topic (named here: touching `app._leader_assignor` before the
    worker runs would bind that service to a loop that is closed by then)."""
    topics: dict[str, tuple[int, dict[str, str]]] = {f"{app.conf.id}-__assignor-__leader": (1, {})}
    for table in app.tables.values():
        topic = table.changelog_topic
        policies = [name for name, wanted in (("compact", topic.compacting), ("delete", topic.deleting)) if wanted]
        config = {"cleanup.policy": ",".join(policies)} if policies else {}
        if topic.retention:
            config["retention.ms"] = str(int(topic.retention * 1000))
        config.update({key: str(value) for key, value in (topic.config or {}).items()})
        topics[topic.get_topic_name()] = (topic.partitions, config)
    return topics


async def _ensure_internal_topics(app: Any, bootstrap: str) -> None:
    """Create Faust's own topics as Faust would, and wait until the broker shows their partitions.

    Left to Faust, a first start creates the changelog and reads the broker's metadata right
    after, before the new partitions show: Faust saw the changelog with 0 partitions next to a
    reports topic with N and stopped with PartitionsMismatch (seen under load in test_rebuild);
    a topic showing late also changes the group's metadata and forces another rebalance.
    """
    for name, (partitions, config) in internal_topics(app).items():
        await ensure_topic(bootstrap, name, partitions, config)


def _drop_tables_the_changelog_does_not_back(app: Any, bootstrap: str, deployment: Path, version: int) -> None:
    """Local partitions ahead of the broker's changelog (a fresh broker, a recreated changelog) are
    dropped and rebuilt from the changelog, instead of Faust's ConsistencyError at start."""
    from streams.worker import local_state
    from streams.worker.settings import REGIONS_TABLE

    changelog = app.tables[REGIONS_TABLE].changelog_topic.get_topic_name()
    tables = local_state.tables_dir(deployment, version)
    persisted = local_state.persisted_offsets(tables, REGIONS_TABLE)
    if not persisted:
        return
    bad = local_state.mismatched(persisted, asyncio.run(end_offsets(bootstrap, changelog)))
    if bad:
        described = ", ".join(f"partition {p}: local {mine} ≥ changelog end {end}" for p, (mine, end) in bad.items())
        stderr.print(
            f"sitmon: local tables in {tables} do not match changelog {changelog} ({described}); "
            "rebuilding them from the changelog"
        )
        local_state.drop_tables(deployment, version)


def register(app: typer.Typer) -> None:
    app.command("worker")(worker_command)
