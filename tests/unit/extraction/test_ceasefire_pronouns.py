"""A truce referred to by a pronoun, where each language puts it.

English says "violating it" and "it collapsed"; French and Portuguese put the object pronoun
before the verb ("de l'avoir violé", "de la violer", "de o violarem", "de a violar"); Spanish
and Portuguese may fix it to the verb's end ("de violarla", "violá-la"). A pronoun stands for
the truce only in an article that names one. The forms are lexicon data (`ceasefire.pronouns`,
with the verbs they must stand before, so that an article "la"/"a" before a noun is none;
`ceasefire.cues.violations` for the fixed forms). Sentences of my own wording, none from an
evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

PRONOUNS: list[tuple[str, str, Expected]] = [
    ("en", "The truce took effect on Monday, but both sides accused each other of violating it.", {("in_effect", False), ("violated", False)}),
    ("fr", "Le cessez-le-feu est entré en vigueur lundi, mais les deux camps s'accusent déjà de l'avoir violé.", {("in_effect", False), ("violated", False)}),
    ("fr", "La trêve tient, mais Kiev accuse Moscou de la violer.", {("in_effect", False), ("violated", False)}),
    ("pt", "A trégua entrou em vigor, mas o governo acusou o M23 de o violarem.", {("in_effect", False), ("violated", False)}),
    ("pt", "A trégua entrou em vigor, mas as partes acusaram-se de a violar.", {("in_effect", False), ("violated", False)}),
    ("pt", "A trégua entrou em vigor, mas as partes acusaram-se de violá-la.", {("in_effect", False), ("violated", False)}),
    ("es", "La tregua entró en vigor el lunes, pero el Gobierno acusó a las milicias de violarla.", {("in_effect", False), ("violated", False)}),
    ("es", "El alto el fuego rige desde el lunes, aunque ambos bandos se acusan de romperlo.", {("in_effect", False), ("violated", False)}),
]

# An article before a noun, or "a" before a verb with another object, is no pronoun of the truce.
NOT_PRONOUNS: list[tuple[str, str, Expected]] = [
    ("fr", "L'armée l'a annoncé lundi.", set()),
    ("fr", "La trêve est en vigueur, mais la violation des droits continue.", {("in_effect", False)}),
    ("pt", "A trégua entrou em vigor, mas os rebeldes continuam a violar os direitos humanos.", {("in_effect", False)}),
]

CASES = PRONOUNS + NOT_PRONOUNS


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_pronoun_stands_for_the_truce(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
