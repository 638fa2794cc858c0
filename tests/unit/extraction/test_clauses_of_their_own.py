"""A number with a compound tense of its own after "and" opens its own clause, in every language.

"Douze personnes ont été tuées à Homs et 40 ont été arrêtées": the 40 have their own verb, an
auxiliary and its participle, as "and 40 were arrested" has a copula; they are no member of
the list of the dead before them. With an outcome of their own ("et 40 ont été blessées")
they keep it. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("en", "Nine protesters were killed in the square, and 60 have been detained.", [("killed", 9)]),
    ("es", "Nueve manifestantes murieron en la plaza y 60 han sido detenidos.", [("killed", 9)]),
    ("fr", "Neuf manifestants ont été tués sur la place et 60 ont été interpellés.", [("killed", 9)]),
    ("pt", "Nove manifestantes foram mortos na praça e 60 têm sido detidos.", [("killed", 9)]),
    ("de", "Neun Demonstranten wurden auf dem Platz getötet, und 60 haben die Stadt verlassen.", [("killed", 9)]),
    # their own outcome stands
    ("fr", "Neuf manifestants ont été tués et 60 ont été blessés.", [("killed", 9), ("injured", 60)]),
    ("en", "Nine protesters were killed and 60 have been wounded.", [("killed", 9), ("injured", 60)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_a_number_with_its_own_compound_tense_is_its_own_clause(
    language: str, text: str, expected: list[tuple[str, int]]
) -> None:
    assert pairs(text, language) == expected
