"""`sitmon worker`: the Faust stream processors that fold reports into each region's picture."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from services.cli.output import stderr
from services.errors import BadInput


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
    /metrics and /situation/REGION on the web port. Stops cleanly on Ctrl-C.
    """
    # imported here: faust is heavy and only this command needs it
    from faust.worker import Worker
    from prometheus_client import CollectorRegistry

    from streams.topics import Catalogue
    from streams.worker import local_state
    from streams.worker.app import build_app
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
        raise BadInput(f"worker setting {'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if local_state.prepare(settings.data_dir, settings.version):
        stderr.print("sitmon: the last worker run did not stop cleanly; rebuilding tables from the changelog")
    app = build_app(settings, Catalogue(settings.topic_prefix), CollectorRegistry())
    try:
        Worker(app, loglevel=settings.log_level, quiet=True).execute_from_commandline()
    except SystemExit as stop:
        if stop.code in (0, None):  # a clean stop: everything flushed and committed
            local_state.mark_clean(settings.data_dir)
        raise


def register(app: typer.Typer) -> None:
    app.command("worker")(worker_command)
