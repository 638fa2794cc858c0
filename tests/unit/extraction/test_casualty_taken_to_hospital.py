"""People taken to hospital after an attack are its injured, as people "hospitalised" are.

Reports count the wounded by where they went: "eight others were taken to hospital", "were rushed to
the hospital", "had been admitted to hospital with head injuries"; and by the kind of wound, its
cause before "injuries" ("with blast injuries"). German lists "ins Krankenhaus gebracht" already
(lexicon `outcomes.injured.post`). A body taken to hospital is still a dead person's.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "Eight shoppers were taken to hospital after the market was shelled.", [("injured", 8, "exact", None)]),
    ("en", "Two soldiers died and five were rushed to the hospital in the provincial capital.",
     [("killed", 2, "exact", "soldiers"), ("injured", 5, "exact", "soldiers")]),
    ("en", "Doctors said 17 people had been admitted to hospital with head injuries.", [("injured", 17, "exact", None)]),
    ("en", "At least nine residents were brought in with blast injuries.", [("injured", 9, "at_least", None)]),
    ("de", "Acht Passanten wurden ins Krankenhaus gebracht.", [("injured", 8, "exact", None)]),
    # look-alike: bodies taken to hospital are the dead
    ("en", "The bodies of 14 villagers were taken to hospital in the town.", [("killed", 14, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_taken_to_hospital_is_injured(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
