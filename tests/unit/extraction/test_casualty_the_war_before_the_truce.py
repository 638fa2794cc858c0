"""The war that preceded a truce is an earlier, finished episode: its toll is background.

Stories about a truce's first weeks recall the war it ended by its place in time: "The 11-month war
that preceded the truce killed more than 3,000 people", "Der dem Waffenstillstand vorausgegangene
Krieg …", "la guerre qui a précédé la trêve", "la guerra que precedió a la tregua", "a guerra que
precedeu a trégua" (lexicon `background.episode`). Today's toll in another sentence is the news.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2026, 2, 9, 9, tzinfo=UTC)

CASES: list[tuple[str, str, list[tuple[int, bool]]]] = [
    ("en", "The 11-month war that preceded the truce killed more than 3,000 people, and about 70 on the other side.",
     [(3000, True), (70, True)]),
    ("de", "Der dem Waffenstillstand vorausgegangene Krieg hat mehr als 3.000 Menschen getötet.", [(3000, True)]),
    ("fr", "La guerre qui a précédé la trêve a fait plus de 3 000 morts.", [(3000, True)]),
    ("es", "La guerra que precedió a la tregua dejó más de 3.000 muertos.", [(3000, True)]),
    ("pt", "A guerra que precedeu a trégua deixou mais de 3.000 mortos.", [(3000, True)]),
    # look-alike: today's strike, told after the truce's start, is the news
    ("en", "A drone strike killed four people on Sunday, the first deaths since the truce began.", [(4, False)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_the_war_before_the_truce_is_background(language: str, text: str, expected: list[tuple[int, bool]]) -> None:
    figures = read(text, language, PUBLISHED)
    assert [(f.count, f.background) for f in figures if f.outcome == "killed"] == expected
