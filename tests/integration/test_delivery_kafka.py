"""Delivery on a real broker: the deliveries topic is the durable record, and recovery reads it."""

from __future__ import annotations

import asyncio
import signal
import sys
import time

import httpx
import pytest

from alerts.delivery.dispatcher import Dispatcher
from alerts.delivery.journal import KafkaJournal
from alerts.delivery.settings import DeliverySettings
from streams.deliveries import DeliveryAttempted, DeliveryFinished, DeliveryRequested
from streams.envelope import decode
from streams.events import DeadLettered
from streams.subscriptions import Subscription
from streams.topics import Catalogue
from tests.kafka_helpers import read_records
from tests.unit.alerts.delivery_fixtures import SECRET, fast_settings, message, subscription, wait_until
from tests.webhook_receiver import Reply, WebhookReceiver

pytestmark = pytest.mark.integration


async def events_on(bootstrap: str, topic: str, expect: int) -> list[object]:
    return [decode(r.value) for r in await read_records(bootstrap, topic, expect=expect, timeout_s=20)]


class Service:
    """A dispatcher as the alerts service runs it: its own journal (producer) and HTTP client."""

    def __init__(self, bootstrap: str, catalogue: Catalogue, subs: dict[str, Subscription], settings: DeliverySettings):
        self.bootstrap, self.catalogue, self.subs, self.settings = bootstrap, catalogue, subs, settings

    async def __aenter__(self) -> Dispatcher:
        self.journal = await KafkaJournal.connect(self.bootstrap, self.catalogue)
        self.client = httpx.AsyncClient(trust_env=False)
        self.dispatcher = Dispatcher(self.journal, self.client, self.subs.get, self.settings)
        return self.dispatcher

    async def __aexit__(self, *exc: object) -> None:
        await self.dispatcher.stop()
        await self.client.aclose()
        await self.journal.close()


async def test_every_step_is_on_the_deliveries_topic_and_requested_is_there_before_submit_returns(
    bootstrap: str, catalogue: Catalogue
) -> None:
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [503, 200])
        sub = subscription(receiver.url("/hook"))
        msg = message(sub.subscription_id)
        async with Service(bootstrap, catalogue, {sub.subscription_id: sub}, fast_settings()) as dispatcher:
            await dispatcher.submit(sub, msg)  # not started: nothing is sent yet
            (requested,) = await events_on(bootstrap, catalogue.deliveries.name, expect=1)
            assert isinstance(requested, DeliveryRequested) and requested.message == msg
            await dispatcher.start()
            await receiver.wait_for_async(2)
            events = await events_on(bootstrap, catalogue.deliveries.name, expect=4)
    assert [type(e) for e in events] == [DeliveryRequested, DeliveryAttempted, DeliveryAttempted, DeliveryFinished]
    assert isinstance(events[-1], DeliveryFinished) and events[-1].outcome == "delivered"
    records = await read_records(bootstrap, catalogue.deliveries.name, expect=4)
    assert {r.key for r in records} == {sub.subscription_id.encode()}  # one subscription, one partition, in order


async def test_a_400_is_dead_lettered_on_the_dlq_topic(bootstrap: str, catalogue: Catalogue) -> None:
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [400])
        sub = subscription(receiver.url("/hook"))
        msg = message(sub.subscription_id)
        async with Service(bootstrap, catalogue, {sub.subscription_id: sub}, fast_settings()) as dispatcher:
            await dispatcher.start()
            await dispatcher.submit(sub, msg)
            (dead,) = await events_on(bootstrap, catalogue.dlq.name, expect=1)
        assert len(receiver.received()) == 1
    assert isinstance(dead, DeadLettered)
    assert dead.stage == "alerts.delivery" and msg.message_id in dead.origin and "client_error" in dead.reason


async def test_a_restarted_dispatcher_delivers_what_the_stopped_one_did_not(
    bootstrap: str, catalogue: Catalogue
) -> None:
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [503])
        sub = subscription(receiver.url("/hook"))
        subs = {sub.subscription_id: sub}
        failed_once, never_sent = message(sub.subscription_id), message(sub.subscription_id)
        async with Service(bootstrap, catalogue, subs, fast_settings(retry_schedule="0.5")) as dispatcher:
            await dispatcher.start()
            await dispatcher.submit(sub, failed_once)
            await receiver.wait_for_async(1)
            await wait_until(lambda: dispatcher.log.get(sub.subscription_id, failed_once.message_id).attempts == 1)  # type: ignore[union-attr]
            await dispatcher.stop()  # stopped between firing and delivery
            await dispatcher.submit(sub, never_sent)  # requested durably, never attempted
        async with Service(bootstrap, catalogue, subs, fast_settings()) as restarted:
            assert await restarted.recover() == 2
            await restarted.start()
            arrivals = await receiver.wait_for_async(3)
            await wait_until(lambda: len([r for r in restarted.log.records() if r.status == "delivered"]) == 2)
    assert sorted(a.webhook_id for a in arrivals) == sorted(  # type: ignore[type-var]
        [failed_once.message_id, failed_once.message_id, never_sent.message_id]
    )
    assert list(receiver.processed) != [] and receiver.duplicates == 0
    finished = [
        e for e in await events_on(bootstrap, catalogue.deliveries.name, expect=7) if isinstance(e, DeliveryFinished)
    ]
    assert sorted(f.message_id for f in finished) == sorted([failed_once.message_id, never_sent.message_id])


async def test_kill_9_during_an_attempt_loses_nothing_and_the_duplicate_keeps_the_webhook_id(
    bootstrap: str, catalogue: Catalogue
) -> None:
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [Reply(200, hang_s=30), Reply(200)])  # the first answer never reaches the sender
        sub = subscription(receiver.url("/hook"))
        msg = message(sub.subscription_id)
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.integration.delivery_process",
            bootstrap,
            catalogue.prefix,
            sub.model_dump_json(),
            msg.model_dump_json(),
            stdout=asyncio.subprocess.PIPE,
        )
        try:
            assert process.stdout is not None
            assert (await asyncio.wait_for(process.stdout.readline(), 30)).strip() == b"submitted"
            await receiver.wait_for_async(1, timeout=20)  # the attempt is in flight
        finally:
            process.send_signal(signal.SIGKILL)
            await process.wait()
        async with Service(bootstrap, catalogue, {sub.subscription_id: sub}, fast_settings()) as restarted:
            assert await restarted.recover() == 1
            await restarted.start()
            first, second = await receiver.wait_for_async(2)
    assert first.webhook_id == second.webhook_id == msg.message_id
    assert list(receiver.processed) == [msg.message_id]


async def test_a_subscriber_hanging_for_30_s_does_not_delay_another_with_the_kafka_journal(
    bootstrap: str, catalogue: Catalogue
) -> None:
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/slow", [Reply(200, hang_s=30)] * 5)
        slow, fast = subscription(receiver.url("/slow")), subscription(receiver.url("/fast"))
        subs = {slow.subscription_id: slow, fast.subscription_id: fast}
        async with Service(bootstrap, catalogue, subs, fast_settings(attempt_timeout_s=60)) as dispatcher:
            await dispatcher.start()
            await dispatcher.submit(slow, message(slow.subscription_id))
            await receiver.wait_for_async(1, path="/slow")
            delays = []
            for _ in range(5):
                submitted = time.monotonic()
                await dispatcher.submit(slow, message(slow.subscription_id))
                await dispatcher.submit(fast, message(fast.subscription_id))
                arrival = (await receiver.wait_for_async(len(receiver.received("/fast")) + 1, path="/fast"))[-1]
                delays.append(arrival.arrived_at - submitted)
    assert max(delays) < 1.0, delays
    assert len(receiver.received("/slow")) == 1  # still hanging on the first; the rest wait in its own queue
