"""Word lists written the way linguists write them: one space-separated string per list."""

from __future__ import annotations


def word_tuple(words: str) -> tuple[str, ...]:
    """The words of a space-separated string, in order."""
    return tuple(words.split())


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated string, for membership tests."""
    return frozenset(words.split())
