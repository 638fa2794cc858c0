"""Disabling an endpoint delivery gave up on, and resends asked through the API (fake dispatcher)."""

from __future__ import annotations

from datetime import timedelta

from alerts.engine import AlertEngine
from alerts.errors import UnknownDelivery
from alerts.lifecycle.state import LifecycleTiming
from alerts.requests import OperatorRequests
from alerts.rules.load import load_rules
from streams import subscriptions as subs
from streams.alerting import ResendRequested
from streams.deliveries import OutboundMessage
from tests.unit.alerts.fake_event_log import MemoryEventLog
from tests.unit.alerts.situations import T0


class FakeDispatcher:
    def __init__(self) -> None:
        self.resent: list[tuple[str, str]] = []

    async def start(self) -> None: ...

    async def recover(self) -> int:
        return 0

    async def submit(self, subscription: subs.Subscription, message: OutboundMessage) -> None: ...

    async def resend(self, subscription: subs.Subscription, message_id: str, request_id: str | None = None) -> int:
        if message_id == "unknown":
            raise UnknownDelivery("no such message")
        self.resent.append((subscription.subscription_id, message_id))
        return 1

    async def release(self, subscription_id: str) -> int:
        return 0

    async def stop(self) -> None: ...


def _setup() -> tuple[OperatorRequests, AlertEngine, FakeDispatcher, MemoryEventLog, str]:
    """The engine's view and the stored subscriptions start equal; the writer decides on the stored one."""
    engine = AlertEngine(rules=load_rules(), lifecycle=LifecycleTiming())
    created = subs.create(url="https://hooks.example.org/x", now=T0)
    engine.apply(created)
    store = MemoryEventLog(now=T0 + timedelta(hours=1))
    store.subscription_events.append(created)
    dispatcher = FakeDispatcher()
    requests = OperatorRequests(engine, dispatcher, store.submit_subscription, lambda: T0 + timedelta(hours=1))
    return requests, engine, dispatcher, store, created.subscription.subscription_id


async def test_gone_endpoint_is_disabled_once_with_a_readable_reason() -> None:
    requests, engine, _, store, sub_id = _setup()
    assert await requests.disable(sub_id, "endpoint_gone") is True
    assert engine.subscriptions[sub_id].state == "disabled"
    assert engine.subscriptions[sub_id].state_reason == "the endpoint answered 410 Gone"
    assert [event.type for event in store.subscription_events] == ["subscription.created", "subscription.disabled"]
    assert [(a.actor, a.action, a.outcome, a.version) for a in store.audit] == [
        ("alerts", "subscription.disable", "applied", 2)
    ]
    assert await requests.disable(sub_id, "endpoint_gone") is False  # already disabled: nothing recorded
    assert len(store.subscription_events) == 2


async def test_a_disable_from_a_stale_view_is_rejected_and_the_rotated_secret_stays() -> None:
    requests, engine, _, store, sub_id = _setup()
    stored = (await store.subscriptions())[sub_id]
    rotated = subs.rotate_secret(stored, T0 + timedelta(minutes=30))  # the subscriber rotated; alerting has not seen it
    store.subscription_events.append(rotated)
    assert await requests.disable(sub_id, "endpoint_gone") is False
    assert engine.subscriptions[sub_id].state == "active"
    final = (await store.subscriptions())[sub_id]
    assert final.state == "active" and final.secrets[0] == rotated.subscription.secrets[0]
    [audit] = store.audit
    assert (audit.outcome, audit.version) == ("rejected", 2)
    assert audit.reason is not None and "expected version 1, but it is at version 2" in audit.reason


async def test_a_request_older_than_a_resume_is_ignored() -> None:
    requests, engine, _, store, sub_id = _setup()
    engine.apply(subs.resume(engine.subscriptions[sub_id], T0 + timedelta(hours=2)))
    assert await requests.disable(sub_id, "endpoint_failing", at=T0 + timedelta(hours=1)) is False
    assert engine.subscriptions[sub_id].state == "active" and store.audit == []


async def test_resend_goes_to_the_dispatcher_and_unknown_ones_are_refused_quietly() -> None:
    requests, _, dispatcher, _, sub_id = _setup()
    for message_id in ("msg_1", "unknown"):
        await requests.resend(
            ResendRequested(event_id=message_id, occurred_at=T0, subscription_id=sub_id, message_id=message_id)
        )
    await requests.resend(ResendRequested(event_id="x", occurred_at=T0, subscription_id="sub_gone", message_id="m"))
    assert dispatcher.resent == [(sub_id, "msg_1")]
