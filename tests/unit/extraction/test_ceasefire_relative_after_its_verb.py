"""What a sentence does to a truce before the relative clause that describes it is not dated by that
clause: in "El ataque supone el fin de la tregua, que había sido prorrogada en marzo", "L'attaque met fin
à la trêve, qui avait été prolongée en mars", "O ataque põe fim à trégua, que tinha sido prorrogada em
março", March dates the extension, and the end is today's (`statements.find_ceasefire`,
`describing_clauses.opens_a_relative`; an adjective may stand before the comma, "la tregua bilateral, que …").
Look-alike: the extension itself, told inside the relative clause, stays background. Sentences of my
own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("es", "La emboscada supone el fin de la tregua bilateral, que había sido prorrogada en marzo por seis meses.",
     {("collapsed", False), ("extended", True)}),
    ("fr", "L'embuscade met fin à la trêve, qui avait été prolongée en mars pour six mois.", {("collapsed", False), ("extended", True)}),
    ("pt", "A emboscada põe fim à trégua, que tinha sido prorrogada em março por seis meses.", {("collapsed", False), ("extended", True)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_relative_after_the_verb_dates_only_itself(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
