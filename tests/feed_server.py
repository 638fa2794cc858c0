"""A real HTTP server on loopback serving feeds and article pages, scripted per path, for tests
and the feeds benchmark.

Each path serves a `Resource` (body, content type, status, an ETag it honours with 304,
extra headers, a hang, a redirect). Tests change a resource while the server runs (a page
revised, a feed turned malformed) and read the request log (which paths, which conditional
headers). ThreadingHTTPServer in a daemon thread: a hanging path blocks only its own request.

    with FeedServer() as server:
        server.put("/feed.xml", Resource(rss(...), "application/rss+xml", etag='"v1"'))
        url = server.url("/feed.xml")
"""

from __future__ import annotations

import html
import json
import threading
import time
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Resource:
    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    hang_s: float = 0.0
    redirect_to: str | None = None


@dataclass(frozen=True)
class Request:
    path: str
    if_none_match: str | None
    status: int


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512


class FeedServer:
    def __init__(self) -> None:
        self._resources: dict[str, Resource] = {}
        self._lock = threading.Lock()
        self.requests: list[Request] = []
        self._closing = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_: Any) -> None:
                pass

            def do_GET(self) -> None:
                with owner._lock:
                    resource = owner._resources.get(self.path.split("?")[0])
                if resource is None:
                    self._answer(404, b"not found", "text/plain")
                    return
                if resource.hang_s:
                    owner._closing.wait(resource.hang_s)
                if resource.redirect_to:
                    self._answer(302, b"", "text/plain", {"Location": resource.redirect_to})
                    return
                tag = self.headers.get("If-None-Match")
                if resource.etag and tag == resource.etag:
                    self._answer(304, b"", resource.content_type, {"ETag": resource.etag})
                    return
                body = resource.body.encode() if isinstance(resource.body, str) else resource.body
                extra = dict(resource.headers)
                if resource.etag:
                    extra["ETag"] = resource.etag
                self._answer(resource.status, body, resource.content_type, extra)

            def _answer(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
                with owner._lock:
                    owner.requests.append(Request(self.path, self.headers.get("If-None-Match"), status))
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a size limit or a timeout): that is the point of some tests

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def put(self, path: str, resource: Resource) -> None:
        with self._lock:
            self._resources[path] = resource

    def change(self, path: str, **changes: Any) -> None:
        with self._lock:
            self._resources[path] = replace(self._resources[path], **changes)

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]


# --- documents ---------------------------------------------------------------------------

BOILERPLATE_NAV = "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
COOKIE_BANNER = (
    "<div class='cookie-banner'>We use cookies to improve your experience. "
    "By continuing you accept 12 partners processing your data.</div>"
)
RELATED = (
    "<aside class='related'><h3>Related stories</h3><ul>"
    "<li><a href='/old'>Flood kills 77 in a distant province last year</a></li>"
    "<li><a href='/other'>Markets fall for a third day</a></li></ul></aside>"
)


def article_page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html lang='en'><head><title>{html.escape(title)} | Example News</title></head><body>"
        f"{BOILERPLATE_NAV}{COOKIE_BANNER}<main><article><h1>{html.escape(title)}</h1>{body}</article></main>"
        f"{RELATED}<footer>© Example News. All rights reserved.</footer></body></html>"
    )


@dataclass(frozen=True)
class Item:
    id: str
    link: str
    title: str
    summary: str
    published: str  # RFC 3339
    updated: str | None = None


def _rfc822(rfc3339: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(rfc3339.replace("Z", "+00:00")))


def rss(title: str, items: list[Item]) -> str:
    entries = "".join(
        f"<item><guid isPermaLink='false'>{html.escape(i.id)}</guid><link>{html.escape(i.link)}</link>"
        f"<title>{html.escape(i.title)}</title><description>{html.escape(i.summary)}</description>"
        f"<pubDate>{_rfc822(i.updated or i.published)}</pubDate></item>"
        for i in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>{html.escape(title)}</title><link>http://example.org/</link><description>x</description>"
        f"{entries}</channel></rss>"
    )


def atom(title: str, items: list[Item]) -> str:
    entries = "".join(
        f"<entry><id>{html.escape(i.id)}</id><link href='{html.escape(i.link)}'/>"
        f"<title>{html.escape(i.title)}</title><summary>{html.escape(i.summary)}</summary>"
        f"<published>{i.published}</published><updated>{i.updated or i.published}</updated></entry>"
        for i in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>{html.escape(title)}</title><id>urn:x</id><updated>2023-09-20T00:00:00Z</updated>{entries}</feed>"
    )


def json_feed(title: str, items: list[Item]) -> str:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "items": [
                {
                    "id": i.id,
                    "url": i.link,
                    "title": i.title,
                    "summary": i.summary,
                    "date_published": i.published,
                    **({"date_modified": i.updated} if i.updated else {}),
                }
                for i in items
            ],
        }
    )


def wait_until(condition: Any, timeout: float, what: str, interval: float = 0.1) -> Any:
    """Poll `condition()` until it returns something truthy; fail with `what` at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        found = condition()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(interval)
