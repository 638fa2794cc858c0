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
from streams.events import Event
from tests.unit.alerts.situations import T0


class FakeDispatcher:
    def __init__(self) -> None:
        self.resent: list[tuple[str, str]] = []

    async def start(self) -> None: ...

    async def recover(self) -> int:
        return 0

    async def submit(self, subscription: subs.Subscription, message: OutboundMessage) -> None: ...

    async def resend(self, subscription: subs.Subscription, message_id: str) -> int:
        if message_id == "unknown":
            raise UnknownDelivery("no such message")
        self.resent.append((subscription.subscription_id, message_id))
        return 1

    async def stop(self) -> None: ...


def _setup() -> tuple[OperatorRequests, AlertEngine, FakeDispatcher, list[tuple[str, str, Event]], str]:
    engine = AlertEngine(rules=load_rules(), lifecycle=LifecycleTiming())
    created = subs.create(url="https://hooks.example.org/x", now=T0)
    engine.apply(created)
    published: list[tuple[str, str, Event]] = []

    async def publish(topic: str, key: str, event: Event) -> None:
        published.append((topic, key, event))

    dispatcher = FakeDispatcher()
    requests = OperatorRequests(engine, dispatcher, publish, "subs-topic", lambda: T0 + timedelta(hours=1))
    return requests, engine, dispatcher, published, created.subscription.subscription_id


async def test_gone_endpoint_is_disabled_once_with_a_readable_reason() -> None:
    requests, engine, _, published, sub_id = _setup()
    assert await requests.disable(sub_id, "endpoint_gone") is True
    assert engine.subscriptions[sub_id].state == "disabled"
    assert engine.subscriptions[sub_id].state_reason == "the endpoint answered 410 Gone"
    assert [(topic, key, event.type) for topic, key, event in published] == [
        ("subs-topic", sub_id, "subscription.disabled")
    ]
    assert await requests.disable(sub_id, "endpoint_gone") is False  # already disabled: nothing recorded
    assert len(published) == 1


async def test_a_request_older_than_a_resume_is_ignored() -> None:
    requests, engine, _, published, sub_id = _setup()
    engine.apply(subs.resume(engine.subscriptions[sub_id], T0 + timedelta(hours=2)))
    assert await requests.disable(sub_id, "endpoint_failing", at=T0 + timedelta(hours=1)) is False
    assert engine.subscriptions[sub_id].state == "active" and published == []


async def test_resend_goes_to_the_dispatcher_and_unknown_ones_are_refused_quietly() -> None:
    requests, _, dispatcher, _, sub_id = _setup()
    for message_id in ("msg_1", "unknown"):
        await requests.resend(
            ResendRequested(event_id=message_id, occurred_at=T0, subscription_id=sub_id, message_id=message_id)
        )
    await requests.resend(ResendRequested(event_id="x", occurred_at=T0, subscription_id="sub_gone", message_id="m"))
    assert dispatcher.resent == [(sub_id, "msg_1")]
