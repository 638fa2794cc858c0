"""`sitmon broker start|stop|status|fetch`: the local Kafka broker for development and tests."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from services.broker.jars import ensure_jars
from services.broker.local import LocalBroker

console = Console(highlight=False)
broker_app = typer.Typer(
    help="A local single-node Apache Kafka 4.0 (KRaft) from Maven Central jars.", no_args_is_help=True
)

PortOption = Annotated[int, typer.Option(help="client port on 127.0.0.1 (0: any free port)")]


@broker_app.command()
def start(
    port: PortOption = 9092,
    data_dir: Annotated[Path | None, typer.Option(help="keep data here (default: a fresh temporary directory)")] = None,
) -> None:
    """Fetch the jars on first use, format a KRaft node, start it, and return once it answers."""
    broker = LocalBroker(port=port, data_dir=data_dir)
    already = broker.running()
    state = broker.start()
    if already is not None and already.pid == state.pid:
        console.print(f"broker already running at {state.bootstrap} (pid {state.pid}, cluster {state.cluster_id})")
        return
    console.print(
        f"broker started at {state.bootstrap} in {state.startup_seconds:.1f}s "
        f"(pid {state.pid}, cluster {state.cluster_id}, data {state.data_dir}{' — temporary' if state.temporary else ''})"
    )
    console.print(f"export SITMON_KAFKA_BOOTSTRAP={state.bootstrap}")


@broker_app.command()
def stop(port: PortOption = 9092) -> None:
    """Stop the broker started by `sitmon broker start` (SIGTERM, then SIGKILL after 30 s)."""
    state = LocalBroker(port=port).stop()
    if state is None:
        console.print("no local broker is recorded as running")
    else:
        console.print(f"broker at {state.bootstrap} stopped (pid {state.pid})")


@broker_app.command()
def status(port: PortOption = 9092) -> None:
    """Say what runs where; exit 1 when no local broker answers."""
    broker = LocalBroker(port=port)
    state = broker.running()
    if state is None:
        recorded = broker.load_state()
        hint = f" (recorded pid {recorded.pid} at {recorded.bootstrap} does not answer)" if recorded else ""
        console.print(f"no local broker running{hint}")
        raise typer.Exit(1)
    console.print(
        f"running at {state.bootstrap}: pid {state.pid}, cluster {state.cluster_id}, data {state.data_dir}, "
        f"log {state.log_file}"
    )


@broker_app.command()
def fetch() -> None:
    """Download the Kafka jars into the cache now (done by `start` on first use anyway)."""
    console.print(f"Kafka jars in {ensure_jars()}")


def register(app: typer.Typer) -> None:
    app.add_typer(broker_app, name="broker")
