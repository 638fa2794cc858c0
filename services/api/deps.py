"""What the app factory is given: the ports, the admin token from the environment, the clock and
the metrics registry. `token` is SITMON_API_TOKEN (None: only named tokens from the tokens topic)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from fastapi import Request
from prometheus_client import CollectorRegistry

from services.api.ports import ArticleIntake, EventLog, FeedDesk, UrlCheck


@dataclass(frozen=True)
class ApiDeps:
    log: EventLog
    check_url: UrlCheck
    token: str | None
    clock: Callable[[], datetime]
    registry: CollectorRegistry
    articles: ArticleIntake | None = None  # POST /articles; None: the route answers 503
    feeds: FeedDesk | None = None  # /feeds; None: the routes answer 503


async def deps(request: Request) -> ApiDeps:
    # async: FastAPI runs a plain `def` dependency in a worker thread, two thread switches per request
    found = request.app.state.deps
    assert isinstance(found, ApiDeps)
    return found
