"""Errors of the situation query package."""


class QueryError(Exception):
    """The topic cannot be read (broker unreachable, topic missing); the message says which."""
