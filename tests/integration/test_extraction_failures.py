"""A stage of extraction that fails: the article is still on the log, the failure is dead-lettered and counted."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest
from prometheus_client import CollectorRegistry

from services.extraction import extractor
from services.extraction.extractor import extract
from services.extraction.text.folded import FoldedArticle
from services.extraction.text.sentences import Sentence
from services.ingest.metrics import IngestMetrics
from services.ingest.pipeline import ExtractionStep, IngestSummary, ingest
from services.ingest.sources import IncomingArticle
from services.kafka.producer import EventProducer
from streams.envelope import decode
from streams.events import ArticleReceived, CeasefireStatement, DeadLettered, Extraction, ReportsExtracted
from streams.topics import Catalogue
from tests.integration.test_ingest import kcat

pytestmark = pytest.mark.integration


def extract_article(article: ArticleReceived) -> Extraction:
    return extract(article.text, title=article.title, language=article.language, published_at=article.published_at)


def test_a_failing_stage_publishes_the_article_and_dead_letters_the_stage_and_reason(
    catalogue: Catalogue, bootstrap: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = extractor.find_ceasefire

    def fragile(
        sentences: Sequence[Sentence], language: str, article: FoldedArticle | None = None
    ) -> list[CeasefireStatement]:
        if any("truce" in sentence.text for sentence in sentences):
            raise ValueError("unreadable truce")
        return real(sentences, language, article)

    monkeypatch.setattr(extractor, "find_ceasefire", fragile)
    articles = [
        IncomingArticle(id="fails", text="The truce held in Lachin. Two soldiers were killed.", origin="batch:1"),
        IncomingArticle(id="reads", text="Five soldiers were killed in Lachin.", origin="batch:2"),
    ]
    registry = CollectorRegistry()

    async def run() -> IngestSummary:
        async with EventProducer(bootstrap, source="/sitmon/test") as producer:
            return await ingest(
                articles,
                producer=producer,
                catalogue=catalogue,
                extraction=ExtractionStep(extract_article, "sitmon-extract/test"),
                metrics=IngestMetrics.on(registry),
            )

    summary = asyncio.run(run())
    assert summary.published == 2
    assert summary.extraction_failures == [
        ("batch:1", "extraction stage 'ceasefire' failed: ValueError: unreadable truce")
    ]

    assert sorted(record["key"] for record in kcat(bootstrap, catalogue.articles)) == ["fails", "reads"]
    reports = [decode(record["payload"].encode()) for record in kcat(bootstrap, catalogue.reports)]
    assert [r.article_id for r in reports if isinstance(r, ReportsExtracted)] == ["reads"]  # none made up for "fails"
    [dead] = [decode(record["payload"].encode()) for record in kcat(bootstrap, catalogue.dlq)]
    assert isinstance(dead, DeadLettered)
    assert (dead.stage, dead.origin) == ("extraction.ceasefire", "batch:1")
    assert dead.reason == "extraction stage 'ceasefire' failed: ValueError: unreadable truce"
    assert dead.excerpt.startswith("The truce held")
    failures = registry.get_sample_value("sitmon_ingest_extraction_failures_total", {"stage": "extraction.ceasefire"})
    assert failures == 1.0


def test_a_pushed_article_whose_extraction_fails_is_counted_on_the_intakes_metrics(
    catalogue: Catalogue, bootstrap: str
) -> None:
    from datetime import UTC, datetime

    from services.ingest.push import PushIntake

    def broken(article: ArticleReceived) -> Extraction:
        raise ValueError("no sentences")

    registry = CollectorRegistry()

    async def run() -> list[str]:
        async with EventProducer(bootstrap, source="/sitmon/test") as producer:
            intake = PushIntake(
                producer=producer,
                catalogue=catalogue,
                extraction=ExtractionStep(broken, "sitmon-extract/test"),
                clock=lambda: datetime(2026, 1, 1, tzinfo=UTC),
                metrics=IngestMetrics.on(registry),
            )
            result = await intake.take('{"id": "pushed", "text": "Two soldiers were killed."}', json_lines=False)
            return [article.status for article in result.articles]

    assert asyncio.run(run()) == ["published"]  # the article is on the log, its failure counted
    assert [record["key"] for record in kcat(bootstrap, catalogue.articles)] == ["pushed"]
    failures = registry.get_sample_value("sitmon_ingest_extraction_failures_total", {"stage": "extraction.unknown"})
    assert failures == 1.0
