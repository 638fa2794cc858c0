"""What a number counts: the nouns for people (by contract group) and for things.

A number before "civilians" is a figure for the civilians group; before "people" or
"Palestinians" a figure with no group; before "missiles", "km" or "years" no figure at all.
Money, labels and dates are recognised from the words around the number.
"""

from __future__ import annotations

import re
from typing import Final

from services.extraction.lexicon import lexicons
from services.extraction.lexicon.wordlists import alternation, trie_pattern
from services.extraction.text import months

# The contract groups, in the order they are tried: the first whose noun matches wins.
GROUP_ORDER: Final = (
    "peacekeepers", "aid_workers", "journalists", "police", "soldiers", "fighters", "children", "women", "civilians",
)  # fmt: skip
GROUPS: Final[list[tuple[str, re.Pattern[str]]]] = [
    (group, re.compile(rf"(?:{alternation(*lexicons.words('groups', group))})(?!\w)")) for group in GROUP_ORDER
]

# All groups as one pattern, one named branch per group in GROUP_ORDER: an alternation tries its
# branches in order at a position, so the first group whose noun matches wins, as with GROUPS,
# for one regex call instead of nine.
ANY_GROUP: Final = re.compile("|".join(f"(?P<{group}>{pattern.pattern})" for group, pattern in GROUPS))

# Nouns for people that carry no contract group ("32 people", "70 patients", "124 others").
PEOPLE: Final = re.compile(r"(?:" + alternation(*lexicons.words("people")) + r")(?!\w)")

# Nouns that are certainly not people: a number before them is not a casualty figure.
NOT_PEOPLE: Final = re.compile(r"(?:" + alternation(*lexicons.words("things")) + r")(?!\w)")

# What sits right before a number when the number is money or a label, not a count.
_MONEY_OR_LABEL_WORDS: Final = (
    "aged", "aged between", "aged from", "ages of", "âgés de", "âgées de", "âgés entre", "com idades entre",
    "us$", "usd", "eur", "r$", "resolution", "resolución", "resolução", "résolution", "operation", "operação",
    "operación", "opération", "route", "highway", "road", "rodovia", "carretera", "flight", "vuelo", "voo", "vol",
    "article", "artigo", "artículo", "no.", "number", "número", "numéro", "nº", "n°", "phase", "fase", "unit", "unidad",
    "brigade", "brigada", "battalion", "batallón", "km", "kilometre", "kilometer", "page", "chapter", "channel",
    "level", "category", "magnitude", "zone", "sector", "block", "bloco", "bloque", "district", "distrito", "ward",
    "building", "paragraph", "point", "punto", "ponto",
)  # fmt: skip
MONEY_OR_LABEL_BEFORE: Final = re.compile(
    r"(?:[$€£¥₹]|(?<!\w)(?:" + trie_pattern(_MONEY_OR_LABEL_WORDS, space=" ") + r"))\s*$"
)

# What right after a number makes it a quantity of something other than people: a unit, a
# currency, an age, a time of day, or a month ("3 March", and "3. März" with its ordinal dot).
UNIT_AFTER: Final = re.compile(
    r"^(?:\s*(?:%|" + "|".join(lexicons.patterns("units_after")) + r")"
    r"|\.?\s*(?:de )?(?:" + months.alternation() + r")\b)"
)

# "March 3": English writes the month before the day.
# "May 14 people" would be a US date, but "12 May 14 people": a date holds one day, so a month
# that already has its day before it leaves the next number free.
MONTH_BEFORE: Final = re.compile(
    r"(?<!\w)(?<!\d\s)(?<!\d\.\s)(?:" + months.alternation(months.names_of("en")) + r")\.?\s*$"
)

# A match of either pattern above ends, but for whitespace (and the month's dot), with one of its
# words: `str.endswith` over them, in C, rules out most numbers before a pattern is tried.
_LABEL_ENDINGS: Final = (*_MONEY_OR_LABEL_WORDS, "$", "€", "£", "¥", "₹")
_EN_MONTHS: Final = tuple(months.names_of("en"))


def money_or_label_before(before: str) -> bool:
    """Whether the text right before a number makes it money or a label ("US$", "No.", "route")."""
    return before.rstrip().endswith(_LABEL_ENDINGS) and MONEY_OR_LABEL_BEFORE.search(before) is not None


# What the text before a number, stripped, must end with for either test above to hold.
_BEFORE_ENDINGS: Final = (*_LABEL_ENDINGS, *_EN_MONTHS, *(f"{month}." for month in _EN_MONTHS))


def trap_before(before: str) -> bool:
    """Whether the text right before a number makes it money, a label or an English date; one
    `endswith` over both tests' words rules out most numbers."""
    if not before.rstrip().endswith(_BEFORE_ENDINGS):
        return False
    return money_or_label_before(before) or month_before(before)


def month_before(before: str) -> bool:
    """Whether the text right before a number is an English month that dates it ("March 3")."""
    tail = before.rstrip()
    tail = tail[:-1] if tail.endswith(".") else tail
    return tail.endswith(_EN_MONTHS) and MONTH_BEFORE.search(before) is not None
