"""From an incoming article to its events: stable ids, event time, the reports of its facts."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from services.ingest.sources import IncomingArticle
from streams.events import ArticleReceived, Extraction, ReportsExtracted, stable_id

# Extraction is injected (the CLI passes services.extraction), so ingest stays testable alone.
Extractor = Callable[[ArticleReceived], Extraction]


# Query parameters that say how a reader arrived, not which page it is.
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


def canonical_url(url: str) -> str:
    """The same page however it was linked: scheme and host lowercased, default port, fragment,
    tracking parameters and a trailing slash dropped. The path and query keep their case —
    `/News/Item?id=A` and `/news/item?id=a` can be different pages."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    default = {"http": 80, "https": 443}.get(scheme)
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, default) else f"{host}:{port}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(TRACKING_PARAMETERS)
        ]
    )
    return urlunsplit((scheme, netloc, parts.path.rstrip("/"), query, ""))


def article_id(article: IncomingArticle) -> str:
    """The given id, else one derived from the canonical URL, else from the text: the same story
    keeps its id when it is fetched, pushed or ingested again, changed or not."""
    if article.id:
        return article.id
    if article.url:
        return "url-" + stable_id("url", canonical_url(article.url))
    return "text-" + stable_id("text", " ".join(article.text.split()).lower())


def content_hash(article: IncomingArticle) -> str:
    return text_hash(article.title, article.text)


def text_hash(title: str | None, text: str) -> str:
    """What makes two fetches of a story the same revision: its title and text, nothing else."""
    return hashlib.sha256(f"{title or ''}\n{text}".encode()).hexdigest()[:16]


def article_received(article: IncomingArticle, now: datetime, *, revised_at: datetime | None = None) -> ArticleReceived:
    """The raw-article event; its event id is the same whenever the same revision is ingested again.

    `revised_at` marks a changed text under a known id (the revision ledger sets it; a file
    may give `updated_at`): of an article's revisions the latest stands (`derivation_key`).
    It is part of the event id, so a text that changes back is a new revision, not a duplicate.
    """
    key = article_id(article)
    published = article.published_at or now  # no publication time given: when we learned of it
    revised = revised_at or article.updated_at
    revision = (revised.isoformat(),) if revised else ()
    return ArticleReceived(
        event_id=stable_id("article", key, content_hash(article), *revision),
        occurred_at=published,
        article_id=key,
        text=article.text,
        title=article.title,
        url=article.url,
        outlet=article.source,
        language=article.language,
        published_at=published,
        origin=article.origin,
        revised_at=revised,
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
        revised_at=received.revised_at,
        region=extraction.region,
        country=extraction.country,
        language=extraction.language or received.language,
        locations=extraction.locations,
        casualties=extraction.casualties,
        ceasefire=extraction.ceasefire,
    )


def withdrawal(report: ReportsExtracted, region: str) -> ReportsExtracted:
    """A report of the same article for a region it no longer belongs to: no figures, statements
    or places, and the derivation of `report` (its revision and extractor version), so in that
    region the fold's replacement rule (`derivation_key`) lets it stand over the article's earlier
    report and the article stops counting there. Its event id is derived from the report and the
    region, so publishing it again changes nothing."""
    return ReportsExtracted(
        event_id=stable_id("withdrawal", report.event_id, region),
        occurred_at=report.occurred_at,
        article_id=report.article_id,
        article_event_id=report.article_event_id,
        outlet=report.outlet,
        url=report.url,
        published_at=report.published_at,
        extractor_version=report.extractor_version,
        revised_at=report.revised_at,
        region=region,
        language=report.language,
    )
