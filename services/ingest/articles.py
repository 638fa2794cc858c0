"""From an incoming article to its events: stable ids, event time, the reports of its facts."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime

from services.ingest.sources import IncomingArticle
from streams.events import ArticleReceived, Extraction, ReportsExtracted, stable_id

# Extraction is injected (the CLI passes services.extraction), so ingest stays testable alone.
Extractor = Callable[[ArticleReceived], Extraction]


def article_id(article: IncomingArticle) -> str:
    """The given id, else one derived from the URL, else from the text: re-ingesting is recognisable."""
    if article.id:
        return article.id
    if article.url:
        return "url-" + stable_id("url", article.url.strip().rstrip("/").lower())
    return "text-" + stable_id("text", " ".join(article.text.split()).lower())


def content_hash(article: IncomingArticle) -> str:
    return hashlib.sha256(f"{article.title or ''}\n{article.text}".encode()).hexdigest()[:16]


def article_received(article: IncomingArticle, now: datetime) -> ArticleReceived:
    """The raw-article event; its event id is the same whenever the same content is ingested again."""
    key = article_id(article)
    published = article.published_at or now  # no publication time given: when we learned of it
    return ArticleReceived(
        event_id=stable_id("article", key, content_hash(article)),
        occurred_at=published,
        article_id=key,
        text=article.text,
        title=article.title,
        url=article.url,
        outlet=article.source,
        language=article.language,
        published_at=published,
        origin=article.origin,
    )


def reports_extracted(received: ArticleReceived, extraction: Extraction, extractor_version: str) -> ReportsExtracted:
    return ReportsExtracted(
        event_id=stable_id("reports", received.event_id, extractor_version),
        occurred_at=received.published_at,
        article_id=received.article_id,
        article_event_id=received.event_id,
        outlet=received.outlet,
        url=received.url,
        published_at=received.published_at,
        extractor_version=extractor_version,
        region=extraction.region,
        country=extraction.country,
        language=extraction.language or received.language,
        locations=extraction.locations,
        casualties=extraction.casualties,
        ceasefire=extraction.ceasefire,
    )
