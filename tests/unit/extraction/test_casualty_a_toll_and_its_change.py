"""A toll that changes: "the toll rose from eight to ten", "the number of soldiers killed rose to six".

Updates restate a toll as a change of its count. The earlier count is no figure; the new one is,
in every language: "subiu de oito para dez" and "stieg von acht auf zehn" join the two counts
with a word that joins no range ("para", "auf"; lexicon `grammar.change_joins`), next to
"rose from 8 to 10", "subió de ocho a diez", "est passé de huit à dix". A toll phrase may name
the group it counts ("the number of soldiers killed", "o número de soldados mortos", "le nombre
de soldats tués"): that group is its number's.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "The toll from the market bombing rose from 11 to 17, the governor said.", [("killed", 17, "exact", None)]),
    ("es", "El número de muertos por el bombardeo del mercado subió de 11 a 17.", [("killed", 17, "exact", None)]),
    ("fr", "Le bilan du bombardement du marché est passé de 11 à 17 morts.", [("killed", 17, "exact", None)]),
    ("pt", "O número de mortos no bombardeio do mercado subiu de onze para 17.", [("killed", 17, "exact", None)]),
    ("de", "Die Zahl der Toten nach dem Angriff auf den Markt stieg von elf auf 17.", [("killed", 17, "exact", None)]),
    ("de", "Die Zahl der Verletzten erhöhte sich von 20 auf 35.", [("injured", 35, "exact", None)]),
    # a toll that names its group
    ("en", "The number of police officers killed in the raid rose to seven.", [("killed", 7, "exact", "police")]),
    ("es", "El número de soldados muertos en la emboscada subió a siete.", [("killed", 7, "exact", "soldiers")]),
    ("pt", "O número de soldados mortos na emboscada subiu para sete, informou o Exército.",
     [("killed", 7, "exact", "soldiers")]),
    ("fr", "Le nombre de soldats tués dans l'embuscade est passé à sept.", [("killed", 7, "exact", "soldiers")]),
    # look-alikes: a range stays a range; a toll with no group gives none
    ("pt", "Entre 20 e 30 pessoas morreram no ataque.", [("killed", 20, "at_least", None)]),
    ("de", "Zwischen 20 und 30 Menschen starben bei dem Angriff.", [("killed", 20, "at_least", None)]),
    ("en", "The death toll from the attack on the barracks rose to 12.", [("killed", 12, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_toll_and_its_change(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
