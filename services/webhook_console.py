"""A local webhook receiver that verifies each alert and prints it: the subscriber in `sitmon up --demo`.

It checks signatures with the `standardwebhooks` library (the receiver a subscriber would
write), answers 401 to anything unsigned or forged, drops duplicates by `webhook-id` (the
idempotency key that stays the same across retries), and prints one panel per alert.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from rich.console import Console
from rich.panel import Panel
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

LEVEL_STYLE = {"info": "cyan", "yellow": "yellow", "orange": "dark_orange", "red": "bold red"}

Printer = Callable[[dict[str, Any]], None]


class WebhookConsole:
    """Listens on 127.0.0.1 (a free port by default) until `close()`."""

    def __init__(self, secret: str, *, console: Console | None = None, port: int = 0) -> None:
        self.console = console or Console(highlight=False)
        self._verifier = Webhook(secret)
        self._seen: set[str] = set()
        self._lock = threading.Lock()
        self.received: list[dict[str, Any]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, name="webhook-console", daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/sitmon"

    def start(self) -> WebhookConsole:
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def accept(self, body: bytes, headers: dict[str, str]) -> int:
        """Verify and record one delivery; the HTTP status to answer."""
        try:
            payload = self._verifier.verify(body, headers)
        except WebhookVerificationError:
            return 401
        webhook_id = headers.get("webhook-id", "")
        with self._lock:
            if webhook_id in self._seen:
                return 200  # a retry of something already shown: acknowledge, don't print twice
            self._seen.add(webhook_id)
            self.received.append(payload)
        self.console.print(render(payload))
        return 200

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(min(length, 1_000_000))
                status = receiver.accept(body, {k.lower(): v for k, v in self.headers.items()})
                self.send_response(status)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # quiet: the panels are the output
                return

        return Handler


def render(payload: dict[str, Any]) -> Panel:
    data = payload.get("data", {})
    level = str(data.get("level", "info"))
    status = str(data.get("status", ""))
    title = f"{payload.get('type', 'alert')} · {level.upper()} · {data.get('region', '?')} · {data.get('kind', '')}"
    lines = [f"[b]{data.get('summary') or data.get('rule') or ''}[/b]"]
    if data.get("kind") == "casualties":
        lines.append(
            f"best {data.get('best')} (low {data.get('low')}, high {data.get('high')}) over {data.get('window')}, "
            f"{data.get('sources')} source(s){' — provisional' if data.get('provisional') else ''}"
        )
    if payload.get("type") == "alert.updated":
        before_level = str(data.get("previous_level") or "?").upper()
        if data.get("kind") == "casualties":
            lines.append(
                f"[b]escalated[/b]: best {data.get('previous_best')} → {data.get('best')} ({before_level} → {level.upper()})"
            )
        else:
            lines.append(f"[b]escalated[/b]: {before_level} → {level.upper()}")
    if data.get("ceasefire_status"):
        lines.append(f"ceasefire: {data['ceasefire_status']}")
    for sentence in list(data.get("evidence") or [])[:3]:
        text = sentence if isinstance(sentence, str) else json.dumps(sentence, ensure_ascii=False)
        lines.append(f"[dim]“{text}”[/dim]")
    style = "green" if status == "resolved" else LEVEL_STYLE.get(level, "white")
    return Panel("\n".join(lines), title=title, border_style=style, expand=False)
