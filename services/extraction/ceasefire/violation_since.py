"""A violation counted from a truce's start: "the worst breach since the truce was signed in 2019".

The "since" after a violation opens the span the violation is measured against; a year or a month
inside that span dates the truce's start, not the violation, which is today's news. A date before
the "since" still dates the violation ("In 2021, the truce was broken for the first time since …").
The words for "since" are each language's (lexicon background.since): "la peor violación desde que
…", "la pire violation depuis la signature …", "der schwerste Verstoß seit …".
"""

from __future__ import annotations

import re

from services.extraction.ceasefire.background import background_cue
from services.extraction.lexicon import lexicons

# a few words may stand between the violation and its "since" ("the worst violation of the truce since")
_SINCE_AFTER = re.compile(
    r"\s+(?:[^\s,;.]+\s+){0,5}?(?:" + "|".join(lexicons.patterns("background", "since")) + r")\b",
    re.IGNORECASE,
)


def dated_only_since(folded: str, cue_end: int) -> bool:
    """True if a "since" follows the violation ending at `cue_end` and nothing before that "since"
    dates the sentence: its dates are the truce's start."""
    since = _SINCE_AFTER.match(folded, cue_end)
    return since is not None and background_cue(folded[: since.end()]) is None
