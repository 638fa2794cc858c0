"""A day named with its demonstrative between a verb and its number: "mató este sábado a ocho
personas", "mataram nesta terça-feira 12 pessoas", "ont tué ce samedi sept villageois". The day
alone was a filler ("ont tué samedi sept"); its demonstrative, and Portuguese weekdays but Saturday
and Sunday, were not (lexicon `grammar.pre_fillers`).

Look-alike: the same day and a number after a verb that tells no outcome. Sentences of my own
wording, none from an evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("es", "Un dron mató este martes a cinco soldados cerca de la frontera.", [("killed", 5)]),
    ("pt", "Os bombardeamentos mataram nesta quarta-feira 14 pessoas em Kharkiv.", [("killed", 14)]),
    ("pt", "Os rebeldes mataram sexta-feira seis aldeões.", [("killed", 6)]),
    ("fr", "Des hommes armés ont tué ce lundi neuf orpailleurs dans le nord.", [("killed", 9)]),
    # look-alike: no verb of an outcome before the day
    ("es", "El ejército desplegó este martes a 500 soldados en la frontera.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_a_day_between_a_verb_and_its_number(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
