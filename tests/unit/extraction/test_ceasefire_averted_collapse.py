"""A collapse that someone works to avert has not happened, wherever the verb of averting stands:
before the cue ("prevent the collapse of the truce", "keep the truce from unravelling", "stave off
the collapse", "evitar el colapso de la tregua", "éviter l'effondrement de la trêve", "evitar o
colapso da trégua"; `ceasefire.negations`) or, in German, after the truce the cue governs, where the
verb closes its clause ("einen Zusammenbruch der Waffenruhe zu verhindern";
`ceasefire.negations_after_object`). A collapse told beside an effort, in another clause or after
"despite", is still a collapse.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

AVERTED: list[tuple[str, str, Expected]] = [
    ("en", "Diplomats flew to Doha on Sunday to prevent the collapse of the truce.", set()),
    ("en", "Egypt is trying to avert a breakdown of the ceasefire in Gaza.", set()),
    ("en", "Negotiators worked overnight to keep the truce from unravelling.", set()),
    ("en", "Mediators hope to stave off the collapse of the ceasefire.", set()),
    ("es", "Los mediadores viajaron a Doha para evitar el colapso de la tregua.", set()),
    ("es", "Egipto intenta impedir la ruptura del alto el fuego.", set()),
    ("fr", "Les médiateurs se sont rendus à Doha pour éviter l'effondrement de la trêve.", set()),
    ("fr", "L'Égypte tente d'empêcher la rupture du cessez-le-feu.", set()),
    ("pt", "Os mediadores viajaram para Doha para evitar o colapso da trégua.", set()),
    ("pt", "O Egito tenta impedir a ruptura do cessar-fogo.", set()),
    ("de", "Die Vermittler reisten nach Doha, um einen Zusammenbruch der Waffenruhe zu verhindern.", set()),
    ("de", "Ägypten versucht, das Scheitern der Feuerpause noch abzuwenden.", set()),
]

STILL_COLLAPSED: list[tuple[str, str, Expected]] = [
    ("en", "The truce collapsed on Sunday despite efforts to save it.", {("collapsed", False)}),
    ("en", "Mediators tried to prevent new fighting, but the ceasefire collapsed on Sunday.", {("collapsed", False)}),
    ("es", "La tregua fracasó el domingo pese a los esfuerzos de los mediadores.", {("collapsed", False)}),
    ("fr", "La trêve s'est effondrée dimanche malgré les efforts des médiateurs.", {("collapsed", False)}),
    ("pt", "A trégua fracassou no domingo apesar dos esforços dos mediadores.", {("collapsed", False)}),
    ("de", "Die Waffenruhe ist am Sonntag trotz aller Bemühungen zusammengebrochen.", {("collapsed", False)}),
]

CASES = AVERTED + STILL_COLLAPSED


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_collapse_someone_works_to_avert_has_not_happened(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
