"""Word and phrase lists written the way linguists write them: one string per list."""

from __future__ import annotations

import re


def word_tuple(words: str) -> tuple[str, ...]:
    """The words of a space-separated string, in order."""
    return tuple(words.split())


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated string, for membership tests."""
    return frozenset(words.split())


def phrases(text: str) -> list[str]:
    """The phrases of a "|"-separated string (phrases may hold spaces)."""
    return [phrase.strip() for phrase in text.split("|") if phrase.strip()]


def alternation(*options: str) -> str:
    """A regex alternation of phrases (longest first), with spaces matching any whitespace."""
    ordered = sorted({option for option in options if option}, key=len, reverse=True)
    return "|".join(re.escape(option).replace(r"\ ", r"\s+") for option in ordered)
