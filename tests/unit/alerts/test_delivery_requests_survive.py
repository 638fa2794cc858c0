"""Accepted requests are carried out across restarts: resends (answered once) and held messages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from alerts.delivery.endpoint import Job
from alerts.delivery.held import HELD_TOO_LONG, HeldMessages
from alerts.delivery.journal import MemoryJournal
from streams.deliveries import DeliveryFinished, DeliveryRequested
from tests.unit.alerts.delivery_fixtures import SECRET, events_of, message, running, subscription, wait_until
from tests.webhook_receiver import WebhookReceiver


def delivered(journal: MemoryJournal) -> list[DeliveryFinished]:
    return [f for f in events_of(journal, DeliveryFinished) if f.outcome == "delivered"]


async def test_a_resend_request_is_carried_out_once_across_restarts() -> None:
    journal = MemoryJournal()  # the deliveries topic, shared by the three runs below
    with WebhookReceiver(SECRET) as receiver:
        sub = subscription(receiver.url("/hook"))
        subs = {sub.subscription_id: sub}
        async with running(journal, subs) as first:
            await first.submit(sub, message(sub.subscription_id, "msg_a"))
            await wait_until(lambda: len(delivered(journal)) == 1, what="the first delivery")
        for _ in range(2):  # the same request replayed by two restarts of the alerts service
            async with running(journal, subs) as restarted:
                await restarted.recover()
                await restarted.resend(sub, "msg_a", request_id="resend-1")
                await wait_until(lambda: len(delivered(journal)) == 2, what="the resend")
        arrivals = receiver.received()
    assert [a.headers["webhook-id"] for a in arrivals] == ["msg_a", "msg_a"]
    assert [(r.series, r.answers) for r in events_of(journal, DeliveryRequested)] == [(0, None), (1, "resend-1")]


async def test_held_messages_are_held_again_after_a_restart_and_sent_on_resume() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        sub = subscription(receiver.url("/hook"))
        subs = {sub.subscription_id: sub.model_copy(update={"state": "paused"})}
        async with running(journal, subs) as first:
            for i in range(3):
                await first.submit(sub, message(sub.subscription_id, f"msg_{i}"))
            await wait_until(lambda: first.held_count(sub.subscription_id) == 3, what="three held")
        async with running(journal, subs) as restarted:
            assert await restarted.recover() == 3  # still pending on the deliveries topic
            await wait_until(lambda: restarted.held_count(sub.subscription_id) == 3, what="held again")
            subs[sub.subscription_id] = sub
            await restarted.release(sub.subscription_id)
            await wait_until(lambda: len(delivered(journal)) == 3, what="the resume")
        assert [a.headers["webhook-id"] for a in receiver.received()] == ["msg_0", "msg_1", "msg_2"]


def test_a_message_held_longer_than_the_age_limit_is_dropped_with_its_reason() -> None:
    t0 = datetime(2026, 12, 1, tzinfo=UTC)
    held = HeldMessages(limit=10, max_age=timedelta(days=7))
    old, new = (Job(message("sub", f"msg_{i}"), 0, 0, t0 + timedelta(days=i * 5), b"{}") for i in range(2))
    assert held.hold(old, t0) == [] and held.hold(new, t0 + timedelta(days=5)) == []
    jobs, dropped = held.release(t0 + timedelta(days=8))
    assert [j.message.message_id for j in jobs] == ["msg_1"]
    assert [(j.message.message_id, reason) for j, reason in dropped] == [("msg_0", HELD_TOO_LONG)]
    assert len(held) == 0
