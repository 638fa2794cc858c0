"""Webhook subscriptions: the state a subscriber controls, kept as events on a compacted topic.

`Subscription` is the current state of one subscription, folded from its events; the
alerting service reads it to filter and deliver, the API to show and change it.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from secrets import token_bytes, token_hex
from typing import Any, Literal

from pydantic import AwareDatetime, Field, field_validator

from streams.events import Event, Frozen, stable_id

Level = Literal["info", "yellow", "orange", "red"]
LEVELS: tuple[Level, ...] = ("info", "yellow", "orange", "red")
AlertKind = Literal["casualties", "ceasefire"]
SubscriptionState = Literal["active", "paused", "disabled"]


class SigningSecret(Frozen):
    """A `whsec_…` secret; after rotation the old one stays valid until `expires_at`.

    On the subscriptions topic the value is sealed (`sealed:v1:…`, see streams/sealing.py);
    services open it in memory only, where delivery needs it to sign.
    """

    secret: str = Field(repr=False, pattern=r"^(whsec_[A-Za-z0-9+/=]+|sealed:v1:[A-Za-z0-9_.-]+:[A-Za-z0-9_=-]+)$")
    created_at: AwareDatetime
    expires_at: AwareDatetime | None = None

    @property
    def sealed(self) -> bool:
        return self.secret.startswith("sealed:")


class Subscription(Frozen):
    subscription_id: str
    url: str = Field(repr=False, description="never logged in full: it may carry a token")
    secrets: tuple[SigningSecret, ...] = Field(repr=False, min_length=1)
    regions: tuple[str, ...] = ()  # empty: every region
    kinds: tuple[AlertKind, ...] = ()  # empty: every kind
    min_level: Level = "info"
    thresholds: dict[str, int] = Field(default_factory=dict, description="rule threshold overrides")
    send_resolved: bool = True
    state: SubscriptionState = "active"
    state_reason: str | None = None
    version: int = Field(
        default=1, ge=1, description="1 when created, +1 with every change: commands name the one they expect"
    )
    created_at: AwareDatetime
    updated_at: AwareDatetime

    @field_validator("thresholds")
    @classmethod
    def _threshold_keys(cls, value: dict[str, int]) -> dict[str, int]:
        for key, threshold in value.items():
            window, _, level = key.partition(".")
            if window not in ("24h", "7d") or level not in LEVELS:
                raise ValueError(f"threshold {key!r}: expected <24h|7d>.<{'|'.join(LEVELS)}>, e.g. 24h.orange")
            if threshold < 1:
                raise ValueError(f"threshold {key}: {threshold} must be at least 1")
        return value


# --- events ------------------------------------------------------------------------------
#
# The subscriptions topic is compacted: the broker keeps only the latest record per key
# (the subscription id). So every event carries the complete subscription after the
# change, and the fold needs nothing older. A delete is the Deleted event followed by a
# tombstone (a null value), which compaction turns into nothing at all.

ROTATION_GRACE = timedelta(hours=24)
SECRET_BYTES = 32


class SubscriptionEvent(Event):
    subscription: Subscription


class SubscriptionCreated(SubscriptionEvent):
    type: Literal["subscription.created"] = "subscription.created"


class SubscriptionUpdated(SubscriptionEvent):
    type: Literal["subscription.updated"] = "subscription.updated"


class SubscriptionPaused(SubscriptionEvent):
    type: Literal["subscription.paused"] = "subscription.paused"


class SubscriptionResumed(SubscriptionEvent):
    type: Literal["subscription.resumed"] = "subscription.resumed"


class SubscriptionSecretRotated(SubscriptionEvent):
    type: Literal["subscription.secret_rotated"] = "subscription.secret_rotated"


class SubscriptionDisabled(SubscriptionEvent):
    """Delivery gave up on the endpoint (410 Gone, or five days of failure); `state_reason` says which."""

    type: Literal["subscription.disabled"] = "subscription.disabled"


class SubscriptionDeleted(SubscriptionEvent):
    type: Literal["subscription.deleted"] = "subscription.deleted"


class SubscriptionResealed(SubscriptionEvent):
    """The same subscription, its secrets sealed again under the keyring's newest key (`sitmon keys rotate`)."""

    type: Literal["subscription.resealed"] = "subscription.resealed"


AnySubscriptionEvent = (
    SubscriptionCreated
    | SubscriptionUpdated
    | SubscriptionPaused
    | SubscriptionResumed
    | SubscriptionSecretRotated
    | SubscriptionDisabled
    | SubscriptionDeleted
    | SubscriptionResealed
)


# --- the fold ----------------------------------------------------------------------------


def apply(state: Mapping[str, Subscription], event: AnySubscriptionEvent) -> dict[str, Subscription]:
    """The subscriptions after one event. Deleting removes; every other event replaces."""
    folded = dict(state)
    sub = event.subscription
    if isinstance(event, SubscriptionDeleted):
        folded.pop(sub.subscription_id, None)
    else:
        folded[sub.subscription_id] = sub
    return folded


def apply_tombstone(state: Mapping[str, Subscription], subscription_id: str) -> dict[str, Subscription]:
    folded = dict(state)
    folded.pop(subscription_id, None)
    return folded


# --- commands: the current state and a request in, the event to publish out ---------------


def new_secret(now: datetime, random_bytes: Callable[[int], bytes] = token_bytes) -> SigningSecret:
    """A Standard Webhooks secret: `whsec_` + base64 of random bytes."""
    return SigningSecret(secret="whsec_" + base64.b64encode(random_bytes(SECRET_BYTES)).decode("ascii"), created_at=now)


def valid_secrets(sub: Subscription, now: datetime) -> tuple[SigningSecret, ...]:
    """The secrets to sign with now: the current one and any rotated one still in its grace period."""
    return tuple(s for s in sub.secrets if s.expires_at is None or s.expires_at > now)


def _event_id(sub_id: str, change: str, now: datetime, version: int = 1) -> str:
    return stable_id("subscription", sub_id, change, now.isoformat(), str(version))


def _changed(sub: Subscription, now: datetime, **changes: Any) -> Subscription:
    """The subscription after a change: one version further, updated now."""
    return sub.model_copy(update=changes | {"version": sub.version + 1, "updated_at": now})


def create(
    *,
    url: str,
    now: datetime,
    regions: Sequence[str] = (),
    kinds: Sequence[AlertKind] = (),
    min_level: Level = "info",
    thresholds: Mapping[str, int] | None = None,
    send_resolved: bool = True,
    secret: SigningSecret | None = None,
    subscription_id: str | None = None,
) -> SubscriptionCreated:
    sub_id = subscription_id or "sub_" + token_hex(8)
    sub = Subscription(
        subscription_id=sub_id,
        url=url,
        secrets=(secret or new_secret(now),),
        regions=tuple(regions),
        kinds=tuple(kinds),
        min_level=min_level,
        thresholds=dict(thresholds or {}),
        send_resolved=send_resolved,
        created_at=now,
        updated_at=now,
    )
    return SubscriptionCreated(event_id=_event_id(sub_id, "created", now), occurred_at=now, subscription=sub)


def update(sub: Subscription, now: datetime, **changes: Any) -> SubscriptionUpdated:
    allowed = {"url", "regions", "kinds", "min_level", "thresholds", "send_resolved"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"cannot change {', '.join(sorted(unknown))}; changeable: {', '.join(sorted(allowed))}")
    data = sub.model_dump() | changes | {"updated_at": now, "version": sub.version + 1}
    changed = Subscription.model_validate(data)
    return SubscriptionUpdated(
        event_id=_event_id(sub.subscription_id, "updated", now, changed.version), occurred_at=now, subscription=changed
    )


def pause(sub: Subscription, now: datetime) -> SubscriptionPaused:
    changed = _changed(sub, now, state="paused", state_reason="paused by the subscriber")
    return SubscriptionPaused(
        event_id=_event_id(sub.subscription_id, "paused", now, changed.version), occurred_at=now, subscription=changed
    )


def resume(sub: Subscription, now: datetime) -> SubscriptionResumed:
    """Back to active — from paused, or from disabled once the subscriber has fixed the endpoint."""
    changed = _changed(sub, now, state="active", state_reason=None)
    return SubscriptionResumed(
        event_id=_event_id(sub.subscription_id, "resumed", now, changed.version), occurred_at=now, subscription=changed
    )


def disable(sub: Subscription, now: datetime, reason: str) -> SubscriptionDisabled:
    changed = _changed(sub, now, state="disabled", state_reason=reason)
    return SubscriptionDisabled(
        event_id=_event_id(sub.subscription_id, "disabled", now, changed.version), occurred_at=now, subscription=changed
    )


def rotate_secret(sub: Subscription, now: datetime, secret: SigningSecret | None = None) -> SubscriptionSecretRotated:
    """A new secret signs from now on; the old ones stay valid for 24 h so receivers can switch over."""
    grace_end = now + ROTATION_GRACE
    kept = tuple(
        s.model_copy(update={"expires_at": grace_end if s.expires_at is None else min(s.expires_at, grace_end)})
        for s in valid_secrets(sub, now)
    )
    changed = _changed(sub, now, secrets=(secret or new_secret(now), *kept))
    return SubscriptionSecretRotated(
        event_id=_event_id(sub.subscription_id, "secret_rotated", now, changed.version),
        occurred_at=now,
        subscription=changed,
    )


def delete(sub: Subscription, now: datetime) -> SubscriptionDeleted:
    changed = _changed(sub, now)
    return SubscriptionDeleted(
        event_id=_event_id(sub.subscription_id, "deleted", now, changed.version), occurred_at=now, subscription=changed
    )


def reseal(sub: Subscription, now: datetime) -> SubscriptionResealed:
    """The same subscription, to be sealed again by the writer under the newest key."""
    changed = _changed(sub, now)
    return SubscriptionResealed(
        event_id=_event_id(sub.subscription_id, "resealed", now, changed.version), occurred_at=now, subscription=changed
    )
