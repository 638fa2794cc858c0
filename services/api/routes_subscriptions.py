"""/subscriptions: create (the secret shown once), list, show, change, pause, resume, rotate, delete;
and each subscription's delivery log and resend."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Response, status
from pydantic import ValidationError

from services.api import audit
from services.api.auth import Principal, require_admin, require_read
from services.api.deps import ApiDeps, deps
from services.api.errors import UNPROCESSABLE, not_found, unprocessable
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
from streams.subscription_commands import Action, Applied, Rejected, SubscriptionCommand, Unchanged

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


async def _submit(api: ApiDeps, command: SubscriptionCommand) -> Applied | Unchanged:
    """Hand the change to the single writer; a stale version is 409, an unknown id 404, a bad value 422."""
    decision = await api.log.submit_subscription(command)
    if isinstance(decision, Rejected):
        status_code = {"stale": 409, "exists": 409, "not_found": 404}.get(decision.kind, UNPROCESSABLE)
        raise HTTPException(status_code, decision.reason)
    return decision


def _out(response: Response, sub: subs.Subscription) -> SubscriptionOut:
    response.headers["ETag"] = f'"{sub.version}"'
    return SubscriptionOut.of(sub)


def _command(
    action: Action, subscription_id: str, who: Principal, if_match: str | None, **fields: Any
) -> SubscriptionCommand:
    return SubscriptionCommand(
        action=action,
        subscription_id=subscription_id,
        actor=who.name,
        expected_version=_expected_version(if_match),
        **fields,
    )


def _expected_version(if_match: str | None) -> int | None:
    """`If-Match: "3"` (the ETag of a read) or a bare 3; absent: apply to the current version."""
    if if_match is None:
        return None
    value = if_match.strip().removeprefix("W/").strip('"')
    if not value.isdigit():
        raise unprocessable(f'If-Match {if_match!r}: expected the subscription\'s version, e.g. "3"')
    return int(value)


IfMatch = Header(default=None, alias="If-Match", description="the version you read (its ETag); stale: 409")


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
    done = await _submit(api, _command("create", new.subscription_id, who, None, new=new))
    sub = done.subscription
    return SubscriptionWithSecret(**_out(response, sub).model_dump(), secret=new.secrets[0].secret)


@router.get("", response_model=list[SubscriptionOut])
async def list_all(api: ApiDeps = Depends(deps)) -> list[SubscriptionOut]:
    found = await api.log.subscriptions()
    return [SubscriptionOut.of(sub) for sub in sorted(found.values(), key=lambda s: s.created_at)]


@router.get("/{subscription_id}", response_model=SubscriptionOut)
async def show(subscription_id: str, api: ApiDeps = Depends(deps)) -> SubscriptionOut:
    return SubscriptionOut.of(await _get(api, subscription_id))


@router.patch("/{subscription_id}", response_model=SubscriptionOut)
async def change(
    subscription_id: str,
    body: SubscriptionPatch,
    response: Response,
    api: ApiDeps = Depends(deps),
    who: Principal = Depends(require_admin),
    if_match: str | None = IfMatch,
) -> SubscriptionOut:
    changes: dict[str, Any] = body.model_dump(exclude_none=True)
    if not changes:
        raise unprocessable("nothing to change: give at least one field")
    if "url" in changes:
        await _checked_url(api, changes["url"])
    done = await _submit(api, _command("update", subscription_id, who, if_match, changes=changes))
    return _out(response, done.subscription)


@router.post("/{subscription_id}/pause", response_model=SubscriptionOut)
async def pause(
    subscription_id: str,
    response: Response,
    api: ApiDeps = Depends(deps),
    who: Principal = Depends(require_admin),
    if_match: str | None = IfMatch,
) -> SubscriptionOut:
    """Stop notifications; pausing a paused subscription records nothing."""
    done = await _submit(api, _command("pause", subscription_id, who, if_match))
    return _out(response, done.subscription)


@router.post("/{subscription_id}/resume", response_model=SubscriptionOut)
async def resume(
    subscription_id: str,
    response: Response,
    api: ApiDeps = Depends(deps),
    who: Principal = Depends(require_admin),
    if_match: str | None = IfMatch,
) -> SubscriptionOut:
    """Back to active, from paused or disabled (after fixing the endpoint)."""
    done = await _submit(api, _command("resume", subscription_id, who, if_match))
    return _out(response, done.subscription)


@router.post("/{subscription_id}/rotate-secret", response_model=SubscriptionWithSecret)
async def rotate_secret(
    subscription_id: str,
    response: Response,
    api: ApiDeps = Depends(deps),
    who: Principal = Depends(require_admin),
    if_match: str | None = IfMatch,
) -> SubscriptionWithSecret:
    """A new signing secret, shown this once; the old one keeps signing alongside it for 24 hours."""
    secret = subs.new_secret(api.clock())
    done = await _submit(api, _command("rotate_secret", subscription_id, who, if_match, secret=secret))
    return SubscriptionWithSecret(**_out(response, done.subscription).model_dump(), secret=secret.secret)


@router.delete("/{subscription_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete(
    subscription_id: str,
    api: ApiDeps = Depends(deps),
    who: Principal = Depends(require_admin),
    if_match: str | None = IfMatch,
) -> Response:
    await _submit(api, _command("delete", subscription_id, who, if_match))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{subscription_id}/deliveries", response_model=list[DeliveryOut])
async def deliveries(
    subscription_id: str,
    api: ApiDeps = Depends(deps),
    limit: int = Query(100, ge=1, le=1000, description="at most this many messages, the newest"),
) -> list[DeliveryOut]:
    """The messages sent to this subscription, with their attempts' outcome (newest first)."""
    await _get(api, subscription_id)
    records = await api.log.deliveries(subscription_id, limit)
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
