"""A status verb in every tense and form news uses, and the words that only look like one.

- A truce holds in any tense, also behind a verb of seeming: "the truce appeared to hold", "la
  trêve tenait", "semblait tenir", "parecía mantenerse", "schien zu halten" (`holding_after`).
- "Holding" as a noun ("the holding of elections") and "held" inside an adjective ("Russian-held
  areas") say nothing of a truce.
- Fighting that "put an end to" a truce ended it, in the plural and the perfect too ("pusieron fin
  a la tregua", "puseram fim à trégua", `collapsed_before`).
- A truce is extended in the future as in the past ("se prolongará", "será prorrogado", "sera
  prolongée").
- Spanish "de acuerdo con" and Portuguese "de acordo com" are "according to": no agreement is
  named (`terms.weak`).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

HOLDING: list[tuple[str, str, Expected]] = [
    ("en", "By Friday evening the truce appeared to hold.", {("in_effect", False)}),
    ("en", "The ceasefire seemed to be holding on Sunday.", {("in_effect", False)}),
    ("en", "Residents said the truce continued to hold despite sporadic gunfire.", {("in_effect", False)}),
    ("fr", "Samedi, la trêve tenait toujours dans le nord du pays.", {("in_effect", False)}),
    ("fr", "Vendredi soir, le cessez-le-feu semblait tenir malgré quelques tirs isolés.", {("in_effect", False)}),
    ("fr", "Selon les habitants, la trêve paraît tenir.", {("in_effect", False)}),
    ("es", "El domingo, la tregua parecía mantenerse en toda la provincia.", {("in_effect", False)}),
    ("es", "Según los vecinos, la tregua se sigue respetando.", {("in_effect", False)}),
    ("es", "El alto el fuego sigue siendo respetado en el sur.", {("in_effect", False)}),
    ("pt", "No domingo, a trégua parecia manter-se em toda a província.", {("in_effect", False)}),
    ("de", "Am Sonntag schien die Waffenruhe zu halten.", {("in_effect", False)}),
]

NOT_HOLDING: list[tuple[str, str, Expected]] = [
    ("en", "The ceasefire will be extended to allow the holding of local elections.", {("extended", False)}),
    ("en", "Both sides accused each other of violating the truce with shelling of rebel-held villages.", {("violated", False)}),
    ("en", "The truce was broken by drone strikes on government-held towns.", {("violated", False)}),
    ("fr", "Le médiateur tenait une réunion sur la trêve avec les deux camps.", set()),
]

ENDED: list[tuple[str, str, Expected]] = [
    ("en", "The clashes on Monday put an end to the local truce.", {("collapsed", False)}),
    ("es", "Los combates del lunes pusieron fin a la tregua local.", {("collapsed", False)}),
    ("es", "Los ataques del martes han puesto fin al alto el fuego.", {("collapsed", False)}),
    ("pt", "Os confrontos de segunda-feira puseram fim à trégua local.", {("collapsed", False)}),
    ("fr", "Les combats de lundi ont mis fin à la trêve locale.", {("collapsed", False)}),
    ("de", "Die Gefechte am Montag beendeten die örtliche Waffenruhe.", {("collapsed", False)}),
]

EXTENDED_LATER: list[tuple[str, str, Expected]] = [
    ("en", "The truce will be extended until the end of March, the ministry said.", {("extended", False)}),
    ("es", "La tregua se prolongará hasta finales de marzo, informó el ministerio.", {("extended", False)}),
    ("es", "El alto el fuego se prorrogará otros treinta días.", {("extended", False)}),
    ("pt", "O governo disse que vai prorrogar a trégua por mais um mês.", {("extended", False)}),
    ("pt", "A trégua será prorrogada até ao fim de março.", {("extended", False)}),
    ("fr", "La trêve sera prolongée jusqu'à la fin mars, a indiqué le ministère.", {("extended", False)}),
    ("fr", "Les deux camps prolongeront la trêve d'une semaine.", {("extended", False)}),
    ("de", "Die Waffenruhe wird bis Ende März verlängert.", {("extended", False)}),
]

# "de acuerdo con" names no agreement: the start of the war after it is no truce taking effect.
ACCORDING_TO: list[tuple[str, str, Expected]] = [
    (
        "es",
        "Las partes firmaron una tregua el lunes. Cinco personas murieron desde el inicio de la guerra, "
        "de acuerdo con la misma fuente.",
        {("agreed", False)},
    ),
    (
        "pt",
        "As partes assinaram uma trégua na segunda-feira. Cinco pessoas morreram desde o início da guerra, "
        "de acordo com a mesma fonte.",
        {("agreed", False)},
    ),
]

CASES = HOLDING + NOT_HOLDING + ENDED + EXTENDED_LATER + ACCORDING_TO


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_status_verbs_in_their_forms(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
