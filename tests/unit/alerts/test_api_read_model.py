"""The API's read model: each topic folded record by record, reads that do not depend on the log's length."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from services.api.read_model import ReadModel
from services.api.schemas import DeliveryOut
from services.api.views import UnknownCursor
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
    assert listed(model, "s1", 10) == ["m3", "m2", "m1", "m0"]
    assert listed(model, "s1", 2) == ["m3", "m2"]
    assert json.loads(model.deliveries.page("s1", 2).body)[0]["status"] == "delivered"
    assert listed(model, "s2", 10) == ["m9"]
    assert listed(model, "nobody", 10) == []


def test_a_redelivered_request_is_indexed_once() -> None:
    model = ReadModel()
    event = requested("s1", 1, AT)
    feed(model, "deliveries", "s1", event)
    feed(model, "deliveries", "s1", event)  # at-least-once
    assert listed(model, "s1", 10) == ["m1"]


def listed(model: ReadModel, sub: str, limit: int, before: str | None = None) -> list[str]:
    return [d["message_id"] for d in json.loads(model.deliveries.page(sub, limit, before).body)]


def test_pages_follow_the_cursor_to_the_oldest_and_encode_only_what_they_show() -> None:
    model = ReadModel()
    for n in range(1000):
        feed(model, "deliveries", "s1", requested("s1", n, AT + timedelta(seconds=n)))
    seen: list[str] = []
    before: str | None = None
    pages = 0
    while True:
        page = model.deliveries.page("s1", 300, before)
        seen += [d["message_id"] for d in json.loads(page.body)]
        pages += 1
        if page.next_before is None:
            break
        before = page.next_before
    assert seen == [f"m{n}" for n in reversed(range(1000))]  # newest first, no gaps, no repeats
    assert pages == 4
    fresh = ReadModel()
    for n in range(1000):
        feed(fresh, "deliveries", "s1", requested("s1", n, AT + timedelta(seconds=n)))
    fresh.deliveries.page("s1", 10, "m500")
    assert sorted(fresh.deliveries._by_subscription["s1"].bodies) == sorted(f"m{n}" for n in range(490, 500))
    with pytest.raises(UnknownCursor):
        fresh.deliveries.page("s1", 10, "m-nope")


def test_a_body_is_encoded_once_per_change_and_says_what_the_models_say() -> None:
    model = ReadModel()
    first = snapshot(killed(5), sequence=1, region="nk")
    feed(model, "situation", "nk", first)
    body = model.situation.body("nk")
    assert body is not None and json.loads(body) == first.model_dump(mode="json")
    assert model.situation.body("nk") is body  # the same bytes: not encoded again
    assert json.loads(model.situation.listing()) == [first.model_dump(mode="json")]
    second = snapshot(killed(7), sequence=2, region="nk")
    feed(model, "situation", "nk", second)
    assert json.loads(model.situation.body("nk") or b"") == second.model_dump(mode="json")
    assert json.loads(model.situation.listing()) == [second.model_dump(mode="json")]
    assert model.situation.body("atlantis") is None

    event = requested("s1", 1, AT)
    feed(model, "deliveries", "s1", event)
    shown = model.deliveries.page("s1", 10).body
    record = model.deliveries.get("s1", "m1")
    assert record is not None and json.loads(shown) == [DeliveryOut.of(record).model_dump(mode="json")]
    assert model.deliveries.page("s1", 10).body == shown
    feed(model, "deliveries", "s1", finished("s1", 1))  # the record changed: its body is encoded again
    assert json.loads(model.deliveries.page("s1", 10).body)[0]["status"] == "delivered"


def finished(sub: str, n: int) -> DeliveryFinished:
    return DeliveryFinished(
        event_id=f"f{n}",
        occurred_at=AT,
        message_id=f"m{n}",
        subscription_id=sub,
        outcome="delivered",
        reason="ok",
        attempts=1,
    )
