"""How far after a figure its outcome may stand: "400 were later wounded", "seven aid workers from
the charity WCK were killed", "15 people reported missing".

`attachment` pairs each figure with its outcome; reading forward from the noun phrase to the first
outcome word, and what ends that reach (a clause break, the people's own verb, another number), is
a rule family of its own, kept here.
"""

from __future__ import annotations

from typing import Final

from services.extraction.figures import cues as lx
from services.extraction.figures.candidate import Candidate, Tokens
from services.extraction.figures.outcomes import OutcomeSpan
from services.extraction.lexicon.wordlists import word_set

_PASSIVE: Final = lx.COPULAS | word_set("been be being had has have")
_RELATIVE: Final = lx.grammar_words("relative_pronouns")
_PREPOSITIONAL: Final = lx.grammar_words("prepositional_subordinators")
_PART_CUE_REACH: Final = 16  # characters read for a relative partitive cue ending at a subordinator
_BARE_REACH: Final = 4  # tokens an outcome may sit after a bare number ("400 were later wounded")
_HEAD_REACH: Final = 12  # … after a noun phrase ("seven aid workers from the charity WCK were killed")
# characters before a number read for a subgroup cue: the longest cue and its fillers
# ("among those who were killed were at least")
SUBGROUP_CUE_REACH: Final = 90  # (with a phrase about the people: "among the wounded evacuated to the capital were")
# Past tenses that link the people to their state ("40 remained missing"), not an action of their own.
_LINKING: Final = lx.grammar_words("linking_verbs")


def post_outcome(
    low: str, tokens: Tokens, candidate: Candidate, starts: dict[int, OutcomeSpan], number_tokens: set[int]
) -> OutcomeSpan | None:
    """The first outcome word after the noun phrase, before anything that ends its reach."""
    reach = _BARE_REACH if candidate.head == "bare" else _HEAD_REACH
    index = candidate.tail
    limit = min(len(tokens), index + reach)
    while index < limit:
        found = starts.get(index)
        if found is not None:
            if found.place in (lx.Place.POST, lx.Place.BOTH):
                return found
            return None
        word = tokens.low[index]
        if word in lx.SUBORDINATORS and not _keeps_reach(tokens, candidate, index):
            if not _opens_a_part(low, tokens, index):
                return None
            index += 1  # "22 personas, de las que dos eran niños, murieron": the part is skipped at its number
            continue
        if word.isalpha() and (word in lx.BLOCKERS or word.endswith("ed")) and _reported_as(starts, index):
            index += 1  # the participle of the outcome after it, neither a clause break nor the people's own verb
            continue
        if word in lx.BLOCKERS and _PASSIVE.isdisjoint(tokens.low[max(0, index - 2) : index]):
            return None  # a clause break, unless in a passive: "were later reported dead"
        if word.endswith("ed") and _own_verb(tokens, index):  # (only an "-ed" word can be one)
            return None  # "200 people gathered in the square to mourn those killed": the people did something else
        if index in number_tokens:
            if lx.SUBGROUP_CUE.search(low[max(0, tokens.start[index] - SUBGROUP_CUE_REACH) : tokens.start[index]]):
                index = _skip_parenthetical(tokens, index)  # "32 people, including two children, were killed"
                limit = min(len(tokens), index + reach)
                continue
            return None
        index += 1
    return None


def _reported_as(starts: dict[int, OutcomeSpan], index: int) -> bool:
    """Whether the reporting verb at `index` is the participle of the outcome right after it:
    "15 people reported missing", "12 hikers confirmed dead" (no clause break)."""
    after = starts.get(index + 1)
    return after is not None and after.place in (lx.Place.POST, lx.Place.BOTH)


def _keeps_reach(tokens: Tokens, candidate: Candidate, index: int) -> bool:
    """Whether the subordinator at `index` opens no clause that ends the people's reach: a relative
    pronoun right after them ("Dos pistoleros que intentaron asaltar el cuartel fueron abatidos"), or,
    inside such a relative clause, a preposition before a determiner ("who stormed the post after the
    blast were shot dead"; outside one, "were detained after the army killed two" opens a clause)."""
    word = tokens.low[index]
    if index == candidate.tail and word in _RELATIVE:
        return True
    return (
        word in _PREPOSITIONAL
        and candidate.tail < index
        and tokens.low[candidate.tail] in _RELATIVE
        and index + 1 < len(tokens)
        and tokens.low[index + 1] in lx.DETERMINERS
    )


def _opens_a_part(low: str, tokens: Tokens, index: int) -> bool:
    """Whether the subordinator at `index` closes a relative partitive cue ("de las que", "de los
    que"): the part it opens is skipped at its number, as "including" is."""
    end = tokens.end[index]
    return lx.SUBGROUP_CUE.search(low[max(0, end - _PART_CUE_REACH) : end]) is not None


def _own_verb(tokens: Tokens, index: int) -> bool:
    """An English past-tense verb the counted people are the subject of ("gathered", "attended").

    Passives ("were believed to have been killed") and relative clauses ("who attended the
    wedding were killed") keep the reach open.
    """
    word = tokens.low[index]
    if not (word.endswith("ed") and len(word) > 4 and word.isalpha()) or word in _LINKING:
        return False
    before = set(tokens.low[max(0, index - 2) : index])
    return not (before & _PASSIVE or before & _RELATIVE)


def _skip_parenthetical(tokens: Tokens, index: int) -> int:
    while index < len(tokens) and tokens.low[index] != ",":
        index += 1
    return index + 1
