"""A truce that ended a war, told in the pluperfect, is that war's history.

"The war had ended with a ceasefire brokered by Moscow", "La guerre s'était achevée par un
cessez-le-feu", "Der Krieg war mit einer von Moskau vermittelten Waffenruhe zu Ende gegangen": the
sentence tells an earlier episode even when it names no year (background.py reads it as "earlier").
Split from background.py, which asks only whether a sentence says so.
"""

from __future__ import annotations

import re

from services.extraction.ceasefire.terms import NAMES_A_TRUCE
from services.extraction.ceasefire.word_anchored import WordAnchoredPattern
from services.extraction.lexicon import lexicons

_FLAGS = re.IGNORECASE

# "The war had ended with a ceasefire brokered by Moscow", "s'était achevée par un cessez-le-feu", "war mit
# einer … Waffenruhe zu Ende gegangen": a truce that ended a war, told in the pluperfect, is that war's
# history (ceasefire.ended_a_war; the truce stands inside the phrase or right after it).
_ENDED_A_WAR = WordAnchoredPattern(
    re.compile(r"\b(?:" + "|".join(lexicons.patterns("ceasefire", "ended_a_war")) + r")\b", _FLAGS)
)
_ENDED_A_WAR_TRUCE_REACH = 40  # "with a Russian-brokered", "par un cessez-le-feu": an article and a modifier or two
_ENDED_A_WAR_WORDS = 3  # words at most between the phrase and its truce, none a clause's punctuation


def ended_a_war(folded: str) -> bool:
    for match in _ENDED_A_WAR.finditer(folded):
        truce = NAMES_A_TRUCE.search(folded, match.start(), match.end() + _ENDED_A_WAR_TRUCE_REACH)
        if truce is None:
            continue
        between = folded[match.end() : truce.start()]  # empty when the truce stands inside (German)
        if not any(mark in between for mark in ",;:") and len(between.split()) <= _ENDED_A_WAR_WORDS:
            return True
    return False
