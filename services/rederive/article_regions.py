"""Where each article's reports were published: the regions a re-derivation may have to withdraw
it from (`services.ingest.articles.withdrawal`).

A report is counted by the region its record is keyed by, so a newer derivation that places the
article elsewhere leaves the old report standing there unless that region is told. This reads
the reports log once (no consumer group) and keeps, per article id, the regions it has reports
in — only the two fields it needs are taken from each record, so the pass costs little more
than consuming the topic. A report's record time is its article's publication time (revisions
and re-derivations keep it), so a reparse of a time range reads the reports of that range only. A record the worker would not fold (not JSON, keyed elsewhere than its
region) is skipped: the article never counted there.
"""

from __future__ import annotations

from datetime import datetime

import orjson

from services.replay.reader import replay


class ArticleRegions:
    """article id → the regions it has reports in (most articles: one)."""

    def __init__(self) -> None:
        self._regions: dict[str, tuple[str, ...]] = {}

    def add(self, article_id: str, region: str) -> None:
        known = self._regions.get(article_id, ())
        if region not in known:
            self._regions[article_id] = (*known, region)

    def others(self, article_id: str, region: str) -> tuple[str, ...]:
        """The regions the article has reports in, other than `region` (where it now belongs)."""
        return tuple(known for known in self._regions.get(article_id, ()) if known != region)

    def __len__(self) -> int:
        return len(self._regions)


def article_and_region(key: bytes | None, value: bytes | None) -> tuple[str, str] | None:
    """(article id, region) of a report record the worker would fold, else None."""
    if key is None or value is None:
        return None
    try:
        data = orjson.loads(value).get("data")
    except (orjson.JSONDecodeError, AttributeError):
        return None
    if not isinstance(data, dict) or data.get("type") != "reports.extracted":
        return None
    article_id, region = data.get("article_id"), data.get("region")
    if not isinstance(article_id, str) or not isinstance(region, str) or key != region.encode("utf-8"):
        return None
    return article_id, region


async def article_regions(
    bootstrap: str, topic: str, *, since: datetime | None = None, until: datetime | None = None
) -> ArticleRegions:
    found = ArticleRegions()
    async for record in replay(bootstrap, topic, since=since, until=until):
        read = article_and_region(record.key, record.value)
        if read is not None:
            found.add(*read)
    return found
