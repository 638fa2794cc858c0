"""A part of the figure before, told by a pronoun: "Twelve of them were children.".

News breaks a toll down in the sentence right after it: "Zwölf von ihnen gehörten der Miliz
an, sechs waren Soldaten", "Nueve de ellos eran niños". The part takes the whole's outcome
when what follows the pronoun tells whom it counts; another fate ("Nine of them were
arrested") is no part of the dead. `attachment.py` asks, with the article's memory of the
last figure.
"""

from __future__ import annotations

from typing import Final

from services.extraction.figures import cues as lx
from services.extraction.figures import nouns
from services.extraction.figures.candidate import Candidate, Tokens

_ARTICLES = frozenset({"a", "an", "um", "uma", "un", "une", "una", "des", "de"})
# "Five of them are in critical condition": a condition only the wounded are in, said of a part
# of the wounded; read within a few tokens of the pronoun.
_SEVERITY: Final = lx.grammar_words("severity_words") | lx.grammar_words("severity_adverbs")
_SEVERITY_REACH: Final = 6


def part_of_them(
    low: str, tokens: Tokens, candidate: Candidate, follows_main: bool, before: list[Candidate], whole: str
) -> bool:
    """ "Twelve of them were children.", "Zwölf von ihnen gehörten der Miliz an, sechs waren
    Soldaten": a number and a partitive pronoun open the sentence right after a figure's (or a
    number joins such a part), and what follows tells whom the part counts (a group, people, or
    what they belonged to) rather than another fate ("Twelve of them were arrested" is no part of
    the dead)."""
    if not follows_main:
        return False
    if not before:
        opens = "part_of_previous" in candidate.extras and candidate.qualifier_first == 0
        if not opens or not lx.PART_OF_THEM_OPENING.match(low):
            return False
    elif (
        "part_of_them" not in before[-1].extras
        or candidate.qualifier_first == 0
        or tokens.low[candidate.qualifier_first - 1] not in lx.CONNECTORS
    ):
        return False
    if whole == "injured" and not _SEVERITY.isdisjoint(tokens.low[candidate.tail : candidate.tail + _SEVERITY_REACH]):
        return True  # "Five of them are in critical condition", "Cinco de ellos están en estado grave"
    return _tells_whom(low, tokens, candidate)


def _tells_whom(low: str, tokens: Tokens, candidate: Candidate) -> bool:
    """Whether a part's predicate tells whom it counts: a group, people, what they belonged to."""
    if candidate.group is not None:
        return True
    index = candidate.tail
    if index < len(tokens) and tokens.low[index] in lx.BELONGING:
        return True
    if index + 1 < len(tokens) and tokens.low[index] in lx.COPULAS:
        after = index + 1
        if tokens.low[after] in _ARTICLES and after + 1 < len(tokens):
            after += 1
        return bool(nouns.PEOPLE.match(low, tokens.start[after]))
    return False
