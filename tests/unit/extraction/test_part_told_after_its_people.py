"""A part of a toll told after its people: "deux enfants figuraient parmi les victimes", "tres menores
figuran entre las víctimas", "seis crianças estão entre os mortos". The cue opening a sentence
("Parmi les victimes figurent deux enfants") was read; after the people it was not (lexicon
`outcomes.killed.post`, `outcomes.injured.post`).

Look-alike: people among others who are no casualties ("figurent parmi les invités"). Sentences of
my own wording, none from an evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

CASES: list[tuple[str, str, list[tuple[str, int, str, str | None]]]] = [
    ("fr", "Onze personnes ont péri dans l'incendie ; trois enfants figurent parmi les morts.",
     [("killed", 11, "exact", None), ("killed", 3, "exact", "children")]),
    ("fr", "L'explosion a fait 30 blessés, et quatre journalistes figuraient parmi les blessés.",
     [("injured", 30, "exact", None), ("injured", 4, "exact", "journalists")]),
    ("es", "El ataque dejó 14 muertos; dos periodistas figuran entre las víctimas.",
     [("killed", 14, "exact", None), ("killed", 2, "exact", "journalists")]),
    ("pt", "O bombardeamento matou 22 pessoas e cinco mulheres estão entre os mortos.",
     [("killed", 22, "exact", None), ("killed", 5, "exact", "women")]),
    # look-alike
    ("fr", "Deux ministres figurent parmi les invités du sommet.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_part_told_after_its_people(language: str, text: str, expected: list[tuple[str, int, str, str | None]]) -> None:
    assert full(text, language) == expected
