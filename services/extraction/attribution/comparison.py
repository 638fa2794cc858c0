"""Is a figure the baseline of a comparison ("up from 1,100 killed in the last quarter")?

Statistical news compares a period's toll with an earlier one: "2,300 were killed in the first
half, up from 1,700 in the same period last year", "frente a los 1.700 del año anterior",
"contre 1 700 un an plus tôt", "contra 1.700 em 2025", "gegenüber 1.700 im Vorjahr". The figure
after the comparison word is an earlier period's toll, given as context: background. So is a
figure joined to it in the same short clause ("up from 1,100 killed and 400 injured").

A comparison word opens a baseline only when a figure's number (with its qualifier) follows it
right away: "contre"/"contra"/"gegenüber" also mean "against", and "an attack against two
barracks" compares nothing. The baseline ends at the clause's end, and it must name its period:
a year, a month's name, "last year", or a period noun ("in the same period", "del trimestre anterior",
"im Vorjahr"). A rising toll compared with its own earlier count ("rose to 3,085 on Wednesday,
up from 2,886 on Monday") is the same episode told twice, and both counts are news. A cue after
the comparison ("… compared with 450 dead last year") dates the baseline, not the figure before it.

Each language's comparison words, with the articles that may follow them, and its period nouns
are lexicon data (`background.comparisons`, `background.comparison_periods`), read only in
sentences holding one of the comparison words' longest words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from services.extraction.lexicon import lexicons
from services.extraction.lexicon.wordlists import alternation
from services.extraction.text import months
from services.extraction.text.gate import Keys, concept
from services.extraction.text.keywords import written_and_lowercased

_PHRASES: Final = lexicons.words("background", "comparisons")
# twins: IGNORECASE for the text as written, case-sensitive for the lowercased sentence where it stands for it
_COMPARISON: Final = written_and_lowercased(r"(?<!\w)(?:" + alternation(*_PHRASES) + r")\s+")
# every match holds its phrase's longest word ("up from" → "from", "im Vergleich zu" → "vergleich")
_COMPARISON_WORDS: Final = concept("background.comparisons", [max(p.split(), key=len) for p in _PHRASES])
# a period noun or a month's name, in the baseline's own short clause
_PERIOD: Final = re.compile(
    r"(?<!\w)(?:" + alternation(*lexicons.words("background", "comparison_periods")) + "|" + months.alternation() + r")(?!\w)",
    re.IGNORECASE,
)
_BASELINE_REACH: Final = 80  # characters: a baseline is a short noun phrase or two joined by "and"
_CLAUSE_END: Final = re.compile(r"[;:()]|,(?!\d)")  # not the comma of "1,100"

Baseline = tuple[int, int]  # where its first number starts, where its clause ends (sentence offsets)


def comparisons(sentence: str, keys: Keys) -> list[Baseline]:
    """Where each comparison's baseline would start (right after its word) and end."""
    if not keys.has(_COMPARISON_WORDS):
        return []
    found = []
    text, variant = (keys.low, 1) if keys.caseless else (sentence, 0)  # "up from" is in most sentences' reach
    for match in _COMPARISON[variant].finditer(text):
        start = match.end()
        clause_end = _CLAUSE_END.search(sentence, start, start + _BASELINE_REACH)
        found.append((start, clause_end.start() if clause_end else min(len(sentence), start + _BASELINE_REACH)))
    return found


def baselines(found: list[Baseline], figure_starts: Sequence[int], sentence: str, dated: Sequence[int]) -> list[Baseline]:
    """The comparisons that a figure's number follows right away and that name an earlier period.

    `figure_starts`: where each figure of the sentence starts, its qualifier included; `dated`:
    where the sentence's background cues stand (years, months, "last year": attribution/background.py).
    """
    opening = set(figure_starts)
    return [
        (begin, end)
        for begin, end in found
        if begin in opening and (any(begin <= cue < end for cue in dated) or _PERIOD.search(sentence, begin, end))
    ]


def in_baseline(found: list[Baseline], start: int) -> bool:
    """Whether the figure starting at `start` is (part of) a comparison's baseline."""
    return any(begin <= start < end for begin, end in found)


def before_comparison(found: Sequence[Baseline], end: int, cue: int) -> bool:
    """Whether a comparison stands between a figure ending at `end` and a cue after it: the
    cue then dates the baseline ("310 dead this year, compared with 450 last year")."""
    return any(end <= begin <= cue for begin, _ in found)
