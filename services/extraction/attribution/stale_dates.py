"""Whether a day or a month a sentence names lies well before publication.

Split from background.py: the calendar arithmetic (a range dated by its end, a day more than two
weeks old, a month at least two months back) is one idea of its own; background.py decides which
dates count as cues and asks this module only how old they are.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Final

from services.extraction.text import months

_MONTHS: Final = months.MONTHS
# "Between 1 January and 30 June": a range is dated by its end.
_RANGE_JOIN: Final = re.compile(
    r"\s*(?:and|to|until|till|through|e|a|até|ate|y|al|hasta|et|au|-|–)\s*(?:the\s+|le\s+|el\s+|o\s+)?$"
)
_STALE_DAYS: Final = 14  # a dated episode over two weeks before publication is context, not the news
_STALE_MONTHS: Final = 2  # "in January" in an August story


def range_end(sentence: str, match: re.Match[str], following: re.Match[str] | None) -> re.Match[str] | None:
    """The date that closes a range opened by `match` ("1 January and 30 June"), if one does."""
    if following is None or following.start() - match.end() > 16:
        return None
    return following if _RANGE_JOIN.match(sentence[match.end() : following.start()]) else None


def months_ago(match: re.Match[str], published_at: datetime) -> bool:
    """ "in January" at least two months before the publication month; with a year, only in the
    publication's own year ("in January 2025" in a December 2025 story; an older year is a cue of its own)."""
    month = _MONTHS[match.group("month").lower()]
    if match.group("year"):
        year = int(match.group("year").strip(", de"))
        return year == published_at.year and published_at.month - month >= _STALE_MONTHS
    return (published_at.month - month) % 12 >= _STALE_MONTHS


def stale(match: re.Match[str], published_at: datetime) -> bool:
    """A day and month that fall more than a week before publication (in the latest year it fits)."""
    day = int(match.group("day") or match.group("day2"))
    month = _MONTHS[(match.group("month") or match.group("month2")).lower()]
    year = published_at.year
    try:
        when = published_at.replace(year=year, month=month, day=day)
        if when > published_at:
            when = when.replace(year=year - 1)
    except ValueError:
        return False
    return (published_at - when).days > _STALE_DAYS
