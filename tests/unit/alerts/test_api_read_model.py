"""The API's read model: each topic folded record by record, reads that do not depend on the log's length."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from services.api.read_model import ReadModel
from streams import subscriptions as subs
from streams.deliveries import DeliveryAttempted, DeliveryFinished, DeliveryRequested, OutboundMessage
from streams.envelope import encode
from streams.events import Event
from tests.integration.alert_stack import killed, snapshot

AT = datetime(2024, 3, 1, tzinfo=UTC)


def feed(model: ReadModel, suffix: str, key: str, event: Event | None) -> None:
    model.apply(suffix, key.encode(), encode(event, subject=key) if event is not None else None)


def requested(sub: str, n: int, at: datetime) -> DeliveryRequested:
    message = OutboundMessage(
        message_id=f"m{n}", subscription_id=sub, event_type="alert.fired", data={"n": n}, created_at=at
    )
    return DeliveryRequested(event_id=f"r{n}", occurred_at=at, message=message)


def test_the_latest_picture_per_region_wins_by_sequence() -> None:
    model = ReadModel()
    feed(model, "situation", "nk", snapshot(killed(5), sequence=2, region="nk"))
    feed(model, "situation", "nk", snapshot(killed(3), sequence=1, region="nk"))  # an older one, redelivered
    feed(model, "situation", "gaza", snapshot(killed(9), sequence=1, region="gaza"))
    model.apply("situation", b"nk", b"not a cloud event")  # skipped, not fatal
    assert sorted(model.situations) == ["gaza", "nk"]
    assert model.situations["nk"].casualties[0].best == 5


def test_subscriptions_fold_and_a_tombstone_removes_one() -> None:
    model = ReadModel()
    created = subs.create(url="https://hooks.example.org/a", now=AT)
    other = subs.create(url="https://hooks.example.org/b", now=AT)
    for event in (created, other):
        feed(model, "subscriptions", event.subscription.subscription_id, event)
    assert len(model.subscriptions) == 2
    feed(model, "subscriptions", created.subscription.subscription_id, None)
    assert list(model.subscriptions) == [other.subscription.subscription_id]


def test_deliveries_are_listed_newest_first_and_limited() -> None:
    model = ReadModel()
    for n in (0, 2, 1, 3):  # request times out of order: the index keeps them by time
        feed(model, "deliveries", "s1", requested("s1", n, AT + timedelta(minutes=n)))
    feed(model, "deliveries", "s2", requested("s2", 9, AT))
    feed(
        model,
        "deliveries",
        "s1",
        DeliveryAttempted(
            event_id="a3",
            occurred_at=AT,
            message_id="m3",
            subscription_id="s1",
            attempt=1,
            status_code=200,
            outcome="delivered",
            reason="ok",
            duration_s=0.1,
        ),
    )
    feed(
        model,
        "deliveries",
        "s1",
        DeliveryFinished(
            event_id="f3",
            occurred_at=AT,
            message_id="m3",
            subscription_id="s1",
            outcome="delivered",
            reason="ok",
            attempts=1,
        ),
    )
    assert [r.message.message_id for r in model.deliveries("s1")] == ["m3", "m2", "m1", "m0"]
    assert [r.message.message_id for r in model.deliveries("s1", 2)] == ["m3", "m2"]
    assert model.deliveries("s1", 2)[0].status == "delivered"
    assert [r.message.message_id for r in model.deliveries("s2")] == ["m9"]
    assert model.deliveries("nobody") == []


def test_a_redelivered_request_is_indexed_once() -> None:
    model = ReadModel()
    event = requested("s1", 1, AT)
    feed(model, "deliveries", "s1", event)
    feed(model, "deliveries", "s1", event)  # at-least-once
    assert len(model.deliveries("s1")) == 1
