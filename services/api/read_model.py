"""The API's read model: the topics it answers from, folded record by record and indexed for reads.

Pure (no I/O): `services/api/live_log.py` feeds it from a consumer that follows the topics,
so a request reads a dictionary instead of replaying a topic. Each read is O(1) in the
length of the log: the latest picture per region, the subscriptions, silences and tokens
folded, and each subscription's deliveries ordered by request time (a listing returns the
newest `limit` without looking at the rest).
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable

from streams import subscriptions as subs
from streams.access import ApiToken, TokenCreated, TokenRevoked, apply_token
from streams.alerting import AlertTransitioned, Silence, SilenceCreated, SilenceExpired, apply_silence
from streams.any_event import SitmonEvent
from streams.deliveries import (
    DeliveryAttempted,
    DeliveryFinished,
    DeliveryLog,
    DeliveryRecord,
    DeliveryRequested,
    SubscriptionDisableRequested,
)
from streams.envelope import decode
from streams.errors import UndecodableRecord
from streams.situation import SituationChanged

DELIVERY_EVENTS = (DeliveryRequested, DeliveryAttempted, DeliveryFinished, SubscriptionDisableRequested)


class SubscriptionDeliveries:
    """One subscription's delivery log with an index by request time, oldest first."""

    def __init__(self) -> None:
        self.log = DeliveryLog()
        self._order: list[tuple[float, str]] = []
        self._indexed: set[str] = set()

    def apply(self, subscription_id: str, event: DeliveryRequested | DeliveryAttempted | DeliveryFinished) -> None:
        self.log.apply(event)
        message_id = event.message.message_id if isinstance(event, DeliveryRequested) else event.message_id
        if message_id in self._indexed:
            return
        record = self.log.get(subscription_id, message_id)
        if record is not None:  # the message's request has been seen: it has its place in time
            self._indexed.add(message_id)
            insort(self._order, (record.requested_at.timestamp(), message_id))  # appends when in order

    def newest(self, subscription_id: str, limit: int | None) -> list[DeliveryRecord]:
        chosen = self._order if limit is None else self._order[-limit:] if limit > 0 else []
        found = (self.log.get(subscription_id, message_id) for _, message_id in reversed(chosen))
        return [record for record in found if record is not None]


class ReadModel:
    """Everything the API reads, by topic suffix of the catalogue."""

    def __init__(self) -> None:
        self.situations: dict[str, SituationChanged] = {}
        self.subscriptions: dict[str, subs.Subscription] = {}
        self.silences: dict[str, Silence] = {}
        self.alerts: dict[str, AlertTransitioned] = {}  # each alert's latest transition, by alert id
        self.tokens: dict[str, ApiToken] = {}
        self._deliveries: dict[str, SubscriptionDeliveries] = {}
        self.folders: dict[str, Callable[[bytes | None, bytes | None], None]] = {
            "situation": self._situation,
            "subscriptions": self._subscription,
            "alerts": self._alert,
            "tokens": self._token,
            "deliveries": self._delivery,
        }

    def apply(self, suffix: str, key: bytes | None, value: bytes | None) -> None:
        self.folders[suffix](key, value)

    def deliveries(self, subscription_id: str, limit: int | None = None) -> list[DeliveryRecord]:
        """Newest first; at most `limit`."""
        found = self._deliveries.get(subscription_id)
        return found.newest(subscription_id, limit) if found is not None else []

    def _situation(self, _key: bytes | None, value: bytes | None) -> None:
        event = _decoded(value)
        if isinstance(event, SituationChanged):
            current = self.situations.get(event.region)
            if current is None or event.sequence >= current.sequence:
                self.situations[event.region] = event

    def _subscription(self, key: bytes | None, value: bytes | None) -> None:
        if value is None:
            if key is not None:  # a tombstone: the subscription is gone
                self.subscriptions = subs.apply_tombstone(self.subscriptions, key.decode("utf-8", errors="replace"))
            return
        event = _decoded(value)
        if isinstance(event, subs.SubscriptionEvent):
            self.subscriptions = subs.apply(self.subscriptions, event)

    def _alert(self, _key: bytes | None, value: bytes | None) -> None:
        event = _decoded(value)
        if isinstance(event, SilenceCreated | SilenceExpired):
            self.silences = apply_silence(self.silences, event)
        elif isinstance(event, AlertTransitioned):
            current = self.alerts.get(event.alert_id)
            if current is None or event.seq >= current.seq:
                self.alerts[event.alert_id] = event

    def _token(self, _key: bytes | None, value: bytes | None) -> None:
        event = _decoded(value)
        if isinstance(event, TokenCreated | TokenRevoked):
            self.tokens = apply_token(self.tokens, event)

    def _delivery(self, key: bytes | None, value: bytes | None) -> None:
        event = _decoded(value)
        if not isinstance(event, DeliveryRequested | DeliveryAttempted | DeliveryFinished):
            return  # disable requests and resend markers change no delivery record
        subscription_id = (
            event.message.subscription_id if isinstance(event, DeliveryRequested) else event.subscription_id
        )
        self._deliveries.setdefault(subscription_id, SubscriptionDeliveries()).apply(subscription_id, event)


def _decoded(value: bytes | None) -> SitmonEvent | None:
    try:
        return decode(value)
    except UndecodableRecord:
        return None  # the consumers that own the topic dead-letter it; a view skips it
