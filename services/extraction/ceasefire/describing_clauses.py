"""Where a sentence describes its truce: a relative clause or a participle right after the term.

"the truce that ended the 2020 war", "la trêve qui avait mis fin à la guerre de 2020", "the
ceasefire signed in Pretoria in November 2022": the dates in such a description date the truce's
past, not what the rest of the sentence says it did today. `statements` blanks these spans before
reading the sentence's background cues (`background.background_cue_outside`); finding them is a
rule family of its own, kept apart from the cues themselves.
"""

from __future__ import annotations

import re

from services.extraction.ceasefire.terms import STRONG_TERM, WEAK_TERM
from services.extraction.lexicon import lexicons

# "the ceasefire that underpins the country's 2018 peace deal", "la trêve qui avait mis fin à la
# guerre de 2020": a relative clause right after a truce describes it, and its dates date that
# description, not what the rest of the sentence says the truce did (lexicon ceasefire.relatives).
# An adjective may stand between, before the comma: "la tregua bilateral, que había sido prorrogada en octubre".
_DESCRIBING_RELATIVE = re.compile(
    r"(?:\s+[^\W\d_]+)?\s*,?\s*(?P<clause>(?:" + "|".join(lexicons.patterns("ceasefire", "relatives")) + r")\b[^,;:]*)",
    re.IGNORECASE,
)


# …and so does a participle of its making right after it, an adjective or two between: "o cessar-fogo
# permanente previsto no acordo de paz de 2018", "the ceasefire signed in Pretoria in November 2022"
# (ceasefire.describing_participles; stems, a participle's endings vary by gender and number).
_DESCRIBING_PARTICIPLE = re.compile(
    r"\s*,?\s*(?:[^\W\d_]+\s+){0,2}?(?:"
    + "|".join(lexicons.patterns("ceasefire", "describing_participles"))
    + r")\w*\b[^,;:]*",
    re.IGNORECASE,
)


def describing_relatives(folded: str) -> list[tuple[int, int]]:
    """Where relative clauses and participles describing a truce ("the truce that ended the 2020 war",
    "the truce signed in 2022") stand."""
    spans = []
    for term in (STRONG_TERM, WEAK_TERM):
        for match in term.anchored.finditer(folded):
            relative = _DESCRIBING_RELATIVE.match(folded, match.end())
            if relative is not None:
                spans.append((relative.start("clause"), relative.end()))
            elif (participle := _DESCRIBING_PARTICIPLE.match(folded, match.end())) is not None:
                spans.append((participle.start(), participle.end()))
    return spans


_RELATIVE_WORD = re.compile(r"(?:" + "|".join(lexicons.patterns("ceasefire", "relatives")) + r")\b", re.IGNORECASE)


def opens_a_relative(folded: str, span: tuple[int, int]) -> bool:
    """Is the describing span a relative clause ("…, que había sido prorrogada"), not a participle?"""
    return _RELATIVE_WORD.match(folded, span[0]) is not None
