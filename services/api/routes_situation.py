"""/situation: the latest picture of every region (or one), read from the situation topic."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, status

from services.api.auth import require_read
from services.api.deps import ApiDeps, deps
from streams.situation import SituationChanged

router = APIRouter(prefix="/situation", tags=["situation"], dependencies=[Depends(require_read)])


@router.get("", response_model=list[SituationChanged])
async def all_regions(api: ApiDeps = Depends(deps)) -> list[SituationChanged]:
    latest = await api.log.situations()
    return [latest[region] for region in sorted(latest)]


@router.get("/{region}", response_model=SituationChanged)
async def one_region(region: str, api: ApiDeps = Depends(deps)) -> SituationChanged:
    latest = await api.log.situations()
    if region not in latest:
        known = ", ".join(sorted(latest)) or "none yet"
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no situation for region {region!r}; known: {known}")
    return latest[region]
