"""German puts an adverb of the middle field between "erlitten" and "Verletzungen": the wounded still count.

"Neun weitere Menschen erlitten dabei Verletzungen", "… erlitten zudem Verletzungen", "… erlitten ebenfalls
Verletzungen" (lexicon `outcomes.injured.post`), as "erlitten Verletzungen" did.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("de", "Neun weitere Menschen erlitten dabei Verletzungen.", [("injured", 9, "exact", None)]),
    ("de", "Drei Soldaten erlitten zudem Verletzungen, hieß es.", [("injured", 3, "exact", "soldiers")]),
    ("de", "Fünf Passanten erlitten ebenfalls Verletzungen.", [("injured", 5, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_an_adverb_before_the_injuries(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
