"""Whether a day or a month a sentence names lies well before publication.

Split from background.py: the calendar arithmetic (a range dated by its end, a day more than two
weeks old, a month at least two months back) is one idea of its own; background.py decides which
dates count as cues and asks this module only how old they are.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Final

from services.extraction.lexicon import lexicons
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


# "in the March 2025 earthquake", "between December 2023 and February 2024", "en mayo de 2024": a month
# with its year; one at least `_STALE_MONTHS` before publication dates the clause it closes.
_MONTH_YEAR: Final = re.compile(
    rf"(?<!\w)(?P<month>{months.alternation()})(?:,|\s+de)?\s+(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE
)


def stale_month_years(sentence: str, published_at: datetime) -> list[int]:
    """Where each month named with its year, at least two months before publication, starts; a range
    ("between December 2025 and February 2026") is dated by its end, as a range of days is."""
    found = list(_MONTH_YEAR.finditer(sentence))
    starts = []
    for index, match in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        if range_end(sentence, match, following) is not None:
            continue
        month = _MONTHS[match.group("month").lower()]
        elapsed = (published_at.year - int(match.group("year"))) * 12 + published_at.month - month
        if elapsed >= _STALE_MONTHS:
            starts.append(match.start())
    return starts


# "left 60 people dead … since January", "seit Januar": a toll counted from a month of the past year
# up to now runs on (a month with its year may be long past: "since May 2019" is not matched)
SINCE_A_MONTH: Final = re.compile(
    r"(?<!\w)(?:" + "|".join(map(re.escape, lexicons.words("background", "since")))
    + rf")\s+(?:{months.alternation()})(?!\w)(?!,?\s+(?:de\s+)?\d{{4}})",
    re.IGNORECASE,
)
