"""The substring gates that spare regex scans must never rule out a match the regex would find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.extraction.attribution import background, period
from services.extraction.figures import cues as lexicon
from services.extraction.figures import outcomes
from services.extraction.text import numbers
from services.extraction.text.keywords import gate_text, may_hold

# (pattern, the needles that gate it)
GATED = [
    (period._SPAN, period._SPAN_UNITS),
    (period._WEEKEND, period._WEEKEND_WORDS),
    (period._WEEK, period._WEEK_WORDS),
    (period._DAY, period._DAY_WORDS),
    (background._RELATIVE_PAST, background._RELATIVE_PAST_WORDS),
    (background._EPISODE, background._EPISODE_WORDS),
    (background._SINCE, background._SINCE_WORDS),
    (background._SINCE_WHEN, background._SINCE_WORDS),
    (background._DATE, background._MONTH_WORDS),
    (background._IN_MONTH, background._MONTH_WORDS),
    (outcomes._TOLL, outcomes._TOLL_WORDS),
    (outcomes._INJURY_TOLL, outcomes._INJURY_TOLL_WORDS),
    (numbers._ENGLISH_ARTICLE_SCALE, numbers._ARTICLE_SCALES),
    *((numbers._collective_pattern(language), numbers._NOUNS[language]) for language in ("en", "pt", "es", "fr", "de")),
]

PHRASES = [
    "in the past 24 hours", "NAS ÚLTIMAS 48 HORAS", "over the weekend", "Durante el fin de semana", "ce WEEK-END",
    "within a week", "en una semana", "au cours de la dernière semaine", "in a single day", "EN UNE JOURNÉE",
    "last year", "the 1990s", "two decades ago", "no ano passado", "el año pasado", "l’année dernière",
    "en marzo pasado", "triggered by", "the previous war", "that bloody war", "guerre précédente",
    "since May, when", "DESDE 2019, cuando", "on 3 March", "September 14", "in Janvier 2020", "em dezembro",
    "in a sİngle day", "ſince then, when", "the day after",
    "death toll", "número de vítimas mortales", "la cifra de heridos", "bilan des blessés", "nombre de morts",
    "a Hundred", "two DOZEN", "duas dezenas", "una docena", "une vingtaine", "uma DÚZIA", "un millier",
    "in den vergangenen 24 Stunden", "am Wochenende", "innerhalb einer Woche", "an einem einzigen Tag",
    "im vergangenen Jahr", "vor zwei Jahren", "im vorherigen Krieg", "seit März, als", "die Zahl der Toten",
    "Zahl der Verletzten", "ein Dutzend", "zwei Dutzend", "Todeszahl",
]  # fmt: skip
# Upper case, accents, and the letters that match case-insensitively without lowercasing to them.
ALPHABET = st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ABCDEIKLMNSTWZ'’-,0123456789éÉúÚíÍçİıſ") + PHRASES)


@pytest.mark.parametrize("phrase", PHRASES)
def test_every_listed_phrase_that_matches_passes_its_gates(phrase: str) -> None:
    gated = gate_text(phrase)
    for pattern, needles in GATED:
        if pattern.search(phrase):
            assert may_hold(gated, needles), (pattern.pattern[:40], phrase)


def test_a_case_oddity_turns_the_gate_off() -> None:
    assert gate_text("in a sİngle day") is None
    assert may_hold(None, ("anything",))
    assert not may_hold(gate_text("nothing here"), ("day",))


@settings(max_examples=300)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_no_gate_rules_out_a_regex_match(text: str) -> None:
    gated = gate_text(text)
    for pattern, needles in GATED:
        if re.search(pattern, text):
            assert may_hold(gated, needles), (pattern.pattern[:40], text)


QUALIFIER_PIECES = [word for _, _, endings in lexicon.QUALIFIERS for word in endings] + [
    "at least",
    "plus d’",
    "more than a",
    "près de",
    "no máximo",
    " ",
    "\n",
    "\u00a0",
    "x",
    "s",
    "'",
    "é",
]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(QUALIFIER_PIECES), max_size=8).map("".join))
def test_a_qualifier_match_always_ends_with_one_of_its_endings(before: str) -> None:
    for _, pattern, endings in lexicon.QUALIFIERS:
        if pattern.search(before):
            assert before.rstrip().endswith(endings), before
