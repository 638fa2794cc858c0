"""The numbers listed after an age word are all ages: "two children aged 4 and 11 were among those
killed" counts two children, not eleven dead (figures/candidates.py `_ages_listed`). The other
languages put the unit after the last member ("âgés de 4 et 11 ans", "de 8 y 12 años", "im Alter von
4 und 11 Jahren"), which already made both members ages; English "aged" stands only before the first.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "A nurse said two children aged 6 and 13 were among those killed.", [("killed", 2, "exact", "children")]),
    ("en", "Three boys aged 9, 12 and 15 were wounded by the blast.", [("injured", 3, "exact", "children")]),
    ("fr", "Deux enfants âgés de 6 et 13 ans ont été tués.", [("killed", 2, "exact", "children")]),
    ("es", "Murieron dos niños de 6 y 13 años.", [("killed", 2, "exact", "children")]),
    ("pt", "Morreram duas crianças de 6 e 13 anos.", [("killed", 2, "exact", "children")]),
    ("de", "Zwei Kinder im Alter von 6 und 13 Jahren wurden getötet.", [("killed", 2, "exact", "children")]),
    # look-alike: a count listed after an age's sentence is a count ("aged 30, and 12 others")
    ("en", "The gunman, aged 30, killed 12 people.", [("killed", 12, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_ages_listed_after_an_age_word(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
