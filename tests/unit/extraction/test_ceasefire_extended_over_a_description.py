"""A truce's extension told by the passive verb of its clause reaches over whatever describes the
truce between them, as a collapse does: a place ("the truce in eastern Congo"), a relative clause
set off by commas ("which was due to expire on Sunday"), its parties, or a participle of its taking
effect ("La trêve entrée en vigueur le 24 novembre entre … et …, …, a été prolongée"). The verbs
are lexicon data (`ceasefire.cues.extended_after`); German, whose verb closes the clause, reached
them already (`VERB_FINAL_REACH`). `ceasefire/attachment.py` `_after_a_description` lets a
participle of the truce's taking effect open a description, as one of its making did.

Look-alikes: another noun's extension after a clause break ("…, but the deadline was extended"),
and an extension that is only asked for. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

EXTENDED: list[tuple[str, str, Expected]] = [
    ("en", "The State Department said on Monday that the humanitarian truce in the east of the Central African Republic, which was due to expire on Sunday, has been extended by a week.", {("extended", False)}),
    ("es", "El Departamento de Estado dijo el lunes que la tregua humanitaria en el este de la República Centroafricana, que vencía el domingo, ha sido prorrogada una semana más.", {("extended", False)}),
    ("fr", "Le département d'État a indiqué lundi que la trêve humanitaire dans l'est de la République centrafricaine, qui expirait dimanche, a été prolongée d'une semaine.", {("extended", False)}),
    ("pt", "O Departamento de Estado disse na segunda-feira que a trégua humanitária no leste da República Centro-Africana, que expirava no domingo, foi prorrogada por mais uma semana.", {("extended", False)}),
    ("de", "Das Außenministerium teilte am Montag mit, die humanitäre Waffenruhe im Osten der Zentralafrikanischen Republik, die am Sonntag ablaufen sollte, sei um eine Woche verlängert worden.", {("extended", False)}),
    # a participle of its taking effect opens the description
    ("fr", "La trêve entrée en vigueur le 3 mai entre l'armée et les milices du nord, qui contrôlent la route de la capitale, a été prolongée jeudi matin.", {("in_effect", False), ("extended", False)}),
    ("es", "La tregua en vigor desde el 3 de mayo entre el Ejército y las milicias del norte, que controlan la carretera, fue prorrogada el jueves.", {("in_effect", False), ("extended", False)}),
    ("en", "The truce in force since May 3 between the army and the northern militias, which control the road to the capital, was extended on Thursday.", {("in_effect", False), ("extended", False)}),
]

LOOK_ALIKES: list[tuple[str, str, Expected]] = [
    # another noun's extension after a clause break
    ("en", "The truce in the east of the Central African Republic expired on Sunday, but the deadline for the withdrawal of the militias was extended.", {("collapsed", False)}),
    ("es", "La tregua en el este de la República Centroafricana expiró el domingo, pero el plazo para la retirada de las milicias fue prorrogado.", {("collapsed", False)}),
    # an extension only asked for
    ("pt", "A ONU pediu que a trégua humanitária no leste da República Centro-Africana, que expira no domingo, seja prorrogada.", {("proposed", False)}),
]

CASES = EXTENDED + LOOK_ALIKES


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:70] for case in CASES])
def test_an_extension_reaches_over_the_truces_description(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
