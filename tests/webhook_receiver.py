"""A real webhook receiver on loopback for tests: it verifies like a subscriber would.

Every request is verified with `standardwebhooks.Webhook(secret).verify(body, headers)` —
the reference library, not sitmon's signing code — and recorded with its arrival time.
Replies are scripted per path: a status sequence ([503, 503, 200]), Retry-After headers, or a
hang. Like a careful subscriber, it keeps a dedup log keyed by `webhook-id`: a message is
processed once however many times it arrives.

    with WebhookReceiver(secret) as receiver:
        receiver.script("/a", [Reply(503), Reply(503), Reply(200)])
        url = receiver.url("/a")
        ...
        await receiver.wait_for_async(3, path="/a", timeout=5)

It runs a ThreadingHTTPServer in a daemon thread, so a hanging reply blocks only its own
request, and works from sync and async tests alike (`wait_for_async` never blocks the loop).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from standardwebhooks import Webhook, WebhookVerificationError


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default backlog of 5 drops SYNs when many subscribers connect at once


@dataclass(frozen=True)
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: str = "ok"
    hang_s: float = 0.0  # wait this long before answering (cut short when the receiver stops)


@dataclass(frozen=True)
class Arrival:
    path: str
    webhook_id: str | None
    headers: dict[str, str]
    raw_body: bytes
    payload: Any  # the verified, parsed body; None when verification failed
    verified: bool
    error: str | None
    arrived_at: float  # time.monotonic() when the request was read
    status: int  # what the receiver answered


class WebhookReceiver:
    def __init__(self, secret: str | Iterable[str]) -> None:
        self._secrets = [secret] if isinstance(secret, str) else list(secret)
        self._lock = threading.Condition()
        self._scripts: dict[str | None, deque[Reply]] = {}
        self.arrivals: list[Arrival] = []
        self.processed: dict[str, Any] = {}  # the dedup log: webhook-id → payload, first 2xx only
        self.duplicates = 0
        self.truncated = 0  # requests whose sender hung up before the whole body arrived: not arrivals
        self._stopping = threading.Event()
        self._server = _Server(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="webhook-receiver", daemon=True
        )

    def trust(self, secret: str) -> None:
        """Also accept signatures by `secret` (one learnt after start, e.g. printed by `sitmon subscribe`)."""
        with self._lock:
            self._secrets.append(secret)

    # --- lifecycle ---------------------------------------------------------------------

    def start(self) -> WebhookReceiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> WebhookReceiver:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    # --- scripting and inspection --------------------------------------------------------

    def script(self, path: str | None, replies: Iterable[Reply | int]) -> None:
        """Replies for the next requests to `path` (None: any path without a script of its own)."""
        with self._lock:
            self._scripts[path] = deque(r if isinstance(r, Reply) else Reply(r) for r in replies)

    def received(self, path: str | None = None) -> list[Arrival]:
        with self._lock:
            return [a for a in self.arrivals if path is None or a.path == path]

    def wait_for(self, count: int, *, path: str | None = None, timeout: float = 10.0) -> list[Arrival]:
        """Block until `count` requests (to `path`) arrived; AssertionError at the deadline."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                got = [a for a in self.arrivals if path is None or a.path == path]
                if len(got) >= count:
                    return got
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {count} webhook(s) at {path or 'any path'}, got {len(got)}")
                self._lock.wait(left)

    async def wait_for_async(self, count: int, *, path: str | None = None, timeout: float = 10.0) -> list[Arrival]:
        return await asyncio.to_thread(self.wait_for, count, path=path, timeout=timeout)

    # --- the HTTP side -------------------------------------------------------------------

    def _next_reply(self, path: str) -> Reply:
        with self._lock:
            script = self._scripts.get(path) if path in self._scripts else self._scripts.get(None)
            return script.popleft() if script else Reply(200)

    def _verify(self, raw: bytes, headers: dict[str, str]) -> tuple[Any, str | None]:
        error = "no secret matched"
        for secret in self._secrets:
            try:
                return Webhook(secret).verify(raw, headers), None
            except WebhookVerificationError as exc:
                error = str(exc)
        return None, error

    def _note_truncated(self) -> None:
        with self._lock:
            self.truncated += 1
            self._lock.notify_all()

    def _record(self, arrival: Arrival) -> None:
        with self._lock:
            self.arrivals.append(arrival)
            if arrival.verified and 200 <= arrival.status < 300 and arrival.webhook_id is not None:
                if arrival.webhook_id in self.processed:
                    self.duplicates += 1
                else:
                    self.processed[arrival.webhook_id] = arrival.payload
            self._lock.notify_all()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                arrived_at = time.monotonic()
                expected = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(expected)
                if len(raw) < expected:
                    # the sender died mid-request (a kill -9 in a fault test): a real server never
                    # hands a truncated request to its handler, and the sender's recovery resends it
                    receiver._note_truncated()
                    self.close_connection = True
                    return
                headers = {k.lower(): v for k, v in self.headers.items()}
                payload, error = receiver._verify(raw, headers)
                reply = receiver._next_reply(self.path) if error is None else Reply(401, body=error)
                receiver._record(
                    Arrival(
                        self.path,
                        headers.get("webhook-id"),
                        headers,
                        raw,
                        payload,
                        error is None,
                        error,
                        arrived_at,
                        reply.status,
                    )
                )
                if reply.hang_s:
                    receiver._stopping.wait(reply.hang_s)
                try:
                    body = reply.body.encode()
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("content-length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the sender gave up waiting (a scripted hang): that is the point

            def log_message(self, format: str, *args: Any) -> None:
                return

        return Handler


def payload_of(arrival: Arrival) -> dict[str, Any]:
    assert arrival.verified, arrival.error
    assert isinstance(arrival.payload, dict)
    return arrival.payload
