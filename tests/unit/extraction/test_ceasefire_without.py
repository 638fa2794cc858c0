"""A truce after "without" is absent: a verb before "without" does nothing to it, in every language.

"The meeting ended without any ceasefire proposal", "o encontro terminou sem qualquer proposta
de trégua", "das Treffen endete ohne eine Waffenruhe": what ended is the meeting, and no truce
was proposed or agreed (lexicon `ceasefire.without`). Sentences of my own wording, none from an
evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return [s.status for s in find_ceasefire(split_sentences(text), language) if not s.background]


CASES: list[tuple[str, str, list[str]]] = [
    ("en", "The summit in Nairobi ended without any ceasefire proposal, a diplomat said.", []),
    ("pt", "A cúpula em Nairóbi terminou sem qualquer proposta de trégua, disse um diplomata.", []),
    ("es", "La cumbre de Nairobi terminó sin ninguna propuesta de tregua, dijo un diplomático.", []),
    ("fr", "Le sommet de Nairobi s'est achevé sans aucune proposition de trêve, a indiqué un diplomate.", []),
    ("de", "Der Gipfel in Nairobi endete ohne einen Vorschlag für eine Waffenruhe, sagte ein Diplomat.", []),
    # the truce itself ending is still a collapse
    ("en", "The ceasefire ended on Tuesday without any warning.", ["collapsed"]),
    ("pt", "A trégua terminou nesta terça-feira sem aviso.", ["collapsed"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_a_truce_after_without_is_absent(language: str, text: str, expected: list[str]) -> None:
    assert statuses(text, language) == expected
