"""A war the article has just told as ended, named again in the next sentence: its toll is history.

Background paragraphs tell how a war ended and then give its toll in a sentence of its own: "The
Pretoria accord ended two years of war in Tigray. That conflict killed about 600,000 people", "…
qui a mis fin à deux ans de guerre au Tigré. Ce conflit a fait environ 600 000 morts", "… puso fin
a dos años de guerra. Ese conflicto causó 600.000 muertos", "… beendete den Krieg. Dieser Krieg
forderte …". The first sentence holds a phrase of ending (`background.war_ended`); in the sentence
right after it, the war named again by a demonstrative or the definite article
(`background.war_named_again`) dates the figures it governs, as "that war" does (the figure
reader weighs it as any other cue: a present marker in between still wins). Within one sentence,
"ended a war that killed 400,000" is `background.episode`'s.
"""

from __future__ import annotations

from typing import Final

from services.extraction.lexicon import lexicons
from services.extraction.text.gate import Keys, concept
from services.extraction.text.keywords import written_and_lowercased

_ENDED: Final = written_and_lowercased(
    r"(?<!\w)(?:" + "|".join(lexicons.patterns("background", "war_ended")) + r")(?!\w)"
)
_NAMED_AGAIN: Final = written_and_lowercased(
    r"(?<!\w)(?:" + "|".join(lexicons.patterns("background", "war_named_again")) + r")(?!\w)"
)
# What the patterns cannot match without (concepts of the keyword gate).
ENDED_WORDS: Final = concept("background.war_ended", lexicons.words("background", "war_ended_gates"))
NAMED_AGAIN_WORDS: Final = concept("background.war_named_again", lexicons.words("background", "war_named_again_gates"))


def tells_a_war_ended(sentence: str, keys: Keys) -> bool:
    """Whether the sentence tells that a war or its hostilities were ended (`keys`: its keyword pass)."""
    if not keys.holds(ENDED_WORDS):
        return False
    text, variant = (keys.low, 1) if keys.caseless else (sentence, 0)
    return _ENDED[variant].search(text) is not None


def war_named_again(sentence: str, keys: Keys) -> list[int]:
    """Where the sentence names a war again ("ce conflit", "that war", "dieser Krieg")."""
    if not keys.holds(NAMED_AGAIN_WORDS):
        return []
    text, variant = (keys.low, 1) if keys.caseless else (sentence, 0)
    return [match.start() for match in _NAMED_AGAIN[variant].finditer(text)]
