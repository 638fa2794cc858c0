"""Romance news puts the verb of taking effect before its subject: "El domingo entró en vigor una
tregua", "Entrou em vigor no sábado o cessar-fogo", "Dimanche est entré en vigueur un cessez-le-feu"
state a truce in effect (lexicon `ceasefire.cues.in_force_before`, as German "gilt seit … eine
Waffenruhe"); Latin American Spanish also says "entró en efecto". The present ("Entra en vigor la
tregua", a headline's) only when no time still to come follows ("Entra en vigor el lunes …" is
scheduled, not in effect), and "en efecto" alone is "indeed". Sentences of my own wording, none
from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[str]

IN_EFFECT: list[tuple[str, str, Expected]] = [
    ("es", "Al amanecer del sábado entró en vigor una tregua de tres días en la provincia.", {"in_effect"}),
    ("es", "Entra en vigor el alto el fuego entre el ejército y los rebeldes.", {"in_effect"}),
    ("es", "Los vecinos salieron a la calle poco después de que la tregua entró en efecto.", {"in_effect"}),
    ("pt", "Na madrugada de sábado entrou em vigor uma trégua de três dias na província.", {"in_effect"}),
    ("pt", "Entra em vigor o cessar-fogo entre o exército e os rebeldes.", {"in_effect"}),
    ("fr", "Samedi à l'aube est entré en vigueur un cessez-le-feu de trois jours dans la province.", {"in_effect"}),
    ("fr", "À minuit entra en vigueur une trêve entre l'armée et les rebelles.", {"in_effect"}),
]

# Not in effect: a time still to come after the present, "en efecto" as "indeed", a law taking effect.
NOT_IN_EFFECT: list[tuple[str, str, Expected]] = [
    ("es", "Entra en vigor el lunes la tregua entre el ejército y los rebeldes.", set()),
    ("pt", "Entra em vigor na segunda-feira a trégua entre o exército e os rebeldes.", set()),
    ("es", "En efecto, la tregua fue firmada el lunes.", {"agreed"}),
    ("es", "El sábado entró en vigor la nueva ley de aduanas, mientras la tregua seguía en negociación.", {"proposed"}),
]

CASES = IN_EFFECT + NOT_IN_EFFECT


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_verb_of_taking_effect_before_its_truce(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {statement.status for statement in statements if not statement.background} == expected
