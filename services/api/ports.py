"""What the API needs from the outside world, as protocols; the composition root injects them.

The API imports only the contract (streams/). Kafka access (`KafkaEventLog`), the SSRF check
and anything from alerts/ come in through these ports, so unit tests use in-memory fakes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from services.api.views import DeliveryPage, SituationViews
from streams.access import ApiToken, AuditRecorded
from streams.alerting import ResendRequested, Silence, SilenceCreated, SilenceExpired
from streams.deliveries import DeliveryRecord
from streams.feeds import FeedBook, FeedSource
from streams.subscription_commands import Decision, SubscriptionCommand
from streams.subscriptions import Subscription

UrlCheck = Callable[[str], None]
"""Raises an exception whose message says why the URL is refused; returns when it is acceptable."""


class EventLog(Protocol):
    async def subscriptions(self) -> dict[str, Subscription]:
        """The subscriptions topic, folded (read to its current end)."""

    async def subscription(self, subscription_id: str) -> Subscription | None:
        """One subscription of the folded topic, or None."""

    async def submit_subscription(self, command: SubscriptionCommand) -> Decision:
        """Hand a change to the subscriptions topic's single writer: applied, unchanged, or rejected
        (a stale expected version, an unknown id) with the reason."""

    async def silences(self) -> dict[str, Silence]:
        """The silence events of the alerts topic, folded."""

    async def publish_alert_event(self, key: str, event: SilenceCreated | SilenceExpired | ResendRequested) -> None:
        """Durably append to the alerts topic."""

    async def api_tokens(self) -> dict[str, ApiToken]:
        """The live named API tokens (hashes only), by name: the tokens topic, folded."""

    async def record_audit(self, event: AuditRecorded) -> None:
        """Durably append an admin action to the audit topic."""

    async def situation_view(self, region: str | None = None) -> SituationViews:
        """The latest SituationChanged per region, with its JSON body ready; `region`: the one the
        caller wants, so that a region the view does not know yet is looked for on the broker first."""

    async def delivery_page(self, subscription_id: str, limit: int, before: str | None = None) -> DeliveryPage:
        """A page of one subscription's delivery log (the deliveries topic, folded): the newest `limit`
        messages requested before the message `before` (UnknownCursor: not one of its messages)."""

    async def delivery(self, subscription_id: str, message_id: str) -> DeliveryRecord | None:
        """One message's delivery record."""


class PushedLine(Protocol):
    @property
    def line(self) -> int: ...
    @property
    def article_id(self) -> str: ...
    @property
    def status(self) -> str: ...


class RefusedLine(Protocol):
    @property
    def line(self) -> int: ...
    @property
    def reason(self) -> str: ...


class IntakeResult(Protocol):
    @property
    def articles(self) -> Sequence[PushedLine]: ...
    @property
    def skipped(self) -> Sequence[RefusedLine]: ...


class ArticleIntake(Protocol):
    async def take(self, body: str, *, json_lines: bool, origin: str = "push") -> IntakeResult:
        """Read, validate, extract and publish pushed articles like file ingest (bad lines dead-lettered)."""


class FeedDesk(Protocol):
    async def book(self) -> FeedBook:
        """The feeds topic, folded: sources and the poller's statuses."""

    async def add(self, url: str, name: str | None, language: str | None, every: str) -> FeedSource:
        """Check (SSRF guard, schedule, language) and follow a feed; ValueError says what is wrong."""

    async def change(self, source: FeedSource, action: str) -> None:
        """`pause`, `resume` or `remove` a feed."""
