"""The German trap again: "verletzte"/"verletzten" is a verb of a violated truce ("Die Milizen
verletzten die Waffenruhe") and, capitalised, a noun for the wounded ("um Verletzte zu bergen", "die
Verletzten zu versorgen"). German capitalises its nouns, so the lexicon's `ceasefire.cues.violated`
reads those two forms only in lower case; "Verletzungen der Waffenruhe", a noun of violation, stays.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

CASES: list[tuple[str, set[str]]] = [
    ("Die Feuerpause soll genutzt werden, um Verletzte aus dem Viertel zu bringen.", set()),
    ("Die Waffenruhe erlaubte es den Helfern, die Verletzten in Kliniken zu bringen.", set()),
    ("Dank der Feuerpause konnten Verletzte über die Grenze gebracht werden.", set()),
    ("Die Milizen verletzten die Waffenruhe am Abend erneut.", {"violated"}),
    ("Die Armee verletzte die Feuerpause nach Angaben der Beobachter mehrfach.", {"violated"}),
    ("Die Feuerpause wurde in der Nacht verletzt.", {"violated"}),
    ("Verletzungen der Waffenruhe wurden aus drei Dörfern gemeldet.", {"violated"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[case[0][:60] for case in CASES])
def test_german_wounded_are_no_violation(text: str, expected: set[str]) -> None:
    statements = find_ceasefire(split_sentences(text), "de")
    assert {statement.status for statement in statements if not statement.background} == expected
