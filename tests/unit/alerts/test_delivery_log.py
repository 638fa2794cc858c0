"""The deliveries-topic fold: which messages were requested and never finished."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from streams.deliveries import (
    DeliveryAttempted,
    DeliveryFinished,
    DeliveryLog,
    DeliveryRequested,
    DeliveryResendRequested,
    OutboundMessage,
)
from streams.envelope import decode, encode

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


def message(message_id: str, subscription_id: str = "sub-1") -> OutboundMessage:
    return OutboundMessage(
        message_id=message_id,
        subscription_id=subscription_id,
        event_type="alert.fired",
        data={"alert_id": message_id},
        created_at=T0,
    )


def requested(msg: OutboundMessage, series: int = 0, at: int = 0) -> DeliveryRequested:
    return DeliveryRequested(
        event_id=f"r{msg.message_id}{series}", occurred_at=T0 + timedelta(seconds=at), message=msg, series=series
    )


def attempted(msg: OutboundMessage, attempt: int, outcome: str, series: int = 0) -> DeliveryAttempted:
    return DeliveryAttempted(
        event_id=f"a{msg.message_id}{series}{attempt}",
        occurred_at=T0 + timedelta(seconds=attempt),
        message_id=msg.message_id,
        subscription_id=msg.subscription_id,
        series=series,
        attempt=attempt,
        status_code=503 if outcome != "delivered" else 200,
        outcome=outcome,
        reason="server_error",
        duration_s=0.01,
    )  # type: ignore[arg-type]


def finished(msg: OutboundMessage, outcome: str, series: int = 0) -> DeliveryFinished:
    return DeliveryFinished(
        event_id=f"f{msg.message_id}{series}",
        occurred_at=T0 + timedelta(minutes=1),
        message_id=msg.message_id,
        subscription_id=msg.subscription_id,
        series=series,
        outcome=outcome,
        reason="ok",
        attempts=1,
    )  # type: ignore[arg-type]


def test_requested_without_finish_is_unfinished_and_finished_is_not() -> None:
    a, b, c = message("a"), message("b"), message("c", "sub-2")
    log = DeliveryLog()
    for event in [
        requested(a, at=2),
        requested(b, at=1),
        requested(c, at=3),
        attempted(a, 1, "retrying"),
        finished(b, "delivered"),
    ]:
        log.apply(event)
    assert [r.message.message_id for r in log.unfinished()] == ["a", "c"]
    record = log.get("sub-1", "a")
    assert record is not None and record.attempts == 1 and record.last_status_code == 503
    assert log.health("sub-1").consecutive_failures == 1


def test_duplicates_change_nothing_and_a_resend_reopens_a_finished_message() -> None:
    a = message("a")
    log = DeliveryLog()
    for event in [requested(a), finished(a, "dead_lettered"), requested(a), attempted(a, 1, "retrying")]:
        log.apply(event)  # the replayed request and the stale attempt of series 0 are ignored
    assert log.unfinished() == []
    assert log.get("sub-1", "a").status == "dead_lettered"  # type: ignore[union-attr]
    log.apply(requested(a, series=1))
    assert [r.series for r in log.unfinished()] == [1]
    log.apply(finished(a, "delivered", series=0))  # a late finish of the old series does not close the new one
    assert len(log.unfinished()) == 1
    log.apply(finished(a, "delivered", series=1))
    assert log.unfinished() == []


def test_a_delivered_attempt_resets_endpoint_health() -> None:
    a = message("a")
    log = DeliveryLog()
    for event in [requested(a), attempted(a, 1, "retrying"), attempted(a, 2, "retrying")]:
        log.apply(event)
    assert log.health("sub-1").failing_since == T0 + timedelta(seconds=1)
    log.apply(attempted(a, 3, "delivered"))
    assert log.health("sub-1").failing_since is None


def test_delivery_events_travel_in_the_cloudevents_envelope() -> None:
    event = attempted(message("a"), 2, "retrying")
    assert decode(encode(event, subject="sub-1")) == event


def test_resend_requests_and_disable_requests_do_not_change_the_fold() -> None:
    a = message("a")
    log = DeliveryLog()
    log.apply(requested(a))
    log.apply(DeliveryResendRequested(event_id="rr", occurred_at=T0, subscription_id="sub-1", message_id="a"))
    assert [r.message.message_id for r in log.unfinished()] == ["a"]
    assert (
        decode(
            encode(
                DeliveryResendRequested(event_id="rr", occurred_at=T0, subscription_id="s", message_id="m"), subject="s"
            )
        ).type
        == "delivery.resend_requested"
    )
