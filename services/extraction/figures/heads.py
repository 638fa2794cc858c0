"""Whom a number counts: the noun phrase after it, partitives and predicates.

"32 people" (no group), "seven civilians" (civilians), "1,339 of its servicemen" (soldiers),
"174 of those killed were children" (killed, children), "20 of them" (a part of the figure
before), "36 feridos" (an outcome standing as the noun), "14 vehicles" (not people at all).
"""

from __future__ import annotations

import re
from typing import Final

from services.extraction.figures import cues as lx
from services.extraction.figures import nouns
from services.extraction.figures.candidate import Candidate, Tokens

_PARTITIVE: Final = lx.grammar_words("partitives")
# "of whom", "de los cuales", "dos quais", "desquels": a relative partitive is a part of the figure before.
_PRONOUNS: Final = lx.grammar_words("partitive_pronouns")
_RELATIVE_PRONOUNS: Final = lx.grammar_words("relative_partitives")
# Portuguese fuses the partitive with the pronoun: "três delas crianças", "dois deles militares".
_FUSED_PARTITIVE: Final = lx.grammar_words("fused_partitives")
# German "von" is a partitive only before a pronoun ("Zwölf von ihnen"); before a noun it names an agent.
_PRONOUN_PARTITIVE: Final = lx.grammar_words("pronoun_partitives")
_AMONG: Final = lx.grammar_words("among")
_AMONG_LINKS: Final = lx.grammar_words("among_links")
_AND: Final = lx.grammar_words("clause_conjunctions")
# How badly: "dont quatre grièvement", "20 of them seriously" — an adverb, not the noun counted.
_SEVERITY: Final = lx.grammar_words("severity_adverbs")
# Verbs that follow a bare number as its predicate ("outros sete ficaram feridos", "otros dos
# resultaron heridos"): the end of the noun phrase, not an unknown noun.
_AUXILIARIES: Final = lx.grammar_words("number_predicates")
FUNCTION_WORDS: Final = lx.grammar_words("function_words")
# A vague quantifier right after a number opens another noun phrase: "hirió a otros 14 pocas horas
# después" (the 14 are people; the hours are few, not 14).
_VAGUE_QUANTIFIERS: Final = lx.grammar_words("vague_quantifiers")
_NOUN_PHRASE_REACH: Final = 5  # tokens read after a number for its noun ("seven aid workers of the charity")


# Quotation marks that may close a quoted figure before its noun: '"about 20" troops', '„rund 20“ Soldaten'.
_CLOSING_QUOTES: Final = frozenset({'"', "”", "“", "»", "’"})


_OPENING_QUOTES: Final = frozenset({'"', "“", "«", "„", "‘"})


def _quoted_noun(tokens: Tokens, index: int) -> bool:
    """An opening quotation mark right after the number, then one word and its closing mark:
    '23 « terroristes »', '15 "militants"' (a word the source chose, quoted by the reporter)."""
    return (
        index + 2 < len(tokens)
        and tokens.low[index] in _OPENING_QUOTES
        and tokens.low[index + 1][:1].isalpha()
        and tokens.low[index + 2] in _CLOSING_QUOTES
    )


def resolve_head(low: str, tokens: Tokens, candidate: Candidate, number_tokens: set[int]) -> None:
    """Read the noun phrase after the number: who (or what) is being counted. A quotation mark
    right after the number closes a quoted figure and is no part of the phrase: a source quoted on
    its count still names whom it counts ('said "about 20" troops were missing')."""
    index = candidate.last
    if index < len(tokens) and tokens.low[index] in _CLOSING_QUOTES and _quote_opened_before(tokens, candidate):
        index += 1
    quoted = _quoted_noun(tokens, index)
    if quoted:
        index += 1  # '23 « terroristes » ont été abattus': the noun in quotes, as the source called them
    unknown = 0
    while index < len(tokens) and index < candidate.last + _NOUN_PHRASE_REACH and index not in number_tokens:
        word = tokens.low[index]
        if index == candidate.last and (
            word in _PARTITIVE
            or word in _FUSED_PARTITIVE
            or (word in _PRONOUN_PARTITIVE and index + 1 < len(tokens) and tokens.low[index + 1] in _PRONOUNS)
        ):
            _resolve_partitive(low, tokens, candidate, index + 1, number_tokens, word in _FUSED_PARTITIVE)
            return
        if not word[0].isalnum() or word in lx.OWN_VERB or word in lx.CONNECTORS or word in _AUXILIARIES:
            break
        if word in _VAGUE_QUANTIFIERS:
            break
        at = tokens.start[index]
        group = group_at(low, at)
        if group is not None:
            candidate.head, candidate.group = "group", group[0]
            candidate.head_first = index
            candidate.tail = tokens.index_at(group[1])
            if quoted and candidate.tail < len(tokens) and tokens.low[candidate.tail] in _CLOSING_QUOTES:
                candidate.tail += 1
            mixed = _second_group(low, tokens, candidate.tail)
            if mixed is not None and mixed[0] != group[0]:
                candidate.group = None  # "148 militares y policías": a mixed list has no single group
                candidate.tail = tokens.index_at(mixed[1])
            read_predicate(low, tokens, candidate)
            return
        outcome = outcome_head(low, at)
        if word in lx.LUMPED_HEADS and outcome is None:  # "33 bajas mortales" names the dead; "33 bajas" lumps
            candidate.rejected = True
            return
        complement = None
        if outcome is None and not unknown:
            outcome, complement = _counted_noun_of(low, at)
        if outcome is not None and unknown and word in lx.DETERMINERS:
            break  # "zwei Kriege um die Region": an article after the noun opens another phrase ("die" is no death)
        if outcome is not None:
            candidate.head, candidate.head_outcome = "outcome", outcome
            candidate.head_first = index
            candidate.inherits_group = True  # "11 soldiers were killed and 40 wounded" — within the sentence only
            candidate.tail = index + 1
            named = _group_after_outcome(low, tokens, index + 1 if complement is None else tokens.index_at(complement))
            if named is not None:  # "14 getötete Zivilisten", "six morts parmi les militaires", "30 corpos de soldados"
                candidate.group, candidate.inherits_group = named[0], False
                candidate.tail = tokens.index_at(named[1])
            return
        people = nouns.PEOPLE.match(low, at)
        if word in lx.INHERIT_HEADS and _noun_follows(low, tokens, index + 1):
            candidate.inherits_group = True  # "Deux autres gendarmes", "17 other people": the noun decides
            index += 1
            continue
        if people:
            candidate.head = "people"
            candidate.head_first = index
            candidate.inherits_group = word in lx.INHERIT_HEADS
            candidate.tail = tokens.index_at(people.end())
            read_predicate(low, tokens, candidate)
            return
        if nouns.NOT_PEOPLE.match(low, at):
            candidate.rejected = True
            candidate.extras["things"] = "yes"  # a relative partitive after it counts things too
            return
        if word in lx.INHERIT_HEADS:
            candidate.inherits_group = True
        elif word in FUNCTION_WORDS or word in lx.BLOCKERS or word in _SEVERITY:
            break  # "dont quatre grièvement", "20 seriously": no noun, the figure is bare
        else:
            unknown += 1
        index += 1
    candidate.tail = index
    if unknown:
        candidate.head = "unknown"
    else:
        candidate.inherits_group = True
        read_predicate(low, tokens, candidate)


def _quote_opened_before(tokens: Tokens, candidate: Candidate) -> bool:
    """Whether a quotation mark opens right before the number or its qualifier ('"about 20"')."""
    opening = min(candidate.first, candidate.qualifier_first) - 1
    return opening >= 0 and tokens.low[opening] in {'"', "“", "«", "„", "‘", "'"}


def _resolve_partitive(
    low: str, tokens: Tokens, candidate: Candidate, index: int, number_tokens: set[int], pronoun: bool = False
) -> None:
    """ "1,339 of its servicemen", "174 of those killed", "Dos de los heridos", "20 of them"."""
    while index < len(tokens) and tokens.low[index] in lx.DETERMINERS:
        pronoun = pronoun or tokens.low[index] in _PRONOUNS  # "quatre d'entre elles des enfants"
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
        outcome, complement = _counted_noun_of(low, at)  # "une quinzaine de corps de soldats"
    candidate.head = "partitive"
    if group is not None:
        candidate.group = group[0]
        candidate.tail = tokens.index_at(group[1])
    elif outcome is not None:
        candidate.head_outcome = outcome
        candidate.inherits_group = True
        candidate.tail = index + 1
        named = None if complement is None else _group_after_outcome(low, tokens, tokens.index_at(complement))
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


def _group_after_outcome(low: str, tokens: Tokens, index: int) -> tuple[str, int] | None:
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


def _noun_follows(low: str, tokens: Tokens, index: int) -> bool:
    if index >= len(tokens):
        return False
    at = tokens.start[index]
    return group_at(low, at) is not None or bool(nouns.PEOPLE.match(low, at))


def _second_group(low: str, tokens: Tokens, index: int) -> tuple[str, int] | None:
    """The group of a second noun joined by "and" ("soldiers and police officers"), if any."""
    if index + 1 >= len(tokens) or tokens.low[index] not in _AND:
        return None
    return group_at(low, tokens.start[index + 1])


def _part_of_previous(candidate: Candidate, index: int) -> None:
    """ "More than 100 were wounded, 20 of them seriously": a subgroup of the figure before."""
    candidate.head = "bare"
    candidate.extras["part_of_previous"] = "yes"
    candidate.subgroup = True
    candidate.inherits_group = True
    candidate.tail = index


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


_WORD: Final = re.compile(r"[^\s,.;:!?()\"“”«»]+")


def group_at(low: str, at: int) -> tuple[str, int] | None:
    """The group whose noun starts at `at`, and where that noun ends.

    A hyphenated compound whose last part is a group noun is of that group: "RSF-Kämpfer",
    "UN-Mitarbeiter", "ex-soldiers" (languages that compound write the modifier into the word).
    """
    match = nouns.ANY_GROUP.match(low, at)
    if match is None:
        if low.find("-", at) < 0:
            return None  # no hyphen ahead at all, so no compound: the usual case, told in C
        word = _WORD.match(low, at)
        hyphen = low.rfind("-", at, word.end()) if word is not None else -1
        if word is None or hyphen < 0:
            return None
        match = nouns.ANY_GROUP.match(low, hyphen + 1)
        if match is None or match.end() != word.end():
            return None
    return match.lastgroup or "", match.end()


def _counted_noun_of(low: str, at: int) -> tuple[str | None, int | None]:
    """A noun that takes its people as complement, counted by the number before it: "1,500 bodies
    of fighters", "1.500 corpos de combatentes", "une quinzaine de corps de terroristes". Read
    after "the bodies of" the number would be the complement's; right after the number, the
    number counts the noun itself, and the complement (where it ends) may name their group."""
    match = lx.OUTCOME_SCANNER.match(low, at)
    if match is None:
        return None, None
    outcome, place = lx.outcome_of(match)
    if place is not lx.Place.NOUN_OF or match.group().split()[0] in lx.DETERMINERS:
        return None, None  # "la mort de", "the lives of": an article opens another noun phrase
    return outcome, match.end()


def outcome_head(low: str, at: int) -> str | None:
    """An outcome word standing where the noun would be: "30 deaths", "36 feridos", "705 dead"."""
    match = lx.OUTCOME_SCANNER.match(low, at)
    if match is None:
        return None
    outcome, place = lx.outcome_of(match)
    if place in (lx.Place.POST, lx.Place.BOTH):
        return outcome
    return None
