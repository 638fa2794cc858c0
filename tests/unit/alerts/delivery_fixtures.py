"""Builders shared by the delivery tests: subscriptions, messages, compressed settings."""

from __future__ import annotations

import asyncio
import base64
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, TypeVar

import httpx

from alerts.delivery.dispatcher import Dispatcher
from alerts.delivery.journal import MemoryJournal
from alerts.delivery.settings import DeliverySettings
from streams.deliveries import OutboundMessage
from streams.subscriptions import SigningSecret, Subscription

E = TypeVar("E")
SECRET = "whsec_" + base64.b64encode(b"sitmon-test-secret-0123456789ab").decode()


def fast_settings(**overrides: object) -> DeliverySettings:
    """Seconds become tens of milliseconds; loopback is allow-listed (it is refused by default)."""
    values: dict[str, object] = {
        "allowed_networks": "127.0.0.0/8",
        "retry_schedule": "0.05,0.05,0.05",
        "retry_jitter": 0.2,
        "throttle_min_wait_s": 0.05,
        "attempt_timeout_s": 2.0,
        "connect_timeout_s": 1.0,
        "breaker_threshold": 50,
        "breaker_cooldown_s": 0.05,
        "journal_retry_s": 0.05,
    }
    values.update(overrides)
    return DeliverySettings(**values)  # type: ignore[arg-type]


def subscription(url: str, subscription_id: str | None = None, secret: str = SECRET, **changes: object) -> Subscription:
    now = datetime.now(UTC)
    sub = Subscription(
        subscription_id=subscription_id or f"sub-{uuid.uuid4().hex[:8]}",
        url=url,
        secrets=(SigningSecret(secret=secret, created_at=now),),
        created_at=now,
        updated_at=now,
    )
    return sub.model_copy(update=changes) if changes else sub


def message(subscription_id: str, message_id: str | None = None, **data: object) -> OutboundMessage:
    return OutboundMessage(
        message_id=message_id or f"msg_{uuid.uuid4().hex[:12]}",
        subscription_id=subscription_id,
        event_type="alert.fired",
        data={
            "alert_id": "alert-1",
            "kind": "casualties",
            "level": "orange",
            "region": "nagorno-karabakh",
            "status": "firing",
            **data,
        },
        created_at=datetime.now(UTC),
    )


async def wait_until(condition: Callable[[], bool], timeout: float = 5.0, what: str = "condition") -> None:
    """Poll `condition` until it holds; fail at the deadline (never a fixed sleep)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.01)


def events_of(journal: MemoryJournal, kind: type[E]) -> list[E]:
    return [event for event in journal.events if isinstance(event, kind)]


@asynccontextmanager
async def running(
    journal: MemoryJournal,
    subscriptions: dict[str, Subscription],
    settings: DeliverySettings | None = None,
    **kwargs: Any,
) -> AsyncIterator[Dispatcher]:
    async with httpx.AsyncClient(trust_env=False) as client:
        dispatcher = Dispatcher(journal, client, subscriptions.get, settings or fast_settings(), **kwargs)
        await dispatcher.start()
        try:
            yield dispatcher
        finally:
            await dispatcher.stop()
