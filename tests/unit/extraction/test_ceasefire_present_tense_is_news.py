"""A cue in the present tense tells today's news, whatever episode the words around it name.

- A violation verb in the simple present with the truce for its object ("an attack it says
  breaches the November truce", "viola la tregua de noviembre") is news even when a month names
  the truce (`ceasefire.present_violation`, read by `ceasefire/background.py` `is_current_verb`);
  the same verb in the past stays with the earlier truce the month names.
- A sentence that follows one about an earlier truce inherits its episode ("It lapsed a year
  later"), but not for a cue in the present or present perfect: "…, but an informal truce has
  largely held since" is today's (`ceasefire/statements.py`).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

PRESENT_VIOLATIONS: list[tuple[str, str, Expected]] = [
    ("en", "The army said the raid hit fighters rebuilding bunkers, something it says breaches the November truce.", {("violated", False)}),
    ("en", "Kyiv says every drone launched at its grid violates the March ceasefire on energy sites.", {("violated", False)}),
    ("es", "El ejército dijo que atacó a milicianos que reconstruían búnkeres, algo que según Israel viola la tregua de noviembre.", {("violated", False)}),
    ("fr", "L'armée dit avoir visé des combattants qui reconstruisaient des bunkers, ce qui selon elle viole la trêve de novembre.", {("violated", False)}),
    ("pt", "O exército disse ter atingido combatentes que reconstruíam bunkers, o que segundo ele viola a trégua de novembro.", {("violated", False)}),
    ("de", "Die Armee erklärte, jeder Angriff auf die Stromnetze verletzt die Waffenruhe vom März.", {("violated", False)}),
    # look-alikes: the same verbs in the past stay with the earlier truce the month names
    ("en", "The army said the raid hit fighters rebuilding bunkers, something it said breached the November truce.", {("violated", True)}),
    ("es", "Según Israel, aquel ataque violó la tregua de noviembre.", {("violated", True)}),
    # a noun, not a verb: "breaches of" takes no object determiner
    ("en", "Monitors counted breaches of the November truce.", {("violated", True)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), PRESENT_VIOLATIONS, ids=[c[1][:60] for c in PRESENT_VIOLATIONS])
def test_a_violation_in_the_present_is_news_whatever_month_names_the_truce(
    language: str, text: str, expected: Expected
) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected


INHERITED: list[tuple[str, str, Expected]] = [
    ("en", "A truce brokered by the UN in March 2023 calmed the front. It formally expired a year later, "
     "but an informal truce has largely held since.", {("agreed", True), ("collapsed", True), ("in_effect", False)}),
    ("de", "Eine von der UN vermittelte Waffenruhe im März 2023 beruhigte die Front. Sie lief ein Jahr später formell aus, "
     "doch eine informelle Waffenruhe hält seitdem weitgehend.", {("agreed", True), ("in_effect", False)}),
    # look-alike: a past cue after the earlier truce's sentence stays with that truce
    ("en", "A truce brokered by the UN in March 2023 calmed the front. The pact, however, was violated several times.",
     {("agreed", True), ("violated", True)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), INHERITED, ids=[c[1][-50:] for c in INHERITED])
def test_a_present_perfect_cue_does_not_inherit_the_earlier_truce_of_the_sentence_before(
    language: str, text: str, expected: Expected
) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
