"""Which years a text names, and where each mention starts.

Split from background.py: finding years is one idea of its own (a single C-speed scan, a look
at the word before each year), used there to date an earlier episode, and by the casualty reader
to stand in for the publication year when an article gives none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from services.extraction.text.gate import Keys, concept

# A year, and where its mention starts: at a short preposition or article right before it ("in 2019"),
# if that word itself starts a word. The pattern starts with the year's first digit (and only
# then asks what stands before it), so the regex engine skips every other character in C; the
# word before is looked at only for the years found.
_YEAR: Final = re.compile(r"(?P<year>1(?<![\w,.]1)[89]\d\d|2(?<![\w,.]2)0\d\d)(?:s|'s)?(?!\w|[,.]\d)")
_YEAR_LEADS: Final = ("in ", "of ", "the ", "em ", "en ", "de ", "du ")


def years_in(sentence: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of every year the sentence names; `start` includes a leading "in", "of" …"""
    found = []
    for match in _YEAR.finditer(sentence):
        start = match.start()
        for lead in _YEAR_LEADS:
            before = start - len(lead)
            if (
                before >= 0
                and sentence.startswith(lead, before)
                and (before == 0 or not _NOT_A_START.match(sentence, before - 1))
            ):
                start = before
                break
        found.append((start, match.end(), int(match.group("year"))))
    return found


_NOT_A_START: Final = re.compile(r"[\w,.]")  # a character after which no word starts a year's mention
_YEAR_DIGITS: Final = concept("background.years", ("18", "19", "20"))  # a year this reader knows begins so


def latest_year(text: str) -> int | None:
    """The latest year an article names: the stand-in for its publication year when none is given."""
    return latest_year_in((text,))


def latest_year_in(texts: Iterable[str]) -> int | None:
    """The latest year any of the texts names: as `latest_year` of the texts joined by spaces (no
    year's match reaches over the space between two texts, nor is it changed by one)."""
    years: list[str] = [year for text in texts for year in _YEAR.findall(text)]  # the group's text, in C
    return max(map(int, years)) if years else None


def may_name_a_year(keys: Keys) -> bool:
    """False only when no year this reader knows stands in the sentence (`keys`: its keyword pass)."""
    return keys.has(_YEAR_DIGITS)
