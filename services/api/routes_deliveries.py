"""/subscriptions/{id}/deliveries: a subscription's delivery log, a bounded page at a time, and resend."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request, Response, status

from services.api import audit
from services.api.auth import Principal, require_admin, require_read
from services.api.deps import ApiDeps, deps
from services.api.errors import not_found, unprocessable
from services.api.routes_subscriptions import existing
from services.api.schemas import Accepted, DeliveryOut
from services.api.views import MEDIA_TYPE, UnknownCursor
from streams.alerting import ResendRequested, resend_key
from streams.events import stable_id

router = APIRouter(prefix="/subscriptions", tags=["subscriptions"], dependencies=[Depends(require_read)])


@router.get("/{subscription_id}/deliveries", response_model=list[DeliveryOut])
async def deliveries(
    subscription_id: str,
    request: Request,
    api: ApiDeps = Depends(deps),
    limit: int = Query(100, ge=1, le=1000, description="at most this many messages, the newest"),
    before: str | None = Query(
        None, description="the message id the previous page ended with; the `Link: rel=next` header gives it"
    ),
) -> Response:
    """The messages sent to this subscription, with their attempts' outcome (newest first), a page at a
    time: when older ones remain, the `Link` header's `rel="next"` points to the next page."""
    await existing(api, subscription_id)
    try:
        page = await api.log.delivery_page(subscription_id, limit, before)
    except UnknownCursor:
        raise unprocessable(f"before: no message {before!r} was sent to subscription {subscription_id!r}") from None
    headers = {}
    if page.next_before is not None:
        query = urlencode({"limit": limit, "before": page.next_before})
        headers["Link"] = f'<{request.url.path}?{query}>; rel="next"'
    # the records' bodies were encoded when they changed (services/api/views.py): returned as they are
    return Response(page.body, media_type=MEDIA_TYPE, headers=headers)


@router.post(
    "/{subscription_id}/deliveries/{message_id}/resend",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Accepted,
)
async def resend(
    subscription_id: str, message_id: str, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)
) -> Accepted:
    """Deliver a message again (same webhook-id); the running alerts service performs it."""
    await existing(api, subscription_id)
    if await api.log.delivery(subscription_id, message_id) is None:
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
