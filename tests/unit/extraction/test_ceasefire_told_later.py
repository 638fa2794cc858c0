"""When a truce is history: a time told relative to the sentence before it ("six months later",
"dos años después", "deux ans plus tard", "dois anos depois", "zwei Jahre später") belongs to that
sentence's episode, so a truce that an earlier sentence dated to the past stays in the past even
when it is named again (`ceasefire.later`).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

LATER: list[tuple[str, str, Expected]] = [
    (
        "en",
        "A truce between the two armies was signed in March 2019. The truce collapsed two years later.",
        {("agreed", True), ("collapsed", True)},
    ),
    (
        "es",
        "Una tregua entre los dos ejércitos se firmó en marzo de 2019. La tregua fracasó dos años después.",
        {("agreed", True), ("collapsed", True)},
    ),
    (
        "fr",
        "Une trêve entre les deux armées a été signée en mars 2019. La trêve a pris fin deux ans plus tard.",
        {("agreed", True), ("collapsed", True)},
    ),
    (
        "pt",
        "Uma trégua entre os dois exércitos foi assinada em março de 2019. A trégua fracassou dois anos depois.",
        {("agreed", True), ("collapsed", True)},
    ),
    (
        "de",
        "Im März 2019 wurde eine Waffenruhe zwischen den beiden Armeen vereinbart. Die Waffenruhe brach zwei "
        "Jahre später zusammen.",
        {("agreed", True), ("collapsed", True)},
    ),
]

# "later" after a sentence of today's news is today's news too.
LATER_IN_THE_NEWS: list[tuple[str, str, Expected]] = [
    (
        "en",
        "The two armies signed a truce on Monday. The truce collapsed two days later.",
        {("agreed", False), ("collapsed", False)},
    ),
    (
        "es",
        "Los dos ejércitos firmaron una tregua el lunes. La tregua fracasó dos días después.",
        {("agreed", False), ("collapsed", False)},
    ),
]

CASES = LATER + LATER_IN_THE_NEWS


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_truce_told_later_than_an_old_one_is_history(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
