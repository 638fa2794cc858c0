"""Partitives: a number counting part of a noun phrase or of the figure before.

"1,339 of its servicemen", "174 of those killed", "Dos de los heridos", "20 of them seriously",
"Eleven of the 25 passengers", "six morts parmi les militaires": the rule family that reads what
follows "of" / "de" / "among" after a number, split from the head reading that hands over to it.
"""

from __future__ import annotations

from typing import Final

from services.extraction.figures import cues as lx
from services.extraction.figures import nouns
from services.extraction.figures.candidate import Candidate, Tokens
from services.extraction.figures.head_words import counted_noun_of, group_at, outcome_head
from services.extraction.figures.predicates import read_predicate

# "of whom", "de los cuales", "dos quais", "desquels": a relative partitive is a part of the figure before.
PRONOUNS: Final = lx.grammar_words("partitive_pronouns")
_RELATIVE_PRONOUNS: Final = lx.grammar_words("relative_partitives")
_AMONG: Final = lx.grammar_words("among")
_AMONG_LINKS: Final = lx.grammar_words("among_links")
_AND: Final = lx.grammar_words("clause_conjunctions")


def resolve_partitive(
    low: str, tokens: Tokens, candidate: Candidate, index: int, number_tokens: set[int], pronoun: bool = False
) -> None:
    """ "1,339 of its servicemen", "174 of those killed", "Dos de los heridos", "20 of them"."""
    while index < len(tokens) and tokens.low[index] in lx.DETERMINERS:
        pronoun = pronoun or tokens.low[index] in PRONOUNS  # "quatre d'entre elles des enfants"
        index += 1
    if index < len(tokens) and tokens.low[index] in _RELATIVE_PRONOUNS:
        pronoun, index = True, index + 1
    elif index < len(tokens) and lx.VICTIMS.match(low, tokens.start[index]):
        # "Seven of the victims were children": the victims are the figure before, as "of them" is
        pronoun, index = True, index + 1
    # "…, two of them police officers", "dos de ellas policías": a pronoun then a noun with the verb
    # elided is a part of the figure before; only "of those killed" names an outcome of its own.
    if index >= len(tokens) or (pronoun and outcome_head(low, tokens.start[index]) is None):
        _part_of_previous(candidate, index)  # "20 of them seriously", "12 of them foreign fighters"
        for ahead in range(index, min(index + 3, len(tokens))):
            group = group_at(low, tokens.start[ahead])
            if group is not None:
                candidate.group, candidate.inherits_group = group[0], False
                candidate.tail = tokens.index_at(group[1])
                break
        return
    at = tokens.start[index]
    group = group_at(low, at)
    outcome = outcome_head(low, at)
    complement = None
    if outcome is None and group is None:
        outcome, complement = counted_noun_of(low, at)  # "une quinzaine de corps de soldats"
    candidate.head = "partitive"
    if group is not None:
        candidate.group = group[0]
        candidate.tail = tokens.index_at(group[1])
    elif outcome is not None:
        candidate.head_outcome = outcome
        candidate.inherits_group = True
        candidate.tail = index + 1
        named = None if complement is None else group_after_outcome(low, tokens, tokens.index_at(complement))
        if named is not None:
            candidate.group, candidate.inherits_group = named[0], False
            candidate.tail = tokens.index_at(named[1])
    elif nouns.PEOPLE.match(low, at):
        candidate.tail = index + 1
        candidate.inherits_group = tokens.low[index] in lx.INHERIT_HEADS  # "une soixantaine d'autres"
    elif index in number_tokens and _counts_things(low, tokens, index, number_tokens):
        candidate.rejected = True  # "shot down 26 of 30 drones": a part of a number of things
        return
    elif index in number_tokens:
        candidate.head = "part_of_number"  # "Eleven of the 25 passengers died": the outcome is the eleven's
        candidate.extras["of_number"] = str(index)
        candidate.inherits_group = True
        candidate.tail = index
        return
    elif nouns.NOT_PEOPLE.match(low, at) or tokens.low[index][0].isdigit():
        candidate.rejected = True  # "30 of them" after missiles, "one of the largest exchanges"
        return
    else:
        candidate.head = "unknown"  # "100 of the attackers": the outcome around tells what happened to them
        candidate.tail = index + 1
        return
    read_predicate(low, tokens, candidate)


def group_after_outcome(low: str, tokens: Tokens, index: int) -> tuple[str, int] | None:
    """The group an outcome word before its noun qualifies ("14 getötete Zivilisten", "elf getötete
    Soldaten"), or that "among" names after it ("six morts parmi les militaires", "seis muertos
    entre los militares", "sechs Tote unter den Soldaten")."""
    if index < len(tokens) and tokens.low[index] in _AMONG and index + 1 < len(tokens):
        index += 1
        while index < len(tokens) and tokens.low[index] in _AMONG_LINKS:
            index += 1
    if index >= len(tokens):
        return None
    group = group_at(low, tokens.start[index])
    if group is None:
        return None
    # "100 morts parmi les soldats et les supplétifs civils": a mixed list has no single group
    # ("14 getötete Zivilisten und acht Soldaten" joins a second figure, not a second noun)
    after = tokens.index_at(group[1])
    if after + 1 < len(tokens) and tokens.low[after] in _AND:
        noun = after + 1
        while noun < len(tokens) and tokens.low[noun] in lx.DETERMINERS:
            noun += 1
        if noun < len(tokens):
            second = group_at(low, tokens.start[noun])
            a_noun = noun > after + 1 or second is not None or nouns.PEOPLE.match(low, tokens.start[noun])
            if a_noun and (second is None or second[0] != group[0]):
                return None
    return group


def _counts_things(low: str, tokens: Tokens, index: int, number_tokens: set[int]) -> bool:
    """Is the number at `index` followed by a noun for things ("30 drones", "30 de los misiles")?"""
    after = index
    while after < len(tokens) and after in number_tokens:
        after += 1
    while after < len(tokens) and tokens.low[after] in lx.DETERMINERS:
        after += 1
    return after < len(tokens) and nouns.NOT_PEOPLE.match(low, tokens.start[after]) is not None


def _part_of_previous(candidate: Candidate, index: int) -> None:
    """ "More than 100 were wounded, 20 of them seriously": a subgroup of the figure before."""
    candidate.head = "bare"
    candidate.extras["part_of_previous"] = "yes"
    candidate.subgroup = True
    candidate.inherits_group = True
    candidate.tail = index
