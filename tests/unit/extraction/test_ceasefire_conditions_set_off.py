"""A condition on a truce states nothing about it, and talks it conditions are not about it.

- "provided that", "as long as", "so long as" are conditions, as "if" and "unless" are: "aid will
  flow as long as the ceasefire holds" says nothing held (lexicon `ceasefire.conditions`).
- A condition set off by a comma opens its own clause: "talks will resume on Monday, provided the
  truce is respected" proposes no truce by its talks (`ceasefire.comma_breaks`: ", si", ", siempre
  que", ", à condition que", ", caso", ", sofern").
- A truce that "will commence", "is due to commence" or "commences at dawn" is agreed, as one that
  "will begin" (English `ceasefire.cues.scheduled`).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("en", "Grain shipments will leave the port on Monday, provided that the truce holds.", set()),
    ("en", "Families will stay in the camps as long as the ceasefire holds.", set()),
    ("en", "The talks will restart on Thursday, provided the ceasefire is respected.", {("in_effect", False)}),
    ("es", "Las conversaciones se reanudarán el jueves, siempre que la tregua se mantenga.", set()),
    ("fr", "Les pourparlers reprendront jeudi, à condition que la trêve tienne.", set()),
    ("en", "The ceasefire is due to commence at noon on Thursday.", {("agreed", False)}),
    ("en", "A three-day truce commences at dawn on Friday, the mediators said.", {("agreed", False)}),
    # look-alikes: talks on the truce itself, and a truce that holds with no condition
    ("en", "The envoys will meet again next week for talks on a truce.", {("proposed", False)}),
    ("en", "The ceasefire has held for a week, and the envoys will meet again.", {("in_effect", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_a_condition_on_a_truce_states_nothing(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
