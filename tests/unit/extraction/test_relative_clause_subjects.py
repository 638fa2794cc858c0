"""A relative clause right after the people counted keeps their outcome in reach, in every
language ("Dos pistoleros que intentaron asaltar el cuartel fueron abatidos", "Dois homens que
tentaram invadir o quartel foram mortos"; lexicon `grammar.relative_pronouns`), also over a
preposition inside it that is a subordinator elsewhere ("Two gunmen who tried to storm the base
after the blast were shot dead"; `grammar.prepositional_subordinators`, only before a determiner and
only inside such a clause). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("en", "Three attackers who tried to enter the camp after the explosion were shot dead by soldiers.", [("killed", 3)]),
    ("en", "Six officers who were sent to the village after the raid were wounded in an ambush.", [("injured", 6)]),
    ("es", "Tres atacantes que intentaron entrar en el campamento fueron abatidos por los soldados.", [("killed", 3)]),
    ("es", "Cuatro agentes que patrullaban la zona murieron en una emboscada.", [("killed", 4)]),
    ("pt", "Três atacantes que tentaram entrar no acampamento foram mortos pelos soldados.", [("killed", 3)]),
    ("fr", "Trois assaillants qui tentaient d'entrer dans le camp ont été abattus.", [("killed", 3)]),
    # look-alikes: outside a relative clause "after" still opens a clause of its own
    ("en", "Three men were detained after the army killed two suspects.", [("killed", 2)]),
    ("es", "Tres soldados dijeron que 5 civiles murieron.", [("killed", 5)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_relative_clause_after_the_people_counted(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
