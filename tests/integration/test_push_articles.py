"""POST /articles and /feeds on the real API app and a real broker (called in-process)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
from prometheus_client import CollectorRegistry

from netguard.ssrf import FETCHES, check_url, parse_allowed_networks
from services.api.app import create_app
from services.api.deps import ApiDeps
from services.api.kafka_log import KafkaEventLog
from services.cli.ingest import extract_article
from services.extraction.extractor import EXTRACTOR_VERSION
from services.feeds.desk import KafkaFeedDesk
from services.ingest.pipeline import ExtractionStep
from services.ingest.push import PushIntake
from services.kafka.producer import EventProducer
from streams.envelope import decode
from streams.events import ArticleReceived, DeadLettered
from streams.topics import Catalogue
from tests.integration.alert_stack import writer
from tests.kafka_helpers import read_records

pytestmark = pytest.mark.integration
TOKEN = "push-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NK = (
    "Armenian authorities said 32 people were killed and more than 200 injured in Nagorno-Karabakh "
    "in less than 24 hours by the Azeri attacks."
)


def now() -> datetime:
    return datetime.now(UTC)


@contextlib.asynccontextmanager
async def api_with_intake(bootstrap: str, catalogue: Catalogue) -> AsyncIterator[httpx.AsyncClient]:
    log = KafkaEventLog(bootstrap, catalogue, writer(bootstrap, catalogue))
    loopback = parse_allowed_networks("127.0.0.0/8", purpose=FETCHES)
    async with EventProducer(bootstrap, source="/sitmon/api") as producer:
        deps = ApiDeps(
            log=log,
            check_url=lambda url: check_url(url, loopback),
            token=TOKEN,
            clock=now,
            registry=CollectorRegistry(),
            articles=PushIntake(
                producer=producer,
                catalogue=catalogue,
                extraction=ExtractionStep(extract_article, EXTRACTOR_VERSION),
                clock=now,
            ),
            feeds=KafkaFeedDesk(bootstrap, catalogue, loopback, now),
        )
        try:
            transport = httpx.ASGITransport(app=create_app(deps))
            async with httpx.AsyncClient(transport=transport, base_url="http://sitmon-api") as client:
                yield client
        finally:
            await log.stop()


async def decoded(bootstrap: str, topic: str, expect: int, timeout_s: float = 10) -> list[object]:
    return [decode(r.value) for r in await read_records(bootstrap, topic, expect=expect, timeout_s=timeout_s)]


async def test_push_needs_a_token_then_publishes_a_batch_and_dead_letters_the_bad_line_by_number(
    bootstrap: str, catalogue: Catalogue
) -> None:
    async with api_with_intake(bootstrap, catalogue) as api:
        one = {"id": "push-1", "text": NK, "title": "Toll", "published_at": "2023-09-20T18:00:00Z", "source": "Wire"}
        assert (await api.post("/articles", json=one)).status_code == 401

        answer = await api.post("/articles", json=one, headers=AUTH)
        assert answer.status_code == 202, answer.text
        assert answer.json()["article_ids"] == ["push-1"] and answer.json()["skipped"] == []

        batch = "\n".join(
            [
                json.dumps({"id": "push-2", "text": NK.replace("32", "33"), "published_at": "2023-09-20T19:00:00Z"}),
                '{"id": "push-3", "text": ',  # cut off: invalid JSON
                json.dumps({"id": "push-4", "text": ""}),  # empty text
                json.dumps({"url": "https://news.example/World/Story", "text": NK}),
            ]
        )
        answer = await api.post("/articles", content=batch, headers={**AUTH, "Content-Type": "application/x-ndjson"})
        assert answer.status_code == 202, answer.text
        body = answer.json()
        assert [a["line"] for a in body["articles"]] == [1, 4]
        assert body["article_ids"][0] == "push-2" and body["article_ids"][1].startswith("url-")
        assert [(s["line"], s["reason"].split(":")[0]) for s in body["skipped"]] == [(2, "invalid JSON"), (3, "empty or missing text")]

        again = await api.post("/articles", json=one, headers=AUTH)  # idempotent by id: not published twice
        assert again.json()["articles"] == [{"line": 1, "article_id": "push-1", "status": "unchanged"}]
        corrected = await api.post("/articles", json={**one, "text": NK.replace("32", "35")}, headers=AUTH)
        assert corrected.json()["articles"][0]["status"] == "revised"

        nothing = await api.post("/articles", content="not json", headers=AUTH)
        assert nothing.status_code == 422 and "line 1: invalid JSON" in nothing.json()["detail"]

    articles = [e for e in await decoded(bootstrap, catalogue.articles.name, 4) if isinstance(e, ArticleReceived)]
    assert sorted(a.article_id for a in articles if a.article_id.startswith("push")) == ["push-1", "push-1", "push-2"]
    revised = [a for a in articles if a.article_id == "push-1"]
    assert revised[0].revised_at is None and revised[1].revised_at is not None and "35 people" in revised[1].text
    dead = [e for e in await decoded(bootstrap, catalogue.dlq.name, 3) if isinstance(e, DeadLettered)]
    assert sorted(d.origin for d in dead) == ["push:1", "push:2", "push:3"]
    assert all(d.stage == "ingest" for d in dead)


async def test_feeds_through_the_api_with_the_same_checks_as_the_cli(bootstrap: str, catalogue: Catalogue) -> None:
    async with api_with_intake(bootstrap, catalogue) as api:
        refused = await api.post("/feeds", json={"url": "http://169.254.169.254/latest/"}, headers=AUTH)
        assert refused.status_code == 422 and "link-local" in refused.json()["detail"]
        bad_every = await api.post("/feeds", json={"url": "http://127.0.0.1:9/feed", "every": "5 minutes"}, headers=AUTH)
        assert bad_every.status_code == 422 and "--every" in bad_every.json()["detail"]
        added = await api.post("/feeds", json={"url": "http://127.0.0.1:9/feed", "name": "Local"}, headers=AUTH)
        assert added.status_code == 201, added.text
        assert (await api.post("/feeds/Local/pause", headers=AUTH)).status_code == 204
        shown = (await api.get("/feeds/Local", headers=AUTH)).json()
        assert shown["state"] == "paused" and shown["status"] is None
        assert [f["name"] for f in (await api.get("/feeds", headers=AUTH)).json()] == ["Local"]
        assert (await api.delete("/feeds/Local", headers=AUTH)).status_code == 204
        assert (await api.get("/feeds", headers=AUTH)).json() == []
        assert (await api.get("/feeds", headers={})).status_code == 401
