"""A relative clause English writes without "that" has its own subject and verb.

"the militia would accept a truce only if the army left the towns it holds": "it holds" is what the
army does to the towns, not a truce holding. A determiner, one noun and a subject pronoun right
before a cue open such a clause (lexicon `ceasefire.reduced_relatives`): the pronoun stands for no
truce, and the cue after it attaches to no truce further back. A pronoun after a verb or a comma
still stands for the truce ("the truce was signed in May and it has held").

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("en", "The militia offered a truce, demanding that the army pull back from the towns it holds.", {("proposed", False)}),
    ("en", "Talks on a truce stalled over the hills they hold near the border.", {("proposed", False)}),
    ("en", "The government rejected a truce and vowed to retake every village they held.", {("proposed", False)}),
    # look-alikes: the pronoun after a verb, a comma or a conjunction is the truce
    ("en", "The truce took effect on Monday and it held through the night.", {("in_effect", False)}),
    ("en", "A truce was agreed on Friday; residents hope it holds.", {("agreed", False), ("in_effect", False)}),
    ("en", "The truce began at dawn, and so far it has held.", {("in_effect", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_a_relative_clause_without_that_speaks_of_its_own_noun(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
