"""A figure after a contrast, dated to the story's week after it, is the news whatever dated the clause before.

"The truce that ended the war was signed in March, but air strikes killed 21 people on Thursday": the
episode cue and the month date the first clause; ", but" turns to today, and the day after the figure,
in its own clause, says so (attribution/contrast.py; the words are lexicon `background.contrasts`).
Without the contrast, or without a day of the week in the figure's clause, the cue still dates it.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2026, 5, 22, 9, tzinfo=UTC)

CASES: list[tuple[str, str, list[tuple[int, bool]]]] = [
    ("en", "The truce that ended the war was signed in March, but air strikes killed 21 people on Thursday.",
     [(21, False)]),
    ("fr", "La trêve qui a mis fin à la guerre a été signée en 2024, mais des frappes ont tué 21 personnes jeudi.",
     [(21, False)]),
    ("es", "La tregua que puso fin a la guerra se firmó en 2024, pero los bombardeos mataron a 21 personas el jueves.",
     [(21, False)]),
    ("pt", "A trégua que pôs fim à guerra foi assinada em 2024, mas os bombardeios mataram 21 pessoas na quinta-feira.",
     [(21, False)]),
    # look-alikes: no contrast, or no day of the week after the figure
    ("en", "In 2019 gunmen killed 40 people on a Sunday in a church.", [(40, True)]),
    ("en", "In 2014 an assault left 2,100 dead, but officials said 40 soldiers died in the fighting that year.",
     [(2100, True), (40, True)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_contrast_back_to_today(language: str, text: str, expected: list[tuple[int, bool]]) -> None:
    figures = read(text, language, PUBLISHED)
    assert [(f.count, f.background) for f in figures if f.outcome == "killed"] == expected
