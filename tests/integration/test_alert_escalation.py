"""Escalation is news: a firing red alert whose best goes 32 → 200 sends `alert.updated`, verified
with standardwebhooks, without waiting out group_interval (the level is red)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from prometheus_client import CollectorRegistry

from streams import subscriptions as subs
from streams.topics import Catalogue
from tests.integration.alert_stack import (
    NK,
    fast_settings,
    killed,
    publish,
    running_alerts,
    snapshot,
    store_subscription,
)
from tests.webhook_receiver import WebhookReceiver, payload_of

pytestmark = pytest.mark.integration


async def test_a_red_alert_rising_from_32_to_200_sends_alert_updated(bootstrap: str, catalogue: Catalogue) -> None:
    secret = subs.new_secret(datetime.now(UTC))
    children = killed(5).model_copy(update={"group": "children"})  # children among the killed: one tier up, red
    with WebhookReceiver(secret.secret) as receiver:
        created = subs.create(url=receiver.url(), now=datetime.now(UTC), kinds=["casualties"], secret=secret)
        await store_subscription(bootstrap, catalogue, created)
        registry = CollectorRegistry()
        # group_interval of an hour: only a red escalation may go out before it has passed
        async with running_alerts(fast_settings(bootstrap, catalogue, alerts_group_interval=3600.0), registry):
            await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(32), children, sequence=1))
            first = await receiver.wait_for_async(1, timeout=20)
            await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(40), children, sequence=2))
            await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(200), children, sequence=3))
            arrivals = await receiver.wait_for_async(2, timeout=20)
    assert all(a.verified for a in arrivals)
    fired, updated = payload_of(first[0]), payload_of(arrivals[1])
    assert (fired["type"], fired["data"]["level"], fired["data"]["best"]) == ("alert.fired", "red", 32)
    assert updated["type"] == "alert.updated"
    data = updated["data"]
    assert (data["level"], data["best"], data["previous_level"], data["previous_best"]) == ("red", 200, "red", 32)
    assert data["alert_id"] == fired["data"]["alert_id"] and data["status"] == "firing"
    assert len(arrivals) == 2  # 32 → 40 is not news (less than 1.5×)
    sent = registry.get_sample_value("sitmon_alert_notifications_total", {"outcome": "sent", "reason": "escalated"})
    assert sent == 1
