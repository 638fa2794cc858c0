"""/subscriptions: create (the secret shown once), list, show, change, pause, resume, rotate, delete.
(Each subscription's delivery log and resend: routes_deliveries.py.)"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Response, status
from pydantic import ValidationError

from services.api.auth import Principal, require_admin, require_read
from services.api.deps import ApiDeps, deps
from services.api.errors import not_found, unprocessable
from services.api.schemas import (
    SubscriptionIn,
    SubscriptionOut,
    SubscriptionPatch,
    SubscriptionWithSecret,
)
from services.api.subscription_change import SubscriptionChange, subscription_change
from streams import subscriptions as subs

router = APIRouter(prefix="/subscriptions", tags=["subscriptions"], dependencies=[Depends(require_read)])


async def _checked_url(api: ApiDeps, url: str) -> None:
    try:
        await asyncio.to_thread(api.check_url, url)  # resolves DNS: not on the event loop
    except Exception as exc:  # the injected checker's own error types are not known here
        message = str(exc)
        raise unprocessable(
            message if message.startswith("webhook URL") else f"webhook URL refused: {message}"
        ) from exc


async def existing(api: ApiDeps, subscription_id: str) -> subs.Subscription:
    found = await api.log.subscription(subscription_id)
    if found is None:
        raise not_found(f"no subscription {subscription_id!r}")
    return found


def _invalid(exc: ValidationError | ValueError) -> HTTPException:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "body"
        message = f"{where}: {str(first.get('msg', 'invalid')).removeprefix('Value error, ')}"
    else:
        message = str(exc)
    return unprocessable(message)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=SubscriptionWithSecret)
async def create(
    body: SubscriptionIn, response: Response, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)
) -> SubscriptionWithSecret:
    """Subscribe a webhook. The response carries the signing secret: store it, it is not shown again."""
    await _checked_url(api, body.url)
    try:
        new = subs.create(now=api.clock(), **body.model_dump()).subscription
    except (ValidationError, ValueError) as exc:
        raise _invalid(exc) from exc
    sub = await SubscriptionChange(api, who, new.subscription_id).submit("create", response, new=new)
    return SubscriptionWithSecret(**SubscriptionOut.of(sub).model_dump(), secret=new.secrets[0].secret)


@router.get("", response_model=list[SubscriptionOut])
async def list_all(api: ApiDeps = Depends(deps)) -> list[SubscriptionOut]:
    found = await api.log.subscriptions()
    return [SubscriptionOut.of(sub) for sub in sorted(found.values(), key=lambda s: s.created_at)]


@router.get("/{subscription_id}", response_model=SubscriptionOut)
async def show(subscription_id: str, api: ApiDeps = Depends(deps)) -> SubscriptionOut:
    return SubscriptionOut.of(await existing(api, subscription_id))


@router.patch("/{subscription_id}", response_model=SubscriptionOut)
async def change(
    body: SubscriptionPatch, response: Response, change: SubscriptionChange = Depends(subscription_change)
) -> SubscriptionOut:
    changes: dict[str, Any] = body.model_dump(exclude_none=True)
    if not changes:
        raise unprocessable("nothing to change: give at least one field")
    if "url" in changes:
        await _checked_url(change.api, changes["url"])
    return SubscriptionOut.of(await change.submit("update", response, changes=changes))


@router.post("/{subscription_id}/pause", response_model=SubscriptionOut)
async def pause(response: Response, change: SubscriptionChange = Depends(subscription_change)) -> SubscriptionOut:
    """Stop notifications; pausing a paused subscription records nothing."""
    return SubscriptionOut.of(await change.submit("pause", response))


@router.post("/{subscription_id}/resume", response_model=SubscriptionOut)
async def resume(response: Response, change: SubscriptionChange = Depends(subscription_change)) -> SubscriptionOut:
    """Back to active, from paused or disabled (after fixing the endpoint)."""
    return SubscriptionOut.of(await change.submit("resume", response))


@router.post("/{subscription_id}/rotate-secret", response_model=SubscriptionWithSecret)
async def rotate_secret(
    response: Response, change: SubscriptionChange = Depends(subscription_change)
) -> SubscriptionWithSecret:
    """A new signing secret, shown this once; the old one keeps signing alongside it for 24 hours."""
    secret = subs.new_secret(change.api.clock())
    sub = await change.submit("rotate_secret", response, secret=secret)
    return SubscriptionWithSecret(**SubscriptionOut.of(sub).model_dump(), secret=secret.secret)


@router.delete("/{subscription_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete(response: Response, change: SubscriptionChange = Depends(subscription_change)) -> Response:
    await change.submit("delete", response)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
