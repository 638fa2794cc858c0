"""A part of the wounded whose own verb is death: "three of the wounded later died".

Hospitals and officials update a toll by saying how many of the wounded (or the missing) have
since died: "two of the injured died overnight", "tres de los heridos murieron", "deux des
blessés ont succombé", "três dos feridos morreram", "drei der Verletzten starben". The partitive
names the wounded, but the verb after it says what happened to that part: they count the dead.
A part of the wounded with no verb of death ("two of the wounded were children", "in critical
condition") stays a part of the wounded.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "The clinic admitted 35 wounded villagers. Four of the wounded later died, a nurse said.",
     [("injured", 35, "exact", None), ("killed", 4, "exact", None)]),
    ("es", "El hospital atendió a 35 heridos, y cuatro de los heridos murieron durante la madrugada.",
     [("injured", 35, "exact", None), ("killed", 4, "exact", None)]),
    ("fr", "L'hôpital a accueilli 35 blessés. Quatre des blessés ont succombé dans la nuit.",
     [("injured", 35, "exact", None), ("killed", 4, "exact", None)]),
    ("pt", "A clínica recebeu 35 feridos, e quatro dos feridos morreram durante a madrugada.",
     [("injured", 35, "exact", None), ("killed", 4, "exact", None)]),
    ("de", "Die Klinik nahm 35 Verletzte auf. Vier der Verletzten starben in der Nacht.",
     [("injured", 35, "exact", None), ("killed", 4, "exact", None)]),
    ("en", "Rescuers listed nine people as missing; two of the missing were later found dead.",
     [("missing", 9, "exact", None), ("killed", 2, "exact", None)]),
    # look-alikes: a part of the wounded told by who they are or how badly hurt stays wounded
    ("en", "The clinic admitted 35 wounded villagers. Four of the wounded were children.",
     [("injured", 35, "exact", None), ("injured", 4, "exact", "children")]),
    ("de", "Die Klinik nahm 35 Verletzte auf. Vier der Verletzten schweben in Lebensgefahr.",
     [("injured", 35, "exact", None), ("injured", 4, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_the_wounded_who_died_are_dead(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
