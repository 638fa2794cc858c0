"""POST /articles: push one article (JSON) or a batch (JSON Lines) into ingest; 202 with the ids.

The body has the fields `sitmon ingest` reads from a .jsonl line (id, text, title, url,
published_at, updated_at, source, language). A line that does not validate is reported with its
number and reason and dead-lettered, while the other lines are published; a body with no
valid article at all is 422.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import BaseModel

from services.api import audit
from services.api.auth import Principal, require_admin
from services.api.deps import ApiDeps, deps
from services.api.errors import unprocessable

router = APIRouter(tags=["articles"])

MAX_BODY_BYTES = 10 * 1024 * 1024
JSON_LINES_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-seq")


class AcceptedArticle(BaseModel):
    line: int
    article_id: str
    status: str  # published | revised | unchanged


class SkippedArticle(BaseModel):
    line: int
    reason: str


class ArticlesAccepted(BaseModel):
    article_ids: list[str]
    articles: list[AcceptedArticle]
    skipped: list[SkippedArticle]


@router.post(
    "/articles",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ArticlesAccepted,
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {"schema": {"type": "object"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
            "required": True,
        }
    },
)
async def push(
    request: Request, api: ApiDeps = Depends(deps), who: Principal = Depends(require_admin)
) -> ArticlesAccepted:
    if api.articles is None:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "this API was started without article intake")
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        raise HTTPException(
            status.HTTP_413_REQUEST_ENTITY_TOO_LARGE, f"body over {MAX_BODY_BYTES:,} bytes; split the batch"
        )
    try:
        body = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise unprocessable(f"body is not UTF-8 (byte {exc.start})") from exc
    content_type = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    result = await api.articles.take(body, json_lines=content_type in JSON_LINES_TYPES, origin="push")
    skipped = [SkippedArticle(line=s.line, reason=s.reason) for s in result.skipped]
    if not result.articles:
        first = skipped[0] if skipped else SkippedArticle(line=1, reason="no article in the body")
        raise unprocessable(
            f"line {first.line}: {first.reason}" + (f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else "")
        )
    accepted = [AcceptedArticle(line=a.line, article_id=a.article_id, status=a.status) for a in result.articles]
    await audit.record(api, who, "articles.push", f"{len(accepted)} article(s)")
    return ArticlesAccepted(article_ids=[a.article_id for a in accepted], articles=accepted, skipped=skipped)
