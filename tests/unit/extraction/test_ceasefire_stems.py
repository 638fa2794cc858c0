"""The stem pre-filter must never hide a match: if a pattern matches, one of its stems is found."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.extraction.ceasefire.cues import CUES, NAMING_STEMS, STEMS
from services.extraction.ceasefire.stems import Stem, stem_of
from services.extraction.ceasefire.terms import HALT_TERM, STRONG_TERM, WEAK_TERM
from services.extraction.text.fold import fold
from tests.unit.extraction.test_ceasefire_statuses import CASES, PHRASING

PATTERNS = [STRONG_TERM, WEAK_TERM, HALT_TERM, *CUES]
TEXTS = [text for _, text, _ in CASES] + [text for text, _ in PHRASING]


@pytest.mark.parametrize(
    ("alternative", "stem"),
    [
        (r"(?<!self-)proclaim(?:s|ed)?", Stem("proclaim", False)),
        (r"(?:has|have|had)\s+(?:largely\s+)?held", Stem("held", True)),
        (r"cease-?\s?fires?", Stem("cease", False)),  # "ceasefire" is one word
        (r"-?brokered", Stem("brokered", True)),
        (r"in\s+force", Stem("force", True)),
        (r"(?:re)?commit(?:s|ted)?\s+to", None),  # "recommitted": "commit" does not start the word
        (r"honou?r", Stem("hono", False)),
        (r"push(?:es|ed)?\s+for", Stem("push", False)),  # "for" is too common to be a test
    ],
)
def test_stem_of_reads_the_word_every_match_starts_with(alternative: str, stem: Stem | None) -> None:
    assert stem_of(alternative) == stem


@pytest.mark.parametrize("text", TEXTS, ids=[text[:40] for text in TEXTS])
def test_every_pattern_that_matches_has_a_stem_present(text: str) -> None:
    folded = fold(text)
    located = STEMS.locate(folded.lower())
    for pattern in PATTERNS:
        if pattern.stems is not None and pattern.pattern.search(folded):
            assert any(stem.text in located for stem in pattern.stems), pattern.pattern.pattern[:80]


@given(st.lists(st.sampled_from(sorted({w for text in TEXTS for w in text.split()})), min_size=1, max_size=25))
@settings(max_examples=300, deadline=None)
def test_stems_never_hide_a_match_in_shuffled_news_words(words: list[str]) -> None:
    folded = fold(" ".join(words))
    located = STEMS.locate(folded.lower())
    for pattern in PATTERNS:
        if pattern.stems is not None and pattern.pattern.search(folded):
            assert any(stem.text in located for stem in pattern.stems)


def test_locate_gives_word_offsets() -> None:
    low = "the truce was violated; violations continued"
    located = STEMS.locate(low)
    assert located["truce"] == [4]
    assert sorted(located["violat"]) == [14, 24]


@pytest.mark.parametrize("text", TEXTS, ids=[text[:40] for text in TEXTS])
def test_matching_at_stems_finds_what_a_full_scan_finds(text: str) -> None:
    folded = fold(text)
    located = STEMS.locate(folded.lower())
    for pattern in PATTERNS:
        # ends, not starts: an optional leading hyphen ("-?brokered") may or may not be included
        full = {m.end() for m in pattern.pattern.finditer(folded)}
        fast = {end for _, end in pattern.scan.spans(folded, located)}
        assert full <= fast, pattern.pattern.pattern[:80]


def test_every_stem_a_scan_looks_for_is_indexed() -> None:
    low = " ".join(stem.text for pattern in PATTERNS for stem in pattern.scan.stems)
    located = STEMS.locate(low)
    for pattern in PATTERNS:
        assert all(stem.text in located for stem in pattern.scan.stems), pattern.pattern.pattern[:80]


_STEM_WORDS = sorted({*STEMS._whole, *(prefix for group in STEMS._buckets.values() for prefix in group)})


@settings(max_examples=300, deadline=None)  # no timing: a loaded CI machine would flake
@given(st.lists(st.sampled_from([*_STEM_WORDS, "a", "xx", " ", "-", "_", "é", "1", "\n", "s", "ed"]), max_size=12))
def test_occurs_agrees_with_locate(pieces: list[str]) -> None:
    text = "".join(pieces)
    for index in (STEMS, NAMING_STEMS):
        assert index.occurs(text) == bool(index.locate(text))
