"""A truce suspended or lifted has ended: "levantó el cese al fuego", "ordenó suspender el alto el
fuego", "levantou a trégua", "Cessar-fogo suspenso", "a levé la trêve", "La trêve a été suspendue",
"hob die Waffenruhe auf", "die Feuerpause wurde gestoppt" (lexicon `ceasefire.cues.collapsed_*`).
Look-alikes: the lifting verb with another object ("levantó la voz para defender la tregua", "ont levé
les derniers obstacles à un cessez-le-feu") and a threat to suspend ("amenazó con levantar").
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("es", "El presidente levantó este jueves el cese al fuego con la guerrilla del sur.", {("collapsed", False)}),
    ("es", "El Gobierno levanta la tregua con el grupo armado tras la emboscada", {("collapsed", False)}),
    ("es", "El ministro ordenó suspender el alto el fuego con la facción disidente.", {("collapsed", False)}),
    ("es", "El alto el fuego quedó suspendido tras la emboscada del martes.", {("collapsed", False)}),
    ("pt", "O presidente levantou nesta quinta-feira a trégua com a guerrilha do sul.", {("collapsed", False)}),
    ("pt", "O governo decidiu suspender o cessar-fogo com a facção dissidente.", {("collapsed", False)}),
    ("pt", "Cessar-fogo no norte suspenso após a emboscada de terça-feira", {("collapsed", False)}),
    ("fr", "Le président a levé jeudi la trêve avec la guérilla du sud.", {("collapsed", False)}),
    ("fr", "La trêve dans le nord a été suspendue après l'embuscade de mardi.", {("collapsed", False)}),
    ("de", "Der Präsident hob am Donnerstag die Waffenruhe mit der Guerilla auf.", {("collapsed", False)}),
    ("de", "Die Feuerpause im Norden wurde nach dem Hinterhalt vom Dienstag gestoppt.", {("collapsed", False)}),
    ("de", "Die Waffenruhe im Norden wurde nach dem Hinterhalt aufgehoben.", {("collapsed", False)}),
    # another object, or only a threat
    ("es", "El presidente levantó la voz para defender la tregua vigente.", {("in_effect", False)}),
    ("es", "El Gobierno amenazó con levantar el cese al fuego si siguen los ataques.", set()),
    ("fr", "Les deux camps ont levé les derniers obstacles à un cessez-le-feu signé dimanche.", {("agreed", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_truce_lifted_or_suspended_has_ended(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
