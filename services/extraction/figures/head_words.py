"""What the word at a position after a number names: a group, an outcome, a counted noun.

The lookups every reading of a noun phrase shares — the head after a number, the noun after a
partitive, the predicate after a copula — kept apart from those readings so that each can ask
"is this a group noun?" without importing the others.
"""

from __future__ import annotations

import re
from typing import Final

from services.extraction.figures import cues as lx
from services.extraction.figures import nouns

# Words that end a noun phrase without naming anyone ("dont quatre grièvement", "20 seriously").
FUNCTION_WORDS: Final = lx.grammar_words("function_words")

_WORD: Final = re.compile(r"[^\s,.;:!?()\"“”«»]+")


def group_at(low: str, at: int) -> tuple[str, int] | None:
    """The group whose noun starts at `at`, and where that noun ends.

    A hyphenated compound whose last part is a group noun is of that group: "RSF-Kämpfer",
    "UN-Mitarbeiter", "ex-soldiers" (languages that compound write the modifier into the word).
    """
    match = nouns.ANY_GROUP.match(low, at)
    if match is None:
        if low.find("-", at) < 0:
            return None  # no hyphen ahead at all, so no compound: the usual case, told in C
        word = _WORD.match(low, at)
        hyphen = low.rfind("-", at, word.end()) if word is not None else -1
        if word is None or hyphen < 0:
            return None
        match = nouns.ANY_GROUP.match(low, hyphen + 1)
        if match is None or match.end() != word.end():
            return None
    return match.lastgroup or "", match.end()


def outcome_head(low: str, at: int) -> str | None:
    """An outcome word standing where the noun would be: "30 deaths", "36 feridos", "705 dead"."""
    match = lx.OUTCOME_SCANNER.match(low, at)
    if match is None:
        return None
    outcome, place = lx.outcome_of(match)
    if place in (lx.Place.POST, lx.Place.BOTH):
        return outcome
    return None


def counted_noun_of(low: str, at: int) -> tuple[str | None, int | None]:
    """A noun that takes its people as complement, counted by the number before it: "1,500 bodies
    of fighters", "1.500 corpos de combatentes", "une quinzaine de corps de terroristes". Read
    after "the bodies of" the number would be the complement's; right after the number, the
    number counts the noun itself, and the complement (where it ends) may name their group."""
    match = lx.OUTCOME_SCANNER.match(low, at)
    if match is None:
        return None, None
    outcome, place = lx.outcome_of(match)
    if place is not lx.Place.NOUN_OF or match.group().split()[0] in lx.DETERMINERS:
        return None, None  # "la mort de", "the lives of": an article opens another noun phrase
    return outcome, match.end()
