"""The dispatcher against a real verifying receiver on loopback (no Kafka: the journal is in memory)."""

from __future__ import annotations

import asyncio

from prometheus_client import CollectorRegistry

from alerts.delivery.journal import MemoryJournal
from streams.deliveries import DeliveryAttempted, DeliveryFinished, DeliveryRequested
from tests.unit.alerts.delivery_fixtures import events_of, fast_settings, message, running, subscription, wait_until
from tests.webhook_receiver import Reply, WebhookReceiver, payload_of

from .delivery_fixtures import SECRET


def finished(journal: MemoryJournal) -> list[DeliveryFinished]:
    return events_of(journal, DeliveryFinished)


async def test_503_503_200_arrives_three_times_with_one_webhook_id_and_is_processed_once() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [503, 503, 200])
        sub = subscription(receiver.url("/hook"))
        msg = message(sub.subscription_id)
        async with running(journal, {sub.subscription_id: sub}) as dispatcher:
            await dispatcher.submit(sub, msg)
            arrivals = await receiver.wait_for_async(3, path="/hook")
            await wait_until(lambda: finished(journal), what="the delivery to finish")
    assert [a.webhook_id for a in arrivals] == [msg.message_id] * 3
    assert all(a.verified for a in arrivals)
    assert list(receiver.processed) == [msg.message_id] and receiver.duplicates == 0
    assert payload_of(arrivals[-1]) == {
        "type": "alert.fired",
        "timestamp": msg.created_at.isoformat(),
        "data": msg.data,
    }
    attempts = events_of(journal, DeliveryAttempted)
    assert [(a.attempt, a.status_code, a.outcome) for a in attempts] == [
        (1, 503, "retrying"),
        (2, 503, "retrying"),
        (3, 200, "delivered"),
    ]
    assert [(f.outcome, f.reason, f.attempts) for f in finished(journal)] == [("delivered", "ok", 3)]
    assert isinstance(journal.events[0], DeliveryRequested)  # recorded before any attempt


async def test_400_is_attempted_once_and_dead_lettered() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [Reply(400, body="unknown field 'level'"), 200, 200])
        sub = subscription(receiver.url("/hook"))
        msg = message(sub.subscription_id)
        async with running(journal, {sub.subscription_id: sub}) as dispatcher:
            await dispatcher.submit(sub, msg)
            await wait_until(lambda: finished(journal), what="the delivery to finish")
        assert len(receiver.received()) == 1 and receiver.processed == {}
    (attempt,) = events_of(journal, DeliveryAttempted)
    assert (attempt.status_code, attempt.outcome, attempt.reason) == (400, "failed", "client_error")
    assert attempt.response_excerpt == "unknown field 'level'"
    assert [(f.outcome, f.reason) for f in finished(journal)] == [("dead_lettered", "client_error")]
    (dead,) = journal.dead_letters
    assert dead.origin == f"delivery:{sub.subscription_id}/{msg.message_id}#0" and "HTTP 400" in dead.reason


async def test_a_hanging_subscriber_does_not_delay_another() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/slow", [Reply(200, hang_s=30)])
        slow, fast = subscription(receiver.url("/slow")), subscription(receiver.url("/fast"))
        subs = {slow.subscription_id: slow, fast.subscription_id: fast}
        async with running(journal, subs, fast_settings(attempt_timeout_s=60)) as dispatcher:
            await dispatcher.submit(slow, message(slow.subscription_id))
            await receiver.wait_for_async(1, path="/slow")  # the slow endpoint now holds a request
            for _ in range(3):
                await dispatcher.submit(fast, message(fast.subscription_id))
                await dispatcher.submit(slow, message(slow.subscription_id))  # queues behind the hang
                # the fast one arrives while the slow request is still held (it hangs 30 s, longer than
                # this wait): no clock is compared, the order of events is
                await receiver.wait_for_async(len(receiver.received("/fast")) + 1, path="/fast")
                assert len(receiver.received("/slow")) == 1
            assert dispatcher.queue_depth(slow.subscription_id) == 4
            assert len(receiver.received("/slow")) == 1


async def test_a_redirect_is_not_followed() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [Reply(302, headers={"location": receiver.url("/elsewhere")}), 200])
        sub = subscription(receiver.url("/hook"))
        async with running(journal, {sub.subscription_id: sub}) as dispatcher:
            await dispatcher.submit(sub, message(sub.subscription_id))
            await wait_until(lambda: finished(journal), what="the delivery to finish")
        assert receiver.received("/elsewhere") == [] and len(receiver.received("/hook")) == 2
    assert events_of(journal, DeliveryAttempted)[0].reason == "redirect"


async def test_429_waits_for_retry_after() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [Reply(429, headers={"retry-after": "1"}), 200])
        sub = subscription(receiver.url("/hook"))
        async with running(journal, {sub.subscription_id: sub}) as dispatcher:
            await dispatcher.submit(sub, message(sub.subscription_id))
            first, second = await receiver.wait_for_async(2, path="/hook")
        assert second.arrived_at - first.arrived_at >= 0.95  # the schedule alone would say 0.05 s
    assert events_of(journal, DeliveryAttempted)[0].reason == "rate_limited"


async def test_the_schedule_is_exhausted_then_dead_lettered() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [500] * 10)
        sub = subscription(receiver.url("/hook"))
        async with running(journal, {sub.subscription_id: sub}) as dispatcher:
            await dispatcher.submit(sub, message(sub.subscription_id))
            await wait_until(lambda: finished(journal), what="the delivery to finish")
        assert len(receiver.received()) == 4  # the first attempt and three retries
    assert [(f.outcome, f.reason, f.attempts) for f in finished(journal)] == [("dead_lettered", "exhausted", 4)]
    assert "gave up after 4 attempts; last: HTTP 500" in journal.dead_letters[0].reason


async def test_submit_is_idempotent_by_message_id_even_concurrently() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        sub = subscription(receiver.url("/hook"))
        msg = message(sub.subscription_id)
        async with running(journal, {sub.subscription_id: sub}) as dispatcher:
            await asyncio.gather(*(dispatcher.submit(sub, msg) for _ in range(5)))
            await wait_until(lambda: finished(journal), what="the delivery to finish")
            await dispatcher.submit(sub, msg)  # after delivery too
        assert len(receiver.received()) == 1
    assert len(events_of(journal, DeliveryRequested)) == 1


async def test_resend_is_a_new_series_with_the_same_webhook_id() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        sub = subscription(receiver.url("/hook"))
        msg = message(sub.subscription_id)
        async with running(journal, {sub.subscription_id: sub}) as dispatcher:
            await dispatcher.submit(sub, msg)
            await wait_until(lambda: len(finished(journal)) == 1, what="the first delivery")
            assert await dispatcher.resend(sub, msg.message_id) == 1
            await wait_until(lambda: len(finished(journal)) == 2, what="the resend")
        assert [a.webhook_id for a in receiver.received()] == [msg.message_id] * 2
        assert receiver.duplicates == 1 and list(receiver.processed) == [msg.message_id]
    assert [f.series for f in finished(journal)] == [0, 1]


async def test_a_paused_subscription_holds_its_messages_and_gets_them_in_order_on_resume() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        sub = subscription(receiver.url("/hook"))
        subs = {sub.subscription_id: sub.model_copy(update={"state": "paused"})}
        async with running(journal, subs) as dispatcher:
            sent = [message(sub.subscription_id, f"msg_{i:02d}") for i in range(20)]
            for outbound in sent:
                await dispatcher.submit(sub, outbound)
            await wait_until(lambda: dispatcher.held_count(sub.subscription_id) == 20, what="20 messages held")
            assert receiver.received() == [] and finished(journal) == []
            subs[sub.subscription_id] = sub  # resumed
            assert await dispatcher.release(sub.subscription_id) == 20
            await wait_until(lambda: len(finished(journal)) == 20, what="the held messages to be delivered")
        ids = [arrival.headers["webhook-id"] for arrival in receiver.received()]
    assert ids == [outbound.message_id for outbound in sent]
    assert {(f.outcome, f.reason) for f in finished(journal)} == {("delivered", "ok")}


async def test_the_hold_is_bounded_by_count_dropping_the_oldest() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        sub = subscription(receiver.url("/hook"))
        subs = {sub.subscription_id: sub.model_copy(update={"state": "paused"})}
        async with running(journal, subs, fast_settings(held_limit=3)) as dispatcher:
            for i in range(5):
                await dispatcher.submit(sub, message(sub.subscription_id, f"msg_{i}"))
            await wait_until(lambda: len(finished(journal)) == 2, what="the two oldest to be dropped")
            subs[sub.subscription_id] = sub
            await dispatcher.release(sub.subscription_id)
            await wait_until(lambda: len(finished(journal)) == 5, what="the rest to be delivered")
        ids = [arrival.headers["webhook-id"] for arrival in receiver.received()]
    assert ids == ["msg_2", "msg_3", "msg_4"]
    dropped = [(f.message_id, f.outcome, f.reason) for f in finished(journal) if f.outcome == "abandoned"]
    assert dropped == [("msg_0", "abandoned", "held_overflow"), ("msg_1", "abandoned", "held_overflow")]


async def test_metrics_count_outcomes_with_low_cardinality_labels() -> None:
    journal, registry = MemoryJournal(), CollectorRegistry()
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [503, 200])
        sub = subscription(receiver.url("/hook"))
        async with running(journal, {sub.subscription_id: sub}, registry=registry) as dispatcher:
            await dispatcher.submit(sub, message(sub.subscription_id))
            await wait_until(lambda: finished(journal), what="the delivery to finish")
    value = registry.get_sample_value
    assert value("sitmon_notifications_total", {"outcome": "delivered", "reason": "ok"}) == 1
    assert value("sitmon_webhook_attempts_total", {"outcome": "retrying", "reason": "server_error"}) == 1
    assert value("sitmon_webhook_delivery_latency_seconds_count") == 1
    assert value("sitmon_webhook_queue_depth") == 0
    for metric in registry.collect():
        for sample in metric.samples:
            assert set(sample.labels) <= {"outcome", "reason", "le"}
