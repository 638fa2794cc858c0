"""Errors of the services package. Messages say where, what, and what was expected."""


class SitmonError(Exception):
    """A runtime failure the CLI reports in one line (exit 1)."""


class BadInput(SitmonError):
    """Input the user can fix: a bad path, a malformed option, an invalid file (exit 2)."""
