"""`sitmon replay TOPIC [--since T] [--until T] [--format jsonl|csv|parquet] [--output FILE]`."""

from __future__ import annotations

import asyncio
import gc
import sys
from contextlib import aclosing
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Protocol

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from services.cli.output import check_output
from services.errors import BadInput
from services.replay.formats import FORMATS, CsvWriter
from services.replay.jsonl import JsonLinesWriter
from services.replay.reader import RecordBatch, replay_batches
from services.settings import KafkaSettings

console = Console(stderr=True, highlight=False)
# The worker's thresholds (streams.worker.region_cache.GC_THRESHOLDS), not imported from there:
# that module's imports would cost replay's start 0.17 s.
GC_THRESHOLDS = (50_000, 20, 10)
SWITCH_INTERVAL_S = 0.001


class RecordSink(Protocol):
    count: int

    def write_batch(self, batch: RecordBatch) -> None: ...

    def close(self) -> None: ...


def parse_time(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise BadInput(f"{option} {value!r} is not an ISO-8601 time (e.g. 2023-09-20T18:00:00Z)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def time_range(since: str | None, until: str | None) -> tuple[datetime | None, datetime | None]:
    """`--since`/`--until` as `replay` and `history` take them: ISO-8601 times, in order."""
    start, end = parse_time(since, "--since"), parse_time(until, "--until")
    if start and end and end < start:
        raise BadInput("--until is before --since")
    return start, end


def progress_bar(name: str) -> Progress:
    """A bar over the records between the start and end offsets; invisible when stderr is not a terminal."""
    return Progress(
        TextColumn(f"replaying {name}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not console.is_terminal,
        transient=True,
    )


async def copy_records(
    bootstrap: str, name: str, sink: RecordSink, since: datetime | None, until: datetime | None
) -> int:
    # aiokafka makes a tracked object per record, and at Python's default thresholds the cyclic
    # collector ran often enough to cost replay → JSONL a fifth of its CPU (bench_analysis);
    # replay keeps nothing between batches, so fewer collections find nothing more to free.
    thresholds, switch_interval = gc.get_threshold(), sys.getswitchinterval()
    gc.set_threshold(*GC_THRESHOLDS)
    # The Parquet writer's parse threads give the GIL away at every Arrow call and then wait for
    # it while the event loop runs Python: up to the switch interval each time (5 ms by default,
    # against ~30 ms to parse a unit). 1 ms cut the parse threads' waits by about a third.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    try:
        return await _copy(bootstrap, name, sink, since, until)
    finally:
        gc.set_threshold(*thresholds)
        sys.setswitchinterval(switch_interval)


async def _copy(bootstrap: str, name: str, sink: RecordSink, since: datetime | None, until: datetime | None) -> int:
    with progress_bar(name) as progress:
        task = progress.add_task("replay", total=None)
        batches = replay_batches(
            bootstrap, name, since=since, until=until, on_plan=lambda total: progress.update(task, total=total)
        )
        async with aclosing(batches):  # a writer that fails (disk full, a closed pipe) closes the reading first
            async for batch in batches:
                sink.write_batch(batch)
                progress.update(task, completed=sink.count)
    sink.close()
    return sink.count


def replay_command(
    topic: Annotated[
        str, typer.Argument(help="a catalogue topic: articles, reports, situation, alerts, deliveries, dlq…")
    ],
    since: Annotated[str | None, typer.Option(help="first record time (ISO-8601; record time = event time)")] = None,
    until: Annotated[str | None, typer.Option(help="last record time (ISO-8601)")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet (parquet needs --output)")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write here instead of stdout")] = None,
) -> None:
    """Read a topic by time range — without a consumer group, so production is untouched."""
    check_output(fmt, FORMATS, output)
    start, end = time_range(since, until)
    settings = KafkaSettings()
    resolved = settings.catalogue().resolve(topic)
    name = resolved.name

    def run(sink: RecordSink) -> int:
        return asyncio.run(copy_records(settings.kafka_bootstrap, name, sink, start, end))

    if fmt == "parquet":
        from services.replay.parquet import ParquetWriter  # pyarrow: imported only when asked for

        assert output is not None
        count = run(ParquetWriter(output, resolved.spec.suffix))
    elif fmt == "jsonl":  # written as bytes: a CloudEvent goes out as the bytes it is on the log
        if output is None:
            sys.stdout.flush()
            count = run(JsonLinesWriter(sys.stdout.buffer))
        else:
            with output.open("wb") as binary:
                count = run(JsonLinesWriter(binary))
    elif output is None:
        count = run(CsvWriter(sys.stdout))
    else:
        with output.open("w", encoding="utf-8", newline="") as handle:
            count = run(CsvWriter(handle))
    console.print(f"replayed {count} record(s) of {name}")


def register(app: typer.Typer) -> None:
    app.command("replay")(replay_command)
