"""The making of the truce that runs since then is today's story, unless a year names it.

"the deadliest day since a US-brokered truce took effect in late November", "raids since the
ceasefire was reached in January": an agreement cue in a "since" clause tells how the truce still in
force began; a month there dates that start, as it does for the truce's taking effect, and the
agreement is not an earlier episode (`ceasefire/since_clauses.py`, each language's
`background.since`). A year in the clause ("since the truce was signed in March 2019") names an
agreement of another year: context, as before. A month outside a "since" clause still dates it.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("en", "Rebels have staged a dozen raids since the truce was agreed in January.", {("violated", False), ("agreed", False)}),
    ("en", "It was the bloodiest night since a Qatar-brokered ceasefire took effect in early March.", {("agreed", False), ("in_effect", False)}),
    ("es", "Desde que se acordó la tregua en enero, la ciudad ha vivido en calma.", {("agreed", False)}),
    ("pt", "Desde que a trégua foi acordada em janeiro, a cidade tem vivido em calma.", {("agreed", False)}),
    ("fr", "Depuis que la trêve a été conclue en janvier, la ville vit dans le calme.", {("agreed", False)}),
    ("de", "Seit die Waffenruhe im Januar vereinbart wurde, ist es in der Stadt ruhig.", {("agreed", False)}),
    # look-alikes: a year in the clause, or a month outside any "since"
    ("en", "It was the quietest week since the truce was signed in March 2019.", {("agreed", True)}),
    ("en", "The truce signed in January collapsed on Monday.", {("agreed", True), ("collapsed", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_the_making_of_the_running_truce_is_news(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
