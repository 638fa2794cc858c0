"""`sitmon rebuild [--version N] [--switch] [--json]`: the worker's state for a fresh app version,
folded from the reports log by the batch fast path, compared with the live picture.

Without `--switch` nothing the live system reads is touched: the new version's changelog and
group offsets are written, the differences printed. With `--switch` the new version is also
made the live one (`services.rederive.switch`): running workers stop and start again as it by
themselves, workers started later start as it, and its workers publish every region's rebuilt
picture before anything of the old version could follow (streams/worker/switch.py).
"""

from __future__ import annotations

import asyncio
import gc
import json
from dataclasses import asdict
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from services.errors import BadInput
from services.rederive.diff import RegionChange, compare
from services.rederive.fold_log import FoldedLog, fold_reports_log
from services.rederive.switch import read_book, write_switch
from services.rederive.takeover import commit_offsets
from services.situation_query.query import latest
from streams.topics import Catalogue

console = Console(highlight=False)
notes = Console(stderr=True, highlight=False)


def worker_names(version: int) -> tuple[str, str]:
    """(group id, regions changelog topic) of the worker at `version`, as Faust names them."""
    from streams.worker.settings import REGIONS_TABLE, WorkerSettings

    settings = WorkerSettings(version=version)
    return settings.group_id, settings.changelog_topic(REGIONS_TABLE)


async def fold_with_progress(bootstrap: str, topic: str, changelog: str) -> FoldedLog:
    """A spinner while the partitions are folded into `changelog` (in parallel processes: no
    per-record progress)."""
    with Progress(
        SpinnerColumn(),
        TextColumn(f"folding {topic}"),
        TimeElapsedColumn(),
        console=notes,
        transient=True,
        disable=not notes.is_terminal,
    ):
        return await fold_reports_log(bootstrap, topic, changelog=changelog)


def render(changes: list[RegionChange], version: int) -> Table:
    table = Table(title=f"rebuilt picture (app version {version}) against the live one", caption_justify="left")
    for column in ("region", "change", "killed (best, all) live → rebuilt", "ceasefire live → rebuilt"):
        table.add_column(column)
    for change in changes:
        table.add_row(
            change.region,
            change.kind,
            f"{_text(change.killed_before)} → {_text(change.killed_after)}",
            f"{_text(change.ceasefire_before)} → {_text(change.ceasefire_after)}",
        )
    return table


def _text(value: object) -> str:
    return "–" if value is None else str(value)


def rebuild_command(
    version: Annotated[
        int | None,
        typer.Option(
            help="the fresh app version to build (default: the live one + 1: the last switch's, "
            "else SITMON_WORKER_VERSION)"
        ),
    ] = None,
    switch: Annotated[
        bool,
        typer.Option(
            "--switch",
            help="make the rebuilt version the live one: running workers move to it by themselves "
            "and publish its pictures; no restart needed",
        ),
    ] = False,
    json_output: Annotated[bool, typer.Option("--json", help="print the summary and differences as JSON")] = False,
) -> None:
    """Rebuild the worker's tables and pictures from the reports log into a fresh app version.

    Prints the regions whose picture the rebuild changes. With --switch the version becomes the live
    one: running workers stop, start again as it in the same process and publish its pictures.
    """
    from streams.worker.region_cache import GC_THRESHOLDS
    from streams.worker.settings import WorkerSettings

    gc.set_threshold(*GC_THRESHOLDS)  # the fold keeps every region decoded until the end
    live = WorkerSettings()
    catalogue = Catalogue(live.topic_prefix)
    bootstrap = live.kafka_bootstrap
    if version is not None and version < 2:
        raise BadInput(f"--version {version}: a rebuild goes into a fresh app version (2 or more)")

    async def run() -> tuple[int, FoldedLog, list[RegionChange], str, str]:
        # the live version: the last switch's, else the workers' setting
        running = (await read_book(bootstrap, catalogue, live.full_app_id)).live_version(live.version)
        target = version if version is not None else running + 1
        group_id, changelog = worker_names(target)
        # claims the changelog first (a version that has run is refused before any folding)
        folded = await fold_with_progress(bootstrap, catalogue.reports.name, changelog)
        pictures = await latest(bootstrap, catalogue)
        changes = compare(pictures, {region: result.picture for region, result in folded.regions.items()})
        await commit_offsets(bootstrap, group_id, catalogue.reports.name, folded.ends)
        if switch:  # last: a worker that follows it finds the changelog and the offsets in place
            await write_switch(
                bootstrap,
                catalogue,
                app_id=live.full_app_id,
                version=target,
                previous_version=running,
                resumes_at=folded.ends,
            )
        return target, folded, changes, group_id, changelog

    target, folded, changes, group_id, changelog = asyncio.run(run())
    summary: dict[str, Any] = {
        "version": target,
        "reports": folded.records,
        "dead_letters_skipped": folded.dead_letters,
        "regions": len(folded.regions),
        "changelog": changelog,
        "group": group_id,
        "switched": switch,
        "changes": [asdict(change) for change in changes],
    }
    if json_output:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        console.print(render(changes, target) if changes else "the rebuilt picture equals the live one")
    notes.print(
        f"folded {folded.records} report(s) into {len(folded.regions)} region(s) for app version {target} "
        f"({changelog}); "
        + (
            f"switched: app version {target} is live; running workers move to it and publish its pictures"
            if switch
            else "the live picture is untouched (--switch makes this version the live one)"
        )
    )


def register(app: typer.Typer) -> None:
    app.command("rebuild")(rebuild_command)
