"""A word-anchored pattern finds what `finditer` finds: its opening words, read from the parse
tree, are in every match, and matching only where they start loses no match and adds none."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from services.extraction.ceasefire import attachment, background, context, negations, parties
from services.extraction.ceasefire.cues import CUE_SET
from services.extraction.ceasefire.terms import PRONOUN_TERM, PRONOUNS, STRONG_TERM, WEAK_TERM
from services.extraction.ceasefire.word_anchored import WordAnchoredPattern, opening_words
from services.extraction.lexicon import lexicons

# Every pattern the ceasefire reader searches this way, and two of its own.
IN_USE = [
    PRONOUNS, STRONG_TERM.anchored, WEAK_TERM.anchored, background._EARLIER, background._YEAR, background._MONTH_WORD,
    context.CONDITIONAL, attachment._BARRIER_WORDS, *(g._anchored for g in (parties._SUBJECT_VERB, parties._BETWEEN,
    parties._WITH, background._MONTH_PHRASE)), negations.NEGATION, *negations.NEGATION_BY_LANGUAGE.values(),
    context.ANY_PARTY, parties._MEDIATED_BY,
    *(p._rest_anchored for p in [*CUE_SET.patterns, STRONG_TERM.scan, WEAK_TERM.scan] if p._rest_anchored is not None),
]  # fmt: skip
ANCHORED = [anchored for anchored in IN_USE if anchored is not None] + [WordAnchoredPattern(pattern) for pattern in [
    re.compile(r"\b(?:it|them|l'(?=a\b)|(?<=\bde\s)[oa](?=\s+viol)|its?\s+own|a\s+truce|truce)\b", re.IGNORECASE),
    re.compile(r"\b(?:truce|tregua)(?=,)", re.IGNORECASE),
]]
PIECES = [
    "it ", "It", "IT", "them", "l'", "L'a ", "l'avoir viole", "de ", "de o violar", "De a violaram", "sem o violar",
    "que a quebrou", "elle ", "Elle a", "il ", "la ", "le ", "pour la violer", "sans le rompre", "o ", "a ", "its own",
    "truce", "Tregua", ", ", ". ", "-", "'", "x", " ", "İt", "ı", "ſ", "K", "itself ", "them.", "\n", "ça ",
    "ceasefire ", "Cease-fire with ", "a deal", "acuerdo ", "while ", "Whereas", "alors que ", "in March", "en marzo",
    "2020", "1999s ", "20201", "earlier truces", "previous ", "a year ago", "il y a deux ans", "if the ", "si la ",
    "unless ", "between ", "entre ", "agreed ", "signed", "during ", "late ", "August ", "mid-", "in late August ",
    "not ", "n't ", "didn't ", "could ", "may ", "May ", "to be ", "any side ", "today", "on Monday", "brokered by ",
    "mediated by Qatar", "has largely held", "took effect", "entered into force", "nicht", "keine ", "no ", "sin ",
]  # fmt: skip


@settings(max_examples=300)
@example("Agreed a truce, it held; elle a tenu. Sin de o violar, sans le rompre, l'avoir viole")
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_a_word_anchored_pattern_finds_what_finditer_finds(text: str) -> None:
    for anchored in ANCHORED:
        pattern = anchored.pattern
        assert list(anchored.spans(text)) == [m.span() for m in pattern.finditer(text)], (pattern.pattern[:60], text)
        # from a position, up to one (a word cut there is read as the regex reads it: cut)
        pos, endpos = len(text) // 3, len(text) - len(text) // 4
        expected = [m.span() for m in pattern.finditer(text, pos, endpos)]
        assert [m.span() for m in anchored.finditer(text, pos, endpos)] == expected, (pattern.pattern[:60], text)
        found, first = anchored.search(text, pos, endpos), pattern.search(text, pos, endpos)
        assert (found and found.span()) == (first and first.span()), (pattern.pattern[:60], text)


def test_the_patterns_in_use_are_anchored() -> None:
    """Each is tried only at its opening words: none fell back to a search at every position."""
    assert all(anchored is not None and anchored.anchors for anchored in IN_USE)


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


# The clause breaks as one alternation, as they were searched before the marks and words were split.
_ONE_ALTERNATION = re.compile(
    r";|,\s*(?:" + "|".join(lexicons.patterns("ceasefire", "comma_breaks")) + r")\b|\b(?:"
    + "|".join(lexicons.patterns("ceasefire", "clause_breaks")) + r")\b"
)  # fmt: skip


@settings(max_examples=300)
@example("The truce held, but while it did; y mientras, mais alors que aunque")
@given(st.lists(st.sampled_from([*PIECES, ", but ", "; ", ",and", ", y ", " mientras ", "obwohl", ", aber "]), max_size=14).map("".join))
def test_the_clause_breaks_are_those_of_one_alternation(text: str) -> None:
    assert attachment.clause_breaks(text)[0] == [m.start() for m in _ONE_ALTERNATION.finditer(text)], text
