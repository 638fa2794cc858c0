"""Needing a truce is asking for one: "Wir brauchen sofort eine Waffenruhe", "Necesitamos una tregua",
"Hace falta un alto el fuego", "Precisamos urgentemente de uma trégua", "Nous avons besoin d'une trêve"
— the truce is the verb's own object, an indefinite one after an adverb at most (lexicon
`ceasefire.cues.urging`). Look-alikes: people who need something else while a truce is told
("necesitan ayuda desde que la tregua se rompió"), and a truce that needs something ("A trégua precisa
de ser consolidada"). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("de", "„Wir brauchen dringend eine Feuerpause“, sagte der Bürgermeister der Hafenstadt.", {("proposed", False)}),
    ("es", "\"Necesitamos una tregua para enterrar a nuestros muertos\", dijo la alcaldesa.", {("proposed", False)}),
    ("es", "\"Hace falta un alto el fuego ya\", afirmó el obispo de la diócesis.", {("proposed", False)}),
    ("pt", "\"Precisamos urgentemente de uma trégua\", afirmou o diretor do hospital.", {("proposed", False)}),
    ("pt", "\"Necessitamos de um cessar-fogo para retirar os feridos\", disse a médica.", {("proposed", False)}),
    ("fr", "« Nous avons besoin d'une trêve pour évacuer les blessés », a dit le maire.", {("proposed", False)}),
    # something else is needed; the truce is told apart
    ("de", "Die Familien brauchen Wasser, seit die Waffenruhe am Montag gescheitert ist.", {("collapsed", False)}),
    ("es", "Las familias necesitan agua desde que la tregua se rompió el lunes.", {("collapsed", False)}),
    ("pt", "As famílias precisam de água desde que a trégua terminou na segunda-feira.", {("collapsed", False)}),
    ("fr", "Les familles ont besoin d'eau depuis que la trêve a pris fin lundi.", {("collapsed", False)}),
    # the truce needs something: nothing is asked for
    ("pt", "A trégua precisa de ser consolidada, disse o mediador.", set()),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_needing_a_truce_asks_for_one(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
