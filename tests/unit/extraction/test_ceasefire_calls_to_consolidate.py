"""A call to consolidate or preserve the truce keeps to one that exists: it proposes none, as a
call to respect it does (lexicon `ceasefire.keeping`: "consolidat", "preserv", "consolid",
"Festigung"). A call for a truce still proposes one. Sentences of my own wording, none from an
evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


def background(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if s.background})


KEEPING: list[tuple[str, str]] = [
    ("en", "The UN envoy urged both sides to consolidate the truce."),
    ("en", "The UN envoy urged both sides to preserve the ceasefire."),
    ("es", "El enviado de la ONU pidió a las partes consolidar la tregua."),
    ("pt", "O enviado da ONU apelou às partes para consolidarem a trégua."),
    ("fr", "L'envoyé de l'ONU a appelé les parties à « consolider » la trêve."),
    ("de", "Der UN-Gesandte rief beide Seiten zur Festigung der Waffenruhe auf."),
]


@pytest.mark.parametrize(("language", "text"), KEEPING)
def test_a_call_to_consolidate_the_truce_proposes_none(language: str, text: str) -> None:
    assert statuses(text, language) == []


def test_a_call_for_a_truce_still_proposes_one() -> None:
    assert statuses("The UN envoy called for a truce.", "en") == ["proposed"]
