"""An article accent-folded, lowercased and spaced once, for every stage that finds words in it.

The ceasefire reader (its stems) and the region resolver (its place names) both look for whole
words in the folded, lowercased article with its non-word characters as spaces (the form their
Aho-Corasick automata match). Each used to build that form itself, from the same text: three
passes over the article each (fold, lower, space), twice. The extractor now builds it once
and hands it to both; a stage called without it (a test, the benchmark) builds its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.extraction.text.fold import fold
from services.extraction.text.keywords import words_spaced


@dataclass(frozen=True, slots=True)
class FoldedArticle:
    """One article in the forms the word-finding stages read, every offset that of `text`."""

    text: str
    folded: str  # `fold(text)`: same length
    low: str  # `folded.lower()`, or, where that would change its length ("İ"), lowercased char by char
    exact: bool  # `folded.lower()` kept the length, so `low` is it and each sentence's lowercase is a slice
    spaced: str  # " " + `words_spaced(low)` + " ": an offset in `low` is one less here


def fold_article(text: str) -> FoldedArticle:
    folded = fold(text)
    low = folded.lower()
    exact = len(low) == len(folded)
    if not exact:  # keep offsets exact: a character whose lowercase is longer stays as written
        low = "".join(char if len(char.lower()) != 1 else char.lower() for char in folded)
    return FoldedArticle(text, folded, low, exact, " " + words_spaced(low) + " ")
