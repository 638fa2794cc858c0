"""The alert service against a real broker and a real verifying webhook receiver."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiokafka import AIOKafkaProducer
from prometheus_client import CollectorRegistry

from streams import subscriptions as subs
from streams.alerting import AlertTransitioned, SilenceCreated, SilenceMatcher, silence_key
from streams.envelope import decode, encode
from streams.events import DeadLettered
from streams.situation import SituationChanged
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
from tests.kafka_helpers import produce, read_records
from tests.webhook_receiver import WebhookReceiver, payload_of

pytestmark = pytest.mark.integration


async def _subscribe(bootstrap: str, catalogue: Catalogue, url: str, **options: object) -> subs.Subscription:
    created = subs.create(url=url, now=datetime.now(UTC), **options)  # type: ignore[arg-type]
    return await store_subscription(bootstrap, catalogue, created)


async def test_casualty_and_ceasefire_alerts_reach_a_subscriber_signed(bootstrap: str, catalogue: Catalogue) -> None:
    secret = subs.new_secret(datetime.now(UTC))
    with WebhookReceiver(secret.secret) as receiver:
        await _subscribe(bootstrap, catalogue, receiver.url(), regions=[NK], secret=secret)
        await produce(bootstrap, catalogue.situation.name, [(NK.encode(), b"{not json", None)])  # a poison record
        await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(32), ceasefire="agreed"))
        registry = CollectorRegistry()
        async with running_alerts(fast_settings(bootstrap, catalogue), registry):
            arrivals = await receiver.wait_for_async(2, timeout=20)
    sent = registry.get_sample_value(
        "sitmon_alert_notifications_total", {"outcome": "sent", "reason": "first_notification"}
    )
    assert sent == 2
    assert registry.get_sample_value("sitmon_alerts_firing", {"kind": "casualties", "level": "orange"}) == 1
    letters = [decode(r.value) for r in await read_records(bootstrap, catalogue.dlq.name, expect=1)]
    assert isinstance(letters[0], DeadLettered) and letters[0].stage == "alerts"
    assert letters[0].origin.startswith(f"{catalogue.situation.name}[") and "not JSON" in letters[0].reason
    payloads = {payload_of(a)["data"]["kind"]: payload_of(a) for a in arrivals}
    casualties = payloads["casualties"]
    assert casualties["type"] == "alert.fired"
    data = casualties["data"]
    assert data["level"] in ("orange", "red")
    assert (data["region"], data["status"], data["best"], data["threshold"]) == (NK, "firing", 32, 25)
    assert any("32 people were killed" in sentence for sentence in data["evidence"])
    assert data["provisional"] is True  # one source
    ceasefire = payloads["ceasefire"]["data"]
    assert (ceasefire["ceasefire_status"], ceasefire["level"], ceasefire["status"]) == ("agreed", "info", "firing")


async def test_silence_suppresses_and_resolved_carries_final_values(bootstrap: str, catalogue: Catalogue) -> None:
    secret = subs.new_secret(datetime.now(UTC))
    with WebhookReceiver(secret.secret) as receiver:
        await _subscribe(bootstrap, catalogue, receiver.url(), kinds=["casualties"], secret=secret)
        now = datetime.now(UTC)
        silence = SilenceCreated(
            event_id="sil-gaza",
            occurred_at=now,
            silence_id="sil-gaza",
            matchers=(SilenceMatcher(name="region", value="gaza"),),
            starts_at=now - timedelta(minutes=1),
            ends_at=now + timedelta(hours=1),
            created_by="analyst@example.org",
            comment="covered by the desk already",
        )
        await publish(bootstrap, catalogue.alerts.name, silence_key("sil-gaza"), silence)
        async with running_alerts(fast_settings(bootstrap, catalogue)):
            await publish(bootstrap, catalogue.situation.name, "gaza", snapshot(killed(50), region="gaza"))
            await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(12, sources=2), sequence=1))
            fired = await receiver.wait_for_async(1, timeout=20)
            await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(0, sources=2), sequence=2))
            arrivals = await receiver.wait_for_async(2, timeout=20)
    assert [payload_of(a)["data"]["region"] for a in arrivals] == [NK, NK]  # gaza was silenced
    assert payload_of(fired[0])["data"]["best"] == 12
    resolved = payload_of(arrivals[1])
    assert resolved["type"] == "alert.resolved"
    assert (resolved["data"]["status"], resolved["data"]["level"], resolved["data"]["best"]) == (
        "resolved",
        "yellow",
        0,
    )
    assert arrivals[0].webhook_id != arrivals[1].webhook_id


async def test_a_flapping_series_gives_one_firing_and_one_resolved(bootstrap: str, catalogue: Catalogue) -> None:
    secret = subs.new_secret(datetime.now(UTC))
    with WebhookReceiver(secret.secret) as receiver:
        await _subscribe(bootstrap, catalogue, receiver.url(), kinds=["casualties"], secret=secret)
        settings = fast_settings(bootstrap, catalogue, alerts_keep_firing_for=1.5)
        async with running_alerts(settings):
            flapping = [snapshot(killed(32 if i % 2 == 0 else 0, sources=2), sequence=i + 1) for i in range(12)]
            await publish(bootstrap, catalogue.situation.name, NK, *flapping)
            arrivals = await receiver.wait_for_async(2, timeout=20)
    assert [payload_of(a)["type"] for a in arrivals] == ["alert.fired", "alert.resolved"]
    assert payload_of(arrivals[1])["data"]["best"] == 0  # the value when it resolved
    records = await read_records(bootstrap, catalogue.alerts.name, expect=50, timeout_s=3)
    statuses = [e.status for e in (decode(r.value) for r in records) if isinstance(e, AlertTransitioned)]
    assert statuses == ["firing", "resolved"]


async def test_a_red_blip_read_in_one_batch_with_its_resolution_is_told_once_resolved(
    bootstrap: str, catalogue: Catalogue
) -> None:
    """A service behind its topic (a restart, a loaded machine) fetches a blip's red snapshot and
    its clearing one together: a service keeping up would have told the red at once (red skips
    group_wait), so the subscriber hears it once, resolved (alerts/pipeline/behind.py)."""
    secret = subs.new_secret(datetime.now(UTC))
    with WebhookReceiver(secret.secret) as receiver:
        await _subscribe(bootstrap, catalogue, receiver.url(), kinds=["casualties"], secret=secret)
        async with running_alerts(fast_settings(bootstrap, catalogue, alerts_group_wait=600.0)):
            red, cleared = snapshot(killed(120, sources=2), sequence=1), snapshot(killed(0, sources=2), sequence=2)
            await produce_one_record_batch(bootstrap, catalogue.situation.name, [red, cleared])
            arrivals = await receiver.wait_for_async(1, timeout=20)
    assert [payload_of(a)["type"] for a in arrivals] == ["alert.resolved"]
    assert (payload_of(arrivals[0])["data"]["level"], payload_of(arrivals[0])["data"]["best"]) == ("red", 0)
    records = await read_records(bootstrap, catalogue.alerts.name, expect=50, timeout_s=3)
    transitions = [e for e in (decode(r.value) for r in records) if isinstance(e, AlertTransitioned)]
    assert [(t.status, t.caught_up) for t in transitions] == [("firing", False), ("resolved", True)]


async def produce_one_record_batch(bootstrap: str, topic: str, events: list[SituationChanged]) -> None:
    """One Kafka record batch: a consumer cannot fetch part of it, so the service reads all at once."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        batch = producer.create_batch()
        for event in events:
            assert batch.append(key=NK.encode(), value=encode(event, subject=NK), timestamp=None) is not None
        await (await producer.send_batch(batch, topic, partition=0))
    finally:
        await producer.stop()
