"""An admin's change to one subscription, as every changing route receives it.

The routes that change a subscription (create, update, pause, resume, rotate, delete) share who
asks (an admin token), which subscription, and the version the client read (`If-Match`); the
change goes to the subscriptions topic's single writer, whose refusal maps to one status: a stale
version or an existing id 409, an unknown id 404, a bad value 422. The answer carries the
subscription's new version as its ETag.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Depends, Header, HTTPException, Response

from services.api.auth import Principal, require_admin
from services.api.deps import ApiDeps, deps
from services.api.errors import UNPROCESSABLE, unprocessable
from streams import subscriptions as subs
from streams.subscription_commands import Action, Rejected, SubscriptionCommand

IfMatch = Header(default=None, alias="If-Match", description="the version you read (its ETag); stale: 409")
REFUSALS = {"stale": 409, "exists": 409, "not_found": 404}


@dataclass(frozen=True)
class SubscriptionChange:
    api: ApiDeps
    who: Principal
    subscription_id: str
    expected_version: int | None = None

    async def submit(self, action: Action, response: Response, **fields: Any) -> subs.Subscription:
        """Hand the change to the single writer; the subscription as it is after it (applied or unchanged)."""
        command = SubscriptionCommand(
            action=action,
            subscription_id=self.subscription_id,
            actor=self.who.name,
            expected_version=self.expected_version,
            **fields,
        )
        decision = await self.api.log.submit_subscription(command)
        if isinstance(decision, Rejected):
            raise HTTPException(REFUSALS.get(decision.kind, UNPROCESSABLE), decision.reason)
        response.headers["ETag"] = f'"{decision.subscription.version}"'
        return decision.subscription


async def subscription_change(
    subscription_id: str,
    api: ApiDeps = Depends(deps),
    who: Principal = Depends(require_admin),
    if_match: str | None = IfMatch,
) -> SubscriptionChange:
    return SubscriptionChange(api, who, subscription_id, expected_version(if_match))


def expected_version(if_match: str | None) -> int | None:
    """`If-Match: "3"` (the ETag of a read) or a bare 3; absent: apply to the current version."""
    if if_match is None:
        return None
    value = if_match.strip().removeprefix("W/").strip('"')
    if not value.isdigit():
        raise unprocessable(f'If-Match {if_match!r}: expected the subscription\'s version, e.g. "3"')
    return int(value)
