"""A toll dated by "that year": a year the article named before, never the story's own.

Background paragraphs go back to an earlier year and then refer to it again: "About 900 people
were killed in the battle for the port early that year", "A ofensiva desse ano fez cerca de 900
mortos", "la ofensiva de ese año", "l'offensive de cette année-là", "die Offensive jenes Jahres".
The story's own year is "this year" ("este año", "cette année", "dieses Jahr"), so the distal
demonstrative is a relative past like "last year" (lexicon `background.relative_past`); "since
that year" opens a running toll's window and dates nothing.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

NOW = datetime(2026, 3, 2, tzinfo=UTC)

CASES: list[tuple[str, str, list[tuple[str, int, bool]]]] = [
    ("en", "Rebels took the port in January 2024. About 900 people were killed in the battle for it early that year.",
     [("killed", 900, True)]),
    ("es", "Los rebeldes tomaron el puerto en enero de 2024. La ofensiva de ese año dejó unos 900 muertos.",
     [("killed", 900, True)]),
    ("fr", "Les rebelles ont pris le port en janvier 2024. L'offensive de cette année-là a fait quelque 900 morts.",
     [("killed", 900, True)]),
    ("pt", "Os rebeldes tomaram o porto em janeiro de 2024. A ofensiva desse ano fez cerca de 900 mortos.",
     [("killed", 900, True)]),
    ("de", "Die Rebellen nahmen den Hafen im Januar 2024 ein. Bei der Offensive jenes Jahres starben rund 900 Menschen.",
     [("killed", 900, True)]),
    # look-alikes: the story's own year, and a running toll since that year
    ("en", "Shelling resumed on Monday. At least 14 people have been killed this year, officials said.",
     [("killed", 14, False)]),
    ("en", "The insurgency began in 2023. Since that year more than 3,000 people have been killed.",
     [("killed", 3000, False)]),
    ("es", "La insurgencia empezó en 2023. Desde ese año han muerto más de 3.000 personas.",
     [("killed", 3000, False)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][-60:] for case in CASES])
def test_that_year_dates_a_toll(language: str, text: str, expected: list[tuple[str, int, bool]]) -> None:
    assert [(f.outcome, f.count, f.background) for f in read(text, language, NOW)] == expected
