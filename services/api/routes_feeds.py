"""/feeds: the feeds `sitmon poll` follows — list, show, add, pause, resume, remove (as `sitmon feeds`)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Response, status
from pydantic import BaseModel, ConfigDict, Field

from services.api import audit
from services.api.auth import Principal, require_admin, require_read
from services.api.deps import ApiDeps, deps
from services.api.errors import not_found, unprocessable
from services.api.ports import FeedDesk
from streams.feeds import FeedBook, FeedSource

router = APIRouter(prefix="/feeds", tags=["feeds"], dependencies=[Depends(require_read)])


class FeedIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(min_length=1, max_length=2048, description="RSS, Atom or JSON Feed URL")
    name: str | None = Field(default=None, max_length=100, description="the outlet (default: the host)")
    language: str | None = Field(default=None, max_length=16)
    every: str = Field(default="5m", description="30s … 7d")


def _desk(api: ApiDeps) -> FeedDesk:
    if api.feeds is None:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "this API was started without the feeds topic")
    return api.feeds


def _document(book: FeedBook, source: FeedSource) -> dict[str, Any]:
    status_ = book.statuses.get(source.feed_id)
    document: dict[str, Any] = source.model_dump(mode="json")
    document["status"] = status_.model_dump(mode="json", exclude={"items"}) if status_ else None
    return document


async def _find(desk: FeedDesk, ref: str) -> tuple[FeedBook, FeedSource]:
    book = await desk.book()
    found = book.find(ref)
    if found is None:
        raise not_found(f"no feed {ref!r} (give its id, name or URL)")
    return book, found


@router.get("")
async def list_all(api: ApiDeps = Depends(deps)) -> list[dict[str, Any]]:
    book = await _desk(api).book()
    return [_document(book, source) for source in book.sources.values()]


@router.get("/{ref}")
async def show(ref: str, api: ApiDeps = Depends(deps)) -> dict[str, Any]:
    book, found = await _find(_desk(api), ref)
    return _document(book, found)


@router.post("", status_code=status.HTTP_201_CREATED)
async def add(body: FeedIn, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)) -> dict[str, Any]:
    try:
        source = await _desk(api).add(body.url, body.name, body.language, body.every)
    except ValueError as exc:
        raise unprocessable(str(exc)) from exc
    await audit.record(api, who, "feed.add", source.feed_id)
    return source.model_dump(mode="json")


async def _change(ref: str, action: str, api: ApiDeps, who: Principal) -> None:
    desk = _desk(api)
    _, found = await _find(desk, ref)
    await desk.change(found, action)
    await audit.record(api, who, f"feed.{action}", found.feed_id)


@router.post("/{ref}/pause", status_code=status.HTTP_204_NO_CONTENT)
async def pause(ref: str, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)) -> Response:
    await _change(ref, "pause", api, who)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{ref}/resume", status_code=status.HTTP_204_NO_CONTENT)
async def resume(ref: str, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)) -> Response:
    await _change(ref, "resume", api, who)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.delete("/{ref}", status_code=status.HTTP_204_NO_CONTENT)
async def remove(ref: str, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)) -> Response:
    await _change(ref, "remove", api, who)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
