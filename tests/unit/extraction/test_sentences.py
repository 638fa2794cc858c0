"""Sentence splitting: offsets into the article, abbreviations are not boundaries."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from services.extraction.text.sentences import _ABBREVIATION, _BOUNDARY, Sentence, _append, split_sentences


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = "Gen. Smith said U.S. forces left. Two died.\nNext line"
    assert [s.text for s in split_sentences(text)] == ["Gen. Smith said U.S. forces left.", "Two died.", "Next line"]
    assert all(text[s.start : s.end] == s.text for s in split_sentences(text))


def _whole_prefix_split(text: str) -> list[Sentence]:
    """The splitter as first written: the abbreviation test searches the whole sentence so far."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate = text[start : match.start() + 1]
        if "\n" not in match.group() and _ABBREVIATION.search(candidate.rstrip()):
            continue
        _append(sentences, text, start, match.end())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


PIECES = [
    "Mr",
    "Gen",
    "U",
    "S",
    ".",
    " ",
    "\n",
    "approx",
    "X",
    "a",
    "!",
    "?",
    "…",
    '"',
    "”",
    ")",
    "Sept",
    "No",
    "é",
    "\t",
]


@settings(max_examples=500, deadline=None)  # no timing: a loaded CI machine would flake
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_searching_only_the_tail_finds_the_same_boundaries(text: str) -> None:
    assert split_sentences(text) == _whole_prefix_split(text)
