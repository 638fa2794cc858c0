"""When a feed is due again: its interval with jitter, exponential backoff after failures, Retry-After.

Pure functions of the status, the settings and a random draw, so tests choose the draw.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

Draw = Callable[[], float]  # uniform in [0, 1)


def next_poll(
    now: datetime,
    *,
    every_s: float,
    failures: int,
    jitter: float,
    backoff_first_s: float,
    backoff_longest_s: float,
    retry_after_s: float | None = None,
    draw: Draw = random.random,
) -> datetime:
    """After a success (`failures` = 0): the interval ± jitter. After failures: the interval, or the
    backoff (first × 2^(failures−1), capped) when longer, or Retry-After when the server asks for longer."""
    delay = float(every_s)
    if failures > 0:
        delay = max(delay, min(backoff_longest_s, backoff_first_s * 2 ** (failures - 1)))
    delay *= 1 + jitter * (2 * draw() - 1)
    if retry_after_s is not None:
        delay = max(delay, min(retry_after_s, backoff_longest_s))
    return now + timedelta(seconds=delay)


def first_poll(now: datetime, every_s: float, draw: Draw = random.random) -> datetime:
    """A feed never polled is due soon, spread over a tenth of its interval (at most 30 s): many feeds
    added at once do not all fire in the same second."""
    return now + timedelta(seconds=min(30.0, every_s / 10) * draw())
