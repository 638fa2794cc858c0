"""Read articles from paths: .txt/.md (optional YAML front matter), .html, .jsonl, RSS/Atom.

Every reader yields `IncomingArticle` for what it could read and `Skipped` (with the file,
line and reason) for what it could not, so one bad line never stops a batch.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from services.ingest.cleaning import html_to_text, looks_like_html, normalise

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


class IncomingArticle(BaseModel):
    """One article as read from a source, before it becomes an `ArticleReceived` event."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    id: str | None = Field(default=None, max_length=200)
    text: str = Field(min_length=1)
    title: str | None = None
    url: str | None = Field(default=None, max_length=2000)
    published_at: datetime | None = None
    updated_at: datetime | None = Field(default=None, description="when a changed text was revised (a revision)")
    source: str | None = Field(default=None, description="the outlet")
    language: str | None = Field(default=None, max_length=16)
    origin: str = ""

    @field_validator("published_at", "updated_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        # A bare date or naive time in a feed or file is taken as UTC rather than rejected.
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


@dataclass(frozen=True)
class Skipped:
    """An input that was not ingested, and why."""

    origin: str
    reason: str
    excerpt: str = ""


Item = IncomingArticle | Skipped


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 10 * 1024 * 1024
    max_article_chars: int = 2 * 1024 * 1024


def discover(paths: list[Path]) -> Iterator[Path | Skipped]:
    """Files to read, in a stable order; folders are walked, unsupported files reported."""
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                if child.suffix.lower() in SUPPORTED:
                    yield child
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED:
                yield path
            else:
                yield Skipped(
                    str(path),
                    f"unsupported file type {path.suffix or '(none)'}; expected one of " + ", ".join(sorted(SUPPORTED)),
                )
        else:
            yield Skipped(str(path), "no such file or folder")


def read_path(path: Path, limits: Limits) -> Iterator[Item]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            yield Skipped(
                origin, f"file is {size / 1_048_576:.1f} MB, over the {limits.max_file_bytes / 1_048_576:.0f} MB limit"
            )
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield Skipped(origin, f"cannot read: {exc.strerror or exc}")
        return
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Skipped(origin, f"not UTF-8 text (byte {exc.start}): {exc.reason}")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_json_lines(content, origin, limits)
    elif suffix in FEED_SUFFIXES:
        yield from _read_feed(content, origin, limits)
    elif suffix in HTML_SUFFIXES:
        text, title = html_to_text(content)
        yield _validated({"text": text, "title": title}, origin, limits)
    else:
        yield _read_text(content, origin, limits)


def _read_text(content: str, origin: str, limits: Limits) -> Item:
    metadata, body = _front_matter(content)
    if isinstance(metadata, Skipped):
        return Skipped(origin, metadata.reason)
    if looks_like_html(body):
        body, html_title = html_to_text(body)
        metadata.setdefault("title", html_title)
    return _validated({**metadata, "text": normalise(body)}, origin, limits)


def _front_matter(content: str) -> tuple[dict[str, Any] | Skipped, str]:
    """Markdown-style `---` YAML front matter carries id, title, url, published_at, source, language."""
    if not content.startswith("---"):
        return {}, content
    end = content.find("\n---", 3)
    if end < 0:
        return {}, content
    try:
        metadata = yaml.safe_load(content[3:end])
    except yaml.YAMLError as exc:
        return Skipped("", f"front matter is not valid YAML: {str(exc).splitlines()[0]}"), ""
    if not isinstance(metadata, dict):
        return Skipped("", "front matter must be a YAML mapping of id, title, url, published_at, source, language"), ""
    body_start = content.find("\n", end + 4)
    return metadata, content[body_start + 1 :] if body_start >= 0 else ""


def read_json_lines(content: str, origin: str, limits: Limits) -> Iterator[Item]:
    """JSON Lines of articles (a .jsonl file, a pushed batch): each line `origin:N`, a bad one skipped alone."""
    for number, line in enumerate(content.splitlines(), start=1):
        where = f"{origin}:{number}"
        if not line.strip():
            continue
        try:
            document = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"invalid JSON: {exc.msg} at column {exc.colno}", line)
            continue
        yield _document(document, where, limits, line)


def read_json_document(content: str, origin: str, limits: Limits) -> Iterator[Item]:
    """One JSON article object (a pushed article), or an array of them (`origin:N` each)."""
    try:
        document = json.loads(content)
    except json.JSONDecodeError as exc:
        yield Skipped(f"{origin}:{exc.lineno}", f"invalid JSON: {exc.msg} at column {exc.colno}", content)
        return
    if isinstance(document, list):
        for number, each in enumerate(document, start=1):
            yield _document(each, f"{origin}:{number}", limits, json.dumps(each)[:500])
    else:
        yield _document(document, f"{origin}:1", limits, content)


def _document(document: Any, where: str, limits: Limits, raw: str) -> Item:
    if not isinstance(document, dict):
        return Skipped(where, f"expected a JSON object with id and text, got {type(document).__name__}", raw)
    text = document.get("text")
    if isinstance(text, str) and looks_like_html(text):
        document["text"], html_title = html_to_text(text)
        document.setdefault("title", html_title)
    return _validated(document, where, limits, raw)


def _read_feed(content: str, origin: str, limits: Limits) -> Iterator[Item]:
    feed = feedparser.parse(content)
    if feed.bozo and not feed.entries:
        yield Skipped(origin, f"not a readable RSS/Atom feed: {feed.get('bozo_exception', 'unknown error')}", content)
        return
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{origin}#entry{number}"
        html = entry["content"][0].get("value", "") if entry.get("content") else entry.get("summary", "")
        text, _ = html_to_text(html) if html else ("", None)
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        yield _validated(
            {
                "id": entry.get("id"),
                "title": entry.get("title"),
                "url": entry.get("link"),
                "text": text,
                "published_at": datetime.fromtimestamp(calendar.timegm(published), UTC) if published else None,
                "source": feed.feed.get("title"),
            },
            where,
            limits,
        )


def _validated(fields: dict[str, Any], origin: str, limits: Limits, raw: str = "") -> Item:
    text = fields.get("text")
    if isinstance(text, str) and len(text) > limits.max_article_chars:
        return Skipped(
            origin, f"article text is {len(text):,} characters, over the {limits.max_article_chars:,} limit", raw
        )
    try:
        article = IncomingArticle.model_validate({**fields, "origin": origin})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "article"
        problem = "missing" if first["type"] == "missing" else first["msg"]
        if field == "text" and first["type"] in ("string_too_short", "missing"):
            problem = "empty or missing text"
            return Skipped(origin, problem, raw)
        return Skipped(origin, f"{field}: {problem}", raw)
    return article
