"""Errors of the netguard package. Messages say which URL purpose, what was refused, and why."""

from __future__ import annotations


class UnsafeUrl(Exception):
    """A URL sitmon refuses to call: malformed, or pointing at a non-global address.

    For webhooks: raised at subscribe time (the API answers 422 with the message) and at
    connect time (the attempt fails with reason `refused_address`). For feeds: raised when a
    feed is added and on every fetch and redirect (the fetch is recorded as `refused`).
    """


class UnresolvableHost(UnsafeUrl):
    """The host does not resolve (now): refused when added, retried on the next attempt."""
