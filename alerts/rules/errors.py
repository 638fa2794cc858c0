"""Errors of the rules package."""

from __future__ import annotations

from alerts.errors import AlertsError


class RulesInvalid(AlertsError):
    """A rules file that cannot be used; the message names the file, the place and the problem."""
