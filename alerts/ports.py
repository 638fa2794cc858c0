"""What the alerting service needs from delivery, as a protocol (alerts.delivery.dispatcher.Dispatcher
implements it; unit tests use a fake)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from streams.deliveries import OutboundMessage
from streams.sealing import KeySource
from streams.subscription_commands import Decision, SubscriptionCommand
from streams.subscriptions import Subscription

Keys = KeySource
"""The keyring that opens sealed signing secrets; `reload=True` reads its source again."""


SubmitCommand = Callable[[SubscriptionCommand], Awaitable[Decision]]
"""Hand a subscription change to the subscriptions topic's single writer (injected by the composition root)."""


class Dispatcher(Protocol):
    """What the service needs from delivery (alerts.delivery.dispatcher.Dispatcher)."""

    async def start(self) -> None: ...

    async def recover(self) -> int: ...

    async def submit(self, subscription: Subscription, message: OutboundMessage) -> None: ...

    async def resend(self, subscription: Subscription, message_id: str, request_id: str | None = None) -> int: ...

    async def release(self, subscription_id: str) -> int: ...

    async def stop(self) -> None: ...
