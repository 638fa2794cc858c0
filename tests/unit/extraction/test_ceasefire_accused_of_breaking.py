"""A violation verb in the infinitive, governed by an accusation, reports a violation: "acusó a la
guerrilla de romper su tregua", "acusou o exército de romper a trégua", "a accusé les rebelles de
rompre le cessez-le-feu", and "incumplir", "vulnerar", "descumprir", "quebrar" alike (lexicon
`ceasefire.cues.violated`). "romper"/"quebrar"/"rompre" count only with the truce as their object: an
army breaks sieges and silences too. A threat has not happened ("amenazó con romper la tregua",
"ameaçou romper o cessar-fogo", "a menacé de rompre la trêve": lexicon `ceasefire.negations`), and
"ordered" speaks of what follows it, not of a truce before it ("acusou … de romper a trégua e ordenou
uma retaliação": lexicon `ceasefire.cues.agreed`). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

ACCUSED: list[tuple[str, str, Expected]] = [
    ("es", "La milicia acusó el jueves al ejército de romper la tregua en la región minera.", {("violated", False)}),
    ("es", "Los dos grupos armados se acusaron mutuamente de romper su propio cese al fuego.", {("violated", False)}),
    ("es", "El gobernador acusa a los rebeldes de incumplir el alto el fuego en el norte.", {("violated", False)}),
    ("es", "La oposición denunció que las tropas buscan vulnerar el alto el fuego con patrullas nocturnas.", {("violated", False)}),
    ("pt", "O governo provincial acusou os rebeldes de romper a trégua com ataques a aldeias.", {("violated", False)}),
    ("pt", "As duas milícias acusaram-se mutuamente de quebrar o cessar-fogo na fronteira.", {("violated", False)}),
    ("pt", "A missão acusou as partes de descumprir o cessar-fogo no norte do país.", {("violated", False)}),
    ("fr", "Le gouverneur a accusé les insurgés de rompre la trêve en attaquant un convoi.", {("violated", False)}),
    ("fr", "Les deux camps s'accusent de rompre le cessez-le-feu dans la vallée.", {("violated", False)}),
]

LOOK_ALIKES: list[tuple[str, str, Expected]] = [
    # a threat to break the truce: not broken (yet)
    ("es", "El ministro amenazó con romper la tregua si no liberan a los rehenes.", set()),
    ("pt", "O comandante ameaçou quebrar o cessar-fogo caso os reféns não sejam libertados.", set()),
    ("fr", "Le ministre a menacé de rompre la trêve si les otages ne sont pas libérés.", set()),
    # "romper" with another object breaks something else
    ("es", "Durante la tregua, la milicia intentó romper el cerco de la ciudad.", set()),
    ("pt", "Durante a trégua, os rebeldes tentaram romper o bloqueio da cidade.", set()),
    # "ordered" has its own object after it
    ("pt", "O primeiro-ministro acusou a milícia de romper a trégua e ordenou uma resposta dura.", {("violated", False)}),
    ("es", "El presidente acusó a la guerrilla de romper el alto el fuego y ordenó una ofensiva.", {("violated", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), ACCUSED + LOOK_ALIKES, ids=[c[1][:60] for c in ACCUSED + LOOK_ALIKES])
def test_an_accusation_of_breaking_the_truce_reports_a_violation(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
