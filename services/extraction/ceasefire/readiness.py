"""A party ready for a truce offers one: "Ukraine is ready for a full 30-day ceasefire", "prête à un
cessez-le-feu", "dispuesta a un alto el fuego", "pronta para um cessar-fogo", "bereit zu einer
Waffenruhe" (lexicon `ceasefire.cues.ready`). Readiness is said of many things, so the truce must be
its object: it follows after an article and an adjective or two, with no condition between ("ready
for an offensive if the truce collapses" offers nothing). Read by `context.read_in_context`."""

from __future__ import annotations

import re

from services.extraction.ceasefire.terms import TRUCE_ALTERNATION
from services.extraction.lexicon import lexicons

_OBJECT_WORDS = 4  # "an immediate and unconditional ceasefire": the words before the truce's noun
_CONDITIONS = "|".join(lexicons.patterns("ceasefire", "conditions"))
_TRUCE_OBJECT = re.compile(
    rf"\s+(?:(?!(?:{_CONDITIONS})\b)[^\s,;.:]+\s+){{0,{_OBJECT_WORDS}}}?{TRUCE_ALTERNATION}",
    re.IGNORECASE,
)


def readies_a_truce(text: str, cue_end: int) -> bool:
    """Is a truce the object of the readiness cue ending at `cue_end`?"""
    return _TRUCE_OBJECT.match(text, cue_end) is not None
