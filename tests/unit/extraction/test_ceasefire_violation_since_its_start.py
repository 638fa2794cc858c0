"""A violation measured from the truce's start is today's news, whatever year names that start.

"the worst breach since the truce was signed in 2019": the "since" after a violation opens the span
the violation is counted against, and a date inside that span dates the truce's start (`ceasefire/
since_clauses.py`, each language's `background.since`). The agreement inside the span stays an
earlier one. A date before the "since" still dates the violation.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("en", "Two farmers died in the shelling, the gravest breach since the truce was signed in 2019.", {("violated", False), ("agreed", True)}),
    ("en", "Officials called it the first serious violation since both sides recommitted to the 2018 ceasefire in March 2022.", {("violated", False), ("agreed", True)}),
    ("es", "Fue la violación más grave desde que ambas partes firmaron la tregua en 2019.", {("violated", False), ("agreed", True)}),
    ("pt", "Foi a violação mais grave desde que as duas partes assinaram a trégua em 2019.", {("violated", False), ("agreed", True)}),
    ("de", "Es war der schwerste Verstoß seit der Unterzeichnung der Waffenruhe im Jahr 2019.", {("violated", False), ("agreed", True)}),
    ("fr", "C'est la violation la plus grave depuis que les deux camps ont signé la trêve en 2019.", {("violated", False), ("agreed", True)}),
    # look-alikes: a date before the "since" dates the violation
    ("en", "In 2021, the truce was breached for the first time since it was signed.", {("violated", True)}),
    ("en", "The truce signed in 2019 was breached in March 2021.", {("violated", True), ("agreed", True)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_a_violation_since_the_truce_began_is_news(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
