"""A sentence as tokens, and a number in it as a candidate casualty figure.

Shared by `candidates.py` (which numbers count people), `heads.py` (whom they count) and the
attachment of outcomes: a candidate carries everything the sentence says around its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from services.extraction.text.keywords import lower_keeping_offsets

# French/Italian elisions (d', l', qu') are tokens of their own: "plus d'une centaine", "l'armée".
# A hyphen joins words ("Nagorno-Karabakh", "32-year-old") but not two numbers ("10-12": a range).
_TOKEN: Final = re.compile(
    r"(?<!\w)(?:[dlnjsc]|qu)['’](?=\w)|\w+(?:['’]\w+|-(?=[^\W\d_])\w+|(?<=[^\W\d_])-\w+)*|[^\w\s]",
    re.IGNORECASE,
)


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs twice as much, and tokens are many
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


def tokenize(sentence: str, low: str | None = None) -> list[Token]:
    """Words and punctuation with offsets; `low` is the sentence lowercased with offsets kept, if at hand."""
    low = lower_keeping_offsets(sentence) if low is None or len(low) != len(sentence) else low
    spans = [match.span() for match in _TOKEN.finditer(sentence)]  # a list first: cheaper than a generator
    return [Token(low[start:end], start, end, sentence[start].isupper()) for start, end in spans]


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
