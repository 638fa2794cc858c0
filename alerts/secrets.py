"""Opening the sealed signing secrets of subscription events, for delivery to sign with.

Subscription events arrive with their secrets sealed (streams/sealing.py). The alerting
service opens each as it applies it. A secret under a key id the keyring lacks makes it read
its key source again once (a key file gains a key with `sitmon keys rotate`). What cannot be
opened during start-up is remembered per subscription — a later event of the same
subscription may still open — and `check` then stops the start in one line: the keys are
wrong. Live, an unopenable event is logged (never its value) and the subscription keeps its
last good state, so it goes on signing with the secret its subscriber holds.
"""

from __future__ import annotations

import structlog

from alerts.ports import Keys
from streams import subscriptions as subs
from streams.errors import SealingError, UnknownSealingKey
from streams.sealing import open_event

log = structlog.get_logger("sitmon.alerts")


class SecretOpener:
    def __init__(self, keys: Keys) -> None:
        self.keys = keys
        self._unopened: dict[str, SealingError] = {}

    def open(self, event: subs.AnySubscriptionEvent, *, live: bool) -> subs.AnySubscriptionEvent | None:
        """The event with its secrets opened, or None when they cannot be."""
        sub_id = event.subscription.subscription_id
        try:
            try:
                opened = open_event(event, self.keys())
            except UnknownSealingKey:
                opened = open_event(event, self.keys(reload=True))
        except SealingError as exc:
            if live:
                log.error("subscription.secret_unopenable", subscription_id=sub_id, reason=str(exc))
            else:
                self._unopened[sub_id] = exc
            return None
        self._unopened.pop(sub_id, None)
        return opened

    def forget(self, subscription_id: str) -> None:
        """The subscription is gone (a tombstone): its secrets need opening no more."""
        self._unopened.pop(subscription_id, None)

    def check(self) -> None:
        """After start-up's replay: every current subscription's secrets opened, or one line why not."""
        if self._unopened:
            first = next(iter(self._unopened.values()))
            raise type(first)(f"cannot open the signing secrets of {len(self._unopened)} subscription(s): {first}")
