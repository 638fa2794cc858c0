"""People who fled are displaced: "…, and at least 6,000 fled to the nearby town" takes no outcome of
the figure before it ("16 were wounded and 6,000 fled" gave 6,000 wounded).

A number's own verb of flight names its outcome, as "displaced" does (lexicon `outcomes.displaced.post`:
"fled", "huyeron", "ont fui", "fugiram", "flohen"); displaced figures are emitted and not scored.
People killed while fleeing are still killed. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "Another 16 people were shot and wounded, and at least 6,000 fled to the nearby town.",
     [("injured", 16, "exact", None), ("displaced", 6000, "at_least", None)]),
    ("es", "Otras 16 personas resultaron heridas de bala y al menos 6.000 huyeron hacia la ciudad vecina.",
     [("injured", 16, "exact", None), ("displaced", 6000, "at_least", None)]),
    ("fr", "Seize personnes ont été blessées par balle et au moins 6 000 ont fui vers la ville voisine.",
     [("injured", 16, "exact", None), ("displaced", 6000, "at_least", None)]),
    ("pt", "Outras 16 pessoas ficaram feridas a tiro e pelo menos 6.000 fugiram para a cidade vizinha.",
     [("injured", 16, "exact", None), ("displaced", 6000, "at_least", None)]),
    ("de", "16 Menschen wurden angeschossen und verletzt, mindestens 6.000 flohen in die Nachbarstadt.",
     [("injured", 16, "exact", None), ("displaced", 6000, "at_least", None)]),
    ("en", "Residents said 40 people were killed as they fled the village.", [("killed", 40, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_people_who_fled_are_displaced(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
