"""One freshness check per HTTP request: a fenced read sees every write acknowledged before the request began.

The live event log fences a read by asking the broker for the topics' end offsets and waiting
until its read model has applied everything before them (live_log.py says which reads are
fenced). One request may read several topics (the token, then the subscriptions); asking
once, at its first fenced read, for the ends of every topic it could read costs one broker
round trip instead of one per read, and the guarantee is the same, since those ends were
taken after the request began.

`ReadFenceMiddleware` opens a fence for every HTTP request; the event log keeps what it asked in
`current_fence()`. Outside a request (start-up, the one-shot commands) there is none and each
read asks for itself.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send


@dataclass
class ReadFence:
    """The end offsets the event log found at the request's first read, by (topic, partition)."""

    ends: dict[tuple[str, int], int] | None = None


_current: ContextVar[ReadFence | None] = ContextVar("sitmon_api_read_fence", default=None)


def current_fence() -> ReadFence | None:
    return _current.get()


class ReadFenceMiddleware:
    """A pure ASGI middleware (no extra task per request, unlike `@app.middleware`)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> Any:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        token = _current.set(ReadFence())
        try:
            return await self.app(scope, receive, send)
        finally:
            _current.reset(token)
