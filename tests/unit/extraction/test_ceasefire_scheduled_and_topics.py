"""A truce set to begin reports an agreement; an extension under talks is only proposed.

- "The truce begins at midnight", "La tregua debe comenzar el lunes", "La trêve commence
  vendredi", "A trégua começa na sexta-feira", "Die Waffenruhe soll am Montag beginnen": a start
  still to come (a present with a time ahead, or "must/is to begin") tells an agreement, not a
  truce in effect; a start in the past tells it in effect (`ceasefire.cues.scheduled`).
- "über eine Verlängerung der Waffenruhe wird verhandelt", "negociaciones sobre una prórroga":
  an extension after "on/about/über/sobre/sur" is the topic of the talks around it, before or
  after it (`ceasefire.topic_prepositions`); Spanish "se negocia" is talks.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

AGREED = {("agreed", False)}
IN_EFFECT = {("in_effect", False)}
PROPOSED = {("proposed", False)}

SCHEDULED: list[tuple[str, str, Expected]] = [
    ("en", "The truce, which begins on Friday, will last three days.", AGREED),
    ("en", "The truce begins at midnight.", AGREED),
    ("en", "The truce began on Friday.", IN_EFFECT),
    ("es", "La tregua comienza el viernes a medianoche.", AGREED),
    ("es", "La tregua debe comenzar el lunes.", AGREED),
    ("es", "La tregua comenzó el viernes.", IN_EFFECT),
    ("fr", "La trêve commence vendredi à minuit.", AGREED),
    ("fr", "La trêve doit commencer lundi.", AGREED),
    ("fr", "La trêve a commencé vendredi.", IN_EFFECT),
    ("pt", "A trégua começa na sexta-feira à meia-noite.", AGREED),
    ("pt", "A trégua deve começar na segunda-feira.", AGREED),
    ("pt", "A trégua começou na sexta-feira.", IN_EFFECT),
    ("de", "Die Waffenruhe soll am Montag um 6 Uhr beginnen.", AGREED),
    ("de", "Die Feuerpause sollte ab Mitternacht gelten.", AGREED),
    ("de", "Die Waffenruhe im Norden soll am Montag beginnen.", AGREED),
    # after a comma the modal has a subject of its own
    ("de", "Die Waffenruhe hält, nun sollen die Hilfskonvois beginnen.", IN_EFFECT),
]

TOPICS: list[tuple[str, str, Expected]] = [
    ("de", "In Kairo wird über eine Verlängerung der Waffenruhe verhandelt.", PROPOSED),
    ("de", "Die Waffenruhe wurde verlängert.", {("extended", False)}),
    ("es", "En El Cairo se negocia sobre una prórroga de la tregua.", PROPOSED),
    ("es", "Las partes negocian una tregua en Yeda.", PROPOSED),
    ("fr", "Des négociations sur une prolongation de la trêve ont commencé au Caire.", PROPOSED),
    ("pt", "As negociações sobre uma prorrogação da trégua começaram no Cairo.", PROPOSED),
]

CASES = SCHEDULED + TOPICS


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_scheduled_starts_and_extensions_under_talks(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
