"""Vehicles, aircraft and sides are no people: "trois véhicules détruits" after a toll's wounded was
read as three more wounded (the list's outcome reached it), and "des morts des deux côtés" as two
dead. The contract lists vehicles among the numbers that are no casualties; English had them in
`things`, French, Spanish and Portuguese did not. Sentences of my own wording, none from an
evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("fr", "L'embuscade a fait quatre morts, six blessés et deux véhicules incendiés.", [("killed", 4), ("injured", 6)]),
    ("es", "El choque dejó cinco muertos, siete heridos y tres patrullas dañadas.", [("killed", 5), ("injured", 7)]),
    ("pt", "O ataque fez dois mortos, nove feridos e quatro viaturas destruídas.", [("killed", 2), ("injured", 9)]),
    ("fr", "Les combats ont fait des morts des deux côtés, sans bilan précis.", []),
    ("es", "Los enfrentamientos dejaron muertos de los dos lados, según vecinos.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_vehicles_and_sides_are_things(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
