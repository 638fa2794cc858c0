"""Errors of the feed follower. Messages say which feed or URL, what happened, what was expected."""

from __future__ import annotations

from services.errors import BadInput, SitmonError
from streams.feeds import PollOutcome


class FetchFailed(SitmonError):
    """One fetch (a feed or a page) did not give a usable body; `outcome` labels the metric."""

    def __init__(self, outcome: PollOutcome, reason: str, *, retry_after_s: float | None = None) -> None:
        super().__init__(reason)
        self.outcome: PollOutcome = outcome
        self.reason = reason
        self.retry_after_s = retry_after_s


class BadFeedFile(BadInput):
    """A feeds file (`sitmon feeds import`) that cannot be read; says where and what."""
