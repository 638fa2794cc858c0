"""Errors of the alerts package. Messages say where, what, and what was expected."""

from __future__ import annotations


class AlertsError(Exception):
    """Base of errors raised by alerts/."""


class UnsafeWebhookUrl(AlertsError):
    """A webhook URL that sitmon refuses to call: malformed, or pointing at a non-global address.

    Raised at subscribe time (the API answers 422 with the message) and at connect time
    (the attempt fails with reason `refused_address`, never retried against that address).
    """


class UnresolvableHost(UnsafeWebhookUrl):
    """The webhook host does not resolve (now): refused at subscribe time, retried at delivery time."""


class UnknownDelivery(AlertsError):
    """A resend for a message this subscription was never sent."""


class DeliveryLogUnavailable(AlertsError):
    """The deliveries topic cannot be read, so undelivered webhooks cannot be recovered."""
