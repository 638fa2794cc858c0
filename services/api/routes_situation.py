"""/situation: the latest picture of every region (or one), from the read model's ready bodies."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Response, status

from services.api.auth import require_read
from services.api.deps import ApiDeps, deps
from services.api.views import MEDIA_TYPE
from streams.situation import SituationChanged

router = APIRouter(prefix="/situation", tags=["situation"], dependencies=[Depends(require_read)])


# response_model documents the body in the OpenAPI schema; the body itself was encoded when the
# picture changed (services/api/views.py), so it is returned as it is, not validated again
@router.get("", response_model=list[SituationChanged])
async def all_regions(api: ApiDeps = Depends(deps)) -> Response:
    return Response((await api.log.situation_view()).listing(), media_type=MEDIA_TYPE)


@router.get("/{region}", response_model=SituationChanged)
async def one_region(region: str, api: ApiDeps = Depends(deps)) -> Response:
    view = await api.log.situation_view(region)
    body = view.body(region)
    if body is None:
        known = ", ".join(sorted(view.latest)) or "none yet"
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no situation for region {region!r}; known: {known}")
    return Response(body, media_type=MEDIA_TYPE)
