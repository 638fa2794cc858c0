"""A place between an outcome verb and its number leaves the verb governing the number.

News that fronts the verb puts where it happened between the verb and the people counted:
"starben auf thailändischer Seite 15 Soldaten", "murieron en la Franja de Gaza 15 personas",
"morreram na Faixa de Gaza", "sont morts dans la province d'Idlib 15 civils". The place is a
preposition of `grammar.place_prepositions` and up to four words, the last written with a capital
(a name, or a German noun); `figures/preceding.py` `_place_before`. English does not put a place
there, so it has no case here. A number that is a distance after a place is still no figure.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("de", "Laut der Armee starben auf ukrainischer Seite zwölf Soldaten und drei Zivilisten.",
     [("killed", 12, "exact", "soldiers"), ("killed", 3, "exact", "civilians")]),
    ("de", "Bei dem Angriff kamen auf beiden Seiten mehr als 40 Kämpfer ums Leben.", [("killed", 40, "at_least", "fighters")]),
    ("de", "Am Dienstag starben in der Provinz Idlib 17 Menschen.", [("killed", 17, "exact", None)]),
    ("es", "El martes murieron en la Franja de Gaza 27 personas.", [("killed", 27, "exact", None)]),
    ("es", "Murieron en el norte de Darfur nueve civiles.", [("killed", 9, "exact", "civilians")]),
    ("pt", "Na terça-feira morreram na Faixa de Gaza 27 pessoas.", [("killed", 27, "exact", None)]),
    ("fr", "Mardi, sont morts dans la province d'Idlib 17 civils.", [("killed", 17, "exact", "civilians")]),
    # look-alikes: a distance after the place is no figure
    ("de", "Drei Menschen starben in einem Dorf 15 Kilometer nördlich von Charkiw.", [("killed", 3, "exact", None)]),
    ("es", "Tres personas murieron en una aldea a 15 kilómetros de Jartum.", [("killed", 3, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_place_between_the_verb_and_its_number(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
