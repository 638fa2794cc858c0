"""A truce that did not prevent new fighting was broken: "le cessez-le-feu n'a pas empêché de nouveaux
affrontements", "la tregua no impidió nuevos combates", "a trégua não impediu novos combates", "Die
Waffenruhe verhinderte nicht, dass …", "hat neue Gefechte nicht verhindert" (lexicon
`ceasefire.cues.not_prevented`). And a participle opening the sentence describes its subject, the truce:
"Entré en vigueur lundi, le cessez-le-feu …", "En vigor desde el lunes, la tregua …", "Em vigor desde
segunda-feira, a trégua …" (`ceasefire.cues.in_force_before`). Look-alikes: a mediator who did not prevent
talks, and an aim to prevent fighting. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("fr", "La trêve dans la vallée n'a pas empêché de nouveaux combats jeudi.", {("violated", False)}),
    ("es", "La tregua en el valle no impidió nuevos combates el jueves.", {("violated", False)}),
    ("pt", "A trégua no vale não impediu novos combates na quinta-feira.", {("violated", False)}),
    ("de", "Die Waffenruhe im Tal verhinderte nicht, dass am Donnerstag erneut gekämpft wurde.", {("violated", False)}),
    ("de", "Die Feuerpause im Tal hat neue Gefechte am Donnerstag nicht verhindert.", {("violated", False)}),
    ("fr", "Entrée en vigueur jeudi à l'aube, la trêve dans la vallée reste fragile.", {("in_effect", False)}),
    ("es", "En vigor desde el jueves, la tregua en el valle es respetada.", {("in_effect", False)}),
    ("pt", "Em vigor desde quinta-feira, a trégua no vale é respeitada.", {("in_effect", False)}),
    # nothing the truce failed to prevent
    ("fr", "Le médiateur n'a pas empêché les deux camps de discuter d'une trêve.", set()),
    ("es", "El pacto busca impedir nuevos combates; la tregua fue firmada el jueves.", {("agreed", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_truce_that_did_not_prevent_fighting_was_broken(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
