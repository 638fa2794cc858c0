"""The ingest run: read → event → extract → publish, with dead letters for what was skipped.

Each article is published to the articles topic (the log of record) and its facts to the
reports topic; anything unreadable goes to the dead-letter topic with its origin and reason.
Items are published in chunks, each chunk one Kafka transaction (`EventProducer.publish`):
an article never lands without its report, and an item is counted (summary, `on_item`) only
once its chunk is committed, so the count reported is what is on the topics. The producer,
the extractor and the clock are injected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import structlog

from services.ingest.articles import Extractor, article_received, reports_extracted
from services.ingest.sources import IncomingArticle, Limits, Skipped, discover, read_path
from services.kafka.producer import EventProducer, Outgoing, PublishFailed
from streams.events import DeadLettered, ReportsExtracted, excerpt, stable_id
from streams.topics import Catalogue

log = structlog.get_logger("sitmon.ingest")

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class IngestSummary:
    published: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


class IngestInterrupted(PublishFailed):
    """Publishing stopped part-way; `summary` holds what was committed before the failure."""

    def __init__(self, message: str, summary: IngestSummary) -> None:
        super().__init__(message)
        self.summary = summary


@dataclass(frozen=True)
class ExtractionStep:
    extract: Extractor
    version: str


def read_all(paths: Iterable[Path], limits: Limits) -> Iterable[IncomingArticle | Skipped]:
    for found in discover(list(paths)):
        if isinstance(found, Skipped):
            yield found
        else:
            yield from read_path(found, limits)


async def ingest(
    items: Iterable[IncomingArticle | Skipped],
    *,
    producer: EventProducer,
    catalogue: Catalogue,
    extraction: ExtractionStep,
    clock: Clock = utc_now,
    on_item: Callable[[IncomingArticle | Skipped], None] = lambda _: None,
    batch_size: int = 100,
) -> IngestSummary:
    """Publish `items` in transactions of `batch_size` items; raises IngestInterrupted with what landed."""
    summary = IngestSummary()
    chunk: list[Prepared] = []

    async def commit() -> None:
        try:
            await producer.publish([record for prepared in chunk for record in prepared.records])
        except PublishFailed as exc:
            raise IngestInterrupted(str(exc), summary) from exc
        for prepared in chunk:
            prepared.account(summary)
            on_item(prepared.item)
        chunk.clear()

    for item in items:
        chunk.append(prepare(item, catalogue=catalogue, extraction=extraction, now=clock()))
        if len(chunk) >= batch_size:
            await commit()
    if chunk:
        await commit()
    return summary


@dataclass(frozen=True, slots=True)
class Prepared:
    """An item and the records it becomes: a dead letter, or an article and the report of its facts."""

    item: IncomingArticle | Skipped
    records: list[Outgoing]
    reports: ReportsExtracted | None = None

    def account(self, summary: IngestSummary) -> None:
        if self.reports is None:
            if isinstance(self.item, Skipped):
                summary.skipped.append(self.item)
            return
        summary.published += 1
        summary.article_ids.append(self.reports.article_id)
        log.info(
            "article.published",
            article_id=self.reports.article_id,
            region=self.reports.region,
            figures=len(self.reports.casualties),
            statements=len(self.reports.ceasefire),
        )


def prepare(
    item: IncomingArticle | Skipped, *, catalogue: Catalogue, extraction: ExtractionStep, now: datetime
) -> Prepared:
    if isinstance(item, Skipped):
        return Prepared(item, [Outgoing(catalogue.dlq, item.origin, dead_letter(item, now))])
    received = article_received(item, now)
    reports = reports_extracted(received, extraction.extract(received), extraction.version)
    records = [
        Outgoing(catalogue.articles, received.article_id, received),
        Outgoing(catalogue.reports, reports.region, reports),
    ]
    return Prepared(item, records, reports)


def dead_letter(skipped: Skipped, now: datetime) -> DeadLettered:
    return DeadLettered(
        event_id=stable_id("dead", "ingest", skipped.origin, skipped.reason),
        occurred_at=now,
        stage="ingest",
        origin=skipped.origin,
        reason=skipped.reason,
        excerpt=excerpt(skipped.excerpt),
    )
