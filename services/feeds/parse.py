"""A feed document → its entries: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed 1.x as JSON.

An entry keeps what an article needs (id, link, title, the HTML of its content or summary,
publication and update times, language) and a hash of itself, so an unchanged entry is
recognised without fetching its page again.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from xml.sax import SAXParseException

import feedparser

from services.feeds.errors import FetchFailed


@dataclass(frozen=True)
class FeedEntry:
    id: str | None
    link: str | None
    title: str | None
    html: str  # full content when the feed carries it, else the summary
    full_content: bool
    published_at: datetime | None
    updated_at: datetime | None
    language: str | None

    def fingerprint(self) -> str:
        parts = (self.id, self.link, self.title, self.html, self.published_at, self.updated_at)
        return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    language: str | None
    entries: list[FeedEntry]


def parse_feed(body: bytes, content_type: str = "") -> ParsedFeed:
    """Raises FetchFailed("malformed") when the body is neither a readable feed nor a JSON Feed."""
    stripped = body.lstrip()
    if "json" in content_type.lower() or stripped.startswith(b"{"):
        return _json_feed(body)
    parsed = feedparser.parse(body)
    problem = parsed.get("bozo_exception")
    if parsed.bozo and (not parsed.entries or isinstance(problem, SAXParseException)):
        # XML that is not well-formed is refused whole: what a lenient parse recovers from it
        # (half an entry, a title without its text) is not worth publishing as an article
        raise FetchFailed("malformed", f"not a well-formed RSS/Atom feed: {problem or 'no entries'}")
    if not parsed.get("version") and not parsed.entries:
        raise FetchFailed("malformed", "not an RSS, Atom or JSON feed")
    language = parsed.feed.get("language")
    return ParsedFeed(parsed.feed.get("title"), language, [_entry(e, language) for e in parsed.entries])


def _entry(entry: Any, feed_language: str | None) -> FeedEntry:
    content = entry.get("content") or []
    html = content[0].get("value", "") if content else entry.get("summary", "")
    return FeedEntry(
        id=entry.get("id") or None,
        link=entry.get("link") or None,
        title=entry.get("title") or None,
        html=html or "",
        full_content=bool(content),
        # dict.get, not entry.get: feedparser's own get maps a missing `updated` to `published` (with a warning)
        published_at=_struct_time(dict.get(entry, "published_parsed")),
        updated_at=_struct_time(dict.get(entry, "updated_parsed")),
        language=entry.get("language") or feed_language,
    )


def _struct_time(value: time.struct_time | None) -> datetime | None:
    return datetime.fromtimestamp(calendar.timegm(value), UTC) if value else None


def _json_feed(body: bytes) -> ParsedFeed:
    """JSON Feed 1.0/1.1 (jsonfeed.org): a plain JSON document, no library needed."""
    try:
        document = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FetchFailed("malformed", f"not valid JSON: {exc}") from None
    if not isinstance(document, dict) or "jsonfeed.org" not in str(document.get("version", "")):
        raise FetchFailed("malformed", "a JSON document without a jsonfeed.org version is not a JSON Feed")
    items = document.get("items")
    if not isinstance(items, list):
        raise FetchFailed("malformed", "JSON Feed has no items list")
    language = document.get("language") if isinstance(document.get("language"), str) else None
    entries = [_json_item(item, language) for item in items if isinstance(item, dict)]
    title = document.get("title") if isinstance(document.get("title"), str) else None
    return ParsedFeed(title, language, entries)


def _json_item(item: dict[str, Any], feed_language: str | None) -> FeedEntry:
    html = item.get("content_html") or ""
    text = item.get("content_text") or ""
    full = bool(html or text)
    if not full:
        html = item.get("summary") or ""
    elif not html:
        html = _escape(text)
    return FeedEntry(
        id=str(item["id"]) if item.get("id") is not None else None,
        link=item.get("url") if isinstance(item.get("url"), str) else None,
        title=item.get("title") if isinstance(item.get("title"), str) else None,
        html=str(html),
        full_content=full,
        published_at=_iso(item.get("date_published")),
        updated_at=_iso(item.get("date_modified")),
        language=item.get("language") if isinstance(item.get("language"), str) else feed_language,
    )


def _escape(text: str) -> str:
    paragraphs = (p.replace("&", "&amp;").replace("<", "&lt;") for p in text.split("\n\n"))
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _iso(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
