"""Webhook subscriptions: the state a subscriber controls, kept as events on a compacted topic.

`Subscription` is the current state of one subscription, folded from its events; the
alerting service reads it to filter and deliver, the API to show and change it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, Field

from streams.events import Frozen

Level = Literal["info", "yellow", "orange", "red"]
LEVELS: tuple[Level, ...] = ("info", "yellow", "orange", "red")
AlertKind = Literal["casualties", "ceasefire"]
SubscriptionState = Literal["active", "paused", "disabled"]


class SigningSecret(Frozen):
    """A `whsec_…` secret; after rotation the old one stays valid until `expires_at`."""

    secret: str = Field(repr=False, pattern=r"^whsec_[A-Za-z0-9+/=]+$")
    created_at: AwareDatetime
    expires_at: AwareDatetime | None = None


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
    created_at: AwareDatetime
    updated_at: AwareDatetime
