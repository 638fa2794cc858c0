"""One poll of one feed: fetch it (conditionally), read its entries, fetch the pages of summary-only
entries, and turn what is new or changed into the ingest pipeline's records.

What is new is decided against the items the previous poll published (the feed's status):
an entry unchanged since then is not fetched again; a changed entry whose article text hashes
the same is a no-op; a changed text under a known article id is a revision, `revised_at` later
than the revision before it. Nothing is published here: the poller publishes the records and
the new status in one transaction.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from services.feeds.errors import FetchFailed
from services.feeds.fetch import Fetched
from services.feeds.pages import main_text
from services.feeds.parse import FeedEntry, parse_feed
from services.ingest.articles import article_id, text_hash
from services.ingest.cleaning import html_to_text, normalise
from services.ingest.pipeline import ExtractionStep, Prepared, prepare
from services.ingest.sources import IncomingArticle, Skipped
from services.kafka.producer import Outgoing
from streams.events import utc_timestamp_ms
from streams.feeds import FeedSource, FeedStatus, PollOutcome, SeenItem, seen_items
from streams.topics import Catalogue

# fetch(url, etag, last_modified, max_bytes) → Fetched; the poller binds client, guard and host limits
Fetch = Callable[[str, str | None, str | None, int], Awaitable[Fetched]]


@dataclass
class Harvest:
    """What one poll produced: the records to publish and what the status should now say."""

    outcome: PollOutcome
    reason: str = ""
    records: list[Outgoing] = field(default_factory=list)
    published: int = 0  # articles (new or revised) among the records
    dead_letters: int = 0
    extraction_failures: list[str] = field(default_factory=list)  # the failed stage of each such article
    items: tuple[SeenItem, ...] | None = None  # None: keep the previous poll's items
    etag: str | None = None
    last_modified: str | None = None
    retry_after_s: float | None = None

    @property
    def failed(self) -> bool:
        return self.outcome not in ("published", "unchanged")


@dataclass(frozen=True)
class HarvestContext:
    catalogue: Catalogue
    extraction: ExtractionStep
    max_feed_bytes: int
    max_page_bytes: int
    summary_chars: int
    revisit_for_s: float = 6 * 3600.0  # pages first seen this recently are revisited (live pages change) …
    revisit_every_s: float = 900.0  # … at most this often, conditionally (ETag / Last-Modified)


def revisit_due(item: SeenItem, now: datetime, context: HarvestContext) -> bool:
    """A young page-backed item whose page has not been checked for a while."""
    if not item.from_page or item.first_seen_ms is None:
        return False
    now_ms = utc_timestamp_ms(now)
    young = now_ms - item.first_seen_ms < context.revisit_for_s * 1000
    return young and now_ms - (item.checked_ms or 0) >= context.revisit_every_s * 1000


async def harvest(
    source: FeedSource, status: FeedStatus | None, fetch: Fetch, context: HarvestContext, now: datetime
) -> Harvest:
    # when a young page is due for a revisit the feed is read whole (its entries say which pages),
    # even if it has not changed: a live page is often updated without its feed entry
    revisiting = status is not None and any(revisit_due(item, now, context) for item in status.items)
    conditional = status is not None and not revisiting
    try:
        fetched = await fetch(
            source.url,
            status.etag if status and conditional else None,
            status.last_modified if status and conditional else None,
            context.max_feed_bytes,
        )
        if fetched.status == 304:
            return Harvest("unchanged", "304 Not Modified", etag=fetched.etag, last_modified=fetched.last_modified)
        feed = parse_feed(fetched.body, fetched.content_type)
    except FetchFailed as exc:
        return Harvest(exc.outcome, exc.reason, retry_after_s=exc.retry_after_s)
    seen = seen_items(status)
    results = await asyncio.gather(*(_item(source, entry, seen, fetch, context, now) for entry in feed.entries))
    harvest = Harvest("unchanged", etag=fetched.etag, last_modified=fetched.last_modified)
    items: dict[str, SeenItem] = {}
    for prepared, item in results:
        if prepared is not None:
            harvest.records.extend(prepared.records)
            if isinstance(prepared.item, Skipped):
                harvest.dead_letters += 1
            else:  # published, with its reports or (extraction failed) a dead letter instead of them
                harvest.published += 1
                if prepared.failure is not None:
                    harvest.extraction_failures.append(prepared.failure.stage)
        if item is not None:
            items[item.article_id] = item
    harvest.items = tuple(items.values())
    if harvest.published:
        harvest.outcome = "published"
    harvest.reason = f"{len(feed.entries)} entries, {harvest.published} published, {harvest.dead_letters} dead-lettered"
    return harvest


async def _item(
    source: FeedSource,
    entry: FeedEntry,
    seen: Mapping[str, SeenItem],
    fetch: Fetch,
    context: HarvestContext,
    now: datetime,
) -> tuple[Prepared | None, SeenItem | None]:
    """(records to publish or None, the item to remember or None)."""
    origin = f"feed {source.name}: {entry.link or entry.id or entry.title or '?'}"
    fingerprint = entry.fingerprint()
    known = entry.id or entry.link  # else the id comes from the text, known only once it is read
    previous = seen.get(article_id(IncomingArticle(id=entry.id, url=entry.link, text="-"))) if known else None
    unchanged_entry = previous is not None and previous.entry_hash == fingerprint
    if previous is not None and unchanged_entry and not revisit_due(previous, now, context):
        return None, previous  # the entry did not change: its page is not fetched again
    validators = (previous.page_etag, previous.page_last_modified) if previous and unchanged_entry else (None, None)
    try:
        article, page = await _article(source, entry, origin, fetch, context, validators)
    except FetchFailed as exc:
        skipped = Skipped(origin, f"{exc.outcome}: {exc.reason}", entry.html[:500])
        # not remembered: the page is tried again on the feed's next poll
        return prepare(skipped, catalogue=context.catalogue, extraction=context.extraction, now=now), previous
    checked: dict[str, int | str | None] = {"checked_ms": utc_timestamp_ms(now)}
    if page is not None:
        checked |= {"page_etag": page.etag, "page_last_modified": page.last_modified}
    if article is None:  # the page answered 304: unchanged since the last check
        assert previous is not None
        return None, previous.model_copy(update=checked)
    digest = text_hash(article.title, article.text)
    previous = previous or seen.get(article_id(article))  # an entry with neither id nor link: known by its text
    if previous is not None and previous.text_hash == digest:
        return None, previous.model_copy(update={"entry_hash": fingerprint, **checked})  # same text: a no-op
    revised_at = None
    if previous is not None:
        revised_at = _revision_time(entry, previous, now)
        # a revision keeps the story's first publication time: its event time stays where it was
        article = article.model_copy(update={"published_at": _from_ms(previous.published_ms)})
    before = previous.region if previous is not None else None
    prepared = prepare(
        article,
        catalogue=context.catalogue,
        extraction=context.extraction,
        now=now,
        revised_at=revised_at,
        withdraw_from=before,
    )
    published = article.published_at or now
    remembered = SeenItem(
        article_id=article_id(article),
        entry_hash=fingerprint,
        text_hash=digest,
        revised_ms=utc_timestamp_ms(revised_at or published),
        published_ms=utc_timestamp_ms(published),
        from_page=page is not None,
        first_seen_ms=previous.first_seen_ms if previous and previous.first_seen_ms else utc_timestamp_ms(now),
        checked_ms=utc_timestamp_ms(now) if page is not None else None,
        page_etag=page.etag if page is not None else None,
        page_last_modified=page.last_modified if page is not None else None,
        # extraction failed: no new report, so the earlier one stands where it went
        region=prepared.reports.region if prepared.reports is not None else before,
    )
    return prepared, remembered


def _revision_time(entry: FeedEntry, previous: SeenItem, now: datetime) -> datetime:
    """When a changed text was revised: the entry's update time (Atom `updated`, JSON Feed
    `date_modified`), else its publication time when the feed moved it forward (RSS has only
    `pubDate`), else now — and always later than the revision before it."""
    moved = (
        entry.published_at
        if entry.published_at and utc_timestamp_ms(entry.published_at) > previous.published_ms
        else None
    )
    floor = _from_ms(previous.revised_ms + 1)
    return max(entry.updated_at or moved or now, floor)


def _from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


async def _article(
    source: FeedSource,
    entry: FeedEntry,
    origin: str,
    fetch: Fetch,
    context: HarvestContext,
    validators: tuple[str | None, str | None] = (None, None),
) -> tuple[IncomingArticle | None, Fetched | None]:
    """The entry as an article, and the page it was read from (None when the entry carried the text).
    The article is None when a conditional page fetch answered 304 Not Modified."""
    text, _ = html_to_text(entry.html) if entry.html else ("", None)
    title = entry.title
    language = source.language or entry.language
    page = None
    if not entry.full_content and len(text) < context.summary_chars and entry.link:
        page = await fetch(entry.link, validators[0], validators[1], context.max_page_bytes)
        if page.status == 304:
            return None, page
        html = page.body.decode("utf-8", errors="replace")
        text = normalise(main_text(html, page.url).text)
        if not title:  # rare: an entry without a title takes the page's
            title = html_to_text(html)[1]
    if not text:
        raise FetchFailed("malformed", "the entry has no text and no page to read it from")
    article = IncomingArticle(
        id=entry.id,
        text=text,
        title=title,
        url=entry.link,
        published_at=entry.published_at or entry.updated_at,
        source=source.name,
        language=language,
        origin=origin,
    )
    return article, page


def status_after(
    source: FeedSource,
    previous: FeedStatus | None,
    result: Harvest,
    now: datetime,
    next_poll_at: datetime,
) -> FeedStatus:
    failures = (previous.failures + 1 if previous else 1) if result.failed else 0
    return FeedStatus(
        feed_id=source.feed_id,
        outcome=result.outcome,
        reason=result.reason[:500],
        polled_at=now,
        next_poll_at=next_poll_at,
        failures=failures,
        last_success_at=(previous.last_success_at if previous else None) if result.failed else now,
        etag=result.etag if not result.failed else (previous.etag if previous else None),
        last_modified=result.last_modified if not result.failed else (previous.last_modified if previous else None),
        items=result.items if result.items is not None else (previous.items if previous else ()),
    )
