"""One HTTP attempt: SSRF-pin the address, POST the signed bytes, classify the answer.

Redirects are never followed (a 3xx could point past the SSRF guard); the whole attempt,
not only each socket operation, is bounded by `attempt_timeout_s`, so a server that drips
its answer cannot hold the subscription's queue. Only the host is ever logged.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import httpx

from alerts.delivery import policy
from alerts.delivery.policy import Verdict
from alerts.errors import UnresolvableHost, UnsafeWebhookUrl
from netguard.ssrf import AsyncResolver, Network, pin
from streams.deliveries import RESPONSE_EXCERPT_LIMIT


@dataclass(frozen=True)
class AttemptResult:
    verdict: Verdict
    reason: str
    status_code: int | None
    duration_s: float
    response_excerpt: str
    retry_after_s: float | None
    detail: str  # one line for the log and the dead letter: what happened, no URL


async def send_attempt(
    client: httpx.AsyncClient,
    url: str,
    body: bytes,
    headers: dict[str, str],
    *,
    allowed_networks: Sequence[Network],
    resolver: AsyncResolver,
    attempt_timeout_s: float,
    connect_timeout_s: float,
    now: datetime,
) -> AttemptResult:
    started = time.perf_counter()

    def result(
        verdict: Verdict,
        reason: str,
        detail: str,
        status: int | None = None,
        excerpt: str = "",
        retry_after: float | None = None,
    ) -> AttemptResult:
        return AttemptResult(verdict, reason, status, time.perf_counter() - started, excerpt, retry_after, detail)

    try:
        async with asyncio.timeout(attempt_timeout_s):
            pinned = await pin(url, allowed_networks, resolver=resolver)
            extensions = {"sni_hostname": pinned.sni_hostname} if pinned.sni_hostname else None
            async with client.stream(
                "POST",
                pinned.url,
                content=body,
                headers={**headers, "host": pinned.host_header, "user-agent": "sitmon-webhooks/1"},
                follow_redirects=False,
                timeout=httpx.Timeout(attempt_timeout_s, connect=min(connect_timeout_s, attempt_timeout_s)),
                extensions=extensions,
            ) as response:
                excerpt = await _excerpt(response)
    except UnresolvableHost as exc:
        return result("retry", policy.CONNECT_ERROR, str(exc))
    except UnsafeWebhookUrl as exc:
        return result("final", policy.REFUSED_ADDRESS, str(exc))
    except (TimeoutError, httpx.TimeoutException):
        return result("retry", policy.TIMEOUT, f"no answer within {attempt_timeout_s:g} s")
    except httpx.ConnectError as exc:
        return result("retry", policy.CONNECT_ERROR, f"connect failed: {type(exc).__name__}: {exc}")
    except httpx.HTTPError as exc:
        return result("retry", policy.PROTOCOL_ERROR, f"{type(exc).__name__}: {exc}")
    classified = policy.classify_status(response.status_code)
    retry_after = policy.parse_retry_after(response.headers.get("retry-after"), now)
    detail = f"HTTP {response.status_code}"
    if classified.reason == policy.REDIRECT:
        detail += " redirect not followed (it could bypass the SSRF guard)"
    return result(classified.verdict, classified.reason, detail, response.status_code, excerpt, retry_after)


async def _excerpt(response: httpx.Response) -> str:
    """At most RESPONSE_EXCERPT_LIMIT characters of the answer; the rest is never read."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > RESPONSE_EXCERPT_LIMIT:
            break
    text = b"".join(chunks).decode("utf-8", errors="replace")
    return text if len(text) <= RESPONSE_EXCERPT_LIMIT else text[:RESPONSE_EXCERPT_LIMIT] + "…"


def build_client(max_connections: int = 200) -> httpx.AsyncClient:
    """The production client: no redirects, no proxies from the environment (the SSRF guard pins
    the address, a proxy would resolve it again), bounded pool."""
    return httpx.AsyncClient(
        follow_redirects=False,
        trust_env=False,
        timeout=httpx.Timeout(15.0, connect=5.0),
        limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=50),
    )
