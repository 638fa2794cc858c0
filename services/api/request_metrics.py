"""Each request counted (`sitmon_api_requests_total` by method, route template and status) and timed.

The time the app took is sent back in a `Server-Timing: app;dur=<ms>` header (W3C Server
Timing): what the API itself spent, apart from the network and the client, which on a loaded
machine are most of what a client measures (tests/benchmarks/bench_queries.py reports both).

A pure ASGI middleware rather than `@app.middleware("http")`: Starlette's BaseHTTPMiddleware
runs the rest of the app in a task of its own and streams the response through memory
channels, which cost more than the read endpoints themselves.
"""

from __future__ import annotations

import time
from typing import Any

from prometheus_client import CollectorRegistry, Counter
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class RequestMetrics:
    def __init__(self, app: ASGIApp, registry: CollectorRegistry) -> None:
        self.app = app
        self.requests = Counter(
            "sitmon_api_requests",
            "API requests by method, route template and status",
            ["method", "route", "status"],
            registry=registry,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> Any:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        began = time.perf_counter()
        status = 500  # an exception before the response started is answered 500 by the server

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                took_ms = (time.perf_counter() - began) * 1000
                headers = [*message.get("headers", []), (b"server-timing", f"app;dur={took_ms:.3f}".encode())]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = scope.get("route")  # set by the router on this same scope
            template = getattr(route, "path", "unmatched")  # the template, never ids: bounded labels
            self.requests.labels(scope["method"], template, str(status)).inc()
