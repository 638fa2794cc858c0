"""Changes while `sitmon alerts` runs: silences set and lifted through the API, a second source
confirming a provisional alert, a rotated secret still verifying with the old one."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from streams.topics import Catalogue
from tests.integration.alert_stack import NK, api_client, fast_settings, killed, publish, running_alerts, snapshot
from tests.webhook_receiver import WebhookReceiver, payload_of

pytestmark = pytest.mark.integration
TOKEN = "live-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
async def api(bootstrap: str, catalogue: Catalogue) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(bootstrap, catalogue, TOKEN) as client:
        yield client


async def _subscribe(api: httpx.AsyncClient, receiver: WebhookReceiver, **body: object) -> dict[str, str]:
    response = await api.post("/subscriptions", json={"url": receiver.url("/live")} | body, headers=AUTH)
    assert response.status_code == 201, response.text
    created: dict[str, str] = response.json()
    receiver._secrets.append(created["secret"])
    return created


async def test_silence_set_and_lifted_while_running(
    api: httpx.AsyncClient, bootstrap: str, catalogue: Catalogue
) -> None:
    with WebhookReceiver([]) as receiver:
        await _subscribe(api, receiver, kinds=["casualties"])
        async with running_alerts(fast_settings(bootstrap, catalogue)):
            silence = await api.post(
                "/silences",
                json={
                    "matchers": [{"name": "region", "value": "gaza"}],
                    "duration_seconds": 3600,
                    "created_by": "analyst@example.org",
                    "comment": "the desk is covering gaza",
                },
                headers=AUTH,
            )
            assert silence.status_code == 201, silence.text
            await publish(bootstrap, catalogue.situation.name, "gaza", snapshot(killed(40, sources=2), region="gaza"))
            await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(40, sources=2)))
            first = await receiver.wait_for_async(1, timeout=20)
            assert payload_of(first[0])["data"]["region"] == NK  # gaza's came first but is silenced
            lifted = await api.delete(f"/silences/{silence.json()['silence_id']}", headers=AUTH)
            assert lifted.status_code == 204
            arrivals = await receiver.wait_for_async(2, timeout=20)
    assert [payload_of(a)["data"]["region"] for a in arrivals] == [NK, "gaza"]


async def test_second_source_confirms_a_provisional_alert(
    api: httpx.AsyncClient, bootstrap: str, catalogue: Catalogue
) -> None:
    with WebhookReceiver([]) as receiver:
        await _subscribe(api, receiver, kinds=["casualties"])
        async with running_alerts(fast_settings(bootstrap, catalogue)):
            await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(32, sources=1), sequence=1))
            await receiver.wait_for_async(1, timeout=20)
            await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(32, sources=2), sequence=2))
            arrivals = await receiver.wait_for_async(2, timeout=20)
    data = [payload_of(a)["data"] for a in arrivals]
    assert [(d["provisional"], d["sources"], d["seq"]) for d in data] == [(True, 1, 1), (False, 2, 2)]
    assert arrivals[0].webhook_id != arrivals[1].webhook_id


async def test_after_rotation_a_receiver_with_the_old_secret_still_verifies(
    api: httpx.AsyncClient, bootstrap: str, catalogue: Catalogue
) -> None:
    with WebhookReceiver([]) as old_only:
        created = await _subscribe(api, old_only, kinds=["ceasefire"])
        rotated = await api.post(f"/subscriptions/{created['subscription_id']}/rotate-secret", headers=AUTH)
        assert rotated.status_code == 200 and rotated.json()["secret"] != created["secret"]
        async with running_alerts(fast_settings(bootstrap, catalogue)):
            await publish(bootstrap, catalogue.situation.name, NK, snapshot(ceasefire="agreed"))
            arrivals = await old_only.wait_for_async(1, timeout=20)
    assert arrivals[0].verified, arrivals[0].error
    assert len(arrivals[0].headers["webhook-signature"].split(" ")) == 2  # signed with both secrets
    assert payload_of(arrivals[0])["data"]["ceasefire_status"] == "agreed"
