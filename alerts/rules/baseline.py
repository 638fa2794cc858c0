"""The trailing daily mean the spike rule compares against, kept per region in event time.

Each snapshot's 24 h figure is recorded under its UTC day (the day's last figure wins);
the mean covers the `days` before the snapshot's day, with days that saw no figure counted
as zero. A region first seen today has no baseline yet (None), so the spike rule waits.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta


def record_day(history: Mapping[date, int], as_of: datetime, best_24h: int, keep_days: int) -> dict[date, int]:
    day = as_of.date()
    kept = {d: v for d, v in history.items() if d > day - timedelta(days=keep_days + 1)}
    kept[day] = best_24h
    return kept


def trailing_daily_mean(history: Mapping[date, int], as_of: datetime, days: int) -> float | None:
    today = as_of.date()
    earlier = [d for d in history if d < today]
    if not earlier:
        return None
    window = [history.get(today - timedelta(days=offset), 0) for offset in range(1, days + 1)]
    return sum(window) / days
