"""Errors of the alerts package. Messages say where, what, and what was expected."""

from __future__ import annotations

from netguard.errors import UnresolvableHost, UnsafeUrl

__all__ = ["UnresolvableHost", "UnsafeUrl", "UnsafeWebhookUrl"]


class AlertsError(Exception):
    """Base of errors raised by alerts/."""


# The SSRF guard's refusals, shared with feed fetching: raised by netguard.ssrf, re-exported here
# under the name the alerts package has always caught.
UnsafeWebhookUrl = UnsafeUrl


class UnknownDelivery(AlertsError):
    """A resend for a message this subscription was never sent."""


class DeliveryLogUnavailable(AlertsError):
    """The deliveries topic cannot be read, so undelivered webhooks cannot be recovered."""
