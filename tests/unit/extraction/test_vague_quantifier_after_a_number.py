"""A vague quantifier right after a number opens another noun phrase: "hirió a otros 14 pocas horas
después" (the 14 are people; the hours are few, not 14). The noun phrase of the number ran on to
"horas", a noun of things, and the figure was dropped (lexicon `grammar.vague_quantifiers`,
`figures/heads.py`). Also a part told by a relative "de los que" ("57 heridos, de los que 11 son
menores"), as "de los cuales" was (`grammar.subgroup_cues`).

Look-alikes: a number that counts the things itself ("14 horas", "dos semanas") is still no figure.
Sentences of my own wording, none from an evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("es", "El misil mató a dos vecinos e hirió a otros 9 pocas horas antes de la tregua.",
     [("killed", 2), ("injured", 9)]),
    ("pt", "Os drones feriram 15 civis e mataram outros 4 poucas horas depois do cessar-fogo.",
     [("injured", 15), ("killed", 4)]),
    ("fr", "Les tirs ont blessé 23 manifestants et tué 3 autres quelques minutes plus tard.",
     [("injured", 23), ("killed", 3)]),
    ("es", "Otros 40 resultaron heridos, de los que 6 son menores de edad.", [("injured", 40), ("injured", 6)]),
    # look-alikes: the number counts the time itself
    ("es", "El asedio duró 14 horas y terminó sin heridos.", []),
    ("pt", "Os combates duraram dois dias, segundo os moradores.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_vague_quantifier_after_a_number(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
