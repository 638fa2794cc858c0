""""Call" with two objects names something; it calls for nothing: "The ministry called the assault
a flagrant violation of the ceasefire" reports a violation, no proposal. English alone gives "call"
both senses; the other languages name with verbs of their own ("calificó … de", "a qualifié … de",
"classificou … de", "bezeichnete … als"), which never proposed. A call for a truce, on the parties,
or of the parties to talks still proposes one. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


NAMING: list[tuple[str, str, list[str]]] = [
    ("en", 'The ministry called the assault a "flagrant violation" of the ceasefire in force since May.', ["in_effect", "violated"]),
    ("en", "The army called the shelling a clear breach of the truce.", ["violated"]),
    ("en", "The president called it a violation of the ceasefire.", ["violated"]),
    ("es", "El ministerio calificó el ataque de violación flagrante de la tregua.", ["violated"]),
    ("fr", "Le ministère a qualifié l'attaque de violation flagrante de la trêve.", ["violated"]),
    ("pt", "O ministério classificou o ataque de violação flagrante da trégua.", ["violated"]),
    ("de", "Das Ministerium bezeichnete den Angriff als klaren Bruch der Waffenruhe.", ["violated"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), NAMING)
def test_calling_an_attack_a_violation_proposes_nothing(language: str, text: str, expected: list[str]) -> None:
    assert statuses(text, language) == expected


CALLS: list[str] = [
    "The UN called for a truce in the north.",
    "The UN called on the parties to agree a ceasefire.",
    "The envoy called the two sides to a meeting to discuss a ceasefire.",
]


@pytest.mark.parametrize("text", CALLS)
def test_a_call_for_a_truce_still_proposes_one(text: str) -> None:
    assert statuses(text, "en") == ["proposed"]
