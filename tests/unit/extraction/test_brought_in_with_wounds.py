"""People brought to a clinic with their wounds are the injured.

"19 others were taken to the health centre with shrapnel wounds", "avec des blessures par balle", "com
ferimentos de estilhaços", "mit Schussverletzungen in Kliniken gebracht": the wound after "with" is the
outcome of the people counted before it (lexicon `outcomes.injured.post`; Spanish "con heridas" was read
already, "heridas" being the wounded). A verb before the number still decides: "Gunmen killed three
people with gunshot wounds to the head" are dead.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "A nurse said 23 others were taken to the clinic in the village with shrapnel wounds.",
     [("injured", 23, "exact", None)]),
    ("en", "Nine people died and 23 others were rushed to hospital with serious injuries.",
     [("killed", 9, "exact", None), ("injured", 23, "exact", None)]),
    ("fr", "Vingt-trois autres ont été conduites au dispensaire avec des blessures par balle.",
     [("injured", 23, "exact", None)]),
    ("pt", "Outras 23 pessoas foram levadas para o posto de saúde com ferimentos de bala.",
     [("injured", 23, "exact", None)]),
    ("es", "Otras 23 personas fueron llevadas al dispensario con heridas de bala.", [("injured", 23, "exact", None)]),
    ("de", "23 weitere Menschen wurden mit Splitterverletzungen in ein Krankenhaus gebracht.",
     [("injured", 23, "exact", None)]),
    # look-alikes: a verb before the number decides; things counted are no people
    ("en", "Gunmen killed three villagers with gunshot wounds to the head.", [("killed", 3, "exact", None)]),
    ("en", "The clinic, with 40 beds, is full of people with injuries.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_people_brought_in_with_wounds(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
