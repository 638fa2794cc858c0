"""A truce that will remain or go on in force is today's, whatever earlier month or year the sentence
names elsewhere: "seguirá en vigor hasta …", "restera en vigueur jusqu'au …", "continuará em vigor
até …", "bleibe bis Ende Februar in Kraft" (`ceasefire/background.py` `_CURRENT_VERB`, as "remains
in force" already was). A state still to come is no earlier episode. A truce told in the past with
its own year stays background. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("en", "Mediators said on Monday the truce will remain in force until March 2, after the deadline set in the October deal passed.", {("in_effect", False)}),
    ("es", "Los mediadores dijeron el lunes que la tregua seguirá en vigor hasta el 2 de marzo, tras vencer el plazo del acuerdo de octubre.", {("in_effect", False)}),
    ("fr", "Les médiateurs ont indiqué lundi que la trêve restera en vigueur jusqu'au 2 mars, après l'échéance fixée par l'accord d'octobre.", {("in_effect", False)}),
    ("pt", "Os mediadores disseram na segunda-feira que a trégua continuará em vigor até 2 de março, depois de Israel falhar o prazo do acordo de outubro.", {("in_effect", False)}),
    ("de", "Die Vermittler teilten am Montag mit, die Waffenruhe bleibe bis Ende März in Kraft, nachdem Israel die Frist des Oktober-Abkommens verpasst hatte.", {("in_effect", False)}),
    # told in the past with its own year: an earlier truce
    ("es", "Una tregua firmada en octubre de 2019 se mantuvo en vigor hasta marzo de 2020.", {("agreed", True), ("in_effect", True)}),
    ("en", "A truce signed in October 2019 stayed in force until March 2020.", {("agreed", True), ("in_effect", True)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_truce_that_will_remain_in_force_is_todays(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
