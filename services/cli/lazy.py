"""Commands loaded on first use, so `sitmon --version` and `sitmon --help` import no command module.

The command modules pull in faust, aiokafka, FastAPI, trafilatura, the extractor's lexicons…:
importing all of them for every invocation cost seconds on a loaded machine. The root group knows
each command's name, module and one-line summary; a stub shows the summary in `sitmon --help`
and, when the command runs (or its own --help is asked for), imports its module and hands over
to the real command. tests/unit/test_cli_lazy.py keeps the summaries equal to the real ones.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from typing import Any

import typer
from typer._click import Command, Context  # typer ≥ 0.29 vendors click: its classes, not click's
from typer.core import TyperCommand, TyperGroup


@dataclass(frozen=True)
class LazyEntry:
    name: str
    module: str  # defines `register(app)`, which adds this command (and maybe others)
    summary: str  # the first line of the command's help, shown by `sitmon --help`


@cache
def commands_of(module: str) -> TyperGroup:
    """The click commands a command module registers (imported once)."""
    app = typer.Typer()
    importlib.import_module(module).register(app)
    return typer.main.get_group(app)


def load(entry: LazyEntry) -> TyperCommand | TyperGroup:
    command = commands_of(entry.module).commands.get(entry.name)
    if not isinstance(command, TyperCommand | TyperGroup):
        raise LookupError(f"{entry.module}.register does not add a command named {entry.name!r}")
    return command


class CommandStub(TyperCommand):
    """Stands in for a command in the help listing; running it runs the real command."""

    def __init__(self, entry: LazyEntry) -> None:
        super().__init__(entry.name, short_help=entry.summary, help=entry.summary)
        self.entry = entry

    def make_context(
        self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any
    ) -> Context:
        # the real command's context: click then invokes `context.command`, the real one
        return load(self.entry).make_context(info_name, args, parent=parent, **extra)


class LazyGroup(TyperGroup):
    """The root group: commands registered eagerly (none today) plus the lazy ones in ENTRIES."""

    entries: tuple[LazyEntry, ...] = ()

    def list_commands(self, ctx: Context) -> list[str]:
        return [*super().list_commands(ctx), *(entry.name for entry in self.entries)]

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        for entry in self.entries:
            if entry.name == cmd_name:
                return CommandStub(entry)
        return super().get_command(ctx, cmd_name)
