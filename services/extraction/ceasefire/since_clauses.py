"""Dates inside a "since" clause: they date the start of something still running, not the cue.

- A violation counted from a truce's start: "the worst breach since the truce was signed in 2019".
  The "since" after a violation opens the span it is measured against; a year or a month inside
  that span dates the truce's start, not the violation, which is today's news. A date before the
  "since" still dates the violation ("In 2021, the truce was broken for the first time since …").
- The making of the truce that runs since then: "the deadliest day since a US-brokered truce took
  effect in late November", "strikes since the ceasefire was reached in January". A month there
  dates the start of the truce still in force, and its agreement is part of today's story; a year
  ("since the two sides recommitted to the truce in February 2021") names an agreement of
  another year, context.
The words for "since" are each language's (lexicon background.since): "la peor violación desde que
…", "la pire violation depuis la signature …", "der schwerste Verstoß seit …".
"""

from __future__ import annotations

import re

from services.extraction.ceasefire.background import background_cue
from services.extraction.lexicon import lexicons

_SINCE_WORDS = "|".join(lexicons.patterns("background", "since"))
# a few words may stand between the violation and its "since" ("the worst violation of the truce since")
_SINCE_AFTER = re.compile(r"\s+(?:[^\s,;.]+\s+){0,5}?(?:" + _SINCE_WORDS + r")\b", re.IGNORECASE)
# the "since" that opens the clause an agreement cue stands in, with no clause break between
_SINCE_BEFORE = re.compile(r"\b(?:" + _SINCE_WORDS + r")\s(?:[^,;:.()]|\.(?!\s))*$", re.IGNORECASE)  # "U.S.-brokered"
_SINCE_CLAUSE_REACH = 90  # "since a U.S.-brokered ceasefire between Israel and Hezbollah took effect"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def dated_only_since(folded: str, cue_end: int) -> bool:
    """True if a "since" follows the violation ending at `cue_end` and nothing before that "since"
    dates the sentence: its dates are the truce's start."""
    since = _SINCE_AFTER.match(folded, cue_end)
    return since is not None and background_cue(folded[: since.end()]) is None


def made_since_this_year(folded: str, cue_start: int) -> bool:
    """True if the agreement cue at `cue_start` stands in a "since" clause and no year dates the
    sentence ("The 2016 truce has held since it was signed" names its year before): the making of
    the truce running since then, this year."""
    since = _SINCE_BEFORE.search(folded, max(0, cue_start - _SINCE_CLAUSE_REACH), cue_start)
    return since is not None and _YEAR.search(folded) is None
