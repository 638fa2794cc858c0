"""The `sitmon` command line: one Typer app, one module per command group.

Each module in COMMANDS defines `register(app)`. Only built commands are registered, so
`sitmon --help` lists what works. This is a composition root: it may wire services/,
streams/ and alerts/ together.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

import typer

from services.cli.output import fail_cleanly

COMMANDS = (
    "services.cli.broker",
    "services.cli.topics",
    "services.cli.ingest",
    "services.cli.replay",
    "services.cli.history",
    "services.cli.rebuild",
    "services.cli.reparse",
    "services.cli.worker",
    "services.cli.situation",
    "services.cli.alerts",
    "services.cli.api",
    "services.cli.subscriptions",
    "services.cli.tokens",
    "services.cli.keys",
    "services.cli.extract",
    "services.cli.up",
    "services.cli.feeds",
    "services.cli.poll",
)

app = typer.Typer(
    name="sitmon",
    help="Event-sourced situation monitoring for armed conflicts: news in, deduplicated picture and signed alerts out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
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


for module_name in COMMANDS:
    importlib.import_module(module_name).register(app)


def run() -> None:
    """Console-script entry point: bad input exits 2 and runtime failure exits 1, each with one line."""
    fail_cleanly(app)
