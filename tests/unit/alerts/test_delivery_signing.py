"""Signing is verified by the reference `standardwebhooks` library, not by our own code."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from alerts.delivery.signing import MAX_BODY_BYTES, webhook_body, webhook_headers
from streams.deliveries import OutboundMessage
from streams.subscriptions import SigningSecret


@dataclass(frozen=True)
class Keys:
    """A subscription's secrets around `now`: the reference library refuses a timestamp more than
    five minutes from the real clock, so `now` is read when a test starts, not when the module is
    imported (under xdist on a loaded machine a file's tests can run minutes after collection)."""

    now: datetime
    old: SigningSecret  # rotated out, still valid for three more hours
    new: SigningSecret
    expired: SigningSecret


@pytest.fixture
def keys() -> Keys:
    now = datetime.now(UTC)
    return Keys(
        now=now,
        old=SigningSecret(
            secret="whsec_" + base64.b64encode(b"o" * 32).decode(),
            created_at=now - timedelta(days=2),
            expires_at=now + timedelta(hours=3),
        ),
        new=SigningSecret(secret="whsec_" + base64.b64encode(b"n" * 32).decode(), created_at=now - timedelta(hours=21)),
        expired=SigningSecret(
            secret="whsec_" + base64.b64encode(b"x" * 32).decode(),
            created_at=now - timedelta(days=9),
            expires_at=now - timedelta(days=1),
        ),
    )


def message(data: dict[str, object] | None = None) -> OutboundMessage:
    return OutboundMessage(
        message_id="msg_2f1c",
        subscription_id="sub-1",
        event_type="alert.fired",
        data=data
        or {
            "alert_id": "a1",
            "level": "orange",
            "region": "nagorno-karabakh",
            "evidence": ["32 people were killed — Ministry"],
        },
        created_at=datetime(2026, 11, 28, 9, 0, tzinfo=UTC),
    )


def test_the_reference_library_verifies_our_signature_and_returns_the_body(keys: Keys) -> None:
    body = webhook_body(message())
    headers = webhook_headers("msg_2f1c", body, [keys.new], keys.now)
    assert Webhook(keys.new.secret).verify(body, headers) == {
        "type": "alert.fired",
        "timestamp": "2026-11-28T09:00:00+00:00",
        "data": {
            "alert_id": "a1",
            "level": "orange",
            "region": "nagorno-karabakh",
            "evidence": ["32 people were killed — Ministry"],
        },
    }
    assert headers["webhook-id"] == "msg_2f1c" and headers["webhook-timestamp"] == str(int(keys.now.timestamp()))
    assert b'","data":{"alert_id":"a1",' in body  # compact separators: the bytes signed are the bytes sent


def test_a_tampered_body_or_wrong_secret_fails_verification(keys: Keys) -> None:
    body = webhook_body(message())
    headers = webhook_headers("msg_2f1c", body, [keys.new], keys.now)
    with pytest.raises(WebhookVerificationError):
        Webhook(keys.new.secret).verify(body.replace(b"orange", b"yellow"), headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(keys.old.secret).verify(body, headers)


def test_during_rotation_both_secrets_sign_and_an_expired_one_does_not(keys: Keys) -> None:
    body = webhook_body(message())
    headers = webhook_headers("msg_2f1c", body, [keys.new, keys.old, keys.expired], keys.now)
    assert len(headers["webhook-signature"].split(" ")) == 2
    for secret in (keys.new, keys.old):
        Webhook(secret.secret).verify(body, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(keys.expired.secret).verify(body, headers)


def test_every_attempt_is_signed_afresh_with_the_same_id_and_body(keys: Keys) -> None:
    body = webhook_body(message())
    first = webhook_headers("msg_2f1c", body, [keys.new], keys.now - timedelta(seconds=90))
    second = webhook_headers("msg_2f1c", body, [keys.new], keys.now)
    assert first["webhook-id"] == second["webhook-id"]
    assert first["webhook-timestamp"] != second["webhook-timestamp"]
    assert first["webhook-signature"] != second["webhook-signature"]
    assert webhook_body(message()) == body


def test_an_oversized_body_is_cut_below_the_limit_and_says_so(keys: Keys) -> None:
    evidence = [f"sentence {i} " + "x" * 200 for i in range(400)]
    body = webhook_body(message({"alert_id": "a1", "evidence": evidence, "sources": ["a", "b"]}))
    assert len(body) <= MAX_BODY_BYTES
    data = json.loads(body)["data"]
    assert data["alert_id"] == "a1" and data["sources"] == ["a", "b"]
    assert 0 < len(data["evidence"]) < 400 and data["evidence"][0] == evidence[0]
    assert data["truncated"]["fields"] == ["evidence"]
    headers = webhook_headers("msg_2f1c", body, [keys.new], keys.now)
    Webhook(keys.new.secret).verify(body, headers)


def test_data_that_json_cannot_encode_directly_is_made_json_safe() -> None:
    moment = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
    body = webhook_body(message({"alert_id": "a1", "window_end": moment, "sources": ("a", "b")}))
    assert json.loads(body)["data"] == {"alert_id": "a1", "window_end": "2026-11-28T09:30:00Z", "sources": ["a", "b"]}
