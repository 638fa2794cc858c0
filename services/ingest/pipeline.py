"""The ingest run: read → event → extract → publish, with dead letters for what was skipped.

Each article is published to the articles topic (the log of record) and its facts to the
reports topic; anything unreadable goes to the dead-letter topic with its origin and reason.
The producer, the extractor and the clock are injected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import structlog

from services.ingest.articles import Extractor, article_received, reports_extracted
from services.ingest.sources import IncomingArticle, Limits, Skipped, discover, read_path
from services.kafka.producer import EventProducer
from streams.events import DeadLettered, excerpt, stable_id
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
    summary = IngestSummary()
    for queued, item in enumerate(items, start=1):
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            await producer.send(catalogue.dlq, item.origin, dead_letter(item, clock()))
        else:
            received = article_received(item, clock())
            reports = reports_extracted(received, extraction.extract(received), extraction.version)
            await producer.send(catalogue.articles, received.article_id, received)
            await producer.send(catalogue.reports, reports.region, reports)
            summary.published += 1
            summary.article_ids.append(received.article_id)
            log.info(
                "article.published",
                article_id=received.article_id,
                region=reports.region,
                figures=len(reports.casualties),
                statements=len(reports.ceasefire),
            )
        on_item(item)
        if queued % batch_size == 0:
            await producer.flush()  # bounded memory: at most one batch of sends in flight
    await producer.flush()
    return summary


def dead_letter(skipped: Skipped, now: datetime) -> DeadLettered:
    return DeadLettered(
        event_id=stable_id("dead", "ingest", skipped.origin, skipped.reason),
        occurred_at=now,
        stage="ingest",
        origin=skipped.origin,
        reason=skipped.reason,
        excerpt=excerpt(skipped.excerpt),
    )
