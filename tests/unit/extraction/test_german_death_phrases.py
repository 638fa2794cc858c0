"""German news tells a death in more ways than "getötet" and "starben": "erlagen (später) ihren
Verletzungen", "fanden den Tod", "verloren ihr Leben", "sprach von 17 Todesopfern" (dative), and a
part listed after an adverb of attribution ("Unter den Getöteten befinden sich demnach …";
lexicon `outcomes.killed.post`, `grammar.subgroup_fillers`). Sentences of my own wording, none
from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full, pairs

DEATHS: list[tuple[str, list[tuple[str, int]]]] = [
    ("Acht der Verschütteten erlagen noch am Abend ihren Verletzungen.", [("killed", 8)]),
    ("Zwei Kinder erlagen im Krankenhaus ihren schweren Verletzungen.", [("killed", 2)]),
    ("Bei dem Grubenunglück fanden 31 Bergleute den Tod.", [("killed", 31)]),
    ("Mindestens 44 Migranten fanden bei dem Bootsunglück den Tod.", [("killed", 44)]),
    ("Bei dem Bombenanschlag verloren 15 Menschen ihr Leben.", [("killed", 15)]),
    ("Nach Angaben der Küstenwache haben mindestens 60 Menschen ihr Leben verloren.", [("killed", 60)]),
    ("Der Bürgermeister sprach von mindestens 23 Todesopfern.", [("killed", 23)]),
    # not deaths: the same words without a count of people, or the death of someone named
    ("Die Helfer riskierten bei der Bergung ihr Leben.", []),
    ("Die Polizei meldete den Tod von zwei Demonstranten.", [("killed", 2)]),
]


@pytest.mark.parametrize(("text", "expected"), DEATHS, ids=[case[0][:50] for case in DEATHS])
def test_german_death_phrasings(text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, "de") == expected


def test_a_part_listed_after_an_adverb_of_attribution() -> None:
    text = "Bei dem Angriff starben 40 Menschen. Unter den Toten sind demnach elf Kinder und fünf Frauen."
    assert full(text, "de") == [
        ("killed", 40, "exact", None),
        ("killed", 11, "exact", "children"),
        ("killed", 5, "exact", "women"),
    ]


def test_a_part_listed_with_zudem() -> None:
    text = "Bei dem Beschuss wurden 25 Menschen verletzt. Unter den Verletzten befinden sich zudem drei Sanitäter."
    assert full(text, "de") == [("injured", 25, "exact", None), ("injured", 3, "exact", "aid_workers")]
