"""A word-anchored pattern finds what `finditer` finds: its opening words, read from the parse
tree, are in every match, and matching only where they start loses no match and adds none."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from services.extraction.ceasefire.terms import PRONOUN_TERM, PRONOUNS
from services.extraction.ceasefire.word_anchored import WordAnchoredPattern, opening_words

PATTERNS = [
    PRONOUN_TERM,
    re.compile(r"\b(?:it|them|l'(?=a\b)|(?<=\bde\s)[oa](?=\s+viol)|its?\s+own|a\s+truce|truce)\b", re.IGNORECASE),
    re.compile(r"\b(?:truce|tregua)(?=,)", re.IGNORECASE),
]
PIECES = [
    "it ", "It", "IT", "them", "l'", "L'a ", "l'avoir viole", "de ", "de o violar", "De a violaram", "sem o violar",
    "que a quebrou", "elle ", "Elle a", "il ", "la ", "le ", "pour la violer", "sans le rompre", "o ", "a ", "its own",
    "truce", "Tregua", ", ", ". ", "-", "'", "x", " ", "İt", "ı", "ſ", "K", "itself ", "them.", "\n", "ça ",
]  # fmt: skip


@settings(max_examples=600)
@example("Agreed a truce, it held; elle a tenu. Sin de o violar, sans le rompre, l'avoir viole")
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_a_word_anchored_pattern_finds_what_finditer_finds(text: str) -> None:
    for pattern in PATTERNS:
        anchored = WordAnchoredPattern(pattern)
        assert list(anchored.spans(text)) == [m.span() for m in pattern.finditer(text)], (pattern.pattern[:60], text)


def test_the_opening_words_of_the_pronouns() -> None:
    """Read from the lexicons' pronoun patterns: each a whole word but French "l'", whose
    lookahead opens with a letter; the automaton is built, so the pattern is not searched as is."""
    found = dict(opening_words(PRONOUN_TERM) or [])
    assert found["it"] and found["them"] and found["o"] and found["la"]
    assert found["l'"] is False
    assert PRONOUNS._openings is not None


def test_a_pattern_that_may_open_otherwise_is_searched_as_it_is() -> None:
    for source in [r"it\b", r"\b(?:it|\w+s)\b", r"\b(?:it|-x)", r"\b[^a]x"]:
        assert opening_words(re.compile(source)) is None, source
    assert list(WordAnchoredPattern(re.compile(r"\b(?:it|\w+s)\b")).spans("cats and it")) == [(0, 4), (9, 11)]
