"""The group an outcome word qualifies, or names with "among" after it, in every language.

"14 getötete Zivilisten", "30 wounded soldiers": an outcome adjective before its noun leaves
the noun as the group. "six morts parmi les militaires", "seis muertos entre los militares",
"sechs Tote unter den Soldaten": a toll of the dead "among" a group is that group's. A mixed
list there ("parmi les soldats et les supplétifs civils") has no single group; a second figure
joined after it ("… Zivilisten und acht Soldaten") is no mixed list. Sentences of my own
wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("de", "Die Behörden meldeten 9 getötete Polizisten.", [("killed", 9, "exact", "police")]),
    (
        "de",
        "Das Ministerium meldete neun getötete Zivilisten und vier Soldaten.",
        [("killed", 9, "exact", "civilians"), ("killed", 4, "exact", "soldiers")],
    ),
    ("en", "Medics treated 9 wounded children at the scene.", [("injured", 9, "exact", "children")]),
    ("en", "The ambush left nine dead among the police.", [("killed", 9, "exact", "police")]),
    ("de", "Der Hinterhalt forderte neun Tote unter den Polizisten.", [("killed", 9, "exact", "police")]),
    ("es", "La emboscada dejó nueve muertos entre los policías.", [("killed", 9, "exact", "police")]),
    ("fr", "L'embuscade a fait neuf morts parmi les policiers.", [("killed", 9, "exact", "police")]),
    ("pt", "A emboscada deixou nove mortos entre os polícias.", [("killed", 9, "exact", "police")]),
    ("fr", "L'embuscade a fait neuf blessés parmi les journalistes.", [("injured", 9, "exact", "journalists")]),
    # a mixed list: no single group
    ("fr", "L'embuscade a fait neuf morts parmi les policiers et les civils.", [("killed", 9, "exact", None)]),
    ("es", "La emboscada dejó nueve muertos entre los policías y los civiles.", [("killed", 9, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_the_group_an_outcome_word_qualifies(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
