"""A truce that ends, in the forms news uses: "came to an end", Spanish preterites ("terminó",
"acabó", "finalizó" — but "terminó la guerra" is what a truce did, and "al término de" is "at the end
of"), German "lief … aus" with its middle field; and a truce declared over — the verb of declaring
with a complement of ending after the truce ("declared the ceasefire over", "a déclaré la trêve
terminée", "declaró la tregua terminada", "erklärte die Waffenruhe für beendet"; lexicon
`ceasefire.declared_over`) or before it ("dio por terminada la tregua", "deu por terminada a
trégua"; `collapsed_before`) — ends it; it declares no truce. "Declared a ceasefire over the
holidays" is a preposition, and declares one.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

ENDED: list[tuple[str, str, Expected]] = [
    ("en", "The truce came to an end on Monday when shelling resumed.", {("collapsed", False)}),
    ("es", "El alto el fuego terminó el domingo por la noche.", {("collapsed", False)}),
    ("es", "La tregua acabó el fin de semana.", {("collapsed", False)}),
    ("es", "La tregua terminó con la llegada de nuevas tropas.", {("collapsed", False)}),
    ("de", "Die Feuerpause lief in der Nacht zum Montag aus.", {("collapsed", False)}),
]

NOT_ENDED: list[tuple[str, str, Expected]] = [
    ("es", "El alto el fuego que terminó la guerra de 1994 fue violado ayer.", {("violated", False)}),
    ("es", "La tregua sigue vigente al término de la visita del mediador.", {("in_effect", False)}),
]

DECLARED_OVER: list[tuple[str, str, Expected]] = [
    ("en", "The army declared the ceasefire over on Monday.", {("collapsed", False)}),
    ("en", "The rebels declared the truce null and void.", {("collapsed", False)}),
    ("es", "El ejército declaró la tregua terminada.", {("collapsed", False)}),
    ("es", "Los rebeldes dieron por terminado el alto el fuego.", {("collapsed", False)}),
    ("pt", "Os rebeldes deram por terminada a trégua.", {("collapsed", False)}),
    ("pt", "O exército declarou a trégua encerrada.", {("collapsed", False)}),
    ("fr", "L'armée a déclaré la trêve terminée lundi.", {("collapsed", False)}),
    ("de", "Die Armee erklärte die Waffenruhe am Montag für beendet.", {("collapsed", False)}),
]

DECLARED: list[tuple[str, str, Expected]] = [
    ("en", "The rebels declared a ceasefire over the holidays.", {("agreed", False)}),
    ("en", "The army declared a truce over Christmas.", {("agreed", False)}),
    ("en", "The rebels announced a truce that ended the fighting in the north.", {("agreed", False)}),
    ("fr", "Les rebelles ont annoncé une trêve qui a mis fin aux combats.", {("agreed", False)}),
]

CASES = ENDED + NOT_ENDED + DECLARED_OVER + DECLARED


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_truce_ended_or_declared_over(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
