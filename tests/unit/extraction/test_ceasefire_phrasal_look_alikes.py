"""English phrases that look like a status or a condition and are neither.

- "broke off talks", "breaking off contact", "has broken off relations": ending talks or ties
  breaks no truce, even where "it" stands for the party that did (lexicon `ceasefire.cues.violated`).
- "once again", "once more" repeat what follows; only "once" before a clause is a condition
  ("once the truce holds"): "accused the army of once again breaching the truce" is a violation
  (lexicon `ceasefire.conditions`).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("en", "The truce collapsed on Monday. The rebels then broke off talks with the mediators.", {("collapsed", False)}),
    ("en", "A truce was announced on Sunday. It broke off contact with the army weeks ago.", {("agreed", False)}),
    ("en", "The militia has broken off relations with the council that brokered the truce.", {("agreed", False)}),
    ("en", "The truce held for a day, then the militia broke it.", {("in_effect", False), ("violated", False)}),
    ("en", "Villagers accused the militia of once again breaching the truce on Tuesday.", {("violated", False)}),
    ("en", "The army said rebels had once more violated the ceasefire near the dam.", {("violated", False)}),
    # look-alike: "once" before a clause is a condition
    ("en", "Aid will flow once the truce holds.", set()),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_phrases_that_only_look_like_a_status(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
