"""Errors of the worker package."""


class WorkerError(Exception):
    """The worker cannot start or run: bad settings, an unreachable broker."""


class TableCorrupt(WorkerError):
    """The worker's table holds entries of a region that cannot be read back as its state."""
