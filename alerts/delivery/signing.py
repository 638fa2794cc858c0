"""Standard Webhooks 1.0: the body we send and the headers that let a receiver trust it.

The body is built once per message (its `timestamp` is the message's creation time), so
every attempt sends the same bytes; the headers are built per attempt with a fresh
`webhook-timestamp` and one `v1,` signature per secret still valid (during a rotation both
the new and the old secret sign, space-separated). The signed bytes are exactly the bytes
sent. Receivers verify with any Standard Webhooks library; tests use `standardwebhooks`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from streams.deliveries import OutboundMessage
from streams.subscriptions import SigningSecret

MAX_BODY_BYTES = 20_000
SECRET_PREFIX = "whsec_"
_STRING_KEEP = 500


def _compact(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def webhook_body(message: OutboundMessage, limit: int = MAX_BODY_BYTES) -> bytes:
    """`{"type", "timestamp", "data"}` as compact JSON, kept under `limit` bytes.

    Oversized data is shrunk by dropping items from the end of its longest lists (evidence
    sentences, sources), then by cutting long strings; `data.truncated` says what was cut so a
    receiver never mistakes a shortened list for the whole story.
    """
    data = message.model_dump(mode="json")["data"]  # JSON-safe whatever alerting put in (datetimes, tuples)
    document: dict[str, Any] = {
        "type": message.event_type,
        "timestamp": message.created_at.isoformat(),
        "data": data,
    }
    body = _compact(document)
    if len(body) <= limit:
        return body
    cut: list[str] = []
    while len(_compact({**document, "data": data})) > limit:
        longest = max(
            ((key, value) for key, value in data.items() if isinstance(value, list) and value),
            key=lambda item: len(_compact({"v": item[1]})),
            default=None,
        )
        if longest is None:
            break
        key, values = longest
        data[key] = values[: len(values) // 2] if len(values) > 1 else []
        if key not in cut:
            cut.append(key)
    if len(_compact({**document, "data": data})) > limit:
        for key, value in list(data.items()):
            if isinstance(value, str) and len(value) > _STRING_KEEP:
                data[key] = value[:_STRING_KEEP] + "…"
                cut.append(key)
    data["truncated"] = {"fields": cut, "reason": f"body exceeded {limit} bytes"}
    return _compact({**document, "data": data})


def secret_bytes(secret: str) -> bytes:
    encoded = secret.removeprefix(SECRET_PREFIX)
    return base64.b64decode(encoded + "=" * (-len(encoded) % 4))


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """`v1,` + base64(HMAC-SHA256(secret, "{id}.{timestamp}.{body}"))."""
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_bytes(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def valid_secrets(secrets: Sequence[SigningSecret], now: datetime) -> list[SigningSecret]:
    """Secrets that still sign: the current one, and a rotated one until it expires."""
    return [s for s in secrets if s.expires_at is None or s.expires_at > now]


def webhook_headers(message_id: str, body: bytes, secrets: Sequence[SigningSecret], now: datetime) -> dict[str, str]:
    """Fresh headers for one attempt, signed at `now`."""
    timestamp = int(now.timestamp())
    signing = valid_secrets(secrets, now) or [max(secrets, key=lambda s: s.created_at)]  # never unsigned
    return {
        "content-type": "application/json",
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(signature(s.secret, message_id, timestamp, body) for s in signing),
    }
