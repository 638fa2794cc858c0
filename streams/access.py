"""Who may use the API, and what they did: named tokens with a scope, and the audit trail.

Tokens are events on a compacted topic keyed by the token's name. Only a SHA-256 hash of a
token's value is ever stored: the value is 32 random bytes, so a fast hash is enough (no
password stretching needed), and a reader of the topic learns nothing it can present.
Checking a presented token compares its hash with every stored hash in constant time.

Audit events record every admin action — who (a token's name, `cli:<user>`, `alerts`), what,
on which target, when, and whether it was applied or rejected with the reason. They never
carry a secret, a token value or a full webhook URL.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime
from secrets import token_urlsafe
from typing import Literal

from pydantic import AwareDatetime, Field

from streams.events import Event, Frozen, stable_id

Scope = Literal["read", "admin"]
SCOPES: tuple[Scope, ...] = ("read", "admin")
TOKEN_PREFIX = "smt_"
TOKEN_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
ENV_TOKEN_NAME = "SITMON_API_TOKEN"
"""The name audit events give the one admin token set by environment variable."""


class ApiToken(Frozen):
    name: str = Field(pattern=TOKEN_NAME_PATTERN)
    scope: Scope
    token_hash: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the value, hex; never the value")
    created_at: AwareDatetime
    created_by: str


class TokenCreated(Event):
    type: Literal["token.created"] = "token.created"
    token: ApiToken


class TokenRevoked(Event):
    type: Literal["token.revoked"] = "token.revoked"
    name: str
    revoked_by: str


AnyTokenEvent = TokenCreated | TokenRevoked

AuditOutcome = Literal["applied", "unchanged", "rejected"]


class AuditRecorded(Event):
    """One admin action: who did what to which target, and how it ended."""

    type: Literal["audit.recorded"] = "audit.recorded"
    actor: str = Field(description="a token's name, cli:<user>, or the service that acted (alerts)")
    action: str = Field(description="e.g. subscription.pause, token.create, keys.rotate, silence.create")
    target: str = Field(description="the id or name acted on; never a secret or a full URL")
    outcome: AuditOutcome = "applied"
    reason: str | None = None
    version: int | None = Field(default=None, description="the subscription's version after the action")


def audit_record(
    actor: str,
    action: str,
    target: str,
    now: datetime,
    *,
    outcome: AuditOutcome = "applied",
    reason: str | None = None,
    version: int | None = None,
) -> AuditRecorded:
    """The audit event of one admin action; its id follows from who, what, which, when and how it ended."""
    return AuditRecorded(
        event_id=stable_id("audit", actor, action, target, now.isoformat(), outcome),
        occurred_at=now,
        actor=actor,
        action=action,
        target=target,
        outcome=outcome,
        reason=reason,
        version=version,
    )


def hash_token(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def new_token_value() -> str:
    return TOKEN_PREFIX + token_urlsafe(32)


def apply_token(state: Mapping[str, ApiToken], event: AnyTokenEvent) -> dict[str, ApiToken]:
    folded = dict(state)
    if isinstance(event, TokenCreated):
        folded[event.token.name] = event.token
    else:
        folded.pop(event.name, None)
    return folded


def find_token(tokens: Mapping[str, ApiToken], presented: str) -> ApiToken | None:
    """The token whose hash matches `presented`. Every stored hash is compared, each in constant
    time, so the answer's timing says nothing about which token (or how much of one) matched."""
    presented_hash = hash_token(presented).encode("ascii")
    found: ApiToken | None = None
    for token in tokens.values():
        if hmac.compare_digest(presented_hash, token.token_hash.encode("ascii")):
            found = token
    return found
