"""An agreement told without its parties, by an impersonal "se": "Se pactó una tregua de 72 horas",
"Se acordó un alto el fuego", "Acordou-se uma trégua", "Pactou-se um cessar-fogo" (lexicon
`ceasefire.cues.agreed`). Look-alike: Spanish "se acordó de" is "remembered". And a German speech tag
after the reported clause, its speaker behind an article ("…, erklärte die Miliz"), declares no truce
(`reported_speech.REPORTING_SPEAKER`). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("es", "En la reunión de Ginebra se pactó una tregua de 48 horas para evacuar a los heridos.", {("agreed", False)}),
    ("es", "Tras doce horas de reunión se acordó un alto el fuego en la provincia.", {("agreed", False)}),
    ("pt", "Na reunião de Genebra acordou-se uma trégua de 48 horas para retirar os feridos.", {("agreed", False)}),
    ("pt", "Pactou-se um cessar-fogo na província depois de doze horas de reunião.", {("agreed", False)}),
    # remembered, not agreed
    ("es", "El anciano se acordó de la tregua de su infancia.", set()),
    # a speech tag after the clause it reports
    ("de", "Die Armee habe die Feuerpause in der Nacht verletzt, erklärte die Miliz.", {("violated", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_an_impersonal_agreement_is_an_agreement(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
