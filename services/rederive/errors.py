"""Errors of the rederive package."""

from services.errors import BadInput, SitmonError


class RebuildRefused(BadInput):
    """The target app version already has state: rebuilding into it would mix two histories."""


class LogUnreadable(SitmonError):
    """The broker cannot be reached or a topic is missing; the message says which."""
