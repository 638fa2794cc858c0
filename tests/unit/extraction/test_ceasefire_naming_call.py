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


# The object of "call" fronted as a free relative is what the call names: "condemned what he called
# a breach of the truce", "which it called a violation". The same in the languages whose calling verb
# also names ("lo que llamó", "ce qu'il a appelé"); a call for, on or to something still proposes.
NAMING_RELATIVES: list[tuple[str, str, list[str]]] = [
    ("en", "The governor denounced what he called repeated breaches of the ceasefire by the militia.", ["violated"]),
    ("en", "Troops shot at a convoy on Friday, which the rebels called a violation of the truce.", ["violated"]),
    ("en", "The ministry condemned what it called a breach of the truce and urged the envoys to act.", ["violated"]),
    ("es", "El alcalde denunció lo que llamó una violación del alto el fuego por parte del ejército.", ["violated"]),
    ("fr", "Le gouverneur a dénoncé ce qu'il a appelé une violation de la trêve par la milice.", ["violated"]),
    ("fr", "Le porte-parole a condamné ce qu’il appelle des violations répétées du cessez-le-feu.", ["violated"]),
    ("pt", "O governador denunciou o que chamou de violação do cessar-fogo pela milícia.", ["violated"]),
    ("de", "Der Gouverneur verurteilte, was er eine Verletzung der Waffenruhe nannte.", ["violated"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), NAMING_RELATIVES)
def test_what_a_call_names_before_it_is_no_proposal(language: str, text: str, expected: list[str]) -> None:
    assert statuses(text, language) == expected


RELATIVE_CALLS: list[tuple[str, str]] = [
    ("en", "The council passed a resolution which called for an immediate ceasefire in the region."),
    ("en", "It was the envoy which called on both sides to sign a truce."),
    ("es", "La ONU, que llamó a un alto el fuego inmediato, envió a su enviado."),
]


@pytest.mark.parametrize(("language", "text"), RELATIVE_CALLS)
def test_a_relative_that_calls_for_a_truce_still_proposes_one(language: str, text: str) -> None:
    assert statuses(text, language) == ["proposed"]
