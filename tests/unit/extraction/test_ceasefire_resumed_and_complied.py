"""A truce resumed, restored or complied with is in effect: "anunció la reanudación del alto el fuego",
"voltou a aplicar a trégua", "a annoncé la reprise du cessez-le-feu", "la tregua fue restablecida",
"o cessar-fogo tem sido cumprido", "le cessez-le-feu a été rétabli", "el cese al fuego se ha cumplido",
and the truce the parties keep ("el cese al fuego que mantienen desde 2023") — lexicon
`ceasefire.cues.resumed`, `.holding_after`. An announcement whose object is the resumption announces no
new agreement (absorption.py). The noun of resumption counts only with the truce right after it: "la
reanudación de los combates", "la reprise des combats", "a retomada dos bombardeios" resume fighting.
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

IN_EFFECT: list[tuple[str, str, Expected]] = [
    ("es", "Tras una noche de bombardeos, el mando militar anunció la reanudación del alto el fuego.", {("in_effect", False)}),
    ("es", "El ejército volvió a aplicar la tregua a primera hora del jueves.", {("in_effect", False)}),
    ("es", "Según los observadores, la tregua fue restablecida después de dos días de choques.", {("in_effect", False)}),
    ("es", "El alto el fuego en la provincia se ha cumplido pese a algunos incidentes aislados.", {("in_effect", False)}),
    ("es", "Las partes renovaron el cese al fuego regional que mantienen desde 2023.", {("extended", False), ("in_effect", False)}),
    ("pt", "Após uma noite de ataques, o comando militar anunciou a retomada do cessar-fogo.", {("in_effect", False)}),
    ("pt", "O exército disse que voltou a aplicar a trégua nesta manhã.", {("in_effect", False)}),
    ("pt", "A força de paz informou que tinha retomado a aplicação do cessar-fogo no setor leste.", {("in_effect", False)}),
    ("pt", "Segundo os observadores, o cessar-fogo tem sido cumprido nas últimas semanas.", {("in_effect", False)}),
    ("pt", "A trégua foi restabelecida depois de dois dias de confrontos.", {("in_effect", False)}),
    ("fr", "Après une nuit de frappes, le commandement a annoncé la reprise du cessez-le-feu.", {("in_effect", False)}),
    ("fr", "Selon les observateurs, le cessez-le-feu a été rétabli après deux jours d'affrontements.", {("in_effect", False)}),
]

LOOK_ALIKES: list[tuple[str, str, Expected]] = [
    # fighting resumed, not a truce
    ("es", "La reanudación de los combates puso en peligro la tregua.", set()),
    ("fr", "La reprise des combats a fait craindre pour la trêve.", set()),
    ("pt", "A retomada dos bombardeios ameaça a trégua.", set()),
]


@pytest.mark.parametrize(("language", "text", "expected"), IN_EFFECT + LOOK_ALIKES, ids=[c[1][:60] for c in IN_EFFECT + LOOK_ALIKES])
def test_a_truce_resumed_or_complied_with_is_in_effect(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
