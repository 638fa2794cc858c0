"""Which outcome each candidate figure takes, from the words around it.

In order: the noun itself ("30 deaths"); a subgroup cue that names it ("among the dead are
seven civilians"); a verb right before it ("killed at least 68 people", `preceding.py`); an
outcome word after its noun phrase ("32 people were killed"); a verb governing a list ("killed
a policeman and two civilians"); a toll ("the death toll rose to 58"); a correction ("raising
an earlier figure of 49"); the parent of a subgroup ("including two children"); a neighbour
in a list ("four police officers and two civilians were killed", `lists.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from services.extraction.figures import cues as lx
from services.extraction.figures.candidate import Candidate, Tokens
from services.extraction.figures.lists import coordinate
from services.extraction.figures.outcome_reach import SUBGROUP_CUE_REACH, post_outcome
from services.extraction.figures.outcomes import OutcomeSpan
from services.extraction.figures.parts_of_them import part_of_them
from services.extraction.figures.preceding import (
    attributions_before,
    outcome_before,
    outcome_before_attribution,
    outcome_before_list,
)
from services.extraction.figures.predicates import read_predicate
from services.extraction.figures.tolls import outcomes_from_tolls
from services.extraction.lexicon import lexicons

# characters before a number read for a superseded figure ("up from an earlier toll of")
_CORRECTION_REACH: Final = 40
_CLAUSE_CONJUNCTIONS: Final = lx.grammar_words("clause_conjunctions")
_GENITIVE: Final = frozenset(lexicons.words("genitive_links"))


@dataclass(slots=True)
class ArticleMemory:
    """What carries from sentence to sentence: the last main figure, for "Another 562 were wounded"."""

    last_main: Candidate | None = None
    main_end: int = -1  # where the sentence of `last_main` ends (article offset)
    follows_main: bool = False  # the sentence being read comes right after that one
    # the last whole figure of each outcome: "Twenty-one of the wounded" is a part of the wounded
    last_by_outcome: dict[str, Candidate] = field(default_factory=dict)


def attach_outcomes(
    low: str,
    tokens: Tokens,
    found: list[Candidate],
    outcomes: list[OutcomeSpan],
    tolls: list[tuple[int, str]],
    memory: ArticleMemory,
) -> None:
    """Set `outcome` on every candidate the sentence gives one."""
    starts = {o.first: o for o in outcomes}
    ends = {o.last: o for o in outcomes}
    number_tokens = {i for c in found for i in range(c.qualifier_first, c.last)}
    outcomes_from_tolls(low, tokens, found, tolls)
    for position, candidate in enumerate(found):
        _direct(low, tokens, candidate, starts, ends, number_tokens, memory, found[:position])
    _parts_of_numbers(low, tokens, found)
    for _ in range(2):  # a list member may inherit from a subgroup that inherits from its parent
        coordinate(tokens, found)
        for candidate in found:
            if candidate.outcome is None and candidate.subgroup:
                parent = parent_of(found, candidate)
                if parent is not None and parent.outcome:
                    candidate.take(parent.outcome, "subgroup")
    _displaced_among_the_dead(found)


# Outcomes of a toll whose parts are people, whatever noun names them
_TOLL_OUTCOMES: Final = frozenset({"killed", "injured", "missing"})


def _displaced_among_the_dead(found: list[Candidate]) -> None:
    """ "huit personnes ont péri, dont cinq déplacés du camp": a part of the dead named by the word for
    displaced people is who they were (the displaced who were killed), not a count of the displaced."""
    for candidate in found:
        if candidate.subgroup and candidate.outcome == "displaced" and candidate.how == "head":
            parent = parent_of(found, candidate)
            if parent is not None and parent.outcome in _TOLL_OUTCOMES:
                candidate.take(parent.outcome, "subgroup")


def _direct(
    low: str,
    tokens: Tokens,
    candidate: Candidate,
    starts: dict[int, OutcomeSpan],
    ends: dict[int, OutcomeSpan],
    number_tokens: set[int],
    memory: ArticleMemory,
    before: list[Candidate],
) -> None:
    """Assign an outcome from the candidate's own words, or from the figure it belongs to."""
    if candidate.head_outcome is not None:
        lumped = starts.get(candidate.last)
        if lumped is not None and lumped.lumped:
            candidate.rejected = True
            return
        died = _died_of_wounds(low, tokens, candidate, starts, number_tokens)
        candidate.take(died or candidate.head_outcome, "head" if died is None else "post")
    opening = tokens.start[candidate.qualifier_first]  # "including no fewer than 56 children": cue before the qualifier
    cue = lx.SUBGROUP_CUE.search(low[max(0, opening - SUBGROUP_CUE_REACH) : opening])
    if cue is None:  # "Unter den Toten sind nach Angaben der Polizei sechs Polizisten": the cue before the attribution
        for attribution in attributions_before(tokens, candidate, number_tokens):
            opening = tokens.start[attribution]
            cue = lx.SUBGROUP_CUE.search(low[max(0, opening - SUBGROUP_CUE_REACH) : opening])
            if cue is not None:
                break
        else:
            opening = tokens.start[candidate.qualifier_first]
    if cue is not None and candidate.head != "partitive":
        candidate.subgroup = True
        named = _outcome_in(cue.group())
        if named and candidate.outcome is None:
            candidate.take(named, "cue")
    # "killed 18 people, six of them children, and wounded 30": a part told by a pronoun closes the same way
    told = cue is not None or "part_of_previous" in candidate.extras
    if candidate.outcome is None and candidate.subgroup and told and _new_clause_follows(tokens, candidate):
        parent = parent_of([*before, candidate], candidate)  # "killed 11, including seven children, and injured 20"
        if parent is not None and parent.outcome:
            candidate.take(parent.outcome, "subgroup")
    if candidate.outcome is None and cue is None and _last_member_before_a_clause(tokens, candidate, before):
        # "killed 18 people, including six children and two women, and wounded 27 others": the
        # last member of the subgroup list is the list's, not the next clause's
        candidate.subgroup = True
        candidate.take(before[-1].outcome or "", "subgroup")
    if candidate.outcome is None:
        pre = outcome_before(tokens, candidate, ends)
        if pre is not None:
            if pre.lumped:
                candidate.rejected = True
                return
            candidate.take(pre.outcome, "pre")
    if candidate.outcome is None:
        attributed = outcome_before_attribution(tokens, candidate, ends, number_tokens)
        if attributed is not None and not attributed.lumped:
            candidate.take(attributed.outcome, "pre-attributed")
    if candidate.outcome is None:
        post = post_outcome(low, tokens, candidate, starts, number_tokens)
        if post is not None:
            if post.lumped:
                candidate.rejected = True
                return
            candidate.take(post.outcome, "post")
    if candidate.outcome is None:
        listed = outcome_before_list(tokens, candidate, ends, number_tokens)
        if listed is not None and not listed.lumped:
            candidate.take(listed.outcome, "pre-list")
    if candidate.outcome is None and lx.CORRECTION_BEFORE.search(low[max(0, candidate.start - _CORRECTION_REACH) : candidate.start]):
        reference = next((c for c in reversed(before) if c.outcome), memory.last_main)
        if reference is not None and reference.outcome:
            candidate.take(reference.outcome, "correction")
            candidate.group = candidate.group or reference.group
    if candidate.outcome is None and candidate.subgroup:
        parent = parent_of([*before, candidate], candidate)
        if parent is None and cue is not None and not low[: opening - len(cue.group())].strip():
            parent = memory.last_main  # "Among them were two children." refers to the sentence before
        if parent is not None and parent.outcome:
            candidate.take(parent.outcome, "subgroup")
    whole = memory.last_main
    if candidate.outcome is None and whole is not None and whole.outcome and part_of_them(low, tokens, candidate, memory.follows_main, before, whole.outcome):
        candidate.take(whole.outcome, "part of them")  # "Twelve of them were children." refers to the sentence before too
        candidate.subgroup = True
        candidate.extras["part_of_them"] = "yes"


def _died_of_wounds(
    low: str, tokens: Tokens, candidate: Candidate, starts: dict[int, OutcomeSpan], number_tokens: set[int]
) -> str | None:
    """ "Three of the wounded later died", "dos de los heridos murieron", "drei der Verletzten starben":
    a part of the wounded (or missing) whose own verb is death counts the dead, not the wounded."""
    if candidate.head_outcome not in _DYING_FROM:
        return None
    genitive = candidate.head == "outcome" and tokens.low[candidate.last : candidate.head_first] in ([w] for w in _GENITIVE)
    if candidate.head != "partitive" and not genitive:  # "Drei der Verletzten starben": a German partitive
        return None
    post = post_outcome(low, tokens, candidate, starts, number_tokens)
    return "killed" if post is not None and post.outcome == "killed" and not post.lumped else None


# Outcomes a part of which may die later ("three of the wounded died", "two of the missing were found dead")
_DYING_FROM: Final = frozenset({"injured", "missing"})


def _new_clause_follows(tokens: Tokens, candidate: Candidate) -> bool:
    """ ", and injured 20 others", ", et en a blessé 40": the next outcome opens a clause of its own.

    A subgroup clause ("including seven children") closes with a comma; a conjunction after it
    starts a new predicate, so the outcome there belongs to the next figure, not to the subgroup.
    """
    index = candidate.tail
    return index + 1 < len(tokens) and tokens.low[index] == "," and tokens.low[index + 1] in _CLAUSE_CONJUNCTIONS


def _last_member_before_a_clause(tokens: Tokens, candidate: Candidate, before: list[Candidate]) -> bool:
    """Is the candidate joined by a connector to a subgroup with an outcome, with a new clause after it?"""
    if not before or not before[-1].subgroup or not before[-1].outcome:
        return False
    between = tokens.low[before[-1].tail : candidate.qualifier_first]
    return len(between) == 1 and between[0] in lx.CONNECTORS and _new_clause_follows(tokens, candidate)


def _outcome_in(cue: str) -> str | None:
    """The outcome a subgroup cue names: "among the dead are", "entre los heridos hay"."""
    for match in lx.OUTCOME_SCANNER.finditer(cue):
        outcome, place = lx.outcome_of(match)
        if place is not lx.Place.PRE:
            return outcome
    if lx.VICTIMS.search(cue):
        return "killed"  # "among the victims were three children": news uses victims for the dead
    return None


def _parts_of_numbers(low: str, tokens: Tokens, found: list[Candidate]) -> None:
    """ "Eleven of the 25 passengers died": the eleven died; the 25 is who was there, not a toll.

    When the whole is itself a toll ("3 of the 22 dead were women") it stays a figure.
    """
    for part in found:
        if "of_number" not in part.extras:
            continue
        whole = next((c for c in found if c.first == int(part.extras["of_number"])), None)
        if whole is None or whole.outcome is None:
            continue
        part.take(whole.outcome, "part")
        part.group, part.subgroup = whole.group, True
        part.tail = whole.tail
        read_predicate(low, tokens, part)  # "… were women"
        if whole.head != "outcome":
            whole.outcome = None


def parent_of(found: list[Candidate], candidate: Candidate) -> Candidate | None:
    """The figure a subgroup belongs to: the nearest figure before it ("seven civilians, including two children")."""
    index = found.index(candidate)
    for other in reversed(found[:index]):
        if other.outcome is not None:
            return other
    return None
