"""A truce said to be part of a plan proposes nothing: the plan is the truce's context.

"The truce is part of a 20-point plan", "La trêve fait partie d'un plan de paix", "Die
Waffenruhe ist Teil eines 20-Punkte-Plans" tell where the truce comes from; a plan put forward
for a truce still proposes one (lexicon `ceasefire.part_of`). Sentences of my own wording, none
from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("en", "The truce is part of a 20-point plan.", set()),
    ("es", "La tregua es parte de un plan de paz.", set()),
    ("es", "La tregua forma parte del plan de paz.", set()),
    ("fr", "La trêve fait partie d'un plan de paix.", set()),
    ("pt", "A trégua faz parte de um plano de paz.", set()),
    ("de", "Die Waffenruhe ist Teil eines 20-Punkte-Plans.", set()),
    # a plan put forward for a truce proposes one
    ("en", "Egypt put forward a plan for a truce.", {("proposed", False)}),
    ("fr", "La France a présenté un plan pour une trêve.", {("proposed", False)}),
    ("de", "Ägypten legte einen Plan für eine Waffenruhe vor.", {("proposed", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_truce_part_of_a_plan_proposes_nothing(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
