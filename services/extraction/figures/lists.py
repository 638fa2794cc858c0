"""Members of one list share an outcome: "four police officers and two civilians were killed".

Two figures are one list when only list glue stands between them (", ", "and", "as well as",
"ainsi que"), when a copula names the second after the first ("Among the 12 dead were four
children"), or when "among" makes the first a part of the second ("Four children were among
the 15 killed"). An outcome then passes from the member that has one to the one that lacks it.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from services.extraction.figures import cues as lx
from services.extraction.figures.candidate import Candidate, Tokens
from services.extraction.figures.head_words import FUNCTION_WORDS
from services.extraction.lexicon import lexicons
from services.extraction.lexicon.wordlists import alternation

_LISTING_VERBS: Final = lx.grammar_words("listing_verbs")
# single-word adverbs that may stand beside a listing verb ("were also", "sind auch"); not the qualifiers
_LISTING_FILLERS: Final = frozenset(
    word for word in lx.grammar_words("subgroup_fillers") | lx.ADDITIVE_ADVERBS if word.isalpha()
) - frozenset(
    word for name in ("at_least", "approximately", "at_most") for word in lexicons.words("qualifiers", name)
)
_LISTING_REACH: Final = 3  # the verb and up to two adverbs: "seien demnach auch"
_AMONG: Final = lx.grammar_words("among")
_AMONG_LINK: Final = _AMONG | lx.COPULAS | lx.grammar_words("among_links")
_ADDITIVE: Final = alternation(*lexicons.words("grammar", "additive"))
_GLUE: Final = alternation(*lx.CONNECTORS, *lexicons.words("grammar", "additive"))
_GLUE_AFTER_GLUE: Final = alternation(
    *lx.CONNECTORS, *lexicons.words("grammar", "glue_continuations"), *lexicons.words("grammar", "additive")
)
# Only list glue between two figures: ", ", "and", "as well as", "ainsi que", "and also".
_LIST_GLUE: Final = re.compile(rf"^(?:{_GLUE})(?: (?:{_GLUE_AFTER_GLUE}))*$")
# "Nine officers were wounded, as well as three civilians": an additive phrase after the outcome
# adds members to the figure's list.
_ADDITIVE_TAIL: Final = re.compile(rf"(?:^|\s)(?:, )?(?:{_ADDITIVE})$")
_ADDITIVE_REACH: Final = 10  # tokens: "were seriously wounded in the attack, as well as"
_CLAUSE_CONJUNCTIONS: Final = lx.grammar_words("clause_conjunctions")
_PLACE_PREPOSITIONS: Final = lx.grammar_words("place_prepositions")
_PLACE_WORDS: Final = 4  # tokens of a place name after its preposition ("in the Central African Republic")
_PREDICATE_WORDS: Final = 3  # the first figure's own predicate before the comma of a gapped clause ("were killed")
# "del Ejército sirio", "of the national army", "des forces armées mozambicaines", "der Armee": what
# may follow a list member's noun — a partitive or genitive word, then this many plain words at most.
_COMPLEMENT_OPENERS: Final = lx.grammar_words("partitives") | frozenset(lexicons.words("genitive_links"))
_COMPLEMENT_WORDS: Final = 4
_PLACE_RELATIVES: Final = lx.grammar_words("place_relatives")  # "where", "donde", "où": a clause about the place
_ASIDE_WORDS: Final = 12  # tokens of such a clause between the place and the next figure ("where a glide bomb hit …")
_GAPPED_REACH: Final = 8  # tokens from a figure's noun phrase to the place that ends its clause ("were killed in")


def _fate_of_its_own(tokens: Tokens, right: Candidate) -> bool:
    """ "Twelve of them were children, and 40 were arrested": a bare number with a copula of its own
    that names no group tells another fate (an outcome there would have been read already), so it
    is no member of the list before; "and eight were soldiers" names whom it counts and is one."""
    return right.group is None and right.tail < len(tokens) and tokens.low[right.tail] in lx.OWN_VERB


def coordinate(tokens: Tokens, found: list[Candidate]) -> None:
    """Members of one list share an outcome: "four police officers and two civilians were killed"."""
    changed = True
    while changed:
        changed = False
        for left, right in itertools.pairwise(found):
            if _among(tokens, left.tail, right.qualifier_first):  # "Four children were among the 15 killed"
                if left.outcome is None and right.outcome is not None:
                    left.take(right.outcome, "among")
                    left.subgroup = changed = True
                continue
            if _listed_after_copula(tokens, left.tail, right.qualifier_first):
                if right.outcome is None and left.outcome is not None and left.head == "outcome":
                    right.take(left.outcome, "listed")
                    right.subgroup = changed = True
                continue
            if right.outcome is None and left.outcome is not None and _gapped(tokens, left, right):
                right.take(left.outcome, "gapped")  # "12 were killed in Homs, nine in Idlib and four in Aleppo"
                changed = True
                continue
            if not (
                _joined(tokens, left.tail, right.qualifier_first)
                or _joined_after_adjective(tokens, left, right)
                or _joined_after_complement(tokens, left, right)
            ):
                if (
                    right.outcome is None
                    and left.outcome is not None
                    and _added(tokens, left.tail, right.qualifier_first)
                ):
                    right.take(left.outcome, "list")
                    changed = True
                continue
            if left.subgroup and not right.subgroup and _bare_conjunction(tokens, left.tail, right.qualifier_first):
                right.subgroup = changed = True  # "dont dix femmes et trois nouveau-nés": both are parts
            if right.outcome is None and left.outcome is not None and not _fate_of_its_own(tokens, right):
                right.take(left.outcome, "list")
                right.subgroup = right.subgroup or left.subgroup
                changed = True
            elif left.outcome is None and right.outcome is not None and right.how != "list":
                left.take(right.outcome, "list")
                changed = True


def _gapped(tokens: Tokens, left: Candidate, right: Candidate) -> bool:
    """An elided clause: the second figure repeats the first's shape with only a place, its verb
    left out — "9 were killed in Idlib and 4 in Aleppo", "14 civiles en Tailandia y ocho en Camboya"
    (its place after it), "In Thailand wurden 14 getötet, in Kambodscha acht" (its place before it,
    the number ending the clause). "Others" may stand before the second number ("y otras dos en
    Sumy"), and a relative clause about the first place between them (", where a drone hit a shop,")."""
    end = right.qualifier_first
    if end - 1 > left.tail and tokens.low[end - 1] in lx.INHERIT_HEADS:
        end -= 1  # "y otras dos en Sumy", "e outras duas", "et deux autres" (after the number: read as its noun)
    aside = _place_aside(tokens, left.tail, end)
    between = tokens.low[left.tail : end if aside is None else aside]
    if not 2 <= len(between) <= _GAPPED_REACH + _PLACE_WORDS + 2 or any(
        word in lx.BLOCKERS or word in lx.SUBORDINATORS for word in between
    ):
        return False
    if aside is not None:  # "4 were killed in Kharkiv, where a drone hit a shop, and two more in Sumy"
        place = _place_before(tokens, left.tail, aside)
        return place is not None and _place_follows(tokens, right.tail)
    if between[-1] in lx.CONNECTORS:  # the place after each number: "… in Homs, nine in Idlib"
        place = _place_before(tokens, left.tail, end - 1)
        return place is not None and _place_follows(tokens, right.tail)
    ends_clause = right.tail >= len(tokens) or tokens.low[right.tail] in {".", ",", ";"}
    comma = len(between) - 1 - between[::-1].index(",") if "," in between else -1
    if 0 <= comma <= _PREDICATE_WORDS and 1 <= len(between) - comma - 1 <= _PLACE_WORDS and all(
        tokens.capital(index) for index in range(left.tail + comma + 1, right.qualifier_first)
    ):  # a reporting country for its own clause: "…, Kambodscha acht Zivilisten und fünf Soldaten"
        return ends_clause or tokens.low[right.tail] in lx.CONNECTORS
    place = _place_before(tokens, left.tail, right.qualifier_first)  # the place before the number
    return place is not None and place > left.tail and tokens.low[place - 1] in lx.CONNECTORS and ends_clause


def _place_aside(tokens: Tokens, start: int, end: int) -> int | None:
    """Where a relative clause about a place opens (its comma), when one stands right before the
    connector at `end - 1`: ", where a drone hit a shop, and", ", donde …, y", ", où …, et"."""
    low = tokens.low
    if end - 3 <= start or low[end - 1] not in lx.CONNECTORS or low[end - 2] != ",":
        return None
    for index in range(end - 3, max(start, end - 3 - _ASIDE_WORDS), -1):
        if low[index] in ".;:":
            return None
        if low[index] == ",":
            return index if low[index + 1] in _PLACE_RELATIVES else None
    return None


def _place_before(tokens: Tokens, start: int, end: int) -> int | None:
    """Where a place phrase that ends at token `end` begins (its preposition), if one does:
    a preposition, then names or determiners only."""
    for index in range(end - 1, max(start - 1, end - _PLACE_WORDS - 2), -1):
        word = tokens.low[index]
        if word in _PLACE_PREPOSITIONS and index < end - 1:
            return index
        if not (tokens.capital(index) or word in lx.DETERMINERS):
            return None
    return None


def _place_follows(tokens: Tokens, index: int) -> bool:
    """Whether a place phrase starts at token `index`: a preposition, then a name ("in Aleppo")."""
    return index + 1 < len(tokens) and tokens.low[index] in _PLACE_PREPOSITIONS and (
        tokens.capital(index + 1) or tokens.low[index + 1] in lx.DETERMINERS
    )


def _among(tokens: Tokens, start: int, end: int) -> bool:
    between = tokens.low[start:end]
    return 2 <= len(between) <= 4 and bool(_AMONG & set(between)) and all(w in _AMONG_LINK for w in between)


def _joined(tokens: Tokens, start: int, end: int) -> bool:
    """Only list glue between two figures: ", ", "and", "as well as", "ainsi que" (not "e que")."""
    between = " ".join(tokens.low[start:end])
    return 0 < end - start <= 4 and bool(_LIST_GLUE.match(between))


def _bare_conjunction(tokens: Tokens, start: int, end: int) -> bool:
    """Only "and"/"et"/"e"/"y" between two figures: one list, without a comma that could open a clause."""
    return end - start == 1 and tokens.low[start] in _CLAUSE_CONJUNCTIONS


def _joined_after_adjective(tokens: Tokens, left: Candidate, right: Candidate) -> bool:
    """ "146 combatientes drusos y 83 civiles": a Romance adjective after the group noun, then the glue;
    "14 getötete Zivilisten und acht Soldaten": the noun after an outcome adjective, then the glue."""
    if left.head not in {"group", "outcome"} or right.head not in {"group", "people"} or left.tail >= right.qualifier_first:
        return False
    word = tokens.low[left.tail]
    plain = word.isalpha() and word not in lx.BLOCKERS and word not in lx.SUBORDINATORS and word not in FUNCTION_WORDS
    return plain and _joined(tokens, left.tail + 1, right.qualifier_first)


def _joined_after_complement(tokens: Tokens, left: Candidate, right: Candidate) -> bool:
    """ "nueve soldados del Ejército sirio, ocho combatientes kurdos y cuatro civiles", "six soldiers
    of the national army and three civilians", "sechs Soldaten der Armee und drei Zivilisten": a
    member's noun, a complement that says whose it is (a partitive or genitive word, then a few
    plain words), then the glue."""
    if left.head not in {"group", "outcome"} or right.head not in {"group", "people"}:
        return False
    low = tokens.low
    if left.tail >= right.qualifier_first or low[left.tail] not in _COMPLEMENT_OPENERS:
        return False
    for end in range(left.tail + 2, min(right.qualifier_first, left.tail + 2 + _COMPLEMENT_WORDS)):
        word = low[end - 1]
        if not word.rstrip("'’").isalpha() or word in lx.BLOCKERS or word in lx.SUBORDINATORS or word in lx.CONNECTORS:
            break
        if _joined(tokens, end, right.qualifier_first):
            return True
    return False


def _added(tokens: Tokens, start: int, end: int) -> bool:
    """ "… were wounded, as well as three civilians": the outcome's clause ends in an additive phrase."""
    between = tokens.low[start:end]
    if not 0 < len(between) <= _ADDITIVE_REACH:
        return False
    joined = " ".join(between)
    tail = _ADDITIVE_TAIL.search(joined)
    return tail is not None and not any(w in lx.BLOCKERS or w in lx.SUBORDINATORS for w in joined[: tail.start()].split())


def _listed_after_copula(tokens: Tokens, start: int, end: int) -> bool:
    """ "Among the 12 dead were four children": a figure named by a copula after another, also
    with an adverb of the subgroup's fillers beside it ("were also", "sind auch", "seien demnach")."""
    between = tokens.low[start:end]
    return (
        0 < len(between) <= _LISTING_REACH
        and any(word in _LISTING_VERBS for word in between)
        and all(word in _LISTING_VERBS or word in _LISTING_FILLERS for word in between)
    )
