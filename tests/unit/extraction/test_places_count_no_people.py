"""A count of places counts no people, in every language.

"accused the army of violating the truce at two places along the border": the number counts
places, and the verb after them ("verletzt", "violated", "wounded") reports nothing about people
(lexicon `things`). German needs this most: "verletzt" is both a violated truce and injured
people. People counted beside places are still counted. Sentences of my own wording, none from
an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("de", "Die Rebellen sollen die Feuerpause an drei Stellen der Front verletzt haben.", []),
    ("de", "An drei Stellen der Front wurden vier Soldaten verletzt.", [("injured", 4)]),
    ("en", "Shells hit three places along the front and wounded four soldiers.", [("injured", 4)]),
    ("en", "The militia attacked three sites in the north, where four soldiers were wounded.", [("injured", 4)]),
    ("es", "Los obuses cayeron en tres puntos del frente y cuatro soldados resultaron heridos.", [("injured", 4)]),
    ("fr", "Les obus sont tombés à trois endroits du front, blessant quatre soldats.", [("injured", 4)]),
    ("pt", "Os obuses atingiram três pontos da frente e quatro soldados ficaram feridos.", [("injured", 4)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_places_are_not_people(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
