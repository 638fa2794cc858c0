"""`sitmon ingest PATH…`: read articles, extract their facts, publish both to Kafka."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from services.cli.output import stderr
from services.errors import SitmonError
from services.extraction.extractor import EXTRACTOR_VERSION, extract
from services.ingest.pipeline import ExtractionStep, IngestInterrupted, IngestSummary, ingest, read_all
from services.ingest.sources import IncomingArticle, Limits, Skipped
from services.kafka.producer import EventProducer
from services.kafka.transaction_slots import TransactionSlot
from services.settings import KafkaSettings
from streams.events import ArticleReceived, Extraction

console = Console(highlight=False)


def extract_article(article: ArticleReceived) -> Extraction:
    return extract(article.text, title=article.title, language=article.language, published_at=article.published_at)


def ingest_slot_name(settings: KafkaSettings) -> str:
    """One slot space per deployment (topic prefix)."""
    prefix = settings.topic_prefix.strip(".-_")
    return f"sitmon-ingest-{prefix}" if prefix else "sitmon-ingest"


def run_ingest(
    paths: list[Path], settings: KafkaSettings, limits: Limits, *, show_progress: bool, retry_for: float
) -> IngestSummary:
    items = list(read_all(paths, limits))
    step = ExtractionStep(extract_article, EXTRACTOR_VERSION)

    async def publish(progress: Progress | None) -> IngestSummary:
        task = progress.add_task("ingesting", total=len(items)) if progress else None

        def advance(item: IncomingArticle | Skipped) -> None:
            if isinstance(item, Skipped):
                stderr.print(f"sitmon: {item.origin}: {item.reason} (sent to the dead-letter topic)", markup=False)
            if progress is not None and task is not None:
                progress.advance(task)

        # a slot's id comes back at the next run on this machine: its start aborts a chunk a
        # killed run left open at once, rather than the worker waiting out the transaction timeout
        with TransactionSlot(ingest_slot_name(settings)) as transactional_id:
            producer_at = EventProducer(
                settings.kafka_bootstrap, source="/sitmon/ingest", retry_for=retry_for, transactional_id=transactional_id
            )
            async with producer_at as producer:
                return await ingest(
                    items, producer=producer, catalogue=settings.catalogue(), extraction=step, on_item=advance
                )

    if not show_progress:
        return asyncio.run(publish(None))
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True) as progress:
        return asyncio.run(publish(progress))


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help=".txt/.md/.html/.jsonl/RSS files or folders of them")],
    max_file_mb: Annotated[float, typer.Option(help="files larger than this are skipped")] = 10.0,
    progress: Annotated[bool, typer.Option(help="show a progress bar")] = True,
    retry_for: Annotated[
        float, typer.Option(min=0, help="seconds to keep retrying while the broker is unreachable or restarting")
    ] = 180.0,
) -> None:
    """Read articles, extract casualty figures and ceasefire statements, publish to Kafka.

    Articles go out in chunks, each chunk one Kafka transaction (an article and its report land
    together or not at all); a broker that goes away is waited for up to --retry-for seconds.
    Exit 0 when everything was ingested, 2 when some input was skipped (each skip is reported
    on stderr and recorded on the dead-letter topic; the rest still went through), 1 when the
    broker stayed unreachable (the count printed is then what reached the topics) or when
    extraction failed on some article (published without reports, the failure dead-lettered).
    """
    settings = KafkaSettings()
    limits = Limits(max_file_bytes=int(max_file_mb * 1024 * 1024))
    try:
        summary = run_ingest(paths, settings, limits, show_progress=progress, retry_for=retry_for)
    except IngestInterrupted as stopped:
        report(stopped.summary, settings)
        raise SitmonError(f"ingest stopped: {stopped}") from stopped
    report(summary, settings)
    for origin, reason in summary.extraction_failures:
        stderr.print(f"sitmon: {origin}: published without reports: {reason} (see the dead-letter topic)", markup=False)
    if summary.skipped:
        raise typer.Exit(2)
    if summary.extraction_failures:
        raise typer.Exit(1)  # our failure, not the input's: the articles are on the log, their facts are not


def report(summary: IngestSummary, settings: KafkaSettings) -> None:
    console.print(
        f"published {summary.published} article(s) to {settings.catalogue().articles.name}"
        + (f"; skipped {len(summary.skipped)} (see {settings.catalogue().dlq.name})" if summary.skipped else "")
    )


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
