"""A toll phrase gives its outcome to the number it reaches: "the death toll rose to 58",
"raising the death toll from Saturday's strike to 40", "sube a 58 el número de muertos".

Read by `attachment.py` after a figure's own words and the verbs before it: a toll names the
outcome of a bare number that nothing nearer has claimed.
"""

from __future__ import annotations

from typing import Final

from services.extraction.figures import cues as lx
from services.extraction.figures.candidate import Candidate, Tokens
from services.extraction.figures.head_words import group_at
from services.extraction.figures.preceding import after_an_attribution

# tokens from a toll phrase to its number ("the death toll from three days of clashes in … rose to")
_TOLL_REACH: Final = 30
_TOLL_GROUP_REACH: Final = 2  # tokens after a toll's first word read for its group ("number of soldiers")


def outcomes_from_tolls(low: str, tokens: Tokens, found: list[Candidate], tolls: list[tuple[int, str]]) -> None:
    """ "the death toll rose to 58", "raising the death toll from Saturday's strike to 40", "sube a 58 el número"."""
    for toll, outcome in sorted(tolls):
        # "elevó a 594 el número de muertos, entre ellos 146 combatientes": the bare number right
        # before the toll is its value; the figures after it are its subgroups.
        # "portant à 53 le nombre de militaires morts": a number whose noun phrase runs into the toll
        spanning = [c for c in found if c.last <= toll < c.tail and c.outcome is None and c.head == "group"]
        if spanning:
            spanning[-1].take(outcome, "toll")
            continue
        before = [c for c in found if c.tail <= toll]
        if before and toll - before[-1].tail <= 2 and before[-1].head == "bare" and before[-1].outcome is None:
            before[-1].take(outcome, "toll")
            continue
        after = [c for c in found if c.qualifier_first > toll]
        if (
            after
            and _toll_reaches(tokens, toll, after[0].qualifier_first)
            and after[0].head_outcome is None
            # "Selon un bilan de la mairie, 17 personnes ont été blessées": a toll that an attribution
            # governs tells whose count follows, not its outcome (the number's own words give that)
            and not after_an_attribution(tokens, toll)
        ):
            after[0].take(outcome, "toll")
            if after[0].group is None and after[0].head == "bare":
                _group_of_the_toll(low, tokens, after[0], toll)


def _group_of_the_toll(low: str, tokens: Tokens, candidate: Candidate, toll: int) -> None:
    """ "the number of soldiers killed rose to six", "o número de soldados mortos subiu para seis": the
    group a toll phrase counts, right after its first word, is its bare number's group."""
    for index in range(toll + 1, min(toll + _TOLL_GROUP_REACH + 1, len(tokens))):
        group = group_at(low, tokens.start[index])
        if group is not None:
            candidate.group, candidate.inherits_group = group[0], False
            return


def _toll_reaches(tokens: Tokens, toll: int, number: int) -> bool:
    """ "The death toll from three days of clashes in … has climbed to 1,018": no reporting verb between."""
    between = tokens.low[toll:number]
    # an aside in parentheses is no farther: "… the Islamic State group (known as ISWAP) on Felo village has risen to 69"
    near = len(between) <= _TOLL_REACH or tokens.outside_parentheses(toll, number) <= _TOLL_REACH
    return near and lx.BLOCKERS.isdisjoint(between)
