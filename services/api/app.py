"""The HTTP API's app factory: subscriptions, silences, situation, deliveries, health, metrics.

`create_app` takes everything from outside (the event log, the URL check, the token, the
clock, the metrics registry) — the composition root (services/cli/api.py) builds those.
Errors are one clear line in `detail`: 401 without the token, 404 for unknown ids, 422 for
a body that does not validate (with the field's path).
"""

from __future__ import annotations

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from services.api import (
    routes_articles,
    routes_deliveries,
    routes_feeds,
    routes_silences,
    routes_situation,
    routes_subscriptions,
)
from services.api.deps import ApiDeps
from services.api.errors import UNPROCESSABLE
from services.api.read_fence import ReadFenceMiddleware
from services.api.request_metrics import RequestMetrics


def _one_line(exc: RequestValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return "invalid request"
    first = errors[0]
    where = ".".join(str(part) for part in first.get("loc", ()))
    message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {message}{more}"


def create_app(api: ApiDeps) -> FastAPI:
    app = FastAPI(
        title="sitmon API",
        version="1",
        description="Webhook subscriptions, silences, situation queries and delivery logs of sitmon. "
        "Send `Authorization: Bearer <SITMON_API_TOKEN>`.",
    )
    app.state.deps = api
    app.add_middleware(ReadFenceMiddleware)  # one freshness check per request, however many reads
    app.add_middleware(RequestMetrics, registry=api.registry)  # counted and timed

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _one_line(exc)}, status_code=UNPROCESSABLE)

    @app.get("/healthz", tags=["operations"])
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/metrics", tags=["operations"], response_class=Response)
    async def metrics() -> Response:
        return Response(generate_latest(api.registry), media_type=CONTENT_TYPE_LATEST)

    app.include_router(routes_subscriptions.router)
    app.include_router(routes_deliveries.router)
    app.include_router(routes_silences.router)
    app.include_router(routes_situation.router)
    app.include_router(routes_articles.router)
    app.include_router(routes_feeds.router)
    return app
