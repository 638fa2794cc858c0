"""German writes a truce named by its scope or its season as one word: "Teilwaffenruhe",
"Osterwaffenruhe", "Weihnachtsfeuerpause", "Energie-Waffenstillstand" (lexicon `ceasefire.terms.strong`);
each is a truce like "Waffenruhe" itself. Look-alike: a compound whose head is not a truce
("Teilnehmer", "Osterferien") names none. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, Expected]] = [
    ("Die Osterwaffenruhe in der Region ist am Dienstagmorgen ausgelaufen.", {("collapsed", False)}),
    ("Die Regierung verkündete am Freitag eine Teilwaffenruhe für die Hafenanlagen.", {("agreed", False)}),
    ("Beide Lager beschuldigten sich, die Weihnachtsfeuerpause gebrochen zu haben.", {("violated", False)}),
    ("Die Unterhändler einigten sich auf einen Teilwaffenstillstand entlang der Küste.", {("agreed", False)}),
    ("Der Energie-Waffenstillstand wurde um dreißig Tage verlängert.", {("extended", False)}),
    # no truce: the compound's head is something else
    ("Die Teilnehmer der Osterferien-Konferenz einigten sich auf einen Zeitplan.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[case[0][:60] for case in CASES])
def test_a_compound_truce_is_a_truce(text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), "de")
    assert {(statement.status, statement.background) for statement in statements} == expected
