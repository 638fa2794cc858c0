"""A guarded GET: every hop passes the SSRF guard, every answer is bounded in time and size.

The host is resolved and checked once per hop and the connection pinned to the checked
address (no DNS rebinding); redirects are followed by hand, each target checked again, up
to a limit, and a redirect back to a URL already visited is a loop. The whole fetch —
connect, headers, body — is bounded by one deadline, so a server that hangs or drips its
answer costs at most `timeout_s`; a body over the limit is abandoned as soon as it passes it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from netguard.errors import UnresolvableHost, UnsafeUrl
from netguard.ssrf import FETCHES, AsyncResolver, Network, async_system_resolver, pin
from services.feeds.errors import FetchFailed

REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class Fetched:
    status: int  # 200, or 304 when the validators matched
    body: bytes
    url: str  # after redirects
    etag: str | None
    last_modified: str | None
    content_type: str


@dataclass(frozen=True)
class FetchLimits:
    timeout_s: float
    connect_timeout_s: float
    max_bytes: int
    max_redirects: int
    allowed_networks: Sequence[Network]
    user_agent: str


def build_client(max_connections: int = 100) -> httpx.AsyncClient:
    """No redirects (followed by hand, each checked), no proxies from the environment (a proxy would
    resolve the host again, past the guard), a bounded pool."""
    return httpx.AsyncClient(
        follow_redirects=False,
        trust_env=False,
        limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
    )


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    limits: FetchLimits,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    resolver: AsyncResolver = async_system_resolver,
    now: datetime | None = None,
) -> Fetched:
    """GET `url` (conditionally when validators are given); raises FetchFailed with an outcome and reason."""
    try:
        async with asyncio.timeout(limits.timeout_s):
            return await _follow(client, url, limits, etag, last_modified, resolver, now or datetime.now(UTC))
    except TimeoutError:
        raise FetchFailed("timeout", f"no complete answer within {limits.timeout_s:g} s") from None


async def _follow(
    client: httpx.AsyncClient,
    url: str,
    limits: FetchLimits,
    etag: str | None,
    last_modified: str | None,
    resolver: AsyncResolver,
    now: datetime,
) -> Fetched:
    visited: list[str] = []
    current = url
    while True:
        if current in visited:
            raise FetchFailed("redirect_loop", f"redirect loop: {_host(current)} was already visited")
        if len(visited) > limits.max_redirects:
            raise FetchFailed("redirect_loop", f"more than {limits.max_redirects} redirects")
        visited.append(current)
        try:
            pinned = await pin(current, limits.allowed_networks, resolver=resolver, purpose=FETCHES)
        except UnresolvableHost as exc:
            raise FetchFailed("unreachable", str(exc)) from None
        except UnsafeUrl as exc:
            raise FetchFailed("refused", str(exc)) from None
        headers = {"host": pinned.host_header, "user-agent": limits.user_agent, "accept-encoding": "gzip, deflate"}
        if etag:
            headers["if-none-match"] = etag
        if last_modified:
            headers["if-modified-since"] = last_modified
        extensions = {"sni_hostname": pinned.sni_hostname} if pinned.sni_hostname else None
        try:
            async with client.stream(
                "GET",
                pinned.url,
                headers=headers,
                timeout=httpx.Timeout(limits.timeout_s, connect=limits.connect_timeout_s),
                extensions=extensions,
            ) as response:
                if response.status_code in REDIRECTS:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchFailed("http_error", f"HTTP {response.status_code} without a Location header")
                    current = str(httpx.URL(current).join(location))
                    continue
                if response.status_code == 304:
                    return Fetched(304, b"", current, etag, last_modified, "")
                if response.status_code != 200:
                    retry_after = parse_retry_after(response.headers.get("retry-after"), now)
                    raise FetchFailed(
                        "http_error", f"HTTP {response.status_code} from {pinned.host}", retry_after_s=retry_after
                    )
                body = await _bounded_body(response, limits.max_bytes)
                return Fetched(
                    200,
                    body,
                    current,
                    response.headers.get("etag"),
                    response.headers.get("last-modified"),
                    response.headers.get("content-type", ""),
                )
        except httpx.TimeoutException:
            raise FetchFailed("timeout", f"{pinned.host} did not answer within {limits.timeout_s:g} s") from None
        except httpx.HTTPError as exc:
            raise FetchFailed("unreachable", f"{pinned.host}: {type(exc).__name__}: {exc}") from None


async def _bounded_body(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailed("too_large", f"body of {int(declared):,} bytes is over the {max_bytes:,} byte limit")
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():  # decompressed: the limit holds against gzip bombs too
        size += len(chunk)
        if size > max_bytes:
            raise FetchFailed("too_large", f"body is over the {max_bytes:,} byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """`Retry-After` as seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def _host(url: str) -> str:
    try:
        return httpx.URL(url).host or "?"
    except httpx.InvalidURL:
        return "?"
