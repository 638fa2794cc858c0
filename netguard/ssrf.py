"""SSRF guard: sitmon only calls URLs whose host is a globally routable address.

Shared by webhook delivery (alerts/) and feed and page fetching (services/feeds/), so it lives
in a package that imports neither. A `Purpose` names what is checked in messages (a webhook
URL, a feed URL) and the setting that allows more networks for it.

Checked twice: at subscribe (or feed add) time (`check_url`, a clear refusal) and at
connect time (`pin`): the host is resolved once, EVERY address it resolves to is checked,
and the request is then sent to that checked address with the original Host header and TLS
server name. Re-resolving at connect time without pinning would let a DNS-rebinding host
answer a public address to the check and 127.0.0.1 to the connection.

`ipaddress.is_global` alone is not enough (it calls 64:ff9b::/96, 2002::/16, ::/96 and
192.0.0.8 global), so the refused ranges are listed explicitly, each with a reason.
"""

from __future__ import annotations

import asyncio
import re
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

import httpx

from netguard.errors import UnresolvableHost, UnsafeUrl

IPAddress = IPv4Address | IPv6Address
Network = IPv4Network | IPv6Network
Resolver = Callable[[str, int], Sequence[IPAddress]]
AsyncResolver = Callable[[str, int], Awaitable[Sequence[IPAddress]]]

MAX_URL_LENGTH = 2048


@dataclass(frozen=True)
class Purpose:
    """What a URL is for: named in refusals, with the setting that widens the allowed networks."""

    what: str
    setting: str


WEBHOOKS = Purpose("webhook URL", "SITMON_WEBHOOK_ALLOWED_NETWORKS")
FETCHES = Purpose("fetched URL", "SITMON_FETCH_ALLOWED_NETWORKS")
SETTING = WEBHOOKS.setting

# (network, why it is refused). Order matters only for the reason shown: specific before general.
REFUSED_NETWORKS: tuple[tuple[Network, str], ...] = tuple(
    (ip_network(cidr), why)
    for cidr, why in (
        ("0.0.0.0/8", "'this network' (0.0.0.0/8)"),
        ("10.0.0.0/8", "private (10.0.0.0/8)"),
        ("100.64.0.0/10", "carrier-grade NAT shared space (100.64.0.0/10)"),
        ("127.0.0.0/8", "loopback (127.0.0.0/8)"),
        ("169.254.0.0/16", "link-local, cloud metadata (169.254.0.0/16)"),
        ("172.16.0.0/12", "private (172.16.0.0/12)"),
        ("192.0.0.0/24", "IETF protocol assignments (192.0.0.0/24)"),
        ("192.0.2.0/24", "documentation (192.0.2.0/24)"),
        ("192.88.99.0/24", "6to4 relay anycast (192.88.99.0/24)"),
        ("192.168.0.0/16", "private (192.168.0.0/16)"),
        ("198.18.0.0/15", "benchmarking (198.18.0.0/15)"),
        ("198.51.100.0/24", "documentation (198.51.100.0/24)"),
        ("203.0.113.0/24", "documentation (203.0.113.0/24)"),
        ("224.0.0.0/4", "multicast (224.0.0.0/4)"),
        ("240.0.0.0/4", "reserved (240.0.0.0/4)"),
        ("::/128", "unspecified (::)"),
        ("::1/128", "loopback (::1)"),
        ("::ffff:0:0/96", "IPv4-mapped (::ffff:0:0/96)"),
        ("::/96", "IPv4-compatible, deprecated (::/96)"),
        ("64:ff9b::/96", "NAT64 (64:ff9b::/96)"),
        ("64:ff9b:1::/48", "local-use NAT64 (64:ff9b:1::/48)"),
        ("100::/64", "discard-only (100::/64)"),
        ("2001::/32", "Teredo (2001::/32)"),
        ("2001:db8::/32", "documentation (2001:db8::/32)"),
        ("2002::/16", "6to4 (2002::/16)"),
        ("fc00::/7", "unique local (fc00::/7)"),
        ("fe80::/10", "link-local (fe80::/10)"),
        ("fec0::/10", "site-local, deprecated (fec0::/10)"),
        ("ff00::/8", "multicast (ff00::/8)"),
    )
)

_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]*|\d+)(\.(0x[0-9a-f]*|\d+))*\.?$", re.IGNORECASE)
_LABEL = r"[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?"
_DNS_NAME = re.compile(rf"^(?=.{{1,253}}\.?$)({_LABEL}\.)*{_LABEL}\.?$")


def parse_allowed_networks(value: str, *, purpose: Purpose = WEBHOOKS) -> tuple[Network, ...]:
    """`SITMON_WEBHOOK_ALLOWED_NETWORKS` (or the purpose's setting): comma-separated CIDRs ('' → none)."""
    networks: list[Network] = []
    for part in value.split(","):
        cidr = part.strip()
        if not cidr:
            continue
        try:
            networks.append(ip_network(cidr, strict=False))
        except ValueError:
            raise UnsafeUrl(f"{purpose.setting}: {cidr!r} is not a CIDR network (expected e.g. 127.0.0.0/8)") from None
    return tuple(networks)


def refusal(address: IPAddress, allowed_networks: Sequence[Network] = ()) -> str | None:
    """Why `address` may not be called, or None when it may (global, or explicitly allowed)."""
    if any(address.version == net.version and address in net for net in allowed_networks):
        return None
    for network, why in REFUSED_NETWORKS:
        if address.version == network.version and address in network:
            return why
    if not address.is_global:
        return "not globally routable"
    return None


def check_address(
    address: IPAddress,
    allowed_networks: Sequence[Network] = (),
    *,
    host: str | None = None,
    purpose: Purpose = WEBHOOKS,
) -> None:
    why = refusal(address, allowed_networks)
    if why is not None:
        via = f"host {host!r} resolves to {address}" if host and host != str(address) else f"address {address}"
        raise UnsafeUrl(
            f"{purpose.what} refused: {via}, which is {why}; only globally routable addresses are allowed "
            f"(unless listed in {purpose.setting})"
        )


@dataclass(frozen=True)
class WebhookTarget:
    """A parsed, syntactically safe URL: what to resolve, and what to send."""

    url: httpx.URL
    host: str
    port: int
    literal: IPAddress | None  # the host when it is an IP address literal


def parse_webhook_url(url: str, *, purpose: Purpose = WEBHOOKS) -> WebhookTarget:
    """Refuse URLs that are malformed or use tricks to hide where they point."""
    if not isinstance(url, str) or not url.strip():
        raise UnsafeUrl(f"{purpose.what} is empty; expected http(s)://host[:port]/path")
    if len(url) > MAX_URL_LENGTH:
        raise UnsafeUrl(f"{purpose.what} is {len(url)} characters long; at most {MAX_URL_LENGTH} are allowed")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise UnsafeUrl(f"{purpose.what} contains whitespace or control characters")
    if "\\" in url:
        raise UnsafeUrl(f"{purpose.what} contains a backslash, which parsers disagree about")
    try:
        parsed = httpx.URL(url)
        port = parsed.port
    except (httpx.InvalidURL, ValueError) as exc:
        raise UnsafeUrl(f"{purpose.what} is malformed: {exc}") from None
    if parsed.scheme not in ("http", "https"):
        raise UnsafeUrl(f"{purpose.what} scheme {parsed.scheme or '(none)'!r} refused; expected http or https")
    if parsed.userinfo:
        raise UnsafeUrl(f"{purpose.what} carries user:password@ credentials; put secrets in the path or query")
    host = parsed.host
    if not host:
        raise UnsafeUrl(f"{purpose.what} has no host; expected http(s)://host[:port]/path")
    literal: IPAddress | None
    try:
        literal = ip_address(host)
    except ValueError:
        literal = None
    if literal is None:
        if _NUMERIC_HOST.match(host):
            raise UnsafeUrl(f"{purpose.what} host {host!r} is an ambiguous numeric address; write a dotted quad")
        if not _DNS_NAME.match(host):
            raise UnsafeUrl(f"{purpose.what} host {host!r} is not a valid DNS name")
    effective_port = port if port is not None else (443 if parsed.scheme == "https" else 80)
    if not 0 < effective_port < 65536:
        raise UnsafeUrl(f"{purpose.what} port {effective_port} is out of range")
    return WebhookTarget(url=parsed, host=host, port=effective_port, literal=literal)


def system_resolver(host: str, port: int) -> Sequence[IPAddress]:
    """Blocking getaddrinfo: for subscribe-time checks in the API/CLI."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return _addresses(infos)


async def async_system_resolver(host: str, port: int) -> Sequence[IPAddress]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return _addresses(infos)


def _addresses(infos: Sequence[tuple[object, ...]]) -> list[IPAddress]:
    seen: list[IPAddress] = []
    for info in infos:
        sockaddr = info[4]
        assert isinstance(sockaddr, tuple)
        address = ip_address(str(sockaddr[0]).split("%", 1)[0])  # drop an IPv6 zone id
        if address not in seen:
            seen.append(address)
    return seen


def _checked(
    target: WebhookTarget, addresses: Sequence[IPAddress], allowed: Sequence[Network], purpose: Purpose
) -> IPAddress:
    if not addresses:
        raise UnresolvableHost(f"{purpose.what} host {target.host!r} resolves to no address")
    # Refuse if ANY answer is unsafe: a round-robin record mixing public and private addresses
    # is an attack, not a configuration to work around.
    for address in addresses:
        check_address(address, allowed, host=target.host, purpose=purpose)
    return addresses[0]


def check_url(
    url: str,
    allowed_networks: Sequence[Network] = (),
    *,
    resolver: Resolver = system_resolver,
    purpose: Purpose = WEBHOOKS,
) -> None:
    """Subscribe-time check: raises UnsafeUrl with the reason, or returns."""
    target = parse_webhook_url(url, purpose=purpose)
    if target.literal is not None:
        check_address(target.literal, allowed_networks, purpose=purpose)
        return
    try:
        addresses = resolver(target.host, target.port)
    except OSError as exc:
        raise UnresolvableHost(f"{purpose.what} host {target.host!r} does not resolve ({exc})") from None
    _checked(target, addresses, allowed_networks, purpose)


@dataclass(frozen=True)
class PinnedRequest:
    """Where to actually connect (the checked IP) and what the server must see (host, SNI)."""

    url: httpx.URL  # the original URL with the host replaced by the checked address
    host_header: str
    sni_hostname: str | None
    address: IPAddress
    host: str  # for logs: never the full URL


async def pin(
    url: str,
    allowed_networks: Sequence[Network] = (),
    *,
    resolver: AsyncResolver = async_system_resolver,
    purpose: Purpose = WEBHOOKS,
) -> PinnedRequest:
    """Connect-time check: resolve once, check every answer, and pin the connection to it."""
    target = parse_webhook_url(url, purpose=purpose)
    if target.literal is not None:
        address = target.literal
        check_address(address, allowed_networks, purpose=purpose)
    else:
        try:
            addresses = await resolver(target.host, target.port)
        except OSError as exc:
            raise UnresolvableHost(f"{purpose.what} host {target.host!r} does not resolve ({exc})") from None
        address = _checked(target, addresses, allowed_networks, purpose)
    default_port = 443 if target.url.scheme == "https" else 80
    host_header = f"[{target.host}]" if target.literal is not None and target.literal.version == 6 else target.host
    if target.port != default_port:
        host_header = f"{host_header}:{target.port}"
    sni = target.host if target.url.scheme == "https" and target.literal is None else None
    return PinnedRequest(
        url=target.url.copy_with(host=str(address)),
        host_header=host_header,
        sni_hostname=sni,
        address=address,
        host=target.host,
    )
