"""Followed feeds: the sources the poller reads, and what it last found, as events on a compacted topic.

Two kinds of record share the feeds topic, under different keys so compaction keeps both:
the source itself (key = feed id: url, outlet name, language, schedule, active or paused),
changed only by people (`sitmon feeds …`, the API), and the poller's status of it
(key = `<feed id>/status`: validators for conditional requests, the outcome of the last
poll and why, failures in a row, when it is due next, and the items it has published).
The status is written in the same Kafka transaction as the articles of the poll, so a
restarted poller knows exactly what was published — nothing is lost or published twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, Field

from streams.events import Event, Frozen, stable_id

FeedState = Literal["active", "paused"]
# What a poll ended in: a bounded set, so it can label a metric.
PollOutcome = Literal[
    "published",  # new items or revisions went out
    "unchanged",  # fetched, nothing new (or 304 Not Modified)
    "http_error",
    "malformed",
    "timeout",
    "too_large",
    "refused",  # the SSRF guard said no (address, scheme, redirect target)
    "redirect_loop",
    "unreachable",
]
OUTCOMES: tuple[PollOutcome, ...] = PollOutcome.__args__  # type: ignore[attr-defined]

MIN_EVERY_S = 30
MAX_EVERY_S = 7 * 24 * 3600
STATUS_SUFFIX = "/status"


class FeedSource(Frozen):
    feed_id: str = Field(min_length=1, max_length=64)
    url: str = Field(max_length=2048)
    name: str = Field(min_length=1, max_length=100, description="the outlet: labels metrics and articles")
    language: str | None = Field(default=None, max_length=16)
    every_s: int = Field(default=300, ge=MIN_EVERY_S, le=MAX_EVERY_S)
    state: FeedState = "active"
    created_at: AwareDatetime
    updated_at: AwareDatetime


class SeenItem(Frozen):
    """An item the poller published: enough to tell an unchanged entry, a changed page and a revision."""

    article_id: str
    entry_hash: str = Field(description="hash of the feed entry (link, title, summary, dates)")
    text_hash: str = Field(description="hash of the article's title and text as published")
    revised_ms: int = Field(description="the published revision's time (revised_at, else published_at), ms")
    published_ms: int = Field(description="the first revision's publication time, kept by later revisions, ms")
    # for a page read because the entry carried only a summary: revisited while young (live pages change)
    from_page: bool = False
    first_seen_ms: int | None = Field(default=None, description="when the poller first published it (wall clock)")
    checked_ms: int | None = Field(default=None, description="when its page was last fetched (wall clock)")
    page_etag: str | None = None
    page_last_modified: str | None = None
    region: str | None = Field(
        default=None, description="where its last report went: a revision placed elsewhere withdraws it there"
    )


class FeedStatus(Frozen):
    feed_id: str
    outcome: PollOutcome
    reason: str = ""
    polled_at: AwareDatetime
    next_poll_at: AwareDatetime
    failures: int = Field(default=0, ge=0, description="failed polls in a row (drives the backoff)")
    last_success_at: AwareDatetime | None = None
    etag: str | None = None
    last_modified: str | None = None
    items: tuple[SeenItem, ...] = ()  # those of the latest feed document: bounded by the feed's size


class FeedEvent(Event):
    feed: FeedSource


class FeedAdded(FeedEvent):
    type: Literal["feed.added"] = "feed.added"


class FeedPaused(FeedEvent):
    type: Literal["feed.paused"] = "feed.paused"


class FeedResumed(FeedEvent):
    type: Literal["feed.resumed"] = "feed.resumed"


class FeedRemoved(FeedEvent):
    type: Literal["feed.removed"] = "feed.removed"


class FeedPolled(Event):
    type: Literal["feed.polled"] = "feed.polled"
    status: FeedStatus


AnyFeedEvent = FeedAdded | FeedPaused | FeedResumed | FeedRemoved | FeedPolled


def feed_id_for(url: str) -> str:
    """A feed's id follows from its URL, so adding the same feed twice changes it rather than doubling it."""
    return "feed_" + stable_id("feed", url.strip())[:16]


def status_key(feed_id: str) -> str:
    return feed_id + STATUS_SUFFIX


@dataclass
class FeedBook:
    """The fold of the feeds topic: every source and the poller's latest status of each."""

    sources: dict[str, FeedSource] = field(default_factory=dict)
    statuses: dict[str, FeedStatus] = field(default_factory=dict)

    def apply(self, event: AnyFeedEvent) -> None:
        if isinstance(event, FeedPolled):
            current = self.statuses.get(event.status.feed_id)
            # never back to an older status: a reader lagging behind the poller's own latest
            # (which the poller applies as soon as it is committed) must not undo it
            if event.status.feed_id in self.sources and (current is None or event.status.polled_at >= current.polled_at):
                self.statuses[event.status.feed_id] = event.status
        elif isinstance(event, FeedRemoved):
            self.sources.pop(event.feed.feed_id, None)
            self.statuses.pop(event.feed.feed_id, None)
        else:
            self.sources[event.feed.feed_id] = event.feed

    def forget(self, key: str) -> None:
        """A tombstone (null value) under `key`: compaction's way of removing a feed."""
        if key.endswith(STATUS_SUFFIX):
            self.statuses.pop(key.removesuffix(STATUS_SUFFIX), None)
        else:
            self.sources.pop(key, None)

    def find(self, ref: str) -> FeedSource | None:
        """A feed by id, name or URL (what `sitmon feeds show REF` accepts)."""
        if ref in self.sources:
            return self.sources[ref]
        matches = [s for s in self.sources.values() if ref in (s.name, s.url)]
        return matches[0] if len(matches) == 1 else None


def _event_id(feed_id: str, change: str, now: datetime) -> str:
    return stable_id("feed", feed_id, change, now.isoformat())


def add(*, url: str, name: str, language: str | None, every_s: int, now: datetime) -> FeedAdded:
    feed_id = feed_id_for(url)
    source = FeedSource(
        feed_id=feed_id, url=url, name=name, language=language, every_s=every_s, created_at=now, updated_at=now
    )
    return FeedAdded(event_id=_event_id(feed_id, "added", now), occurred_at=now, feed=source)


def pause(source: FeedSource, now: datetime) -> FeedPaused:
    changed = source.model_copy(update={"state": "paused", "updated_at": now})
    return FeedPaused(event_id=_event_id(source.feed_id, "paused", now), occurred_at=now, feed=changed)


def resume(source: FeedSource, now: datetime) -> FeedResumed:
    changed = source.model_copy(update={"state": "active", "updated_at": now})
    return FeedResumed(event_id=_event_id(source.feed_id, "resumed", now), occurred_at=now, feed=changed)


def remove(source: FeedSource, now: datetime) -> FeedRemoved:
    changed = source.model_copy(update={"updated_at": now})
    return FeedRemoved(event_id=_event_id(source.feed_id, "removed", now), occurred_at=now, feed=changed)


def polled(status: FeedStatus) -> FeedPolled:
    return FeedPolled(
        event_id=stable_id("feed.polled", status.feed_id, status.polled_at.isoformat()),
        occurred_at=status.polled_at,
        status=status,
    )


def seen_items(status: FeedStatus | None) -> Mapping[str, SeenItem]:
    """The items of the last poll by article id."""
    return {item.article_id: item for item in status.items} if status else {}
