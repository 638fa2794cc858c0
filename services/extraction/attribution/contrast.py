"""A figure in a contrasted clause dated to the story's week is the news, whatever dated the clause before.

"The truce that ended the war was signed in March, but air strikes killed 33 people on Wednesday": the
episode cue ("that ended") and the month date the first clause; after ", but" the sentence turns to
today, and the day after the figure, in its own clause, says so. A present marker between a cue and its
figure already resets the cue (attribution/background.py); this is the same turn told with the day after
the figure. The contrast words are lexicon data (`background.contrasts`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from services.extraction.lexicon import lexicons
from services.extraction.lexicon.wordlists import alternation

_CONTRAST: Final = re.compile(
    r"[,;]\s*(?:" + alternation(*lexicons.words("background", "contrasts")) + r")(?!\w)", re.IGNORECASE
)
_CLAUSE_END: Final = re.compile(r"[;:()]|,(?!\d)")


def turned_to_the_present(sentence: str, cue: int, start: int, end: int, present: Sequence[int]) -> bool:
    """Whether a contrast stands between the cue and the figure at [start, end), and a present marker
    follows the figure in its own clause."""
    if not any(mark >= end for mark in present) or _CONTRAST.search(sentence, cue, start) is None:
        return False
    return any(mark >= end and _CLAUSE_END.search(sentence, end, mark) is None for mark in present)
