"""Two forms Romance news gives a truce's status: a cessation of hostilities with an adjective between
("el cese inmediato de las hostilidades", "a cessação imediata das hostilidades", "la cessation
immédiate des hostilités": lexicon `ceasefire.terms.strong`), demanded by "reclamar" as by "pedir"
(`ceasefire.cues.urging`); and the present participle of extending ("une déclaration prolongeant le
cessez-le-feu", "un acuerdo prorrogando la tregua", "um decreto prolongando o cessar-fogo":
`ceasefire.cues.extended`). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("es", "La Defensoría reclamó a los grupos armados el cese inmediato de las hostilidades en la región.", {("proposed", False)}),
    ("es", "El obispo pidió el cese total de las hostilidades antes de Navidad.", {("proposed", False)}),
    ("pt", "A comissão reclamou às partes a cessação imediata das hostilidades.", {("proposed", False)}),
    ("fr", "L'ONU a réclamé la cessation immédiate des hostilités dans la province.", {("proposed", False)}),
    ("fr", "Les deux pays ont signé lundi un protocole prolongeant la trêve de trois mois.", {("extended", False)}),
    ("es", "Los mediadores presentaron un texto prorrogando la tregua hasta el fin de mes.", {("extended", False)}),
    ("pt", "O governo publicou um decreto prolongando o cessar-fogo por mais 60 dias.", {("extended", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_hostilities_halted_and_truces_extended(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
