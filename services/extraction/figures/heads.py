"""Whom a number counts: the noun phrase after it.

"32 people" (no group), "seven civilians" (civilians), "1,339 of its servicemen" (soldiers),
"174 of those killed were children" (killed, children), "20 of them" (a part of the figure
before), "36 feridos" (an outcome standing as the noun), "14 vehicles" (not people at all).

A partitive after the number is read in `partitives`, a copula's predicate in `predicates`, and
the word lookups all three share live in `head_words`.
"""

from __future__ import annotations

from typing import Final

from services.extraction.figures import cues as lx
from services.extraction.figures import nouns
from services.extraction.figures.candidate import Candidate, Tokens
from services.extraction.figures.head_words import FUNCTION_WORDS, counted_noun_of, group_at, outcome_head
from services.extraction.figures.partitives import PRONOUNS, group_after_outcome, resolve_partitive
from services.extraction.figures.predicates import read_predicate

_PARTITIVE: Final = lx.grammar_words("partitives")
# Portuguese fuses the partitive with the pronoun: "três delas crianças", "dois deles militares".
_FUSED_PARTITIVE: Final = lx.grammar_words("fused_partitives")
# German "von" is a partitive only before a pronoun ("Zwölf von ihnen"); before a noun it names an agent.
_PRONOUN_PARTITIVE: Final = lx.grammar_words("pronoun_partitives")
_AND: Final = lx.grammar_words("clause_conjunctions")
# How badly: "dont quatre grièvement", "20 of them seriously" — an adverb, not the noun counted.
_SEVERITY: Final = lx.grammar_words("severity_adverbs")
# Verbs that follow a bare number as its predicate ("outros sete ficaram feridos", "otros dos
# resultaron heridos"): the end of the noun phrase, not an unknown noun.
_AUXILIARIES: Final = lx.grammar_words("number_predicates")
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
            or (word in _PRONOUN_PARTITIVE and index + 1 < len(tokens) and tokens.low[index + 1] in PRONOUNS)
        ):
            resolve_partitive(low, tokens, candidate, index + 1, number_tokens, word in _FUSED_PARTITIVE)
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
            outcome, complement = counted_noun_of(low, at)
        if outcome is not None and unknown and word in lx.DETERMINERS:
            break  # "zwei Kriege um die Region": an article after the noun opens another phrase ("die" is no death)
        if outcome is not None:
            candidate.head, candidate.head_outcome = "outcome", outcome
            candidate.head_first = index
            candidate.inherits_group = True  # "11 soldiers were killed and 40 wounded" — within the sentence only
            candidate.tail = index + 1
            named = group_after_outcome(low, tokens, index + 1 if complement is None else tokens.index_at(complement))
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
