"""A document of agreement that includes a truce states it agreed, as one that provides for it does.

"una declaración que incluye un alto el fuego permanente", "an agreement including a
three-month truce", "un accord qui comprend une trêve": news tells what a signed text holds with
"include" as often as with "provide for" (lexicon `ceasefire.cues.provides_for`); a draft that
includes one only proposes it. The document noun must stand right before its verb (with "that" at
most between); German's verb-final "eine Erklärung, die eine Waffenruhe umfasst" is not read yet. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return [s.status for s in find_ceasefire(split_sentences(text), language) if not s.background]


CASES: list[tuple[str, str, list[str]]] = [
    ("en", "The text published in Doha is an agreement that includes a permanent ceasefire.", ["agreed"]),
    ("en", "Mediators published a deal which includes a ninety-day truce.", ["agreed"]),
    ("es", "El texto publicado en Doha es un acuerdo que incluye un alto el fuego permanente.", ["agreed"]),
    ("es", "Los mediadores publicaron un pacto que incluye una tregua de noventa días.", ["agreed"]),
    ("fr", "Le texte publié à Doha est un accord qui comprend un cessez-le-feu permanent.", ["agreed"]),
    ("fr", "Les médiateurs ont publié une déclaration qui inclut une trêve de quatre-vingt-dix jours.", ["agreed"]),
    ("pt", "O texto publicado em Doha é um acordo que inclui um cessar-fogo permanente.", ["agreed"]),
    ("pt", "Os mediadores publicaram um pacto que inclui uma trégua de noventa dias.", ["agreed"]),
    # a draft only proposes
    ("en", "A draft agreement that includes a ceasefire was discussed.", ["proposed"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_a_document_that_includes_a_truce(language: str, text: str, expected: list[str]) -> None:
    assert statuses(text, language) == expected
