"""A guarded pattern answers what its pattern answers: the literal test only rules out text the
pattern cannot match, and the case-sensitive search on lowercased text finds the same spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from services.extraction.ceasefire import background, parties
from services.extraction.ceasefire.literals import GuardedPattern, Literals

GUARDED = [parties._SUBJECT_VERB, parties._BETWEEN, parties._WITH, background._MONTH_PHRASE]
PIECES = [
    "Israel and Hamas ", "AGREED", "agreed ", "Signed", " a truce ", "TRUCE WITH ", "Between ", "entre ", "in ",
    "March", "in late August", "en août ", "İ", "ı", "ſigned", "K", ", ", ". ", "2024", "x", " ", "Ceasefire with ",
    "ont signé", "ont convenu", "acordaron", "durante enero",
]  # fmt: skip


@settings(max_examples=400)
@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join))
def test_a_guarded_search_finds_what_the_pattern_finds(text: str) -> None:
    for guarded in GUARDED:
        found = guarded.search(text)
        expected = guarded.pattern.search(text)
        assert (found and found.span()) == (expected and expected.span()), (guarded.pattern.pattern[:60], text)


def test_the_guards_are_used() -> None:
    """Each of these is searched case-sensitively on lowercased text where it can be."""
    assert all(guarded._caseless is not None for guarded in GUARDED)
    assert isinstance(GUARDED[0], GuardedPattern)


def test_literals_is_any_substring() -> None:
    words = Literals(["truce", "cease"])
    assert words.found_in("a truce held") and words.found_in("ceasefire") and not words.found_in("tru ce")
    assert not Literals([]).found_in("anything")
