"""A sentence as tokens, and a number in it as a candidate casualty figure.

Shared by `candidates.py` (which numbers count people), `heads.py` (whom they count) and the
attachment of outcomes: a candidate carries everything the sentence says around its number.
"""

from __future__ import annotations

import bisect
import itertools
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
_TOKEN_SPLIT: Final = re.compile(f"({_TOKEN.pattern})", re.IGNORECASE)  # the tokens, and what lies between them
# The same split for a sentence without an apostrophe: the elision and "’" branches cannot match,
# and what is left needs no IGNORECASE (\w and \s hold a character iff they hold its other case).
_TOKEN_SPLIT_NO_APOSTROPHE: Final = re.compile(r"(\w+(?:-(?=[^\W\d_])\w+|(?<=[^\W\d_])-\w+)*|[^\w\s])")
# … and without a hyphen either (three sentences in four): words and single marks, twice as fast.
_TOKEN_SPLIT_PLAIN: Final = re.compile(r"(\w+|[^\w\s])")


class Tokens:
    """A sentence's words and punctuation, built once and shared by every rule of the reader.

    Parallel lists rather than one object per token: `low[i]` is token i lowercased, `start[i]`
    and `end[i]` its sentence offsets. One regex split and a running sum of lengths (both in C)
    build them, so a sentence costs a few passes at C speed instead of an object per word.
    """

    __slots__ = ("end", "low", "start", "text")

    def __init__(self, text: str, low: str) -> None:
        # Splitting the lowercased sentence finds the same tokens as the sentence as written:
        # every character class the pattern uses holds a character iff it holds its lowercase
        # (checked over all of Unicode), and `low` keeps every offset.
        parts = _splitter(low).split(low)  # separator, token, separator, …, token, separator
        offsets = list(itertools.accumulate(map(len, parts), initial=0))
        self.text = text
        self.low: list[str] = parts[1::2]
        self.start: list[int] = offsets[1:-1:2]
        self.end: list[int] = offsets[2:-1:2]

    def __len__(self) -> int:
        return len(self.low)

    def outside_parentheses(self, start: int, end: int) -> int:
        """How many tokens of [start, end) stand outside parentheses (an aside is no distance)."""
        depth = counted = 0
        for word in self.low[start:end]:
            if word == "(":
                depth += 1
            elif word == ")" and depth:
                depth -= 1
            elif not depth:
                counted += 1
        return counted

    def capital(self, index: int) -> bool:
        """Whether token `index` is written with a capital: a name, a demonym."""
        return self.text[self.start[index]].isupper()

    def index_at(self, offset: int) -> int:
        """The index of the first token that ends after `offset`."""
        return bisect.bisect_right(self.end, offset)


def _splitter(low: str) -> re.Pattern[str]:
    """The cheapest pattern that splits `low` as `_TOKEN_SPLIT` does (two substring tests in C)."""
    if "'" in low or "’" in low:
        return _TOKEN_SPLIT
    return _TOKEN_SPLIT_NO_APOSTROPHE if "-" in low else _TOKEN_SPLIT_PLAIN


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

    def take(self, outcome: str, how: str) -> None:
        """Give the figure an outcome, and say which rule gave it."""
        self.outcome = outcome
        self.how = how


def tokenize(sentence: str, low: str | None = None) -> Tokens:
    """Words and punctuation with offsets; `low` is the sentence lowercased with offsets kept, if at hand."""
    low = lower_keeping_offsets(sentence) if low is None or len(low) != len(sentence) else low
    return Tokens(sentence, low)
