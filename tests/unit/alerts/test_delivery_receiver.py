"""The test receiver really verifies: a forged or unsigned webhook is answered 401 and not processed."""

from __future__ import annotations

import socket
import time
from datetime import UTC, datetime

import httpx

from alerts.delivery.signing import webhook_headers
from streams.subscriptions import SigningSecret
from tests.unit.alerts.delivery_fixtures import SECRET
from tests.webhook_receiver import WebhookReceiver

OTHER = SigningSecret(secret="whsec_" + "b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==", created_at=datetime.now(UTC))
RIGHT = SigningSecret(secret=SECRET, created_at=datetime.now(UTC))


def test_forged_and_unsigned_requests_are_refused_and_signed_ones_processed_once() -> None:
    body = b'{"type":"alert.fired","timestamp":"2026-11-28T09:00:00+00:00","data":{}}'
    with WebhookReceiver(SECRET) as receiver, httpx.Client(trust_env=False) as client:
        now = datetime.now(UTC)
        forged = client.post(receiver.url(), content=body, headers=webhook_headers("m1", body, [OTHER], now))
        unsigned = client.post(receiver.url(), content=body, headers={"webhook-id": "m1"})
        signed = [
            client.post(receiver.url(), content=body, headers=webhook_headers("m1", body, [RIGHT], now))
            for _ in range(2)
        ]
        arrivals = receiver.wait_for(4)
    assert (forged.status_code, unsigned.status_code) == (401, 401)
    assert [r.status_code for r in signed] == [200, 200]
    assert [a.verified for a in arrivals] == [False, False, True, True]
    assert list(receiver.processed) == ["m1"] and receiver.duplicates == 1


def test_a_request_cut_off_mid_body_is_not_an_arrival() -> None:
    """A sender killed mid-request leaves a truncated body: a real server never processes it."""
    body = b'{"type":"alert.fired","timestamp":"2026-11-28T09:00:00+00:00","data":{}}'
    with WebhookReceiver(SECRET) as receiver:
        with socket.create_connection(("127.0.0.1", receiver.port)) as sender:
            head = f"POST /hook HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: {len(body)}\r\n\r\n"
            sender.sendall(head.encode() + body[:10])
        deadline = time.monotonic() + 10
        while receiver.truncated == 0 and time.monotonic() < deadline:
            time.sleep(0.01)  # polling for the handler's verdict, with a deadline
        assert receiver.truncated == 1
        with httpx.Client(trust_env=False) as client:  # the receiver still serves whole requests
            signed = client.post(receiver.url(), content=body, headers=webhook_headers("m2", body, [RIGHT], datetime.now(UTC)))
        assert signed.status_code == 200
        assert [a.webhook_id for a in receiver.arrivals] == ["m2"]
