"""The demo's receiving end: real HTTP on loopback, signatures checked by standardwebhooks."""

from __future__ import annotations

import base64
import io
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from rich.console import Console
from standardwebhooks.webhooks import Webhook

from services.webhook_console import WebhookConsole

SECRET = "whsec_" + base64.b64encode(os.urandom(24)).decode()
ALERT = {
    "type": "alert.fired",
    "timestamp": "2023-09-20T18:00:00Z",
    "data": {
        "kind": "casualties",
        "level": "orange",
        "region": "nagorno-karabakh",
        "status": "firing",
        "best": 32,
        "low": 32,
        "high": 32,
        "window": "24h",
        "sources": 1,
        "evidence": ["32 people were killed and more than 200 injured"],
    },
}


@pytest.fixture
def receiver() -> Iterator[tuple[WebhookConsole, io.StringIO]]:
    out = io.StringIO()
    console = WebhookConsole(SECRET, console=Console(file=out, width=200)).start()
    yield console, out
    console.close()


def signed(body: bytes, webhook_id: str, secret: str = SECRET) -> dict[str, str]:
    now = datetime.now(UTC)
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(secret).sign(webhook_id, now, body.decode()),
        "content-type": "application/json",
    }


def test_a_signed_alert_is_printed_once_even_when_retried(receiver: tuple[WebhookConsole, io.StringIO]) -> None:
    console, out = receiver
    body = json.dumps(ALERT).encode()
    for _ in range(2):
        assert httpx.post(console.url, content=body, headers=signed(body, "msg_1")).status_code == 200
    assert len(console.received) == 1
    assert out.getvalue().count("32 people were killed") == 1
    assert "ORANGE" in out.getvalue()


def test_forged_or_unsigned_deliveries_are_refused(receiver: tuple[WebhookConsole, io.StringIO]) -> None:
    console, _ = receiver
    body = json.dumps(ALERT).encode()
    other_secret = "whsec_" + base64.b64encode(os.urandom(24)).decode()
    assert httpx.post(console.url, content=body, headers=signed(body, "m", other_secret)).status_code == 401
    assert httpx.post(console.url, content=body).status_code == 401
    tampered = body.replace(b"32", b"99")
    assert httpx.post(console.url, content=tampered, headers=signed(body, "m2")).status_code == 401
    assert console.received == []
