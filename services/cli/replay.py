"""`sitmon replay TOPIC [--since T] [--until T] [--format jsonl|csv] [--output FILE]`."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.console import Console

from services.errors import BadInput
from services.replay.formats import FORMATS, Writer
from services.replay.reader import replay
from services.settings import KafkaSettings

console = Console(stderr=True, highlight=False)


def parse_time(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise BadInput(f"{option} {value!r} is not an ISO-8601 time (e.g. 2023-09-20T18:00:00Z)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def replay_command(
    topic: Annotated[
        str, typer.Argument(help="a catalogue topic: articles, reports, situation, alerts, deliveries, dlq…")
    ],
    since: Annotated[str | None, typer.Option(help="first record time (ISO-8601; record time = event time)")] = None,
    until: Annotated[str | None, typer.Option(help="last record time (ISO-8601)")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv")] = "jsonl",
    output: Annotated[Path | None, typer.Option(help="write here instead of stdout")] = None,
) -> None:
    """Read a topic by time range — without a consumer group, so production is untouched."""
    if fmt not in FORMATS:
        raise BadInput(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    start, end = parse_time(since, "--since"), parse_time(until, "--until")
    if start and end and end < start:
        raise BadInput("--until is before --since")
    settings = KafkaSettings()
    name = settings.catalogue().resolve(topic).name

    async def run(out: IO[str]) -> int:
        writer = Writer(out, fmt)
        async for record in replay(settings.kafka_bootstrap, name, since=start, until=end):
            writer.write(record)
        return writer.count

    if output is None:
        count = asyncio.run(run(sys.stdout))
    else:
        with output.open("w", encoding="utf-8", newline="") as handle:
            count = asyncio.run(run(handle))
    console.print(f"replayed {count} record(s) of {name}")


def register(app: typer.Typer) -> None:
    app.command("replay")(replay_command)
