"""German reports speech without a conjunction, and its articles are also its relative pronouns:
"Die Armee erklärte, die Miliz habe die Waffenruhe gebrochen" reports a violation and declares no
truce, though "die" after the comma could open a relative clause. A relative pronoun needs a noun
to describe: where the reporting verb's clause names no truce before the verb, the clause after
its comma is what it reports (`ceasefire/reported_speech.py` `_truce_before`). Where a truce stands
before the verb ("hat eine Waffenruhe erklärt, die …"), the relative clause describes it and the
truce is declared.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

CASES: list[tuple[str, set[str]]] = [
    ("Die Armee erklärte, die Miliz habe die Waffenruhe gebrochen.", {"violated"}),
    ("Die Armee erklärte, der Angriff der Miliz verletze die Waffenruhe.", {"violated"}),
    ("Ein Sprecher der Rebellen erklärte, die Feuerpause halte.", {"in_effect"}),
    ("Beide Seiten erklärten, die Waffenruhe sei gescheitert.", {"collapsed"}),
    # look-alikes: the truce before the verb, and a relative clause describing it
    ("Die Regierung hat eine Waffenruhe erklärt, die am Mittwoch in Kraft trat.", {"agreed", "in_effect"}),
    ("Die Junta erklärte am Mittwoch eine Waffenruhe, die bis zum 22. April gilt.", {"agreed", "in_effect"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_a_reported_clause_after_a_comma_declares_no_truce(text: str, expected: set[str]) -> None:
    statements = find_ceasefire(split_sentences(text), "de")
    assert {statement.status for statement in statements if not statement.background} == expected
