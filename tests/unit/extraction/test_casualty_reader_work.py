"""The casualty reader spares work only where the work could not find anything.

Each shortcut rests on a necessary condition: a sentence whose numbers nothing can give an
outcome builds no tokens; the digit scan ignores case only in its scale words. These tests count
the work spared, and show that what the shortcut rests on holds (the snapshot test shows the
output unchanged over every gold set).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.extraction.figures import casualties
from services.extraction.figures import cues as lx
from services.extraction.figures.casualties import find_casualties
from services.extraction.lexicon import lexicons
from services.extraction.text import numbers
from services.extraction.text.sentences import split_sentences

_KILLED = "At least 30 people were killed in the attack."


def _read(text: str, language: str = "en") -> list[tuple[int, str | None, str | None]]:
    return [(f.count, f.outcome, f.group) for f in find_casualties(split_sentences(text), language)]


@pytest.fixture
def tokenized(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sentences the reader builds tokens for."""
    seen: list[str] = []
    tokenize = casualties.tokenize

    def counting(sentence: str, low: str | None = None) -> object:
        seen.append(sentence)
        return tokenize(sentence, low)

    monkeypatch.setattr(casualties, "tokenize", counting)
    return seen


def test_a_sentence_whose_numbers_nothing_can_give_an_outcome_builds_no_tokens(tokenized: list[str]) -> None:
    assert _read(f"{_KILLED} Police arrested 12 suspects and seized 3 cars.") == [(30, "killed", None)]
    assert tokenized == [_KILLED]


@pytest.mark.parametrize(
    ("first", "second", "language", "figure"),
    [
        (_KILLED, "Among them were two children.", "en", (2, "killed", "children")),
        ("Al menos 30 personas murieron en el ataque.", "Entre ellas hay dos niños.", "es", (2, "killed", "children")),
        (_KILLED, "That is up from 25 given on Monday.", "en", (25, "killed", None)),
    ],
)
def test_a_sentence_that_takes_its_outcome_from_the_figure_before_is_still_read(
    tokenized: list[str], first: str, second: str, language: str, figure: tuple[int, str, str | None]
) -> None:
    assert _read(f"{first} {second}", language) == [(30, "killed", None), figure]
    assert tokenized == [first, second]


def test_without_a_figure_before_a_subgroup_cue_alone_builds_no_tokens(tokenized: list[str]) -> None:
    assert _read("Police arrested 12 suspects. Among them were two children.") == []
    assert tokenized == []


def test_a_subgroup_cue_that_names_its_victims_is_read_without_an_outcome_word(tokenized: list[str]) -> None:
    assert _read("Unter den Todesopfern seien 3 Kinder.", "de") == [(3, "killed", "children")]
    assert tokenized == ["Unter den Todesopfern seien 3 Kinder."]


def test_every_subgroup_cue_begins_with_one_of_the_openings() -> None:
    """The opening test stands for SUBGROUP_CUE at a sentence's start: each alternative of the
    pattern begins with the first word of one of these lists."""
    for key in ("subgroup_cues", "subgroup_heads", "among"):
        for phrase in lexicons.words("grammar", key):
            assert phrase.startswith(lx.SUBGROUP_CUE_OPENINGS), phrase
    for opening in ("among them were ", "los heridos en goma incluyen ", "entre los muertos hay "):
        assert lx.SUBGROUP_CUE.search(opening), opening


@pytest.mark.parametrize(
    "window",
    [
        "an earlier figure of ",
        "up from ",
        "down from ",
        "revised down from ",
        "frente a los ",
        "anteriormente de ",
        "contra os ",
        "contre ",
        "revised the toll down to 52, from the ",
        "the preliminary death toll of ",
    ],
)
def test_every_correction_holds_one_of_the_correction_words(window: str) -> None:
    match = lx.CORRECTION_BEFORE.search(window)
    assert match is not None
    assert any(word in match.group() for word in lx.CORRECTION_WORDS)


# Text near what the digit scan reads: digits with every separator, scale words in any case.
_SCALES = sorted(numbers._SCALES)
_NUMERIC = st.lists(
    st.sampled_from(["1", "12", "2.5", "1,200", "3 400", "1.000", "-", "/", ":", " ", "\u00a0", "a", "É", *_SCALES])
    | st.sampled_from(_SCALES).map(str.upper)
    | st.sampled_from(_SCALES).map(str.title),
    max_size=12,
).map("".join)


@settings(max_examples=300)
@given(_NUMERIC | st.text(max_size=30))
def test_the_digit_scan_finds_what_the_caseless_scan_found(text: str) -> None:
    caseless = re.compile(numbers._DIGITS.pattern.replace("(?i:", "(?:"), re.IGNORECASE)
    found = [(m.span(), m.groupdict()) for m in numbers._DIGITS.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in caseless.finditer(text)]
