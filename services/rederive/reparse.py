"""`sitmon reparse`: the articles topic (the log of record) through the current extractor again.

Each article read back (by record time = publication time, `--since`/`--until` inclusive) is
extracted anew and its facts published as a new `ReportsExtracted` stamped with the extractor
version — built by ingest's own `reports_extracted`, so its event id is derived from the
article event and the version: reparsing with the same version republishes the same ids (the
fold ignores them), a newer version publishes new reports that replace the article's earlier
ones in the fold (`streams.events.derivation_key`). No article is fetched again.

A report counts in the region its record is keyed by, so when the new extractor places an
article in another region, each region it had reports in before gets a `withdrawal` (the same
article, no facts, the new derivation): there the article stops counting, and it is counted
once, where it now belongs. The regions come from one pass over the reports log
(`article_regions`) and are kept up to date as reports go out.

Reports go out in transactions of `BATCH` records; an article the extractor fails on is
dead-lettered with the reason and the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import structlog

from services.ingest.articles import Extractor, reports_extracted, withdrawal
from services.kafka.producer import EventProducer, Outgoing
from services.rederive.article_regions import article_regions
from services.replay.reader import replay
from streams.envelope import decode
from streams.errors import UndecodableRecord
from streams.events import ArticleReceived, DeadLettered
from streams.topics import Catalogue

log = structlog.get_logger("sitmon.reparse")
BATCH = 500


@dataclass(slots=True)
class ReparseSummary:
    articles: int = 0  # articles read and extracted
    reports: int = 0  # reports published
    not_articles: int = 0  # records on the articles topic that are no article (undecodable, other types)
    failed: int = 0  # articles the extractor failed on (dead-lettered)
    withdrawals: int = 0  # reports withdrawing an article from a region it no longer belongs to


async def reparse(
    bootstrap: str,
    catalogue: Catalogue,
    producer: EventProducer,
    *,
    extract: Extractor,
    version: str,
    since: datetime | None = None,
    until: datetime | None = None,
    on_plan: Callable[[int], None] = lambda _: None,
    on_article: Callable[[ReparseSummary], None] = lambda _: None,
) -> ReparseSummary:
    summary = ReparseSummary()
    pending: list[Outgoing] = []
    regions = await article_regions(bootstrap, catalogue.reports.name, since=since, until=until)
    async for record in replay(bootstrap, catalogue.articles.name, since=since, until=until, on_plan=on_plan):
        origin = f"{catalogue.articles.name}[{record.partition}]@{record.offset}"
        try:
            article = decode(record.value)
        except UndecodableRecord:
            summary.not_articles += 1
            continue
        if not isinstance(article, ArticleReceived):
            summary.not_articles += 1
            continue
        try:
            extraction = extract(article)
        except Exception as exc:  # one article must not stop the re-derivation of the rest
            summary.failed += 1
            log.warning("reparse.extraction_failed", origin=origin, article_id=article.article_id, error=repr(exc))
            pending.append(Outgoing(catalogue.dlq, origin, _dead_letter(origin, article, version, exc)))
            continue
        report = reports_extracted(article, extraction, version)
        pending.append(Outgoing(catalogue.reports, report.region, report))
        for region in regions.others(report.article_id, report.region):
            pending.append(Outgoing(catalogue.reports, region, withdrawal(report, region)))
            summary.withdrawals += 1
        regions.add(report.article_id, report.region)
        summary.articles += 1
        summary.reports += 1
        on_article(summary)
        if len(pending) >= BATCH:
            await producer.publish(pending)
            pending = []
    await producer.publish(pending)
    return summary


def _dead_letter(origin: str, article: ArticleReceived, version: str, exc: Exception) -> DeadLettered:
    reason = f"extractor {version} failed on article {article.article_id}: {type(exc).__name__}: {exc}"
    return DeadLettered.of(
        id_parts=("dead", "reparse", origin, version),
        at=datetime.now(UTC),
        stage="reparse",
        origin=origin,
        reason=reason[:1000],
        bad_input=article.text,
    )
