"""Fault tests: every accepted request is carried out (issue 11, item 5), against the real broker.

- pause → 20 alerts → resume: the 20 notifications are held (none sent while paused) and
  delivered on resume, all of them, in the order they were requested;
- a resend requested while `sitmon alerts` is down is delivered once it starts — with the
  same webhook-id — and a later restart does not carry it out again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from alerts.delivery.dispatcher import Dispatcher
from streams import subscriptions as subs
from streams.alerting import ResendRequested, resend_key
from streams.deliveries import DeliveryRequested
from streams.envelope import decode
from streams.subscription_commands import SubscriptionCommand
from streams.topics import Catalogue
from tests.integration.alert_stack import (
    NK,
    fast_settings,
    killed,
    publish,
    running_alerts,
    snapshot,
    store_subscription,
    writer,
)
from tests.kafka_helpers import read_records
from tests.webhook_receiver import WebhookReceiver, payload_of

pytestmark = [pytest.mark.integration, pytest.mark.faults]


async def requested(bootstrap: str, catalogue: Catalogue, expect: int) -> list[DeliveryRequested]:
    records = await read_records(bootstrap, catalogue.deliveries.name, expect=expect, timeout_s=20)
    events = [decode(r.value) for r in records if r.value]
    return [e for e in events if isinstance(e, DeliveryRequested)]


async def test_a_paused_subscription_gets_its_20_alerts_in_order_on_resume(
    bootstrap: str, catalogue: Catalogue
) -> None:
    secret = subs.new_secret(datetime.now(UTC))
    with WebhookReceiver(secret.secret) as receiver:
        created = subs.create(url=receiver.url("/hook"), now=datetime.now(UTC), kinds=["casualties"], secret=secret)
        sub_id = created.subscription.subscription_id
        await store_subscription(bootstrap, catalogue, created)
        commands = writer(bootstrap, catalogue)
        await commands.submit(SubscriptionCommand(action="pause", subscription_id=sub_id, actor="test"))
        async with running_alerts(fast_settings(bootstrap, catalogue)) as service:
            regions = [f"region-{i:02d}" for i in range(20)]
            for i, region in enumerate(regions):
                await publish(bootstrap, catalogue.situation.name, region, snapshot(killed(30 + i), region=region))
            dispatcher = service.dispatcher
            assert isinstance(dispatcher, Dispatcher)
            await _until(lambda: dispatcher.held_count(sub_id) == 20, "20 notifications held")
            assert receiver.received() == [], "a paused subscription was sent a webhook"
            await commands.submit(SubscriptionCommand(action="resume", subscription_id=sub_id, actor="test"))
            arrivals = await receiver.wait_for_async(20, path="/hook", timeout=60)
        order = [r.message.message_id for r in await requested(bootstrap, catalogue, expect=60)]
    assert all(a.verified for a in arrivals)
    assert sorted(payload_of(a)["data"]["region"] for a in arrivals) == regions
    assert [a.webhook_id for a in arrivals] == order[:20]


async def test_a_resend_requested_while_the_service_is_down_is_delivered_when_it_starts(
    bootstrap: str, catalogue: Catalogue
) -> None:
    secret = subs.new_secret(datetime.now(UTC))
    with WebhookReceiver(secret.secret) as receiver:
        created = subs.create(url=receiver.url("/hook"), now=datetime.now(UTC), kinds=["casualties"], secret=secret)
        sub_id = created.subscription.subscription_id
        await store_subscription(bootstrap, catalogue, created)
        settings = fast_settings(bootstrap, catalogue)
        async with running_alerts(settings):
            await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(32, sources=2)))
            [first] = await receiver.wait_for_async(1, path="/hook", timeout=60)
        # the service is down: the API records the request on the alerts topic
        request = ResendRequested(
            event_id="resend-while-down",
            occurred_at=datetime.now(UTC),
            subscription_id=sub_id,
            message_id=str(first.webhook_id),
            requested_by="test",
        )
        await publish(bootstrap, catalogue.alerts.name, resend_key(sub_id), request)
        async with running_alerts(settings):
            arrivals = await receiver.wait_for_async(2, path="/hook", timeout=60)
        async with running_alerts(settings):  # ready: recovery and replayed requests are done
            resends = [r for r in await requested(bootstrap, catalogue, expect=10) if r.series > 0]
    assert [a.webhook_id for a in arrivals] == [first.webhook_id, first.webhook_id]
    assert [(r.series, r.answers) for r in resends] == [(1, "resend-while-down")]


async def _until(condition: Callable[[], bool], what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 60
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)
