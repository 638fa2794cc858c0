"""A truce that should have taken effect, or was only due to, is not said to be in effect: "La trêve
aurait dû entrer en vigueur vendredi", "o cessar-fogo deveria ter entrado em vigor", "el alto el fuego
debería haber entrado en vigor", "la tregua debía entrar en vigor" (lexicon `ceasefire.should_have`,
`ceasefire/ends_to_come.py`). Look-alikes: what the sentence says besides (a violation, an agreement)
stays, and a truce that did take effect is in effect. Sentences of my own wording, none from an
evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("fr", "La trêve dans la vallée aurait dû entrer en vigueur jeudi.", set()),
    ("fr", "La trêve, qui aurait dû entrer en vigueur jeudi, a été violée dès vendredi.", {("violated", False)}),
    ("pt", "A trégua no vale deveria ter entrado em vigor na quinta-feira.", set()),
    ("pt", "Uma trégua que deveria ter entrado em vigor na quinta-feira foi violada.", {("violated", False)}),
    ("es", "La tregua en el valle debería haber entrado en vigor el jueves.", set()),
    ("es", "La tregua, firmada el miércoles, debía entrar en vigor el jueves.", {("agreed", False)}),
    # it did take effect
    ("fr", "La trêve dans la vallée est entrée en vigueur jeudi.", {("in_effect", False)}),
    ("pt", "A trégua no vale entrou em vigor na quinta-feira.", {("in_effect", False)}),
    ("es", "La tregua en el valle entró en vigor el jueves.", {("in_effect", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_start_only_due_is_not_in_effect(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
