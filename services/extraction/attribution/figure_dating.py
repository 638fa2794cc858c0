"""Is one figure dated by its sentence's background cues, or does its clause speak of the present?

`background` finds where a sentence's cues to an earlier episode are; this module judges a single
figure against them: a cue before it unless the sentence turns back to the present in between
("In 2014 an assault left 2,100 dead, but on Tuesday 17 soldiers were killed") or its clause tells a
running toll ("so far"), a cue closely after it or in its own clause ("… last year"). The present
markers it weighs are read here too, as the tense reader shares them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from services.extraction.attribution.comparison import Baseline, before_comparison
from services.extraction.attribution.contrast import turned_to_the_present
from services.extraction.attribution.stale_dates import SINCE_A_MONTH
from services.extraction.lexicon import lexicons
from services.extraction.lexicon.wordlists import alternation
from services.extraction.text.gate import Keys
from services.extraction.text.keywords import written_and_lowercased

PRESENT: Final = written_and_lowercased(
    r"(?<!\w)(?:" + "|".join(lexicons.patterns("background", "present")) + r")(?!\w)"
)
# "392 have died in the war so far", "hasta ahora", "bisher": a running toll, the news, whatever dated the clause before
_RUNNING: Final = written_and_lowercased(
    r"(?<!\w)(?:" + alternation(*lexicons.words("background", "running")) + r")(?!\w)"
)
_RUNNING_REACH: Final = 60  # characters after a figure, in its clause ("have died in the war so far")
_AFTER_REACH: Final = 40  # a time cue this close after a figure dates it
_CLAUSE_AFTER_REACH: Final = 90  # … and one this far, with no clause end between ("… across Haiti last year")
_CLAUSE_END: Final = re.compile(r"[;:()]|,(?!\d)")  # not the comma inside a number ("50,000")


def present_markers(sentence: str, keys: Keys | None = None) -> list[int]:
    """Offsets of words that date a clause to the events being reported ("on Tuesday", "hoy", "hier"),
    or tell a running toll ("so far", "bisher").

    `keys`: the sentence's keyword pass; where it says lowercasing stands for the text, the
    lowercased sentence is scanned case-sensitively."""
    text, variant = (keys.low, 1) if keys is not None and keys.caseless else (sentence, 0)
    markers = [m.start() for m in PRESENT[variant].finditer(text)]
    return sorted(markers + [m.start() for m in _RUNNING[variant].finditer(text)])


def is_background(
    cues: list[int],
    cues_after: list[int],
    start: int,
    end: int,
    present: Sequence[int] = (),
    sentence: str = "",
    compared: Sequence[Baseline] = (),
) -> bool:
    """Whether the figure at [start, end) is dated by a cue before it, or by one after it closely
    or in its own clause ("5,600 people were killed in gang violence across the country last year").

    A cue before the figure stops counting once the sentence returns to the present between
    them: "In 2014 an assault left 2,100 dead, but on Tuesday 17 soldiers were killed", or when
    the figure's own clause tells a running toll: "…, and that 392 have died in the war so far". A cue
    after a comparison's baseline (`compared`, attribution/comparison.py) dates that baseline, not
    the figure before it: "310 dead this year, compared with 450 dead last year".
    """
    before = any(
        cue < start
        and not any(cue < mark < start for mark in present)
        and not turned_to_the_present(sentence, cue, start, end, present)  # "…, but … killed 33 on Wednesday"
        for cue in cues
    )
    if before and _running_toll(sentence, end):
        return False
    return before or any(
        (0 <= cue - end <= _AFTER_REACH or (0 <= cue - end <= _CLAUSE_AFTER_REACH and _dates_its_clause(sentence, end, cue)))
        and not before_comparison(compared, end, cue)
        for cue in cues_after
    )


def _running_toll(sentence: str, end: int) -> bool:
    """A toll told as running on in its own clause ("… and that 392 have died in the war so far")."""
    match = _RUNNING[0].search(sentence, end, end + _RUNNING_REACH)
    if match is None:  # "… left 60 people dead and forced 50,000 from their homes since January"
        match = SINCE_A_MONTH.search(sentence, end, end + _CLAUSE_AFTER_REACH)
    return match is not None and not _CLAUSE_END.search(sentence, end, match.start())


def _dates_its_clause(sentence: str, end: int, cue: int) -> bool:
    """A relative past ("last year") later in the figure's clause; a bare year that far may name
    something else ("signatories of the 2016 agreement")."""
    return sentence[cue : cue + 1].isalpha() and not _CLAUSE_END.search(sentence, end, cue)
