"""Subscription changes as commands with an expected version, and the pure decision on each.

Whoever changes a subscription — the API, the CLI, the alerting service disabling a dead
endpoint, `sitmon keys rotate` — hands a command to the one writer of the subscriptions
topic (services/subscription_writer.py). The writer reads the current subscription and asks
`decide`: a command naming a version other than the current one is stale and rejected with
the reason, so nobody overwrites a change they never saw (a secret rotated meanwhile stays
rotated). A command without an expected version applies to whatever is current; it is still
a change of only its own fields, never a write-back of a stale copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import Field, ValidationError

from streams import subscriptions as subs
from streams.access import AuditOutcome, AuditRecorded, audit_record
from streams.events import Frozen, stable_id
from streams.subscriptions import SigningSecret, Subscription

Action = Literal["create", "update", "pause", "resume", "rotate_secret", "disable", "delete", "reseal"]
RejectionKind = Literal["stale", "not_found", "exists", "invalid"]


class SubscriptionCommand(Frozen):
    """One requested change. Never written to a topic: it may carry a fresh secret in clear."""

    action: Action
    subscription_id: str
    actor: str = Field(description="who asks: a token's name, cli:<user>, alerts")
    expected_version: int | None = Field(default=None, description="None: apply to the current version")
    new: Subscription | None = Field(default=None, description="create: the subscription to create")
    changes: dict[str, Any] = Field(default_factory=dict, description="update: the fields to change")
    reason: str | None = Field(default=None, description="disable: why")
    secret: SigningSecret | None = Field(default=None, repr=False, description="rotate_secret: the new secret")


@dataclass(frozen=True)
class Applied:
    event: subs.AnySubscriptionEvent

    @property
    def subscription(self) -> Subscription:
        return self.event.subscription


@dataclass(frozen=True)
class Unchanged:
    """Nothing to do (pausing a paused subscription): no event, no new version."""

    subscription: Subscription
    reason: str


@dataclass(frozen=True)
class Rejected:
    kind: RejectionKind
    reason: str
    current_version: int | None = None


Decision = Applied | Unchanged | Rejected


def decide(current: Subscription | None, command: SubscriptionCommand, now: datetime) -> Decision:
    sub_id = command.subscription_id
    if command.action == "create":
        if current is not None:
            return Rejected("exists", f"subscription {sub_id} exists already", current.version)
        if command.new is None or command.new.subscription_id != sub_id:
            return Rejected("invalid", f"create {sub_id}: the command carries no subscription of that id")
        return Applied(
            subs.SubscriptionCreated(
                event_id=stable_id("subscription", sub_id, "created", now.isoformat()),
                occurred_at=now,
                subscription=command.new.model_copy(update={"version": 1}),
            )
        )
    if current is None:
        return Rejected("not_found", f"no subscription {sub_id!r}")
    if command.expected_version is not None and command.expected_version != current.version:
        return Rejected(
            "stale",
            f"{command.action} of {sub_id} expected version {command.expected_version}, but it is at "
            f"version {current.version} (changed {current.updated_at.isoformat(timespec='seconds')}); "
            "read it again and retry",
            current.version,
        )
    return _change(current, command, now)


def _change(current: Subscription, command: SubscriptionCommand, now: datetime) -> Decision:
    match command.action:
        case "pause":
            if current.state == "paused":
                return Unchanged(current, "already paused")
            return Applied(subs.pause(current, now))
        case "resume":
            if current.state == "active":
                return Unchanged(current, "already active")
            return Applied(subs.resume(current, now))
        case "disable":
            if current.state != "active":
                return Unchanged(current, f"not active ({current.state}): nothing to disable")
            return Applied(subs.disable(current, now, command.reason or "disabled"))
        case "rotate_secret":
            return Applied(subs.rotate_secret(current, now, command.secret))
        case "delete":
            return Applied(subs.delete(current, now))
        case "reseal":
            return Applied(subs.reseal(current, now))
        case _:  # update
            try:
                return Applied(subs.update(current, now, **command.changes))
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first.get("loc", ())) or "body"
                return Rejected("invalid", f"{where}: {str(first.get('msg')).removeprefix('Value error, ')}")
            except ValueError as exc:
                return Rejected("invalid", str(exc))


def audit_of(command: SubscriptionCommand, decision: Decision, now: datetime) -> AuditRecorded:
    """The audit record of a command: who, what, which subscription, and how it ended (never a secret)."""
    outcome: AuditOutcome = "applied"
    reason: str | None = None
    version: int | None
    if isinstance(decision, Applied):
        version = decision.subscription.version
    elif isinstance(decision, Unchanged):
        outcome, reason, version = "unchanged", decision.reason, decision.subscription.version
    else:
        outcome, reason, version = "rejected", decision.reason, decision.current_version
    return audit_record(
        command.actor,
        f"subscription.{command.action}",
        command.subscription_id,
        now,
        outcome=outcome,
        reason=reason,
        version=version,
    )
