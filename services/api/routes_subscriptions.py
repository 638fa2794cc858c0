"""/subscriptions: create (the secret shown once), list, show, change, pause, resume, rotate, delete;
and each subscription's delivery log and resend."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Response, status
from pydantic import ValidationError

from services.api import audit
from services.api.auth import Principal, require_admin, require_read
from services.api.deps import ApiDeps, deps
from services.api.errors import not_found, unprocessable
from services.api.schemas import (
    Accepted,
    DeliveryOut,
    SubscriptionIn,
    SubscriptionOut,
    SubscriptionPatch,
    SubscriptionWithSecret,
)
from streams import subscriptions as subs
from streams.alerting import ResendRequested, resend_key
from streams.events import stable_id

router = APIRouter(prefix="/subscriptions", tags=["subscriptions"], dependencies=[Depends(require_read)])


async def _checked_url(api: ApiDeps, url: str) -> None:
    try:
        await asyncio.to_thread(api.check_url, url)  # resolves DNS: not on the event loop
    except Exception as exc:  # the injected checker's own error types are not known here
        message = str(exc)
        raise unprocessable(
            message if message.startswith("webhook URL") else f"webhook URL refused: {message}"
        ) from exc


async def _get(api: ApiDeps, subscription_id: str) -> subs.Subscription:
    found = (await api.log.subscriptions()).get(subscription_id)
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
    body: SubscriptionIn, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)
) -> SubscriptionWithSecret:
    """Subscribe a webhook. The response carries the signing secret: store it, it is not shown again."""
    await _checked_url(api, body.url)
    try:
        event = subs.create(now=api.clock(), **body.model_dump())
    except (ValidationError, ValueError) as exc:
        raise _invalid(exc) from exc
    await api.log.publish_subscription(event)
    sub = event.subscription
    await audit.record(api, who, "subscription.create", sub.subscription_id, version=sub.version)
    return SubscriptionWithSecret(**SubscriptionOut.of(sub).model_dump(), secret=sub.secrets[0].secret)


@router.get("", response_model=list[SubscriptionOut])
async def list_all(api: ApiDeps = Depends(deps)) -> list[SubscriptionOut]:
    found = await api.log.subscriptions()
    return [SubscriptionOut.of(sub) for sub in sorted(found.values(), key=lambda s: s.created_at)]


@router.get("/{subscription_id}", response_model=SubscriptionOut)
async def show(subscription_id: str, api: ApiDeps = Depends(deps)) -> SubscriptionOut:
    return SubscriptionOut.of(await _get(api, subscription_id))


@router.patch("/{subscription_id}", response_model=SubscriptionOut)
async def change(
    subscription_id: str, body: SubscriptionPatch, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)
) -> SubscriptionOut:
    sub = await _get(api, subscription_id)
    changes: dict[str, Any] = body.model_dump(exclude_none=True)
    if not changes:
        raise unprocessable("nothing to change: give at least one field")
    if "url" in changes:
        await _checked_url(api, changes["url"])
    try:
        event = subs.update(sub, api.clock(), **changes)
    except (ValidationError, ValueError) as exc:
        raise _invalid(exc) from exc
    await api.log.publish_subscription(event)
    await audit.record(api, who, event.type, subscription_id, version=event.subscription.version)
    return SubscriptionOut.of(event.subscription)


@router.post("/{subscription_id}/pause", response_model=SubscriptionOut)
async def pause(
    subscription_id: str, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)
) -> SubscriptionOut:
    sub = await _get(api, subscription_id)
    if sub.state == "paused":
        return SubscriptionOut.of(sub)  # idempotent: pausing twice records nothing
    event = subs.pause(sub, api.clock())
    await api.log.publish_subscription(event)
    await audit.record(api, who, event.type, subscription_id, version=event.subscription.version)
    return SubscriptionOut.of(event.subscription)


@router.post("/{subscription_id}/resume", response_model=SubscriptionOut)
async def resume(
    subscription_id: str, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)
) -> SubscriptionOut:
    """Back to active, from paused or disabled (after fixing the endpoint)."""
    sub = await _get(api, subscription_id)
    if sub.state == "active":
        return SubscriptionOut.of(sub)
    event = subs.resume(sub, api.clock())
    await api.log.publish_subscription(event)
    await audit.record(api, who, event.type, subscription_id, version=event.subscription.version)
    return SubscriptionOut.of(event.subscription)


@router.post("/{subscription_id}/rotate-secret", response_model=SubscriptionWithSecret)
async def rotate_secret(
    subscription_id: str, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)
) -> SubscriptionWithSecret:
    """A new signing secret, shown this once; the old one keeps signing alongside it for 24 hours."""
    sub = await _get(api, subscription_id)
    event = subs.rotate_secret(sub, api.clock())
    await api.log.publish_subscription(event)
    rotated = event.subscription
    await audit.record(api, who, event.type, subscription_id, version=rotated.version)
    return SubscriptionWithSecret(**SubscriptionOut.of(rotated).model_dump(), secret=rotated.secrets[0].secret)


@router.delete("/{subscription_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete(
    subscription_id: str, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)
) -> Response:
    sub = await _get(api, subscription_id)
    await api.log.publish_subscription(subs.delete(sub, api.clock()))
    await audit.record(api, who, "subscription.deleted", subscription_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{subscription_id}/deliveries", response_model=list[DeliveryOut])
async def deliveries(subscription_id: str, api: ApiDeps = Depends(deps)) -> list[DeliveryOut]:
    """Every message sent to this subscription, with its attempts' outcome (newest first)."""
    await _get(api, subscription_id)
    records = await api.log.deliveries(subscription_id)
    return [DeliveryOut.of(r) for r in sorted(records, key=lambda r: r.requested_at, reverse=True)]


@router.post(
    "/{subscription_id}/deliveries/{message_id}/resend",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Accepted,
)
async def resend(
    subscription_id: str, message_id: str, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)
) -> Accepted:
    """Deliver a message again (same webhook-id); the running alerts service performs it."""
    await _get(api, subscription_id)
    if not any(r.message.message_id == message_id for r in await api.log.deliveries(subscription_id)):
        raise not_found(f"no message {message_id!r} was sent to subscription {subscription_id!r}")
    now = api.clock()
    request = ResendRequested(
        event_id=stable_id("resend", subscription_id, message_id, now.isoformat()),
        occurred_at=now,
        subscription_id=subscription_id,
        message_id=message_id,
    )
    await api.log.publish_alert_event(resend_key(subscription_id), request)
    await audit.record(api, who, "delivery.resend", f"{subscription_id}/{message_id}")
    return Accepted(detail=f"resend of {message_id} requested; `sitmon alerts` delivers it with the same webhook-id")
