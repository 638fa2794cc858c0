"""What the alerting service needs from delivery, as a protocol (alerts.delivery.dispatcher.Dispatcher
implements it; unit tests use a fake)."""

from __future__ import annotations

from typing import Protocol

from streams.deliveries import OutboundMessage
from streams.subscriptions import Subscription


class Dispatcher(Protocol):
    """What the service needs from delivery (alerts.delivery.dispatcher.Dispatcher)."""

    async def start(self) -> None: ...

    async def recover(self) -> int: ...

    async def submit(self, subscription: Subscription, message: OutboundMessage) -> None: ...

    async def resend(self, subscription: Subscription, message_id: str) -> int: ...

    async def stop(self) -> None: ...
