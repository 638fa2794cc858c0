"""Word and phrase lists written the way linguists write them: one string per list."""

from __future__ import annotations

import re
from collections.abc import Iterable


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
    """A regex alternation of phrases that matches the longest phrase it can, with spaces matching
    any whitespace.

    Written as a prefix tree (`trie_pattern`): the regex engine then reads each character once
    instead of trying every phrase in turn. The tree matches what the flat list, longest first,
    matches: the phrases that fit the text at a position are prefixes of one another, and both
    try them longest first. That needs one path through the tree per text, so where two of the
    phrases' letters match each other case-insensitively (an "S" and an "s"), the flat list is kept.
    """
    chosen = {option for option in options if option}
    if _one_path(chosen):
        return trie_pattern(chosen)
    ordered = sorted(chosen, key=len, reverse=True)
    return "|".join(re.escape(option).replace(r"\ ", r"\s+") for option in ordered)


def _one_path(options: set[str]) -> bool:
    """Whether no two distinct characters of the options match each other under re.IGNORECASE,
    and every space stands alone between two words (so each phrase matches a text one way)."""
    if any(option != option.strip() or "  " in option for option in options):
        return False
    chars = sorted({char for option in options for char in option})
    folded = {char: re.compile(re.escape(char), re.IGNORECASE) for char in chars}
    return all(
        first == second or folded[first].fullmatch(second) is None for first in chars for second in chars
    )


def trie_pattern(words: Iterable[str], space: str = r"\s+") -> str:
    """A regex matching any of the words, factored as a prefix tree; a space in a word
    matches `space` (by default any run of whitespace)."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(tree, space)


def _emit(node: dict[str, dict], space: str) -> str:  # type: ignore[type-arg]
    branches = [
        (space if char == " " else re.escape(char)) + _emit(child, space)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
