"""The group a copula gives a figure: "174 of those killed were children", "one was a Nepali national".

After the noun phrase of a number, a copula may name its group (or a single person); read apart
from the noun phrase itself because heads and partitives both end with it.
"""

from __future__ import annotations

from services.extraction.figures import cues as lx
from services.extraction.figures.candidate import Candidate, Tokens
from services.extraction.figures.head_words import FUNCTION_WORDS, group_at, outcome_head


def read_predicate(low: str, tokens: Tokens, candidate: Candidate) -> None:
    """ "… were children", "… was a Nepali national": the group a copula gives the figure."""
    index = candidate.tail
    if index >= len(tokens) or tokens.low[index] not in lx.COPULAS:
        return
    index += 1
    article = index < len(tokens) and tokens.low[index] in {"a", "an", "um", "uma", "un", "une", "una", "des", "de"}
    if article:
        index += 1
    if index >= len(tokens):
        return
    named = article or tokens.capital(index)  # "was a Nepali national", "were Indian tourists"
    at = tokens.start[index]
    group = group_at(low, at)
    if group is not None:
        candidate.group = group[0]
        candidate.inherits_group = False
        candidate.tail = tokens.index_at(group[1])
        candidate.extras["predicate"] = "group"
    elif named and candidate.head in {"bare", "partitive"} and outcome_head(low, at) is None:
        # "and one was a Nepali national": a person, no group
        candidate.inherits_group = False
        end = index
        while end < index + 4 and end < len(tokens) and tokens.low[end][0].isalnum():
            if tokens.low[end] in lx.CONNECTORS or tokens.low[end] in FUNCTION_WORDS - {"a", "an"}:
                break
            end += 1
        candidate.tail = end
        candidate.extras["predicate"] = "person"
