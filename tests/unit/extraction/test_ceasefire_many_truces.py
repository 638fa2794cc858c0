"""Many truces are a region's history, not the truce in the news, in every language.

"Several ceasefires have collapsed since 2021", "mehrere Waffenruhen sind gescheitert",
"plusieurs trêves ont volé en éclats", "várias tréguas fracassaram": a plural of truces with a
word of number tells what became of earlier truces (lexicon `ceasefire.several`,
`ceasefire.plural_terms`): background. The truce of the day in the same article stays news.
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def read(text: str, language: str) -> list[tuple[str, bool]]:
    return [(s.status, s.background) for s in find_ceasefire(split_sentences(text), language)]


CASES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    ("en", "The truce took effect at dawn. Numerous ceasefires in the province have collapsed within weeks.",
     [("in_effect", False), ("collapsed", True)]),
    ("es", "La tregua entró en vigor al amanecer. Varias treguas fracasaron en la provincia en los últimos años.",
     [("in_effect", False), ("collapsed", True)]),
    ("fr", "La trêve est entrée en vigueur à l'aube. Plusieurs trêves ont échoué dans la province ces dernières années.",
     [("in_effect", False), ("collapsed", True)]),
    ("pt", "A trégua entrou em vigor ao amanhecer. Várias tréguas fracassaram na província nos últimos anos.",
     [("in_effect", False), ("collapsed", True)]),
    ("de", "Die Waffenruhe trat im Morgengrauen in Kraft. Mehrere Waffenruhen sind in der Provinz gescheitert.",
     [("in_effect", False), ("collapsed", True)]),
    ("de", "Die Feuerpause gilt seit Montag. Zahlreiche Feuerpausen waren zuvor nach wenigen Tagen gescheitert.",
     [("in_effect", False), ("collapsed", True)]),
    # one truce of the day is news
    ("pt", "A trégua fracassou nesta terça-feira.", [("collapsed", False)]),
    ("de", "Die Waffenruhe ist am Dienstag gescheitert.", [("collapsed", False)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_many_truces_are_history(language: str, text: str, expected: list[tuple[str, bool]]) -> None:
    assert read(text, language) == expected
