"""`sitmon reparse [--since T] [--until T]`: re-derive reports from the articles log with the current extractor."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from services.cli.ingest import extract_article
from services.cli.replay import parse_time
from services.errors import BadInput
from services.extraction.extractor import EXTRACTOR_VERSION
from services.kafka.producer import EventProducer
from services.rederive.reparse import ReparseSummary, reparse
from services.settings import KafkaSettings

notes = Console(stderr=True, highlight=False)


def reparse_command(
    since: Annotated[str | None, typer.Option(help="first article (ISO-8601 publication time)")] = None,
    until: Annotated[str | None, typer.Option(help="last article (ISO-8601 publication time)")] = None,
    retry_for: Annotated[float, typer.Option(help="seconds to keep retrying a batch while Kafka is away")] = 180.0,
) -> None:
    """Run the current extractor over the articles topic again and publish the new reports.

    No article is fetched again. The reports carry the extractor version; the worker keeps one
    derivation per article, the newest. `sitmon rebuild` then shows what changed.
    """
    start, end = parse_time(since, "--since"), parse_time(until, "--until")
    if start and end and end < start:
        raise BadInput("--until is before --since")
    settings = KafkaSettings()
    catalogue = settings.catalogue()

    async def run(progress: Progress) -> ReparseSummary:
        task = progress.add_task("reparse", total=None)
        async with EventProducer(settings.kafka_bootstrap, source="/sitmon/reparse", retry_for=retry_for) as producer:
            return await reparse(
                settings.kafka_bootstrap,
                catalogue,
                producer,
                extract=extract_article,
                version=EXTRACTOR_VERSION,
                since=start,
                until=end,
                on_plan=lambda total: progress.update(task, total=total),
                on_article=lambda s: progress.update(task, completed=s.articles + s.failed + s.not_articles),
            )

    columns = (TextColumn("reparsing articles"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=notes, disable=not notes.is_terminal, transient=True) as progress:
        summary = asyncio.run(run(progress))
    notes.print(
        f"reparsed {summary.articles} article(s) with {EXTRACTOR_VERSION}: published {summary.reports} report(s) "
        f"to {catalogue.reports.name}"
        + (
            f"; {summary.withdrawals} withdrawal(s) from regions the articles no longer belong to"
            if summary.withdrawals
            else ""
        )
        + (f"; {summary.failed} failed extraction (dead-lettered)" if summary.failed else "")
        + (f"; {summary.not_articles} record(s) were no article" if summary.not_articles else "")
    )


def register(app: typer.Typer) -> None:
    app.command("reparse")(reparse_command)
