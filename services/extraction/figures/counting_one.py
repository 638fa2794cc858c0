"""The Romance numeral one that is also the indefinite article: "um morto e dois feridos", "y uno
resultó herido".

In Portuguese, Spanish and French "um/un/une/uno" both counts one and introduces a singular noun.
Which uses news means as a count is a rule family of its own, split from `candidates.py`, which
adds these counts to the numbers the sentence spells.
"""

from __future__ import annotations

from typing import Final

from services.extraction.figures import cues as lx
from services.extraction.figures.candidate import Candidate, Tokens
from services.extraction.figures.head_words import FUNCTION_WORDS, outcome_head

# "um morto e outros três feridos": an article that counts one, linked to a counted figure
_ONE_ARTICLES: Final = lx.grammar_words("counting_articles")
_CLAUSE_JOINS: Final = lx.grammar_words("clause_conjunctions")
_SINGULAR_LINKS: Final = lx.grammar_words("singular_links")
_PARTITIVES: Final = lx.grammar_words("partitives")
_FUSED_PARTITIVES: Final = lx.grammar_words("fused_partitives")
_PARTITIVE_PRONOUNS: Final = lx.grammar_words("partitive_pronouns")
_ONE_LINKS: Final = _CLAUSE_JOINS | lx.INHERIT_HEADS | lx.grammar_words("more") | {","}


def articles_counting_one(low: str, tokens: Tokens, found: list[Candidate]) -> list[Candidate]:
    """ "deixou um morto e dois feridos", "un muerto y tres heridos": the article counts one.

    In Portuguese, Spanish and French the indefinite article is also the numeral one. It is
    read as a count only where news uses it so: before an outcome noun ("um morto"), or for a
    person with an outcome in a list with other counts ("um indígena morto e dois feridos").
    """
    if _ONE_ARTICLES.isdisjoint(tokens.low):
        return []  # no article at all (a set test in C): the usual sentence
    taken = {index for candidate in found for index in range(candidate.first, candidate.last)}
    counted: list[Candidate] = []
    for index, word in enumerate(tokens.low):
        if word not in _ONE_ARTICLES or index in taken:
            continue
        if _one_after_counts(low, tokens, index, taken) or _one_of_them(low, tokens, index):
            counted.append(Candidate(1, tokens.start[index], tokens.end[index], index, index + 1, tail=index + 1))
            continue
        if index + 1 >= len(tokens) or tokens.low[index + 1] in FUNCTION_WORDS:
            continue
        if outcome_head(low, tokens.start[index + 1]) is not None or _listed_with_counts(low, tokens, index, taken):
            counted.append(Candidate(1, tokens.start[index], tokens.end[index], index, index + 1, tail=index + 1))
    return counted


def _one_of_them(low: str, tokens: Tokens, index: int) -> bool:
    """ "e um deles morreu no hospital", "uno de ellos murió", "l'un d'eux est mort", "um dos feridos
    morreu": the numeral before a partitive of a pronoun or of an outcome's people counts one of them
    (the partitive reader then takes it as a part of the figure before, as "one of them died")."""
    after = index + 1
    if after >= len(tokens):
        return False
    if tokens.low[after] in _FUSED_PARTITIVES:
        return True
    if tokens.low[after] not in _PARTITIVES or after + 1 >= len(tokens):
        return False
    noun = after + 1
    if tokens.low[noun] in _PARTITIVE_PRONOUNS:
        return True
    while noun < len(tokens) and tokens.low[noun] in lx.DETERMINERS:
        noun += 1
    return noun < len(tokens) and outcome_head(low, tokens.start[noun]) is not None


def _one_after_counts(low: str, tokens: Tokens, index: int, taken: set[int]) -> bool:
    """ "Dos desminadores murieron y uno resultó herido", "deux soldats ont été tués et un a été blessé":
    the numeral alone, joined to a clause with a count before it, and its outcome right after it
    (perhaps after its auxiliary) counts one person."""
    if index < 2 or tokens.low[index - 1] not in _CLAUSE_JOINS or not any(i < index - 1 for i in taken):
        return False
    ahead = index + 1
    while ahead < min(index + 3, len(tokens)) and tokens.low[ahead] in _SINGULAR_LINKS:
        ahead += 1
    return ahead < len(tokens) and lx.OUTCOME_SCANNER.match(low, tokens.start[ahead]) is not None


def _listed_with_counts(low: str, tokens: Tokens, index: int, taken: set[int]) -> bool:
    """An outcome within three words of the article, then "e/y/et" (and "outros") and another count."""
    for ahead in range(index + 2, min(index + 4, len(tokens))):
        if outcome_head(low, tokens.start[ahead]) is None:
            continue
        after = ahead + 1
        while after < len(tokens) and tokens.low[after] in _ONE_LINKS:
            after += 1
        return after > ahead + 1 and after in taken
    return False
