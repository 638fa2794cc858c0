"""The ingest run: read → event → extract → publish, with dead letters for what was skipped.

Each article is published to the articles topic (the log of record) and its facts to the
reports topic; anything unreadable goes to the dead-letter topic with its origin and reason.
Items are published in chunks, each chunk one Kafka transaction (`EventProducer.publish`):
an article never lands without its report, and an item is counted (summary, `on_item`) only
once its chunk is committed, so the count reported is what is on the topics. When extraction
fails on an article, the article is still published, its reports are not (unknown facts are
not "no facts"; `sitmon reparse` can derive them later), and the failure goes to the
dead-letter topic with the stage and reason, and to `sitmon_ingest_extraction_failures_total`.
The producer, the extractor and the clock are injected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import structlog
from prometheus_client import CollectorRegistry

from services.ingest.articles import Extractor, article_id, article_received, reports_extracted, withdrawal
from services.ingest.metrics import IngestMetrics
from services.ingest.sources import IncomingArticle, Limits, Skipped, discover, read_path
from services.kafka.producer import EventProducer, Outgoing, PublishFailed
from streams.events import DeadLettered, ReportsExtracted, excerpt
from streams.topics import Catalogue

log = structlog.get_logger("sitmon.ingest")

Clock = Callable[[], datetime]

_REASON_LIMIT = 300  # an exception message may quote the article; the excerpt carries that


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class IngestSummary:
    published: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    # Published, but extraction failed: no reports, the failure is on the dead-letter topic.
    extraction_failures: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
    regions: dict[str, str] = field(default_factory=dict)  # article id → the region its report went to


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
    metrics: IngestMetrics | None = None,
    previous_regions: Mapping[str, str] | None = None,
) -> IngestSummary:
    """Publish `items` in transactions of `batch_size` items; raises IngestInterrupted with what landed.

    `previous_regions` (article id → region) names where a revised article's last report went, so a
    revision placed in another region withdraws it there (`prepare`)."""
    metrics = metrics or IngestMetrics.on(CollectorRegistry())
    summary = IngestSummary()
    chunk: list[Prepared] = []

    async def commit() -> None:
        try:
            await producer.publish([record for prepared in chunk for record in prepared.records])
        except PublishFailed as exc:
            raise IngestInterrupted(str(exc), summary) from exc
        for prepared in chunk:
            prepared.account(summary, metrics)
            on_item(prepared.item)
        chunk.clear()

    tracking = previous_regions is not None
    regions = dict(previous_regions or {})  # kept up to date: an article may come twice in one run
    for item in items:
        before = regions.get(article_id(item)) if tracking and isinstance(item, IncomingArticle) else None
        prepared = prepare(item, catalogue=catalogue, extraction=extraction, now=clock(), withdraw_from=before)
        if tracking and prepared.reports is not None:
            regions[prepared.reports.article_id] = prepared.reports.region
        chunk.append(prepared)
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
    failure: DeadLettered | None = None  # extraction failed: the article goes out, this instead of reports

    def account(self, summary: IngestSummary, metrics: IngestMetrics) -> None:
        if isinstance(self.item, Skipped):
            summary.skipped.append(self.item)
            return
        if self.failure is not None:
            summary.published += 1
            summary.article_ids.append(self.records[0].key)  # the article record
            summary.extraction_failures.append((self.failure.origin, self.failure.reason))
            metrics.extraction_failures.labels(stage=self.failure.stage).inc()
            log.error("article.extraction_failed", origin=self.failure.origin, stage=self.failure.stage)
            return
        if self.reports is None:
            return
        summary.published += 1
        summary.article_ids.append(self.reports.article_id)
        summary.regions[self.reports.article_id] = self.reports.region
        log.info(
            "article.published",
            article_id=self.reports.article_id,
            region=self.reports.region,
            figures=len(self.reports.casualties),
            statements=len(self.reports.ceasefire),
        )


def prepare(
    item: IncomingArticle | Skipped,
    *,
    catalogue: Catalogue,
    extraction: ExtractionStep,
    now: datetime,
    revised_at: datetime | None = None,
    withdraw_from: str | None = None,
) -> Prepared:
    """The records of one item. `revised_at` marks a changed text under a known id (a revision);
    `withdraw_from` is the region the article's previous report went to: when this one goes
    elsewhere, a `withdrawal` there stops the article counting in both (same transaction)."""
    if isinstance(item, Skipped):
        return Prepared(item, [Outgoing(catalogue.dlq, item.origin, dead_letter(item, now))])
    received = article_received(item, now, revised_at=revised_at)
    try:
        reports = reports_extracted(received, extraction.extract(received), extraction.version)
    except Exception as exc:  # an extractor bug loses the facts of one article, never the article
        failure = extraction_failed(item, received.event_id, exc, now)
        records = [
            Outgoing(catalogue.articles, received.article_id, received),
            Outgoing(catalogue.dlq, item.origin, failure),
        ]
        return Prepared(item, records, failure=failure)
    records = [
        Outgoing(catalogue.articles, received.article_id, received),
        Outgoing(catalogue.reports, reports.region, reports),
    ]
    if withdraw_from is not None and withdraw_from != reports.region:
        records.append(Outgoing(catalogue.reports, withdraw_from, withdrawal(reports, withdraw_from)))
    return Prepared(item, records, reports)


def extraction_failed(item: IncomingArticle, article_event_id: str, exc: Exception, now: datetime) -> DeadLettered:
    """The article was published; its reports were not, because this stage of extraction failed."""
    stage = str(getattr(exc, "stage", "unknown"))  # StageFailed names it; any other error is unlocated
    return DeadLettered.of(
        id_parts=("dead", "extraction", article_event_id, stage),  # the same article fails once
        at=now,
        stage=f"extraction.{stage}",
        origin=item.origin,
        reason=excerpt(str(exc) or type(exc).__name__, _REASON_LIMIT),
        bad_input=item.text,
    )


def dead_letter(skipped: Skipped, now: datetime) -> DeadLettered:
    return DeadLettered.of(
        id_parts=("dead", "ingest", skipped.origin, skipped.reason),
        at=now,
        stage="ingest",
        origin=skipped.origin,
        reason=skipped.reason,
        bad_input=skipped.excerpt,
    )
