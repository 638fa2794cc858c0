"""The HTTP API on a real broker: subscribe through it, get signed alerts, read the delivery log, resend."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest

from streams import subscriptions as subs
from streams.topics import Catalogue
from tests.integration.alert_stack import (
    NK,
    api_client,
    fast_settings,
    killed,
    live_api,
    publish,
    running_alerts,
    snapshot,
    store_subscription,
)
from tests.webhook_receiver import WebhookReceiver, payload_of

pytestmark = pytest.mark.integration
TOKEN = "integration-token"
NOW = datetime(2026, 12, 7, tzinfo=UTC)
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
async def api(bootstrap: str, catalogue: Catalogue) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(bootstrap, catalogue, TOKEN) as client:
        yield client


@pytest.fixture
async def strict_api(bootstrap: str, catalogue: Catalogue) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(bootstrap, catalogue, TOKEN, allowed_networks="") as client:
        yield client


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://169.254.169.254/", "link-local"),
        ("http://10.0.0.1/", "private"),
        ("http://[::ffff:127.0.0.1]/", "IPv4-mapped"),
        ("http://localhost:8080/hook", "loopback"),  # a hostname resolving to a non-global address
    ],
)
async def test_ssrf_guard_refuses_non_global_targets(strict_api: httpx.AsyncClient, url: str, reason: str) -> None:
    response = await strict_api.post("/subscriptions", json={"url": url}, headers=AUTH)
    assert response.status_code == 422
    assert reason in response.json()["detail"]
    assert (await strict_api.get("/subscriptions", headers=AUTH)).json() == []


async def test_subscribe_through_the_api_then_deliveries_and_resend(
    api: httpx.AsyncClient, bootstrap: str, catalogue: Catalogue
) -> None:
    with WebhookReceiver([]) as receiver:
        response = await api.post(
            "/subscriptions", json={"url": receiver.url("/api"), "regions": [NK], "kinds": ["casualties"]}, headers=AUTH
        )
        assert response.status_code == 201, response.text
        created = response.json()
        receiver._secrets.append(created["secret"])  # the subscriber stores the secret shown once
        sub_id = created["subscription_id"]
        listed = (await api.get("/subscriptions", headers=AUTH)).json()
        assert [s["subscription_id"] for s in listed] == [sub_id]

        async with running_alerts(fast_settings(bootstrap, catalogue)):
            await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(32, sources=2)))
            first = await receiver.wait_for_async(1, path="/api", timeout=20)
            assert payload_of(first[0])["data"]["best"] == 32

            situation = (await api.get(f"/situation/{NK}", headers=AUTH)).json()
            assert situation["casualties"][0]["best"] == 32

            deliveries = []
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:  # the log records the 2xx after it arrived: poll for it
                deliveries = (await api.get(f"/subscriptions/{sub_id}/deliveries", headers=AUTH)).json()
                if deliveries and deliveries[0]["status"] == "delivered":
                    break
                await asyncio.sleep(0.05)
            assert [(d["message_id"], d["status"], d["attempts"]) for d in deliveries] == [
                (first[0].webhook_id, "delivered", 1)
            ]

            resend = await api.post(f"/subscriptions/{sub_id}/deliveries/{first[0].webhook_id}/resend", headers=AUTH)
            assert resend.status_code == 202, resend.text
            arrivals = await receiver.wait_for_async(2, path="/api", timeout=20)
    assert [a.webhook_id for a in arrivals] == [first[0].webhook_id] * 2
    assert all(a.verified for a in arrivals)


async def test_reads_ask_the_broker_only_where_a_write_could_be_missed(bootstrap: str, catalogue: Catalogue) -> None:
    async with live_api(bootstrap, catalogue, TOKEN) as (api, log):
        created = await api.post("/subscriptions", json={"url": "http://127.0.0.1:9/hook"}, headers=AUTH)
        assert created.status_code == 201, created.text
        sub_id = created.json()["subscription_id"]
        # written by another process a moment before: a miss would ask the broker, so it is found at once
        other = await store_subscription(bootstrap, catalogue, subs.create(url="http://127.0.0.1:9/other", now=NOW))
        found = await api.get(f"/subscriptions/{other.subscription_id}", headers=AUTH)
        assert found.status_code == 200, found.text
        await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(12), sequence=1))
        assert await _eventually_best(api, 12)  # (a region not known yet asks the broker)
        # the listing of what people write is fenced: both are there, for one round trip
        asked = log.end_offset_requests
        listed = (await api.get("/subscriptions", headers=AUTH)).json()
        assert {s["subscription_id"] for s in listed} == {sub_id, other.subscription_id}
        assert log.end_offset_requests == asked + 1
        # the views the services derive answer from the model as it stands: no round trip at all
        await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(32), sequence=2))
        assert await _eventually_best(api, 32)
        listing = await api.get(f"/subscriptions/{sub_id}/deliveries", headers=AUTH)
        assert listing.status_code == 200 and listing.json() == []
        assert log.end_offset_requests == asked + 1


async def _eventually_best(api: httpx.AsyncClient, best: int) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the follower's fetch brings the snapshot within moments
        picture = await api.get(f"/situation/{NK}", headers=AUTH)
        if picture.status_code == 200 and picture.json()["casualties"][0]["best"] == best:
            return True
        await asyncio.sleep(0.01)
    return False
