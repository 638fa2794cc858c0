"""/silences: create, list, show, expire early (DELETE). Silences are events on the alerts topic."""

from __future__ import annotations

import secrets
from datetime import timedelta

from fastapi import APIRouter, Depends, Response, status
from pydantic import ValidationError

from services.api import audit
from services.api.auth import Principal, require_admin, require_read
from services.api.deps import ApiDeps, deps
from services.api.errors import not_found, unprocessable
from services.api.schemas import SilenceIn, SilenceOut
from streams.alerting import Silence, SilenceCreated, SilenceExpired, silence_key
from streams.events import stable_id

router = APIRouter(prefix="/silences", tags=["silences"], dependencies=[Depends(require_read)])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=SilenceOut)
async def create(body: SilenceIn, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)) -> SilenceOut:
    now = api.clock()
    starts = body.starts_at or now
    ends = body.ends_at or starts + timedelta(seconds=body.duration_seconds or 0)
    silence_id = "sil_" + secrets.token_hex(8)
    try:
        event = SilenceCreated(
            event_id=stable_id("silence", silence_id),
            occurred_at=now,
            silence_id=silence_id,
            matchers=tuple(body.matchers),
            starts_at=starts,
            ends_at=ends,
            created_by=body.created_by,
            comment=body.comment,
        )
    except ValidationError as exc:
        message = str(exc.errors()[0].get("msg", "invalid")).removeprefix("Value error, ")
        raise unprocessable(message) from exc
    await api.log.publish_alert_event(silence_key(silence_id), event)
    await audit.record(api, who, "silence.create", silence_id)
    return SilenceOut.of(Silence(event), now)


@router.get("", response_model=list[SilenceOut])
async def list_all(api: ApiDeps = Depends(deps)) -> list[SilenceOut]:
    now = api.clock()
    found = await api.log.silences()
    return [SilenceOut.of(s, now) for s in sorted(found.values(), key=lambda s: s.created.starts_at)]


@router.get("/{silence_id}", response_model=SilenceOut)
async def show(silence_id: str, api: ApiDeps = Depends(deps)) -> SilenceOut:
    found = (await api.log.silences()).get(silence_id)
    if found is None:
        raise not_found(f"no silence {silence_id!r}")
    return SilenceOut.of(found, api.clock())


@router.delete("/{silence_id}", status_code=status.HTTP_204_NO_CONTENT)
async def expire(
    silence_id: str, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin), expired_by: str = "api"
) -> Response:
    """End a silence now (it stays listed, as expired)."""
    now = api.clock()
    found = (await api.log.silences()).get(silence_id)
    if found is None:
        raise not_found(f"no silence {silence_id!r}")
    if found.state(now) != "expired":
        event = SilenceExpired(
            event_id=stable_id("silence.expired", silence_id, now.isoformat()),
            occurred_at=now,
            silence_id=silence_id,
            expired_by=expired_by,
        )
        await api.log.publish_alert_event(silence_key(silence_id), event)
        await audit.record(api, who, "silence.expire", silence_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
