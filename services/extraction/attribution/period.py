"""The reporting window a sentence states for its figures: "in 24 hours", "over the weekend".

A window is read only from phrases that introduce one ("in", "within", "over the past",
"nas últimas", "en moins de"); durations used otherwise ("a 30-hour truce", "15 months of
war") are not windows.
"""

from __future__ import annotations

import re
from typing import Final

from services.extraction.lexicon import lexicons
from services.extraction.lexicon.wordlists import alternation
from services.extraction.text.gate import Keys, concept, keys_of
from services.extraction.text.keywords import written_and_lowercased
from services.extraction.text.numbers import find_numbers


# Each pattern twice: for the text as written, and case-sensitive for the lowercased text of the
# keyword pass (keys.low), where that stands for it (keys.caseless): twice as fast.
def _either(concept: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return written_and_lowercased(r"(?<!\w)(?:" + "|".join(lexicons.patterns("period", concept)) + ")")


_WEEKEND: Final = _either("weekend")
_WEEK: Final = _either("week")
_DAY: Final = _either("day")
# "in (the past|the last|less than|under) N hours/days" in every language.
_HOURS_PER_UNIT: Final = {
    unit.lower(): int(hours)
    for code in lexicons.LANGUAGES
    for unit, hours in (lexicons.entry(code, "period", "units") or {}).items()
}
_SPAN: Final = written_and_lowercased(
    rf"(?<!\w)(?:{alternation(*lexicons.words('period', 'span_openers'))})\s+"
    rf"(?:(?:{alternation(*lexicons.words('period', 'span_articles'))})\s+)?"
    rf"(?:(?:{alternation(*lexicons.words('period', 'span_modifiers'))})\s+)?"
    rf"(?P<num>[\w-]+)\s+(?P<unit>{alternation(*_HOURS_PER_UNIT)})\b"
)
# What each pattern cannot match without: most sentences name no window, and the keyword gate
# (text/gate.py) says so for the price of a set lookup, sparing the IGNORECASE scans.
_SPAN_UNITS: Final = concept("period.units", _HOURS_PER_UNIT)
_WEEKEND_WORDS: Final = concept("period.weekend", lexicons.words("period", "weekend_gates"))
_WEEK_WORDS: Final = concept("period.week", lexicons.words("period", "week_gates"))
# A day's word begins a word in every day pattern (" day", " dia", " jour", " tag"): counted only
# there, "Sunday", "today", "média", "toujours", "Dienstag" no longer send a sentence to the scan.
_DAY_WORDS: Final = concept("period.day", lexicons.words("period", "day_gates"), word_start=True)
_LONGEST_WINDOW_HOURS: Final = 24 * 31


def period_hours(sentence: str, language: str) -> int | None:
    """The window stated in the sentence in hours, or None when it states none."""
    window = period_window(sentence, language)
    return None if window is None else window[0]


def period_window(sentence: str, language: str, keys: Keys | None = None) -> tuple[int, int, int] | None:
    """The window stated in the sentence: (hours, start, end of the phrase stating it), or None.

    `keys`: the sentence's keyword pass (gate.keys_of), when the caller has made it already.
    """
    keys = keys_of(sentence) if keys is None else keys
    text, variant = (keys.low, 1) if keys.caseless else (sentence, 0)  # same offsets either way
    if keys.has(_SPAN_UNITS):
        for match in _SPAN[variant].finditer(text):
            numbers = find_numbers(sentence[match.start("num") : match.end("num")], language)
            if len(numbers) == 1:
                hours = numbers[0].value * _HOURS_PER_UNIT[match.group("unit").lower()]
                if 0 < hours <= _LONGEST_WINDOW_HOURS:
                    return hours, match.start(), match.end()
    for words, patterns, hours in ((_WEEKEND_WORDS, _WEEKEND, 48), (_WEEK_WORDS, _WEEK, 168), (_DAY_WORDS, _DAY, 24)):
        if keys.has(words):
            found = patterns[variant].search(text)
            if found:
                return hours, found.start(), found.end()
    return None


# "…in the past 24 hours and the death toll since the war began had climbed past 68,000": a running
# total between the window and a figure takes that figure out of the window.
_RUNNING_TOTAL: Final = re.compile(
    r"(?<!\w)(?:since|desde|depuis|overall|in all|in total|total|bringing|raising|cumulative|acumulad[oa]|"
    r"elevando|elevó|eleva|portant|au total|en total|no total|ao todo|en tout)(?!\w)",
    re.IGNORECASE,
)
_RUNNING_WORDS: Final = ("since", "desde", "depuis", "overall", "all", "total", "bringing", "raising", "cumul",
                         "acumul", "elev", "portant", "todo", "tout")  # fmt: skip


def in_window(sentence: str, window: tuple[int, int, int], start: int, end: int) -> bool:
    """Whether the figure at [start, end) is counted over the window (no running total between them)."""
    _, window_start, window_end = window
    between = sentence[window_end:start] if start >= window_end else sentence[end:window_start]
    low = between.lower()
    return not (any(word in low for word in _RUNNING_WORDS) and _RUNNING_TOTAL.search(between))
