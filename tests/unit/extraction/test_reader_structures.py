"""The casualty reader's shared structures read exactly what the slower forms they replaced read.

Speed work must leave the output unchanged; `test_output_unchanged.py` shows it on the gold
sets, and these tests show the equivalences it rests on for any text: tokens of the lowercased
sentence are the tokens of the sentence as written; a word list as a prefix tree matches what
the flat list, longest first, matched; the digit-first year pattern finds the years (and their
leading words) the old pattern found; the traps' word-ending guards never rule out a match.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from services.extraction.attribution import named_years
from services.extraction.figures import nouns
from services.extraction.figures.candidate import _TOKEN, Tokens, tokenize
from services.extraction.lexicon.wordlists import alternation
from services.extraction.text import months
from services.extraction.text.keywords import lower_keeping_offsets

# Characters that make tokenizing and case-insensitive matching differ if anything does: letters
# whose case differs in length ("İ"), case-folding oddities ("ſ", "K" Kelvin), elisions, hyphens.
_TRICKY = "aAdDlLsSqQuUİıſKéÉ'’-–. ,0123456789\n"
_TEXT = st.text(alphabet=st.sampled_from(_TRICKY), max_size=40) | st.text(max_size=40)


@settings(max_examples=300)
@given(_TEXT)
def test_tokens_of_the_lowercased_sentence_are_the_tokens_of_the_sentence_as_written(text: str) -> None:
    written = [(match.start(), match.end()) for match in _TOKEN.finditer(text)]
    tokens = tokenize(text)
    assert list(zip(tokens.start, tokens.end, strict=True)) == written
    low = lower_keeping_offsets(text)
    assert tokens.low == [low[start:end] for start, end in written]


def test_a_token_is_found_by_its_offset() -> None:
    tokens = Tokens("At least 12 people", "at least 12 people")
    assert tokens.low == ["at", "least", "12", "people"]
    assert [tokens.index_at(offset) for offset in (0, 2, 3, 9, 11, 18)] == [0, 1, 1, 2, 3, 4]
    assert tokens.capital(0) and not tokens.capital(1)


def _flat(options: list[str]) -> str:
    ordered = sorted({option for option in options if option}, key=len, reverse=True)
    return "|".join(re.escape(option).replace(r"\ ", r"\s+") for option in ordered)


_WORDS = st.lists(st.text(alphabet=st.sampled_from("abAB é"), min_size=1, max_size=6), min_size=1, max_size=8)
_CONTEXTS = (r"(?<!\w)(?:{})(?!\w)", r"(?:{})\s*$", r"(?:{})\s+b", r"{}")


@settings(max_examples=400)
@given(_WORDS, st.text(alphabet=st.sampled_from("abAB é\n"), max_size=30), st.booleans())
def test_a_word_list_as_a_tree_matches_what_the_flat_list_matched(words: list[str], text: str, caseless: bool) -> None:
    flags = re.IGNORECASE if caseless else 0
    for context in _CONTEXTS:
        tree = re.compile(context.format(alternation(*words)), flags)
        flat = re.compile(context.format(_flat(words)), flags)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_a_word_list_whose_letters_differ_only_by_case_stays_flat() -> None:
    assert alternation("Ab", "ab") == _flat(["Ab", "ab"])
    assert alternation("ab", "abc") != _flat(["ab", "abc"])  # a tree


@settings(max_examples=300)
@given(st.lists(st.sampled_from([*months.names_of("en"), "mayo", "may have", " ", "12", "."]), max_size=6))
def test_month_names_as_a_tree_match_what_the_flat_list_matched(parts: list[str]) -> None:
    text = " ".join(parts)
    guard = r"(?!\s+(?:" + "|".join(months._MODAL_FOLLOWERS) + r")\b)"
    names = sorted(months.MONTHS, key=len, reverse=True)
    flat = "|".join(re.escape(name) + (guard if name == "may" else "") for name in names)
    for context in (r"(?<!\w)(?:{})\b", r"(?:{})\.?\s*$"):
        tree = re.compile(context.format(months.alternation()), re.IGNORECASE)
        old = re.compile(context.format(flat), re.IGNORECASE)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in old.finditer(text)]


_OLD_YEAR = re.compile(r"(?<![\w,.])(?:in |of |the |em |en |de |du )?(?P<year>1[89]\d\d|20\d\d)(?:s|'s)?(?!\w|[,.]\d)")


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["in ", "of ", "the ", "du ", "x", " ", ",", ".", "2020", "1999", "s", "'s", "1", "e"])))
def test_years_are_found_from_their_digits_where_the_old_pattern_found_them(parts: list[str]) -> None:
    text = "".join(parts)
    old = [(m.start(), m.end(), int(m.group("year"))) for m in _OLD_YEAR.finditer(text)]
    assert named_years.years_in(text) == old
    assert named_years.latest_year(text) == (max(year for _, _, year in old) if old else None)


_BEFORE = st.lists(
    st.sampled_from([*nouns._MONEY_OR_LABEL_WORDS[:12], *months.names_of("en")[:8], "$", " ", ".", "3", "may have"]),
    max_size=4,
)


@settings(max_examples=300)
@given(_BEFORE)
def test_the_traps_word_ending_guards_never_rule_out_a_match(parts: list[str]) -> None:
    before = "".join(parts)[-16:]
    assert nouns.money_or_label_before(before) == bool(nouns.MONEY_OR_LABEL_BEFORE.search(before))
    assert nouns.month_before(before) == bool(nouns.MONTH_BEFORE.search(before))
    either = bool(nouns.MONEY_OR_LABEL_BEFORE.search(before) or nouns.MONTH_BEFORE.search(before))
    assert nouns.trap_before(before) == either
