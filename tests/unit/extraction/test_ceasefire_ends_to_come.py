"""An end of a truce still due, or one that never came, is no collapse: "la tregua, que debía expirar
el viernes, fue prorrogada", "a trégua, que deveria expirar …", "la trêve, qui devait expirer …", "the
truce, which was due to expire …", and the German unreal "Die Feuerpause wäre am Dienstag ausgelaufen"
or, verb-final, "die am Dienstag ausgelaufen wäre" (`ceasefire/ends_to_come.py`, lexicon
`ceasefire.ends_to_come`). Look-alikes: an end that came ("expiró el viernes"), and a German negation
after "und" that denies only the second verb ("ist ausgelaufen und wird nicht verlängert",
`negations.NEGATION_AFTER`). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

NOT_ENDED: list[tuple[str, str, Expected]] = [
    ("es", "La tregua en el valle, que debía expirar el jueves, fue prorrogada quince días.", {("extended", False)}),
    ("es", "La tregua en el valle iba a expirar el jueves.", set()),
    ("pt", "A trégua no vale, que deveria expirar na quinta-feira, foi prorrogada por quinze dias.", {("extended", False)}),
    ("pt", "A trégua no vale ia expirar na quinta-feira.", set()),
    ("fr", "La trêve dans la vallée, qui devait expirer jeudi, a été prolongée de quinze jours.", {("extended", False)}),
    ("en", "The truce in the valley, which was due to expire on Thursday, was extended by a fortnight.", {("extended", False)}),
    ("de", "Die Feuerpause im Tal wäre am Donnerstag ausgelaufen.", set()),
    ("de", "Die Waffenruhe im Tal, die eigentlich in der Nacht zum Donnerstag ausgelaufen wäre, wurde um zwei Wochen verlängert.", {("extended", False)}),
    ("de", "Die Waffenruhe, die seit dem vergangenen Freitag gilt, wäre eigentlich in der Nacht zum Donnerstag ausgelaufen.", {("in_effect", False)}),
    ("de", "Die Feuerpause im Tal soll am Donnerstag auslaufen.", set()),
]

ENDED: list[tuple[str, str, Expected]] = [
    ("es", "La tregua en el valle expiró el jueves sin que se acordara su renovación.", {("collapsed", False)}),
    ("pt", "A trégua no vale expirou na quinta-feira.", {("collapsed", False)}),
    ("de", "Die Feuerpause im Tal ist am Donnerstag ausgelaufen.", {("collapsed", False)}),
    # the negation after "und" denies the extension, not the end
    ("de", "Die Feuerpause im Tal ist nach Angaben der Regierung ausgelaufen und wird nicht verlängert.", {("collapsed", False)}),
    # a present passive with "wird" is an end today, not one to come
    ("de", "Die Waffenruhe im Tal wird mit sofortiger Wirkung ausgesetzt, teilte die Regierung mit.", {("collapsed", False)}),
]

CASES = NOT_ENDED + ENDED


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:70] for case in CASES])
def test_an_end_still_due_or_never_come_is_no_collapse(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
