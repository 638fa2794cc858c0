"""What the app factory is given: the ports, the token, the clock and the metrics registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from fastapi import Request
from prometheus_client import CollectorRegistry

from services.api.ports import EventLog, UrlCheck


@dataclass(frozen=True)
class ApiDeps:
    log: EventLog
    check_url: UrlCheck
    token: str
    clock: Callable[[], datetime]
    registry: CollectorRegistry


def deps(request: Request) -> ApiDeps:
    found = request.app.state.deps
    assert isinstance(found, ApiDeps)
    return found
