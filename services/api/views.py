"""The read endpoints' answers, kept ready: each JSON body is encoded once per change, not per request.

A request for a region's picture or a page of a delivery log costs a dictionary look-up and a
join of bytes encoded earlier — no model validation or serialisation of the listing per request,
and nothing that grows with the log. A body is encoded lazily, on the first read after a change:
catching up over 100,000 snapshots encodes only the pictures somebody asks for.

Pages of a delivery log are bounded (`limit`) and chained by a cursor, the message id of the
last one shown (`before`), found through an index in O(log n).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass

from services.api.schemas import DeliveryOut
from streams.deliveries import DeliveryAttempted, DeliveryFinished, DeliveryLog, DeliveryRecord, DeliveryRequested
from streams.situation import SituationChanged

MessageEvent = DeliveryRequested | DeliveryAttempted | DeliveryFinished
MEDIA_TYPE = "application/json"  # of every body here


def json_list(items: list[bytes]) -> bytes:
    """A JSON array of already-encoded JSON values."""
    return b"[" + b",".join(items) + b"]"


class SituationViews:
    """The latest picture per region (the greatest `sequence` wins) and its encoded body."""

    def __init__(self) -> None:
        self.latest: dict[str, SituationChanged] = {}
        self._bodies: dict[str, bytes] = {}
        self._listing: bytes | None = None

    def apply(self, event: SituationChanged) -> None:
        current = self.latest.get(event.region)
        if current is None or event.sequence >= current.sequence:
            self.latest[event.region] = event
            self._bodies.pop(event.region, None)
            self._listing = None

    def body(self, region: str) -> bytes | None:
        """The region's picture as the JSON of `SituationChanged`; None for a region never reported."""
        body = self._bodies.get(region)
        if body is None:
            picture = self.latest.get(region)
            if picture is None:
                return None
            body = self._bodies[region] = picture.model_dump_json().encode()
        return body

    def listing(self) -> bytes:
        """Every region's picture, by region name."""
        if self._listing is None:
            self._listing = json_list([self.body(region) or b"null" for region in sorted(self.latest)])
        return self._listing


@dataclass(frozen=True)
class DeliveryPage:
    """Up to `limit` messages of one subscription's log, newest request first, as a JSON array of
    `DeliveryOut`; `next_before` is the cursor for the page after it (None: this is the last)."""

    body: bytes
    next_before: str | None


class UnknownCursor(LookupError):
    """`before` names no message of this subscription's log."""


class _SubscriptionIndex:
    """One subscription's messages ordered by request time, and each one's encoded body."""

    def __init__(self) -> None:
        self.order: list[tuple[float, str]] = []  # (request time, message id), oldest first
        self.placed: dict[str, tuple[float, str]] = {}
        self.bodies: dict[str, bytes] = {}


class DeliveryIndex:
    """The deliveries topic folded (`DeliveryLog`), with each subscription's messages in request order."""

    def __init__(self) -> None:
        self.log = DeliveryLog()
        self._by_subscription: dict[str, _SubscriptionIndex] = {}

    def apply(self, event: MessageEvent) -> None:
        self.log.apply(event)
        if isinstance(event, DeliveryRequested):
            subscription_id, message_id = event.message.subscription_id, event.message.message_id
        else:
            subscription_id, message_id = event.subscription_id, event.message_id
        index = self._by_subscription.setdefault(subscription_id, _SubscriptionIndex())
        index.bodies.pop(message_id, None)  # its record may have changed: encode again when read
        if message_id in index.placed:
            return
        record = self.log.get(subscription_id, message_id)
        if record is not None:  # the message's request has been seen: it has its place in time
            place = (record.requested_at.timestamp(), message_id)
            index.placed[message_id] = place
            insort(index.order, place)  # appends when in order

    def get(self, subscription_id: str, message_id: str) -> DeliveryRecord | None:
        return self.log.get(subscription_id, message_id)

    def page(self, subscription_id: str, limit: int, before: str | None = None) -> DeliveryPage:
        """The newest `limit` messages requested before the message `before` (or the newest of all).

        Raises UnknownCursor when `before` is not one of this subscription's messages."""
        index = self._by_subscription.get(subscription_id)
        if index is None:
            if before is not None:
                raise UnknownCursor(before)
            return DeliveryPage(body=b"[]", next_before=None)
        chosen, more = self._chosen(index, subscription_id, limit, before)
        bodies = []
        for message_id, record in chosen:
            body = index.bodies.get(message_id)
            if body is None:
                body = index.bodies[message_id] = DeliveryOut.of(record).model_dump_json().encode()
            bodies.append(body)
        return DeliveryPage(body=json_list(bodies), next_before=chosen[-1][0] if more and chosen else None)

    def _chosen(
        self, index: _SubscriptionIndex, subscription_id: str, limit: int, before: str | None
    ) -> tuple[list[tuple[str, DeliveryRecord]], bool]:
        """(message id, record) newest first, and whether older ones remain."""
        end = len(index.order)
        if before is not None:
            place = index.placed.get(before)
            if place is None:
                raise UnknownCursor(before)
            end = bisect_left(index.order, place)
        start = max(0, end - max(limit, 0))
        chosen = []
        for _, message_id in reversed(index.order[start:end]):
            record = self.log.get(subscription_id, message_id)
            if record is not None:
                chosen.append((message_id, record))
        return chosen, start > 0
