"""People moved in a state are counted by that state: "30 soldiers were evacuated wounded" are
injured, not only evacuated ("évacués blessés", "evacuados heridos", "evacuados feridos"; German
says "verletzt ausgeflogen"). Lexicon `outcomes.injured.post`, where the longest phrase wins over
the evacuation alone; people evacuated in no stated state stay evacuated (not scored). Sentences
of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("fr", "Une trentaine de soldats ont été évacués blessés vers Ouagadougou.",
     [("injured", 30, "approximately", "soldiers")]),
    ("en", "About 30 soldiers were evacuated wounded to the capital.", [("injured", 30, "approximately", "soldiers")]),
    ("es", "Unos 30 soldados fueron evacuados heridos a la capital.", [("injured", 30, "approximately", "soldiers")]),
    ("pt", "Cerca de 30 soldados foram evacuados feridos para a capital.",
     [("injured", 30, "approximately", "soldiers")]),
    ("de", "Rund 30 Soldaten wurden verletzt in die Hauptstadt ausgeflogen.",
     [("injured", 30, "approximately", "soldiers")]),
    ("fr", "Une trentaine d'habitants ont été évacués vers Ouagadougou.", [("evacuated", 30, "approximately", None)]),
    ("en", "About 300 residents were evacuated to the capital.", [("evacuated", 300, "approximately", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_people_evacuated_wounded_are_injured(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
