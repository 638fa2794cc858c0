"""A passive infinitive has the subject of its clause: "The truce took effect on Tuesday, hours
after being announced by the president" says the truce was announced, however far the clause's own
verb puts the infinitive from the truce. So do "depois de ter sido anunciado", "después de haber
sido anunciado", "après avoir été annoncé" (lexicon `ceasefire.cues.agreed_passive`; German says it
with a pronoun, "nachdem sie … verkündet worden war", which reads already). A clause with a subject
of its own after "after" speaks of that subject, not of the truce. Sentences of my own wording, none
from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


ANNOUNCED: list[tuple[str, str]] = [
    ("en", "The ceasefire between the two countries took effect on Tuesday, hours after being announced by the U.S. president."),
    ("en", "The ceasefire between the two countries took effect on Tuesday, hours after it was announced by the U.S. president."),
    ("pt", "O cessar-fogo entre os dois países entrou em vigor nesta terça-feira, horas depois de ter sido anunciado pelo presidente."),
    ("pt", "A trégua entre os dois países entrou em vigor nesta terça-feira, horas após ser assinada em Doha."),
    ("es", "El alto el fuego entre los dos países entró en vigor el martes, horas después de haber sido anunciado por el presidente."),
    ("es", "La tregua entre los dos países entró en vigor el martes, tras ser firmada en Doha."),
    ("fr", "Le cessez-le-feu entre les deux pays est entré en vigueur mardi, quelques heures après avoir été annoncé par le président."),
    ("de", "Die Waffenruhe zwischen den beiden Ländern trat am Dienstag in Kraft, wenige Stunden nachdem sie vom Präsidenten verkündet worden war."),
]


@pytest.mark.parametrize(("language", "text"), ANNOUNCED)
def test_a_truce_that_took_effect_after_being_announced_was_agreed(language: str, text: str) -> None:
    assert statuses(text, language) == ["agreed", "in_effect"]


# "after" with a subject of its own: what was announced is not the truce
OTHER_SUBJECT: list[tuple[str, str]] = [
    ("en", "The ceasefire collapsed on Tuesday, two days after the rebels had announced their withdrawal."),
    ("pt", "A trégua ruiu nesta terça-feira, dois dias depois de o governo ter anunciado a retirada das tropas."),
]


@pytest.mark.parametrize(("language", "text"), OTHER_SUBJECT)
def test_an_announcement_with_its_own_subject_is_not_the_truces(language: str, text: str) -> None:
    assert statuses(text, language) == ["collapsed"]


# The active form with the truce as its object pronoun says the same: "took effect hours after the
# president announced it", "después de que el presidente la anunciara", "après que le président l'a
# annoncée", "depois de o presidente a anunciar" (ceasefire.cues.agreed_passive).
ANNOUNCED_IT: list[tuple[str, str]] = [
    ("en", "The truce took effect at dawn on Friday, hours after the U.S. envoy announced it."),
    ("es", "La tregua entró en vigor el viernes, horas después de que el enviado la anunciara."),
    ("fr", "La trêve est entrée en vigueur vendredi, quelques heures après que l'envoyé l'a annoncée."),
    ("pt", "A trégua entrou em vigor na sexta-feira, horas depois de o enviado a anunciar."),
]


@pytest.mark.parametrize(("language", "text"), ANNOUNCED_IT)
def test_a_truce_that_took_effect_after_someone_announced_it_was_agreed(language: str, text: str) -> None:
    assert statuses(text, language) == ["agreed", "in_effect"]


def test_after_someone_announced_something_else_no_agreement() -> None:
    assert statuses("The truce held for a week after the army announced it would withdraw.", "en") == ["in_effect"]
