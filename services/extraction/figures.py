"""The numbers of one sentence as candidate casualty figures: tokens, traps, ranges, heads.

This module decides *what each number counts* (people of some group, or something that is
not people); `casualties.py` decides *what happened to them*. A candidate knows its token
span, its qualifier ("at least"), its head noun and group, and where its noun phrase ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from services.extraction import lexicon as lx
from services.extraction.numbers import NumberMention, find_numbers
from services.extraction.wordlists import word_set

# French/Italian elisions (d', l', qu') are tokens of their own: "plus d'une centaine", "l'armée".
_TOKEN: Final = re.compile(r"(?<!\w)(?:[dlnjsc]|qu)['’](?=\w)|\w+(?:['’\-]\w+)*|[^\w\s]", re.IGNORECASE)
_RANGE_JOIN: Final = re.compile(r"^\s*(?:and|to|or|-|–|—|e|a|y|o|et|à|ou)\s*$", re.IGNORECASE)
_RANGE_OPEN: Final = re.compile(r"(?:between|entre|from)\s*$", re.IGNORECASE)
_DASH_RANGE: Final = re.compile(r"^\s*[-–—]\s*$")
_PARTITIVE: Final = word_set("of de d' d’ dos das des del do da")
_FUNCTION: Final = word_set(
    "in on at who which that from to by for with after before during near across inside outside since "
    "when where while as than into under over per each a an the this these "
    "que em no na nos nas en el la los las à au aux dans sur par pour avec qui où entre durante tras "
    "após apos depois antes para por con com sans"
)
_PRONOUNS: Final = word_set("them those whom eles elas ellos ellas eux elles")
_ROMANCE: Final = frozenset({"pt", "es", "fr"})
_ONE_ARTICLES: Final = word_set("um uma un una une uno")
_ONE_LINKS: Final = word_set("e y et , outros outras otros otras autres mais más plus")
_YEAR_RANGE: Final = range(1800, 2101)


@dataclass(frozen=True, slots=True)
class Token:
    low: str
    start: int
    end: int
    capital: bool = False  # written with a capital: a name, a demonym


@dataclass(slots=True)
class Candidate:
    """A number that may be a casualty figure, and what the sentence says around it."""

    value: int
    start: int  # sentence offsets
    end: int
    first: int  # first token of the number (after its qualifier)
    last: int  # token index just past the number (or past the range's upper bound)
    qualifier: str = "exact"
    qualifier_first: int = -1  # first token of the qualifier, or `first`
    head: str = "bare"  # bare | group | people | outcome | unknown | partitive
    group: str | None = None
    head_outcome: str | None = None
    inherits_group: bool = False  # "others", "more", a bare number: take the group of the figure before
    tail: int = 0  # token index just past the noun phrase (and any "were <group>" predicate)
    head_first: int = -1  # token index where the head noun starts
    rejected: bool = False
    outcome: str | None = None
    how: str = ""
    subgroup: bool = False
    extras: dict[str, str] = field(default_factory=dict)


def tokenize(sentence: str) -> list[Token]:
    return [Token(m.group().lower(), m.start(), m.end(), m.group()[0].isupper()) for m in _TOKEN.finditer(sentence)]


def token_index(tokens: list[Token], offset: int) -> int:
    """The index of the first token that ends after `offset` (binary search)."""
    low, high = 0, len(tokens)
    while low < high:
        middle = (low + high) // 2
        if tokens[middle].end <= offset:
            low = middle + 1
        else:
            high = middle
    return low


def candidates(
    sentence: str, low: str, tokens: list[Token], language: str, mentions: list[NumberMention] | None = None
) -> list[Candidate]:
    """Numbers of the sentence that count people, with ranges folded and traps removed."""
    found: list[Candidate] = []
    for mention in find_numbers(sentence, language) if mentions is None else mentions:
        first = token_index(tokens, mention.start)
        last = token_index(tokens, mention.end - 1) + 1
        aligned = first < len(tokens) and tokens[first].start == mention.start and tokens[last - 1].end == mention.end
        candidate = Candidate(mention.value, mention.start, mention.end, first, last, tail=last)
        candidate.rejected = mention.modifier or not aligned or _is_trap(low, mention.start, mention.end)
        if mention.value == 1 and low[max(0, mention.start - 3) : mention.start] == "no ":
            candidate.rejected = True  # "no one was hurt"
        if mention.approximate:
            candidate.qualifier = "approximately"
        found.append(candidate)
    if language in _ROMANCE:
        found = sorted(found + _articles_counting_one(low, tokens, found), key=lambda c: c.start)
    found = _fold_ranges(low, found)
    number_tokens = {index for candidate in found for index in range(candidate.first, candidate.last)}
    for candidate in found:
        _qualify(low, tokens, candidate)
        if not candidate.rejected:
            _resolve_head(low, tokens, candidate, number_tokens)
            if _looks_like_year(sentence, candidate):
                candidate.rejected = True
    return found


def _articles_counting_one(low: str, tokens: list[Token], found: list[Candidate]) -> list[Candidate]:
    """ "deixou um morto e dois feridos", "un muerto y tres heridos": the article counts one.

    In Portuguese, Spanish and French the indefinite article is also the numeral one. It is
    read as a count only where news uses it so: before an outcome noun ("um morto"), or for a
    person with an outcome in a list with other counts ("um indígena morto e dois feridos").
    """
    taken = {index for candidate in found for index in range(candidate.first, candidate.last)}
    counted: list[Candidate] = []
    for index, token in enumerate(tokens):
        if token.low not in _ONE_ARTICLES or index in taken:
            continue
        following = tokens[index + 1 : index + 4]
        if not following or following[0].low in _FUNCTION:
            continue
        if _outcome_head(low, following[0].start) is not None or _listed_with_counts(low, tokens, index, taken):
            counted.append(Candidate(1, token.start, token.end, index, index + 1, tail=index + 1))
    return counted


def _listed_with_counts(low: str, tokens: list[Token], index: int, taken: set[int]) -> bool:
    """An outcome within three words of the article, then "e/y/et" (and "outros") and another count."""
    for ahead in range(index + 2, min(index + 4, len(tokens))):
        if _outcome_head(low, tokens[ahead].start) is None:
            continue
        after = ahead + 1
        while after < len(tokens) and tokens[after].low in _ONE_LINKS:
            after += 1
        return after > ahead + 1 and after in taken
    return False


def _is_trap(low: str, start: int, end: int) -> bool:
    before = low[max(0, start - 16) : start]
    after = low[end : end + 24]
    return bool(lx.MONEY_OR_LABEL_BEFORE.search(before) or lx.UNIT_AFTER.match(after) or lx.MONTH_BEFORE.search(before))


def _fold_ranges(low: str, found: list[Candidate]) -> list[Candidate]:
    """ "between 20 and 30 people" → 20, at least; the upper bound is dropped (and its traps apply)."""
    folded: list[Candidate] = []
    skip = False
    for index, candidate in enumerate(found):
        if skip:
            skip = False
            continue
        upper = found[index + 1] if index + 1 < len(found) else None
        if upper is not None and not candidate.rejected:
            joint = low[candidate.end : upper.start]
            opened = _RANGE_OPEN.search(low[max(0, candidate.start - 12) : candidate.start])
            if _RANGE_JOIN.match(joint) and (opened or _DASH_RANGE.match(joint)) and upper.value > candidate.value:
                candidate.last = candidate.tail = upper.last
                candidate.rejected = upper.rejected
                candidate.qualifier = "at_least"
                candidate.extras["range"] = "yes"
                skip = True
        folded.append(candidate)
    return folded


def _qualify(low: str, tokens: list[Token], candidate: Candidate) -> None:
    candidate.qualifier_first = candidate.first
    before = low[max(0, candidate.start - 30) : candidate.start]
    for name, pattern in lx.QUALIFIERS:
        match = pattern.search(before)
        if match:
            if "range" not in candidate.extras:
                candidate.qualifier = name  # explicit words win over a collective's "about"
            candidate.qualifier_first = token_index(tokens, candidate.start - len(before) + match.start())
            return


def _resolve_head(low: str, tokens: list[Token], candidate: Candidate, number_tokens: set[int]) -> None:
    """Read the noun phrase after the number: who (or what) is being counted."""
    index = candidate.last
    unknown = 0
    while index < len(tokens) and index < candidate.last + 5 and index not in number_tokens:
        token = tokens[index]
        word = token.low
        if index == candidate.last and word in _PARTITIVE:
            _resolve_partitive(low, tokens, candidate, index + 1)
            return
        if not word[0].isalnum() or word in lx.COPULAS or word in lx.CONNECTORS:
            break
        at = token.start
        group = _group_at(low, at)
        if group is not None:
            candidate.head, candidate.group = "group", group[0]
            candidate.head_first = index
            candidate.tail = token_index(tokens, group[1])
            _predicate(low, tokens, candidate)
            return
        if word in lx.LUMPED_HEADS:
            candidate.rejected = True
            return
        outcome = _outcome_head(low, at)
        if outcome is not None:
            candidate.head, candidate.head_outcome = "outcome", outcome
            candidate.head_first = index
            candidate.inherits_group = True  # "11 soldiers were killed and 40 wounded" — within the sentence only
            candidate.tail = index + 1
            return
        people = lx.PEOPLE.match(low, at)
        if people:
            candidate.head = "people"
            candidate.head_first = index
            candidate.inherits_group = word in lx.INHERIT_HEADS
            candidate.tail = token_index(tokens, people.end())
            _predicate(low, tokens, candidate)
            return
        if lx.NOT_PEOPLE.match(low, at):
            candidate.rejected = True
            return
        if word in lx.INHERIT_HEADS:
            candidate.inherits_group = True
        elif word in _FUNCTION or word in lx.BLOCKERS:
            break
        else:
            unknown += 1
        index += 1
    candidate.tail = index
    if unknown:
        candidate.head = "unknown"
    else:
        candidate.inherits_group = True
        _predicate(low, tokens, candidate)


def _resolve_partitive(low: str, tokens: list[Token], candidate: Candidate, index: int) -> None:
    """ "1,339 of its servicemen", "174 of those killed", "Dos de los heridos", "20 of them"."""
    pronoun = False
    while index < len(tokens) and tokens[index].low in lx.DETERMINERS:
        pronoun = tokens[index].low in _PRONOUNS
        index += 1
    if index >= len(tokens) or (pronoun and not _names_someone(low, tokens[index].start)):
        _part_of_previous(candidate, index)  # "20 of them seriously", "12 of them foreign fighters"
        for ahead in range(index, min(index + 3, len(tokens))):
            group = _group_at(low, tokens[ahead].start)
            if group is not None:
                candidate.group, candidate.inherits_group = group[0], False
                candidate.tail = token_index(tokens, group[1])
                break
        return
    at = tokens[index].start
    group = _group_at(low, at)
    outcome = _outcome_head(low, at)
    candidate.head = "partitive"
    if group is not None:
        candidate.group = group[0]
        candidate.tail = token_index(tokens, group[1])
    elif outcome is not None:
        candidate.head_outcome = outcome
        candidate.inherits_group = True
        candidate.tail = index + 1
    elif lx.PEOPLE.match(low, at):
        candidate.tail = index + 1
    elif lx.NOT_PEOPLE.match(low, at) or tokens[index].low[0].isdigit():
        candidate.rejected = True  # "58 of 70 drones"
        return
    else:
        candidate.head = "unknown"  # "100 of the attackers": the outcome around tells what happened to them
        candidate.tail = index + 1
        return
    _predicate(low, tokens, candidate)


def _names_someone(low: str, at: int) -> bool:
    """Whether a group, an outcome or people are named at `at` ("of those killed", "of them children")."""
    return _group_at(low, at) is not None or _outcome_head(low, at) is not None or bool(lx.PEOPLE.match(low, at))


def _part_of_previous(candidate: Candidate, index: int) -> None:
    """ "More than 100 were wounded, 20 of them seriously": a subgroup of the figure before."""
    candidate.head = "bare"
    candidate.subgroup = True
    candidate.inherits_group = True
    candidate.tail = index


def _predicate(low: str, tokens: list[Token], candidate: Candidate) -> None:
    """ "… were children", "… was a Nepali national": the group a copula gives the figure."""
    index = candidate.tail
    if index >= len(tokens) or tokens[index].low not in lx.COPULAS:
        return
    index += 1
    article = index < len(tokens) and tokens[index].low in {"a", "an", "um", "uma", "un", "une", "una", "des", "de"}
    if article:
        index += 1
    if index >= len(tokens):
        return
    named = article or tokens[index].capital  # "was a Nepali national", "were Indian tourists"
    at = tokens[index].start
    group = _group_at(low, at)
    if group is not None:
        candidate.group = group[0]
        candidate.inherits_group = False
        candidate.tail = token_index(tokens, group[1])
        candidate.extras["predicate"] = "group"
    elif named and candidate.head in {"bare", "partitive"} and _outcome_head(low, at) is None:
        # "and one was a Nepali national": a person, no group
        candidate.inherits_group = False
        end = index
        while end < index + 4 and end < len(tokens) and tokens[end].low[0].isalnum():
            if tokens[end].low in lx.CONNECTORS or tokens[end].low in _FUNCTION - {"a", "an"}:
                break
            end += 1
        candidate.tail = end
        candidate.extras["predicate"] = "person"


def _group_at(low: str, at: int) -> tuple[str, int] | None:
    """The group whose noun starts at `at`, and where that noun ends."""
    for group, pattern in lx.GROUPS:
        match = pattern.match(low, at)
        if match:
            return group, match.end()
    return None


def _outcome_head(low: str, at: int) -> str | None:
    """An outcome word standing where the noun would be: "30 deaths", "36 feridos", "705 dead"."""
    match = lx.OUTCOME_SCANNER.match(low, at)
    if match is None:
        return None
    outcome, place = lx.outcome_of(match)
    if place in (lx.Place.POST, lx.Place.BOTH) and not low[match.end() : match.end() + 5].lstrip().startswith(
        ("of ", "de ")
    ):
        return outcome
    return None


def _looks_like_year(sentence: str, candidate: Candidate) -> bool:
    """ "in 2020", "the 2014 war killed": four plain digits are a year unless a person noun follows at once."""
    digits = sentence[candidate.start : candidate.end]
    return digits.isdigit() and candidate.value in _YEAR_RANGE and candidate.head_first != candidate.last
