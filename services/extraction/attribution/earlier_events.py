"""An earlier event told by how long before today's it happened: "The attack comes a week after gunmen
killed 12 villagers", "llega una semana después de que una emboscada causara la muerte de siete",
"ocorre uma semana depois de três pescadores terem sido mortos", "intervient deux semaines après",
"erfolgte einen Monat nach einem Angriff, bei dem …".

What follows is an earlier, finished episode given as context: its toll is background, as a day
more than two weeks before publication dates one (stale_dates.py). A day is too near to tell
("came a day after four were killed" is counted as news), so only weeks, months and years count.
Only figures after the cue are dated by it: the figure of today's event may stand right before
("The attack, which killed 20, comes a week after …"). The words are lexicon data
(`background.earlier_by`: the verb of occurring, the interval, "after").
"""

from __future__ import annotations

from typing import Final

from services.extraction.lexicon import lexicons
from services.extraction.text.gate import Keys, concept
from services.extraction.text.keywords import written_and_lowercased

_PATTERNS: Final = lexicons.patterns("background", "earlier_by")
_EARLIER_BY: Final = written_and_lowercased(r"(?<!\w)(?:" + "|".join(_PATTERNS) + r")(?!\w)") if _PATTERNS else None
# What the patterns cannot match without: the interval's noun (a concept of the keyword gate).
EARLIER_BY_WORDS: Final = concept("background.earlier_by", lexicons.words("background", "earlier_by_gates"))


def earlier_event_cues(text: str, variant: int, keys: Keys) -> list[int]:
    """Where each "comes a week after" of the sentence opens (`text`: the sentence as written
    (variant 0) or lowercased (variant 1), as the other cue scans read it)."""
    if _EARLIER_BY is None or not keys.has(EARLIER_BY_WORDS):
        return []
    return [match.start() for match in _EARLIER_BY[variant].finditer(text)]
