"""The API's read model: the topics it answers from, folded record by record and indexed for reads.

Pure (no I/O): `services/api/live_log.py` feeds it from a consumer that follows the topics,
so a request reads a dictionary instead of replaying a topic; `KafkaEventLog` feeds a fresh
one from a replay (the one-shot commands). Each read is independent of the length of the
log: the latest picture per region and its encoded body, the subscriptions, silences and
tokens folded, and each subscription's deliveries ordered by request time
(`services/api/views.py`: a page returns the newest `limit` without looking at the rest).
"""

from __future__ import annotations

from collections.abc import Callable

from services.api.views import DeliveryIndex, SituationViews
from streams import subscriptions as subs
from streams.access import ApiToken, TokenCreated, TokenRevoked, apply_token
from streams.alerting import AlertTransitioned, Silence, SilenceCreated, SilenceExpired, apply_silence
from streams.any_event import SitmonEvent
from streams.deliveries import DeliveryAttempted, DeliveryFinished, DeliveryRequested
from streams.envelope import decode
from streams.errors import UndecodableRecord
from streams.situation import SituationChanged


class ReadModel:
    """Everything the API reads, by topic suffix of the catalogue."""

    def __init__(self) -> None:
        self.situation = SituationViews()
        self.subscriptions: dict[str, subs.Subscription] = {}
        self.silences: dict[str, Silence] = {}
        self.alerts: dict[str, AlertTransitioned] = {}  # each alert's latest transition, by alert id
        self.tokens: dict[str, ApiToken] = {}
        self.deliveries = DeliveryIndex()
        self.folders: dict[str, Callable[[bytes | None, bytes | None], None]] = {
            "situation": self._situation,
            "subscriptions": self._subscription,
            "alerts": self._alert,
            "tokens": self._token,
            "deliveries": self._delivery,
        }

    def apply(self, suffix: str, key: bytes | None, value: bytes | None) -> None:
        self.folders[suffix](key, value)

    @property
    def situations(self) -> dict[str, SituationChanged]:
        """The latest picture per region."""
        return self.situation.latest

    def _situation(self, _key: bytes | None, value: bytes | None) -> None:
        event = decoded_or_none(value)
        if isinstance(event, SituationChanged):
            self.situation.apply(event)

    def _subscription(self, key: bytes | None, value: bytes | None) -> None:
        if value is None:
            if key is not None:  # a tombstone: the subscription is gone
                self.subscriptions = subs.apply_tombstone(self.subscriptions, key.decode("utf-8", errors="replace"))
            return
        event = decoded_or_none(value)
        if isinstance(event, subs.SubscriptionEvent):
            self.subscriptions = subs.apply(self.subscriptions, event)

    def _alert(self, _key: bytes | None, value: bytes | None) -> None:
        event = decoded_or_none(value)
        if isinstance(event, SilenceCreated | SilenceExpired):
            self.silences = apply_silence(self.silences, event)
        elif isinstance(event, AlertTransitioned):
            current = self.alerts.get(event.alert_id)
            if current is None or event.seq >= current.seq:
                self.alerts[event.alert_id] = event

    def _token(self, _key: bytes | None, value: bytes | None) -> None:
        event = decoded_or_none(value)
        if isinstance(event, TokenCreated | TokenRevoked):
            self.tokens = apply_token(self.tokens, event)

    def _delivery(self, key: bytes | None, value: bytes | None) -> None:
        event = decoded_or_none(value)
        if isinstance(event, DeliveryRequested | DeliveryAttempted | DeliveryFinished):
            self.deliveries.apply(event)  # disable requests and resend markers change no delivery record


def decoded_or_none(value: bytes | None) -> SitmonEvent | None:
    try:
        return decode(value)
    except UndecodableRecord:
        return None  # the consumers that own the topic dead-letter it; a view skips it
