"""Fire that went on after a truce breaks it: "tras la entrada en vigor de la tregua, la artillería seguía
disparando", "depois do início da trégua, a artilharia continuou a disparar", "après l'entrée en vigueur
de la trêve, l'artillerie a continué de tirer" (lexicon `ceasefire.cues.not_prevented`, a truce that did
not stop the fire). The truce must come before the fire in its sentence: fire told before a truce is
named ("la artillería siguió disparando toda la noche; la tregua fue anunciada al amanecer") is no breach of it. And the terms
of a truce in French before an indefinite article: "en vertu d'un cessez-le-feu", "dans le cadre d'une
trêve" (lexicon `ceasefire.cues.under`). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("es", "Los vecinos aseguran que, tras el inicio de la tregua, los morteros siguieron disparando contra el barrio.", {("in_effect", False), ("violated", False)}),
    ("es", "Pese a la tregua, la aviación continuaba bombardeando las aldeas del valle.", {("violated", False)}),
    ("pt", "Segundo os moradores, depois do início da trégua, os morteiros continuaram a disparar contra o bairro.", {("in_effect", False), ("violated", False)}),
    ("fr", "Selon des habitants, après le début de la trêve, les mortiers ont continué de tirer sur le quartier.", {("in_effect", False), ("violated", False)}),
    # the fire told before the truce is named
    ("es", "La artillería siguió disparando toda la noche; la tregua fue anunciada al amanecer.", {("agreed", False)}),
    # under the terms of a truce, before an indefinite article
    ("fr", "Au lever du jour, les armes se sont tues dans la vallée en vertu d'un cessez-le-feu conclu la veille.", {("in_effect", False), ("agreed", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_fire_that_went_on_after_the_truce_breaks_it(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
