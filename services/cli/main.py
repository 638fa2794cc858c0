"""The `sitmon` command line: one Typer app, one module per command group.

Each module in COMMANDS defines `register(app)`; it is imported only when one of its commands
runs (services/cli/lazy.py), so `sitmon --version` and `sitmon --help` stay cheap. Only built
commands are listed, so `sitmon --help` lists what works. This is a composition root: it may
wire services/, streams/ and alerts/ together.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

import typer

from services.cli.lazy import LazyEntry, LazyGroup

COMMANDS = (
    LazyEntry(
        "ingest",
        "services.cli.ingest",
        "Read articles, extract casualty figures and ceasefire statements, publish to Kafka.",
    ),
    LazyEntry(
        "replay",
        "services.cli.replay",
        "Read a topic by time range — without a consumer group, so production is untouched.",
    ),
    LazyEntry(
        "history",
        "services.cli.history",
        "A region's picture over time, refolded from the reports log by the worker's own fold.",
    ),
    LazyEntry(
        "rebuild",
        "services.cli.rebuild",
        "Rebuild the worker's tables and pictures from the reports log into a fresh app version.",
    ),
    LazyEntry(
        "reparse",
        "services.cli.reparse",
        "Run the current extractor over the articles topic again and publish the new reports.",
    ),
    LazyEntry(
        "worker",
        "services.cli.worker",
        "Fold the reports topic into per-region casualty and ceasefire state; publish each region's picture.",
    ),
    LazyEntry(
        "situation",
        "services.cli.situation",
        "Print the current (or a past) casualty and ceasefire picture of a region.",
    ),
    LazyEntry(
        "alerts",
        "services.cli.alerts",
        "Run the alerting service: rules, lifecycle, silences, dedup, and signed webhook delivery.",
    ),
    LazyEntry(
        "api",
        "services.cli.api",
        "Serve the HTTP API: subscriptions, silences, situation, deliveries, /healthz, /metrics, /docs.",
    ),
    LazyEntry(
        "subscribe",
        "services.cli.subscriptions",
        "Subscribe a webhook; prints the subscription id and its whsec_ signing secret (shown once).",
    ),
    LazyEntry(
        "extract",
        "services.cli.extract",
        "Print the casualty figures, ceasefire statements and region of articles, as JSON.",
    ),
    LazyEntry(
        "up",
        "services.cli.up",
        "Run the whole local stack: broker (if none answers), topics, stream worker, alerting service.",
    ),
    LazyEntry(
        "poll",
        "services.cli.poll",
        "Follow every active feed on its schedule and publish new and revised articles (runs until stopped).",
    ),
    LazyEntry("broker", "services.cli.broker", "A local single-node Apache Kafka 4.0 (KRaft) from Maven Central jars."),
    LazyEntry("topics", "services.cli.topics", "The topic catalogue (streams/topics.py) on the broker."),
    LazyEntry(
        "subscriptions",
        "services.cli.subscriptions",
        "Manage webhook subscriptions (events on the subscriptions topic).",
    ),
    LazyEntry(
        "tokens", "services.cli.tokens", "Named API tokens (scope read or admin), stored as hashes on the tokens topic."
    ),
    LazyEntry("keys", "services.cli.keys", "Keys that seal webhook signing secrets at rest (AES-256-GCM)."),
    LazyEntry("feeds", "services.cli.feeds", "The feeds `sitmon poll` follows (events on the feeds topic)."),
)


class SitmonGroup(LazyGroup):
    entries = COMMANDS


app = typer.Typer(
    name="sitmon",
    help="Event-sourced situation monitoring for armed conflicts: news in, deduplicated picture and signed alerts out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=SitmonGroup,
)


def installed_version() -> str:
    try:
        return version("sitmon")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


def _print_version(wanted: bool) -> None:
    if wanted:
        typer.echo(f"sitmon {installed_version()}")
        raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[
        bool,
        typer.Option("--version", help="print the version and exit", callback=_print_version, is_eager=True),
    ] = False,
) -> None:
    """Event-sourced situation monitoring for armed conflicts: news in, deduplicated picture and signed alerts out."""


def run() -> None:
    """Console-script entry point: bad input exits 2 and runtime failure exits 1, each with one line."""
    from services.cli.output import fail_cleanly  # structlog & co: not needed to build the app

    fail_cleanly(app)
