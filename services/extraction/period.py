"""The reporting window a sentence states for its figures: "in 24 hours", "over the weekend".

A window is read only from phrases that introduce one ("in", "within", "over the past",
"nas últimas", "en moins de"); durations used otherwise ("a 30-hour truce", "15 months of
war") are not windows.
"""

from __future__ import annotations

import re
from typing import Final

from services.extraction.keywords import gate_text, may_hold
from services.extraction.numbers import find_numbers

_WEEKEND: Final = re.compile(
    r"(?<!\w)(?:over|during|at|this|last|on) (?:the )?weekend|(?:no|neste|este|durante o) fim de semana|"
    r"(?:el|este|durante el) fin de semana|(?:ce|le|du|pendant le) week-end|"
    # a headline's "Fin de semana violento deja 19 muertos", "Deadly weekend in …"
    r"(?:fin de semana|fim de semana|weekend|week-end) (?:violento|violenta|sangriento|sangrento|violent|meurtrier|"
    r"deadly|bloody|trágico|tragique)|(?:violent|deadly|bloody|meurtrier) (?:weekend|week-end)",
    re.IGNORECASE,
)
_WEEK: Final = re.compile(
    r"(?<!\w)(?:in|within|over|during) (?:the )?(?:past |last )?(?:a |one )?week(?!s)|"
    r"(?:numa|em uma|na última|em) semana|(?:en una|en la última|durante la última) semana|"
    r"(?:en une|en|au cours de la dernière|la semaine dernière) semaine",
    re.IGNORECASE,
)
_DAY: Final = re.compile(
    r"(?<!\w)(?:(?:in|within|over|during) (?:the )?(?:past|last)|in (?:a|one|a single)) day(?!s)|(?:em|num) (?:um )?dia(?!s)|"
    r"(?:en|durante) un día|en une journée|en un jour",
    re.IGNORECASE,
)
# "in (the past|the last|less than|under) N hours/days" and the same in pt/es/fr.
_SPAN: Final = re.compile(
    r"(?<!\w)(?:in|within|over|during|em|nas|nos|en|durante|dans|au cours des|pendant)\s+"
    r"(?:the\s+|las\s+|los\s+|les\s+)?"
    r"(?:past\s+|last\s+|less than\s+|under\s+|fewer than\s+|just\s+|últimas\s+|últimos\s+|menos de\s+|"
    r"moins de\s+|dernières\s+|derniers\s+)?"
    r"(?P<num>[\w-]+)\s+(?P<unit>hours|horas|heures|days|dias|días|jours)\b",
    re.IGNORECASE,
)
# What each pattern cannot match without: most sentences name no window, and a few substring
# tests say so faster than the IGNORECASE scans they spare.
_SPAN_UNITS: Final = ("hours", "horas", "heures", "days", "dias", "días", "jours")
_WEEKEND_WORDS: Final = ("weekend", "fim de semana", "fin de semana", "week-end")
_WEEK_WORDS: Final = ("week", "semana", "semaine")
_DAY_WORDS: Final = ("day", "dia", "día", "journée", "jour")
_HOURS_PER_UNIT: Final = {"hours": 1, "horas": 1, "heures": 1, "days": 24, "dias": 24, "días": 24, "jours": 24}
_LONGEST_WINDOW_HOURS: Final = 24 * 31


def period_hours(sentence: str, language: str) -> int | None:
    """The window stated in the sentence in hours, or None when it states none."""
    window = period_window(sentence, language)
    return None if window is None else window[0]


def period_window(sentence: str, language: str) -> tuple[int, int, int] | None:
    """The window stated in the sentence: (hours, start, end of the phrase stating it), or None."""
    gated = gate_text(sentence)
    if may_hold(gated, _SPAN_UNITS):
        for match in _SPAN.finditer(sentence):
            numbers = find_numbers(match.group("num"), language)
            if len(numbers) == 1:
                hours = numbers[0].value * _HOURS_PER_UNIT[match.group("unit").lower()]
                if 0 < hours <= _LONGEST_WINDOW_HOURS:
                    return hours, match.start(), match.end()
    for words, pattern, hours in ((_WEEKEND_WORDS, _WEEKEND, 48), (_WEEK_WORDS, _WEEK, 168), (_DAY_WORDS, _DAY, 24)):
        if may_hold(gated, words):
            found = pattern.search(sentence)
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
