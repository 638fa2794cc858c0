"""The SSRF guard refuses non-global addresses with a reason, at subscribe and at connect time."""

from __future__ import annotations

from collections.abc import Sequence
from ipaddress import ip_address, ip_network

import pytest

from alerts.errors import UnsafeWebhookUrl
from netguard.ssrf import IPAddress, check_url, parse_allowed_networks, pin

LOOPBACK = (ip_network("127.0.0.0/8"),)


def resolving_to(*answers: str):  # type: ignore[no-untyped-def]
    def resolve(host: str, port: int) -> Sequence[IPAddress]:
        return [ip_address(a) for a in answers]

    return resolve


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://10.0.0.1/", "private (10.0.0.0/8)"),
        ("http://[::ffff:127.0.0.1]/", "IPv4-mapped"),
        ("http://[64:ff9b::a00:1]/", "NAT64"),
        ("http://[2002:7f00:1::1]/", "6to4"),
        ("http://100.64.1.1/", "carrier-grade NAT"),
        ("http://0.0.0.0:8080/", "'this network'"),
        ("http://240.1.2.3/", "reserved"),
        ("http://198.18.0.5/", "benchmarking"),
        ("http://192.0.0.8/", "IETF protocol assignments"),
        ("http://192.0.2.1/", "documentation"),
        ("http://[fd00::1]/", "unique local"),
        ("http://[fe80::1]/", "link-local (fe80::/10)"),
        ("http://[::1]/", "loopback (::1)"),
        ("http://[::127.0.0.1]/", "IPv4-compatible"),
        ("http://224.0.0.1/", "multicast"),
        ("http://127.0.0.1:8080/hook", "loopback (127.0.0.0/8)"),
    ],
)
def test_non_global_address_literals_are_refused_with_the_reason(url: str, reason: str) -> None:
    with pytest.raises(UnsafeWebhookUrl) as refused:
        check_url(url, (), resolver=resolving_to("8.8.8.8"))
    assert reason in str(refused.value)
    assert "SITMON_WEBHOOK_ALLOWED_NETWORKS" in str(refused.value)


def test_a_hostname_resolving_to_a_private_address_is_refused() -> None:
    with pytest.raises(UnsafeWebhookUrl, match=r"host 'hooks\.example\.net' resolves to 192\.168\.1\.5.*private"):
        check_url("https://hooks.example.net/x", (), resolver=resolving_to("192.168.1.5"))


def test_one_private_answer_among_public_ones_refuses_the_host() -> None:
    with pytest.raises(UnsafeWebhookUrl, match=r"10\.1\.2\.3"):
        check_url("https://hooks.example.net/x", (), resolver=resolving_to("93.184.216.34", "10.1.2.3"))


def test_a_global_address_is_accepted() -> None:
    check_url("https://hooks.example.net/x", (), resolver=resolving_to("93.184.216.34", "2606:2800:220:1::1"))
    check_url("http://93.184.216.34:8080/", ())


def test_loopback_is_allowed_only_when_allow_listed() -> None:
    with pytest.raises(UnsafeWebhookUrl):
        check_url("http://127.0.0.1:9000/hook", ())
    check_url("http://127.0.0.1:9000/hook", LOOPBACK)
    check_url("http://localhost:9000/hook", LOOPBACK, resolver=resolving_to("127.0.0.1"))
    # allow-listing 127/8 does not open the IPv4-mapped spelling of it, nor other ranges
    with pytest.raises(UnsafeWebhookUrl, match="IPv4-mapped"):
        check_url("http://[::ffff:127.0.0.1]/", LOOPBACK)
    with pytest.raises(UnsafeWebhookUrl, match="private"):
        check_url("http://10.0.0.1/", LOOPBACK)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.com/x", "scheme 'ftp'"),
        ("file:///etc/passwd", "scheme 'file'"),
        ("gopher://example.com/", "scheme"),
        ("http://user:pw@example.com/", "credentials"),
        ("http://example.com@127.0.0.1/", "credentials"),
        ("http://2130706433/", "ambiguous numeric"),
        ("http://0x7f.1/", "ambiguous numeric"),
        ("http://127.1/", "ambiguous numeric"),
        ("http:///path-only", "no host"),
        ("", "empty"),
        ("http://exa mple.com/", "whitespace"),
        ("http://example.com\\@127.0.0.1/", "backslash"),
        ("http://" + "a" * 3000 + ".com/", "characters long"),
        ("http://example.com:99999/", "out of range"),
        ("http://exa%41mple.com/", "not a valid DNS name"),
    ],
)
def test_absurd_urls_are_refused_clearly(url: str, reason: str) -> None:
    with pytest.raises(UnsafeWebhookUrl, match=reason):
        check_url(url, LOOPBACK, resolver=resolving_to("8.8.8.8"))


def test_an_unresolvable_host_is_refused() -> None:
    def fail(host: str, port: int) -> Sequence[IPAddress]:
        raise OSError("Name or service not known")

    with pytest.raises(UnsafeWebhookUrl, match="does not resolve"):
        check_url("https://nowhere.invalid/", (), resolver=fail)


def test_allowed_networks_setting_parses_and_rejects_garbage() -> None:
    assert parse_allowed_networks("") == ()
    assert parse_allowed_networks(" 127.0.0.0/8 , ::1/128") == (ip_network("127.0.0.0/8"), ip_network("::1/128"))
    with pytest.raises(UnsafeWebhookUrl, match="not a CIDR"):
        parse_allowed_networks("127.0.0.0/8,loopback")


async def test_connect_time_pin_keeps_host_header_and_sni_but_connects_to_the_checked_address() -> None:
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])  # a rebinding DNS server: public first, then loopback

    async def rebinding(host: str, port: int) -> Sequence[IPAddress]:
        return [ip_address(a) for a in next(answers)]

    pinned = await pin("https://hooks.example.net:8443/in?t=1", (), resolver=rebinding)
    assert str(pinned.url) == "https://93.184.216.34:8443/in?t=1"
    assert pinned.host_header == "hooks.example.net:8443"
    assert pinned.sni_hostname == "hooks.example.net"
    # the second resolution (what a rebinding attacker hopes the connection uses) is refused
    with pytest.raises(UnsafeWebhookUrl, match="loopback"):
        await pin("https://hooks.example.net:8443/in?t=1", (), resolver=rebinding)


async def test_connect_time_pin_of_an_ipv6_literal_brackets_the_host() -> None:
    async def unused(host: str, port: int) -> Sequence[IPAddress]:
        raise AssertionError("an address literal is not resolved")

    pinned = await pin("http://[2606:2800:220:1::1]/hook", (), resolver=unused)
    assert pinned.host_header == "[2606:2800:220:1::1]"
    assert pinned.url.host == "2606:2800:220:1::1"
    assert pinned.sni_hostname is None
