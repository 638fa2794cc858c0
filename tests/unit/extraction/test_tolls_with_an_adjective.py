"""A toll noun may carry an adjective of the count before its dead: "o número oficial de mortos é de
143", "la cifra oficial de muertos subió a 143", "le nombre officiel de morts s'élève à 143". Real
outlets qualify the count so (official, confirmed, provisional, total, final); the lexicon's `tolls`
knew only "número de mortos". German ("die offizielle Zahl der Toten") and English ("the confirmed
death toll") put the adjective first and were read already.

Look-alikes: a count that is not of the dead ("el número oficial de desplazados") stays no killed
figure. Sentences of my own wording, none from an evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("pt", "Segundo o ministério, o número confirmado de mortos é de 143.", [("killed", 143)]),
    ("pt", "O número oficial de mortes subiu para 212 na noite de domingo.", [("killed", 212)]),
    ("es", "La cifra oficial de muertos subió a 143 este lunes, según Protección Civil.", [("killed", 143)]),
    ("es", "El número provisional de fallecidos asciende a 212.", [("killed", 212)]),
    ("fr", "Le nombre officiel de morts s'élève à 143, selon la préfecture.", [("killed", 143)]),
    ("de", "Die offizielle Zahl der Toten stieg auf 143.", [("killed", 143)]),
    ("en", "The confirmed death toll rose to 143 on Monday.", [("killed", 143)]),
    # a count of others
    ("es", "El número oficial de desplazados asciende a 3.000.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_a_toll_with_an_adjective_of_the_count(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert [pair for pair in pairs(text, language) if pair[0] == "killed"] == expected
