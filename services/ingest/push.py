"""Pushed articles (`POST /articles`): one JSON article or a JSON Lines batch, taken exactly like
file ingest — the same reading, validation, extraction, dead letters and transactional publishing
(`pipeline.ingest`) — answering with the article ids and each skipped line with its reason.

Idempotent by id: the same article sent again has the same article id and event ids (every
consumer deduplicates by them), and one this intake already accepted with the same text is not
published again (`unchanged`). A changed text under an id accepted before is a revision:
`revised_at` is the article's own `updated_at` when it gives one, else the time it arrived.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from services.ingest.articles import article_id, content_hash
from services.ingest.metrics import IngestMetrics
from services.ingest.pipeline import ExtractionStep, ingest
from services.ingest.sources import IncomingArticle, Limits, Skipped, read_json_document, read_json_lines
from services.kafka.producer import EventProducer
from streams.topics import Catalogue

PushStatus = Literal["published", "revised", "unchanged"]
REMEMBERED = 100_000  # article ids whose accepted text this intake remembers (least recently used go first)


@dataclass(frozen=True)
class PushedArticle:
    line: int
    article_id: str
    status: PushStatus


@dataclass(frozen=True)
class SkippedLine:
    line: int
    reason: str


@dataclass
class PushResult:
    articles: list[PushedArticle] = field(default_factory=list)
    skipped: list[SkippedLine] = field(default_factory=list)


def _line(origin: str) -> int:
    tail = origin.rpartition(":")[2]
    return int(tail) if tail.isdigit() else 1


class PushIntake:
    def __init__(
        self,
        *,
        producer: EventProducer,
        catalogue: Catalogue,
        extraction: ExtractionStep,
        clock: Callable[[], datetime],
        limits: Limits = Limits(),
        metrics: IngestMetrics | None = None,
    ) -> None:
        self._producer = producer
        self._metrics = metrics
        self._catalogue = catalogue
        self._extraction = extraction
        self._clock = clock
        self._limits = limits
        # article id → (content hash, the region its report went to: a revision placed elsewhere withdraws it there)
        self._accepted: OrderedDict[str, tuple[str, str | None]] = OrderedDict()
        self._publishing = asyncio.Lock()  # one transaction at a time on the producer

    async def take(self, body: str, *, json_lines: bool, origin: str = "push") -> PushResult:
        reader = read_json_lines if json_lines else read_json_document
        result = PushResult()
        to_publish: list[IncomingArticle | Skipped] = []
        lines: dict[int, tuple[str, PushStatus]] = {}
        previous: dict[str, str] = {}  # article id → where its last report went
        now = self._clock()
        for item in reader(body, origin, self._limits):
            number = _line(item.origin)
            if isinstance(item, Skipped):
                result.skipped.append(SkippedLine(number, item.reason))
                to_publish.append(item)  # dead-lettered like a bad line of a file
                continue
            key, digest = article_id(item), content_hash(item)
            accepted = self._accepted.get(key)
            known = accepted[0] if accepted is not None else None
            if known == digest and item.updated_at is None:
                lines[number] = (key, "unchanged")
                continue
            if accepted is not None and accepted[1] is not None:
                previous[key] = accepted[1]
            if known is not None and item.updated_at is None:
                item = item.model_copy(update={"updated_at": now})  # a correction with no time of its own
            lines[number] = (key, "revised" if known is not None else "published")
            to_publish.append(item)
        async with self._publishing:
            summary = await ingest(
                to_publish,
                producer=self._producer,
                catalogue=self._catalogue,
                extraction=self._extraction,
                metrics=self._metrics,
                previous_regions=previous,
            )
        for number, (key, status) in sorted(lines.items()):
            result.articles.append(PushedArticle(number, key, status))
        for item in to_publish:
            if isinstance(item, IncomingArticle):
                key = article_id(item)
                before = self._accepted.get(key)
                # extraction failed: no new report, so the earlier one stands where it went
                region = summary.regions.get(key, before[1] if before is not None else None)
                self._remember(key, content_hash(item), region)
        return result

    def _remember(self, key: str, digest: str, region: str | None) -> None:
        self._accepted[key] = (digest, region)
        self._accepted.move_to_end(key)
        while len(self._accepted) > REMEMBERED:
            self._accepted.popitem(last=False)
