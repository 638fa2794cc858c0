"""How Romance news sets a call and its addressee around a truce:

- an agreement in the subjunctive or a clause of purpose is wished for, not made: "presionar a las
  milicias para que acepten una tregua", "para que aceitem uma trégua", "pour que les deux camps
  acceptent une trêve" (lexicon `ceasefire.cues.urging`);
- a named addressee between the verb and its object is no part of the distance: "propuso el martes al
  Frente Popular de Liberación una tregua", "a proposé aux Forces de soutien rapide une trêve"
  (attachment.py `_NAMED_ADDRESSEE`);
- a call to keep a truce with the article joined to its preposition proposes none: "que garantice el
  cumplimiento del pacto", "o cumprimento do acordo", "le respect du cessez-le-feu" (lexicon
  `ceasefire.definite`);
- an addressee named in apposition as the truce's keeper is asked for something else: "a appelé Paris
  et Washington, parrains de la trêve, à agir" (naming.py `ADDRESSEE_IN_APPOSITION`).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    # wished for
    ("es", "El obispo pidió a los gobiernos vecinos presionar a las milicias para que acepten una tregua navideña.", {("proposed", False)}),
    ("es", "La Unión Africana insiste en que las partes firmen un alto el fuego antes de la temporada de lluvias.", {("proposed", False)}),
    ("pt", "A organização pediu aos países vizinhos que pressionem as milícias para que aceitem uma trégua.", {("proposed", False)}),
    ("fr", "Les émissaires multiplient les contacts pour que les deux camps acceptent une trêve avant l'hiver.", {("proposed", False)}),
    ("fr", "Les deux camps acceptent une trêve de trois jours.", {("agreed", False)}),
    # a named addressee between the verb and its object
    ("es", "El gobierno propuso el martes al Frente Popular de Liberación (FPL) una tregua de quince días.", {("proposed", False)}),
    ("pt", "O governo propôs nesta terça-feira ao Movimento Popular de Libertação uma trégua de quinze dias.", {("proposed", False)}),
    ("fr", "Le médiateur a proposé mardi aux Forces de défense du Nord une trêve de quinze jours.", {("proposed", False)}),
    # keeping the truce, the article joined to its preposition
    ("es", "El primer ministro pidió a Bruselas que garantice el cumplimiento del pacto.", set()),
    ("pt", "O primeiro-ministro pediu a Bruxelas que garanta o cumprimento do acordo.", set()),
    ("fr", "Le Premier ministre a demandé à Bruxelles de garantir le respect du cessez-le-feu.", set()),
    # the addressee in apposition, the truce's keeper
    ("fr", "Le chef du gouvernement a appelé Paris et Washington, parrains de la trêve, à agir sans tarder.", set()),
    ("es", "El canciller instó a Egipto y Catar, garantes del acuerdo, a presionar al otro bando.", set()),
    ("fr", "Le pape a appelé les belligérants à conclure une trêve.", {("proposed", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_calls_and_their_addressees(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
