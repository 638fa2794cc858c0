"""Errors of the history package."""

from services.errors import BadInput


class BadInterval(BadInput):
    """`--every` is not a duration such as 30m, 1h or 1d."""
