"""An outcome before the number it reports: "killed at least 68 people", "mataram 19 pessoas".

Three ways a verb (or a noun such as "the deaths of") reaches a number after it: right before
it, over a few fillers ("killed at least 68"); over an attribution between them ("Dabei starben
laut Polizei mindestens 5 Menschen"); or across a list whose first member has no number ("killed
a policeman and two civilians"). Each takes the outcome span that ends where the reach ends
(`ends`: outcome spans by the token index just past them).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from services.extraction.figures import cues as lx
from services.extraction.figures.candidate import Candidate, Tokens, tokenize
from services.extraction.figures.outcomes import OutcomeSpan
from services.extraction.lexicon import lexicons

_PRE_FILLER: Final = lx.grammar_words("pre_fillers") | lx.ADDITIVE_ADVERBS  # "murieron también cuatro"
_PLACE_PREPOSITIONS: Final = lx.grammar_words("place_prepositions")  # "starben in Gaza 63": a place between
_PRE_FILLER_REACH: Final = 3  # filler words between a verb and its number ("asesinaron el sábado a 5")
# "starben nach Angaben von Rettungskräften 8 Menschen", "killed, according to officials, 12 people":
# an attribution between a verb and its number; the words of a source after it, at most this many tokens.
# As the sentence's tokens split them: "d'après" is two ("d'", "après").
_ATTRIBUTION_PHRASES: Final = frozenset(tuple(tokenize(phrase).low) for phrase in lexicons.words("according_to"))
_ATTRIBUTION_REACH: Final = 5
_ATTRIBUTION_BY_FIRST_WORD: Final[dict[str, list[tuple[str, ...]]]] = {}
for _phrase in _ATTRIBUTION_PHRASES:
    _ATTRIBUTION_BY_FIRST_WORD.setdefault(_phrase[0], []).append(_phrase)
_ATTRIBUTION_FIRST_WORDS: Final = frozenset(_ATTRIBUTION_BY_FIRST_WORD)
# An attribution of one or two words, its source inside a compound or left out: "nach Polizeiangaben",
# "laut Behördenangaben" (a preposition of `according_to`, then a word ending in a head of
# `grammar.attribution_heads`), or an adverb that refers back to the source: "demnach"
# (`grammar.attribution_adverbs`). A language that compounds its nouns needs the first; any may list the second.
_ATTRIBUTION_HEADS: Final = tuple(lexicons.words("grammar", "attribution_heads"))
_ATTRIBUTION_ADVERBS: Final = frozenset(lexicons.words("grammar", "attribution_adverbs"))
_ATTRIBUTION_PREPOSITIONS: Final = frozenset(phrase[0] for phrase in _ATTRIBUTION_PHRASES if len(phrase) <= 3)


def outcome_before(tokens: Tokens, candidate: Candidate, ends: dict[int, OutcomeSpan]) -> OutcomeSpan | None:
    """An outcome verb or noun right before the number: "killed at least 68", "the deaths of four"."""
    index = candidate.qualifier_first
    for _ in range(_PRE_FILLER_REACH + 1):
        found = ends.get(index)
        if found is not None:
            return found if found.place is not lx.Place.POST else None
        if index > 1 and tokens.low[index - 1] in lx.COPULAS:  # "Getötet wurden 4 Soldaten": inverted order
            found = ends.get(index - 1)
            if found is not None and (found.first == 0 or tokens.low[found.first - 1] in ",;:"):
                return found if found.place is not lx.Place.POST else None
        place = _place_before(tokens, index)
        if place is not None:
            index = place  # "starben in Gaza 63 Menschen", "starben in Chan Junis 21": a place between
            continue
        if index == 0 or tokens.low[index - 1] not in _PRE_FILLER:
            break
        index -= 1
    return None


# words after the preposition: "auf thailändischer Seite", "en la Franja de Gaza", "dans la province d'Idlib"
_PLACE_WORDS: Final = 4


def _place_before(tokens: Tokens, index: int) -> int | None:
    """Where a place right before token `index` opens: a preposition of place and a noun phrase of up
    to `_PLACE_WORDS` words whose last is written with a capital, a name or a German noun ("in Gaza",
    "in Chan Junis", "auf thailändischer Seite", "en la Franja de Gaza")."""
    if index < 2 or not (tokens.low[index - 1].isalpha() and tokens.capital(index - 1)):
        return None
    for words in range(1, _PLACE_WORDS + 1):
        opening = index - words - 1
        word = tokens.low[opening + 1]
        if opening < 0 or not (word.isalpha() or (word[:-1].isalpha() and word[-1] in "'’")):
            return None
        if tokens.low[opening] in _PLACE_PREPOSITIONS:
            return opening
    return None


def outcome_before_attribution(
    tokens: Tokens, candidate: Candidate, ends: dict[int, OutcomeSpan], number_tokens: set[int]
) -> OutcomeSpan | None:
    """ "Dabei starben laut Polizei mindestens 5 Menschen": the verb, an attribution, then the number."""
    low = tokens.low
    for before in attributions_before(tokens, candidate, number_tokens):
        if before > 0 and low[before - 1] in lx.COPULAS:  # "Getötet wurden nach Angaben der Armee 4"
            before -= 1
        found = ends.get(before)
        if found is not None and found.place is not lx.Place.POST:
            return found
    return None


def attributions_before(tokens: Tokens, candidate: Candidate, number_tokens: set[int]) -> Iterator[int]:
    """Where each attribution that stands right before the number opens (with the comma before
    it), nearest first: "starben laut Polizei 5", "among the dead were, according to police, six".
    Its source is at most `_ATTRIBUTION_REACH` tokens."""
    index = candidate.qualifier_first
    if index > 0 and tokens.low[index - 1] == ",":
        index -= 1
    low = tokens.low
    short = _short_attribution(low, index)
    if short is not None:
        yield short
        return
    reach = max(-1, index - 3 - _ATTRIBUTION_REACH - 3)  # the walk below tries openings down to reach + 1
    if _ATTRIBUTION_FIRST_WORDS.isdisjoint(low[reach + 1 : max(0, index - 1)]):
        return  # no attribution can open in reach: one set test in C instead of the walk (most numbers)
    for opening in range(index - 2, reach, -1):
        # Going back one token at a time, only the newly covered token need be checked: no clause
        # break among the source's words (after its first), no other number before ours.
        if opening + 2 < index and (low[opening + 2] in lx.BLOCKERS or low[opening + 2] in ".,;:"):
            return
        if opening + 1 in number_tokens:
            return
        for phrase in _ATTRIBUTION_BY_FIRST_WORD.get(low[opening], ()):
            end = opening + len(phrase)
            if end >= index or end - 1 - opening > _ATTRIBUTION_REACH + 3 or index - end > _ATTRIBUTION_REACH:
                continue
            if tuple(low[opening:end]) != phrase:
                continue
            yield opening - 1 if opening > 0 and low[opening - 1] == "," else opening


def _short_attribution(low: list[str], index: int) -> int | None:
    """Where a one- or two-word attribution right before token `index` opens: "nach
    Polizeiangaben", "demnach" (see `_ATTRIBUTION_HEADS`)."""
    if index > 0 and low[index - 1] in _ATTRIBUTION_ADVERBS:
        return index - 1
    if (
        index > 1
        and _ATTRIBUTION_HEADS
        and low[index - 1].endswith(_ATTRIBUTION_HEADS)
        and low[index - 2] in _ATTRIBUTION_PREPOSITIONS
    ):
        return index - 2
    return None


def outcome_before_list(
    tokens: Tokens, candidate: Candidate, ends: dict[int, OutcomeSpan], number_tokens: set[int]
) -> OutcomeSpan | None:
    """ "killed a policeman and two civilians": the verb governs a list whose first member has no number."""
    index = candidate.qualifier_first
    if index == 0 or tokens.low[index - 1] not in lx.CONNECTORS:
        return None
    if candidate.tail < len(tokens) and tokens.low[candidate.tail] in lx.OWN_VERB:
        return None  # its own clause, its own verb: "killed in Homs, and 40 were arrested", "et 40 ont été arrêtées"
    for back in range(index - 2, max(-1, index - 7), -1):
        found = ends.get(back + 1)
        if found is not None and back + 1 < index - 1:
            return found if found.place is not lx.Place.POST else None
        word = tokens.low[back]
        if back in number_tokens or word in lx.BLOCKERS or word in lx.SUBORDINATORS or word in {".", ";", ":"}:
            return None
    return None


_ATTRIBUTED_NOUN_REACH: Final = 2  # words between an attribution and its noun ("según el último balance")
_LONGEST_ATTRIBUTION: Final = max(len(phrase) for phrase in _ATTRIBUTION_PHRASES)


def after_an_attribution(tokens: Tokens, index: int) -> bool:
    """Is the word at `index` the noun of an attribution ("selon un bilan de la mairie", "according
    to the latest toll", "laut einer Bilanz")? It then names whose count it is, not what is counted."""
    low = tokens.low
    for start in range(index - 1, max(-1, index - _ATTRIBUTED_NOUN_REACH - _LONGEST_ATTRIBUTION - 1), -1):
        if not low[start][:1].isalpha():
            return False
        for phrase in _ATTRIBUTION_BY_FIRST_WORD.get(low[start], ()):
            if tuple(low[start : start + len(phrase)]) == phrase and index - (start + len(phrase)) <= _ATTRIBUTED_NOUN_REACH:
                return True
    return False
