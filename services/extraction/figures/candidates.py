"""The numbers of one sentence as candidate casualty figures: traps, ranges, qualifiers.

This module decides *what each number counts* (people of some group, or something that is
not people); `casualties.py` decides *what happened to them*. A candidate knows its token
span, its qualifier ("at least"), its head noun and group, and where its noun phrase ends.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from services.extraction.figures import cues as lx
from services.extraction.figures import nouns
from services.extraction.figures.candidate import Candidate, Tokens
from services.extraction.figures.counting_one import articles_counting_one
from services.extraction.figures.heads import resolve_head
from services.extraction.lexicon import lexicons
from services.extraction.lexicon.wordlists import alternation
from services.extraction.text.numbers import NumberMention, find_numbers

# "10 to 15 people", "de 10 a 15", "von 10 bis 15": a range word joins a range by itself; "and"
# or "or" only after an opener ("between 10 and 15"), else it joins a list; a dash always does.
_RANGE_WORDS: Final = frozenset(lexicons.words("grammar", "range_words"))
_JOINS: Final = sorted(
    (_RANGE_WORDS | lx.CONNECTORS | set(lexicons.words("grammar", "disjunctions"))) - {",", "&", "plus"}
)
_RANGE_JOIN: Final = re.compile(r"^\s*(?P<join>" + "|".join(map(re.escape, _JOINS)) + r"|-|–|—)\s*$", re.IGNORECASE)
# "subiu de oito para dez", "stieg von acht auf zehn": a word that joins the two counts of a change only
_CHANGE_JOIN: Final = re.compile(r"^\s*(?:" + "|".join(map(re.escape, lexicons.words("grammar", "change_joins"))) + r")\s*$")
_RANGE_OPEN: Final = re.compile(r"(?:" + "|".join(lexicons.words("grammar", "range_openers")) + r")\s*$", re.IGNORECASE)
_DASH_RANGE: Final = re.compile(r"^\s*[-–—]\s*$")
_ROMANCE: Final = frozenset({"pt", "es", "fr"})
# A count of bodies: the noun right after the number, in its own language only (French "corps" is
# also a unit elsewhere, "Frontier Corps"); a noun phrase after it ("corps de soldats") was read before.
BODY_NOUNS: Final = {code: frozenset(nouns) for code, nouns in lexicons.per_language("grammar", "body_nouns").items()}
_YEAR_RANGE: Final = range(1800, 2101)
_YEAR_PREPOSITION: Final = re.compile(
    r"(?<!\w)(?:" + alternation(*lexicons.words("grammar", "year_prepositions")) + r")\s+$", re.IGNORECASE
)
_YEAR_PREPOSITION_REACH: Final = 12  # characters before a year read for its preposition
# Characters around a number read for what makes it no count of people: a currency or label
# before it ("US$", "No.", "March"), a unit after it ("kilometres from the border").
_TRAP_BEFORE: Final = 16
_TRAP_AFTER: Final = 24
_RANGE_OPENER_REACH: Final = 12  # "between", "entre", "zwischen" and a space, right before the lower bound
# "the toll has risen from 59 to 69", "subiu de 10 para 14", "est passé de 10 à 14": a verb of change right
# before the opener makes the pair a change, not a range; the new count stands, the earlier one is no figure.
_CHANGE_VERBS: Final = lx.grammar_words("change_verbs")
_CHANGE_WORDS_READ: Final = 2  # words before the opener read for the verb ("rose sharply from", "s'est alourdi de")
_QUALIFIER_REACH: Final = 30  # the longest qualifier and a space ("no fewer than", "pas moins de")
# "Quarante personnes au moins ont été tuées": a qualifier right after the counted noun, unless a
# number follows it (then it is that number's: "11 morts au moins 20 blessés" is no such case).
_QUALIFIERS_AFTER: Final = [
    (name, re.compile(r"[^\S\n]*(?:" + alternation(*listed) + r")(?!\w)[^\S\n]*"))
    for name in ("at_least", "approximately")
    if (listed := lexicons.words("qualifiers_after", name))
]
# "…, of which 52", "…, dos quais 45", "…, de los cuales 70", "…, dont 31": a part of the count before.
_RELATIVE_PART: Final = re.compile(
    r"^[^.;:]{0,80}(?:of which|of whom|dos quais|das quais|de los cuales|de las cuales|dont|desquels|desquelles)"
    r"(?: \w+){0,3} *$"
)


def candidates(
    sentence: str, low: str, tokens: Tokens, language: str, mentions: list[NumberMention] | None = None
) -> list[Candidate]:
    """Numbers of the sentence that count people, with ranges folded and traps removed."""
    found: list[Candidate] = []
    for mention in find_numbers(sentence, language) if mentions is None else mentions:
        first = tokens.index_at(mention.start)
        last = tokens.index_at(mention.end - 1) + 1
        aligned = first < len(tokens) and tokens.start[first] == mention.start and tokens.end[last - 1] == mention.end
        candidate = Candidate(mention.value, mention.start, mention.end, first, last, tail=last)
        candidate.rejected = mention.modifier or not aligned or _is_trap(low, mention.start, mention.end)
        if mention.value == 1 and low[max(0, mention.start - 3) : mention.start] == "no ":
            candidate.rejected = True  # "no one was hurt"
        if mention.approximate:
            candidate.qualifier = "approximately"
        found.append(candidate)
    if language in _ROMANCE:
        found = sorted(found + articles_counting_one(low, tokens, found), key=lambda c: c.start)
    found = _fold_ranges(low, found)
    _ages_listed(low, found)
    number_tokens = {index for candidate in found for index in range(candidate.first, candidate.last)}
    for candidate in found:
        if candidate.rejected:
            continue  # its qualifier and noun are never read: the reader drops rejected numbers
        _qualify(low, tokens, candidate)
        resolve_head(low, tokens, candidate, number_tokens)
        if candidate.head_outcome is None and language in BODY_NOUNS:
            _count_bodies(tokens, candidate, BODY_NOUNS[language])
        if candidate.qualifier == "exact" and candidate.head in _COUNTED_NOUNS:
            _qualify_after(low, tokens, candidate, number_tokens)
        if _looks_like_year(sentence, candidate):
            candidate.rejected = True
    _reject_parts_of_things(low, found)
    return found


def _count_bodies(tokens: Tokens, candidate: Candidate, body_nouns: frozenset[str]) -> None:
    """ "nous avons enterré 26 corps": the number counts bodies, the dead (the contract)."""
    at = candidate.last
    if at < len(tokens) and tokens.low[at] in body_nouns and candidate.head in ("unknown", "bare"):
        candidate.head, candidate.head_outcome, candidate.head_first = "outcome", "killed", at
        candidate.tail = at + 1
        candidate.inherits_group = True


def _reject_parts_of_things(low: str, found: list[Candidate]) -> None:
    """ "117 drones, dos quais 56 foram abatidos": a part of a count of things is not people either.

    Drones, missiles and aircraft are "shot down" with the same verbs as people are killed.
    """
    for previous, candidate in itertools.pairwise(found):
        if "things" not in previous.extras:
            continue
        relative = _RELATIVE_PART.search(low[previous.end : candidate.start])
        if "part_of_previous" in candidate.extras or relative is not None:
            candidate.rejected = True


def _is_trap(low: str, start: int, end: int) -> bool:
    before = low[max(0, start - _TRAP_BEFORE) : start]
    after = low[end : end + _TRAP_AFTER]
    return nouns.trap_before(before) or bool(nouns.UNIT_AFTER.match(after))


def _fold_ranges(low: str, found: list[Candidate]) -> list[Candidate]:
    """ "between 20 and 30 people" → 20, at least; the upper bound is dropped (and its traps apply)."""
    folded: list[Candidate] = []
    skip = False
    for index, candidate in enumerate(found):
        if skip:
            skip = False
            continue
        upper = found[index + 1] if index + 1 < len(found) else None
        if upper is not None:
            joint = low[candidate.end : upper.start]
            join = _RANGE_JOIN.match(joint)
            change_only = join is None and _CHANGE_JOIN.match(joint) is not None
            # the opener is read only between two numbers joined as a range (or a change) can be ("10 to 15")
            window = low[max(0, candidate.start - _RANGE_OPENER_REACH) : candidate.start]
            opened = _RANGE_OPEN.search(window) if join or change_only else None
            if change_only and opened and _changed(low, candidate.start, opened.start()):
                candidate.rejected = True  # "subiu de oito para dez": the earlier count of a change
                folded.append(candidate)
                continue
            ranged = join is not None and (
                opened or _DASH_RANGE.match(joint) or _bare_range(candidate, upper, join.group("join"))
            )
            if ranged and opened and upper.value > candidate.value and _changed(low, candidate.start, opened.start()):
                candidate.rejected = True  # the earlier count of a change: only the new one is a figure
                folded.append(candidate)
                continue
            if ranged and upper.value > candidate.value:
                candidate.last = candidate.tail = upper.last
                candidate.rejected = candidate.rejected or upper.rejected  # "aged between 19 and 45": both go
                candidate.qualifier = "at_least"
                candidate.extras["range"] = "yes"
                skip = True
        folded.append(candidate)
    return folded


# "two children aged 4 and 11": the ages after an age word are a list, each member an age
_AGE_BEFORE: Final = re.compile(r"(?<!\w)(?:aged|ages of|âgée?s? de|im alter von)\s*$")
_LIST_JOIN: Final = re.compile(r"^\s*(?:,|and|&|et|y|e|und)\s*$")


def _ages_listed(low: str, found: list[Candidate]) -> None:
    """A number listed right after an age ("aged 4 and 11", "aged 9, 12 and 15") is an age too."""
    for index in range(1, len(found)):
        previous, candidate = found[index - 1], found[index]
        if not previous.rejected or not _LIST_JOIN.match(low[previous.end : candidate.start]):
            continue
        opening = found[index - 1]
        back = index - 1
        while back > 0 and _LIST_JOIN.match(low[found[back - 1].end : found[back].start]):
            back -= 1  # the list's first member holds the age word before it
            opening = found[back]
        if _AGE_BEFORE.search(low, max(0, opening.start - _TRAP_BEFORE), opening.start):
            candidate.rejected = True


def _changed(low: str, start: int, opener_at: int) -> bool:
    """Whether a verb of change stands right before the range opener found `opener_at` characters into
    the window read before the number at `start`."""
    opener = max(0, start - _RANGE_OPENER_REACH) + opener_at
    before = low[max(0, opener - 40) : opener].split()[-_CHANGE_WORDS_READ:]
    return any(word.strip(",") in _CHANGE_VERBS for word in before)


# A bare "10 to 15" is a range only between comparable counts ("October 2023 to 44,612" is not one).
_BARE_RANGE_SPREAD: Final = 10
# "six or seven people", "seis o siete", "sechs oder sieben": two counts that close are an estimate,
# a range; farther apart they are alternatives ("whether 10 or 25") and stay apart.
_DISJUNCTIONS: Final = frozenset(lexicons.words("grammar", "disjunctions"))
_DISJUNCT_RANGE_SPREAD: Final = 2


def _bare_range(lower: Candidate, upper: Candidate, join: str) -> bool:
    if lower.rejected:
        return False
    if join in _DISJUNCTIONS:
        return upper.value <= _DISJUNCT_RANGE_SPREAD * lower.value
    return join in _RANGE_WORDS and upper.value <= _BARE_RANGE_SPREAD * lower.value


def _qualify(low: str, tokens: Tokens, candidate: Candidate) -> None:
    candidate.qualifier_first = candidate.first
    before = low[max(0, candidate.start - _QUALIFIER_REACH) : candidate.start]
    stripped = before.rstrip()  # rstrip() and the patterns' \s agree on what whitespace is
    for name, pattern, endings in lx.QUALIFIERS:
        match = pattern.search(before) if stripped.endswith(endings) else None
        if match:
            if "range" not in candidate.extras:
                candidate.qualifier = name  # explicit words win over a collective's "about"
            candidate.qualifier_first = tokens.index_at(candidate.start - len(before) + match.start())
            return


_COUNTED_NOUNS: Final = frozenset({"people", "group", "outcome"})


def _qualify_after(low: str, tokens: Tokens, candidate: Candidate, number_tokens: set[int]) -> None:
    if candidate.tail >= len(tokens) or candidate.tail <= candidate.last:
        return
    at = tokens.end[candidate.tail - 1]
    for name, pattern in _QUALIFIERS_AFTER:
        match = pattern.match(low, at)
        if match is not None:
            following = tokens.index_at(match.end())
            if following not in number_tokens and not low[match.end() : match.end() + 1].isdigit():
                candidate.qualifier = name
            return


def _looks_like_year(sentence: str, candidate: Candidate) -> bool:
    """ "in 2020", "the 2014 war killed": four plain digits are a year unless a person noun follows at
    once, and always after a preposition of time ("In 2021 militants killed 40 people", "Seit 2019 Soldaten")."""
    digits = sentence[candidate.start : candidate.end]
    if not digits.isdigit() or candidate.value not in _YEAR_RANGE:
        return False
    return candidate.head_first != candidate.last or _YEAR_PREPOSITION.search(
        sentence, max(0, candidate.start - _YEAR_PREPOSITION_REACH), candidate.start
    ) is not None
