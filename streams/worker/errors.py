"""Errors of the worker package."""


class WorkerError(Exception):
    """The worker cannot start or run: bad settings, an unreachable broker."""
