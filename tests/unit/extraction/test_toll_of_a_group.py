"""A toll may name the group it counts between "number of" and its outcome: "the number of
soldiers killed rose to six", "el número de militares colombianos fallecidos aumentó a seis",
(lexicon `tolls`, up to two words between; found in real outlets' prose, issue 10; the sentences
are my own). English and Spanish only: in French and Portuguese the same patterns lost a number
set before the toll ("portant à 53 le nombre de militaires morts", "elevou para 60 o número de
soldados mortos"), so they are left (README, phrasings still known to fail). A number of things
stays no toll.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("en", "The number of soldiers killed in the ambush rose to six on Friday.", [("killed", 6)]),
    ("en", "The number of police officers wounded has risen to 14.", [("injured", 14)]),
    ("es", "El número de militares colombianos fallecidos tras el ataque aumentó a seis.", [("killed", 6)]),
    ("es", "El número de soldados lesionados se elevó a 28, según el Ejército.", [("injured", 28)]),
    ("es", "El ataque elevó a 60 el número de soldados muertos.", [("killed", 60)]),
    # look-alikes: a number of things, and a count with no outcome, are no tolls
    ("es", "El número de casas destruidas subió a 40.", []),
    ("en", "The number of checkpoints manned by soldiers rose to 40.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_a_toll_that_names_its_group(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
