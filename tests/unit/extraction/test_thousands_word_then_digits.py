"""Thousands written as a word and the rest as digits right after it: "mil 200" is 1200, "2 mil 500"
is 2500. Mexican wire copy (and Spanish-language outlets that follow its style) writes large tolls
so; the reader took the word and the digits for two numbers ("mil 300 muertos" gave 1000 and 300).

`text/numbers.py` `_thousands_then_units`: a count that ends with the language's word for a
thousand joins the plain digits below 1,000 that follow it after one space. Look-alikes: the
thousands word with its noun and a separate number later, a year after the word, and digits with
their own separators. Sentences of my own wording, none from an evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from services.extraction.text.numbers import find_numbers
from tests.unit.extraction.casualty_helpers import pairs

JOINED: list[tuple[str, str, list[int]]] = [
    ("mil 200 personas", "es", [1200]),
    ("3 mil 268 heridos", "es", [3268]),
    ("dos mil 45 desaparecidos", "es", [2045]),
    ("mil 300 mortos", "pt", [1300]),
]

APART: list[tuple[str, str, list[int]]] = [
    ("mil personas y 200 heridos", "es", [1000, 200]),
    ("en el mil 2023 no hubo", "es", [1000, 2023]),  # four digits: no count below a thousand
    ("3 mil, 268 heridos", "es", [3000, 268]),  # a comma between: two numbers
    ("2.500 muertos", "es", [2500]),
]


@pytest.mark.parametrize(("text", "language", "expected"), JOINED + APART)
def test_thousands_word_then_digits(text: str, language: str, expected: list[int]) -> None:
    assert [mention.value for mention in find_numbers(text, language)] == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "La Fiscalía del estado contabilizó mil 150 homicidios dolosos en lo que va del año.",
         [("killed", 1150)]),
        ("es", "Los combates en la sierra dejaron 2 mil 300 desplazados y 140 heridos, informó la alcaldía.",
         [("displaced", 2300), ("injured", 140)]),
    ],
)
def test_joined_counts_are_figures(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
