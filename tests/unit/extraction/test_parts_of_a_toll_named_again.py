"""A toll's parts told after it names the toll again by a demonstrative or as a number: "Of that
number, 618 were civilians", "De esas víctimas mortales, 1.015 eran civiles", "Dessas vítimas
mortais …", "Sur ce nombre, 618 étaient des civils", "Von diesen Toten waren 618 Zivilisten".

Real outlets' tallies write the breakdown so; the subgroup cues knew only the definite article
("of the dead", "dos mortos"). Lexicon `grammar.subgroup_cues`, no code change. Look-alikes: the
same words before a number with its own outcome (still that outcome), and before no number.
Sentences of my own wording, none from an evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

PARTS: list[tuple[str, str, list[Figure]]] = [
    ("en", "At least 733 people were killed in the province in March. Of that number, 618 were civilians.",
     [("killed", 733, "at_least", None), ("killed", 618, "exact", "civilians")]),
    ("en", "The strikes killed 410 people. Of these dead, 96 were children and 51 were women.",
     [("killed", 410, "exact", None), ("killed", 96, "exact", "children"), ("killed", 51, "exact", "women")]),
    ("es", "Al menos 733 personas murieron en la provincia en marzo. De esa cifra, 618 eran civiles.",
     [("killed", 733, "at_least", None), ("killed", 618, "exact", "civilians")]),
    ("es", "Los bombardeos dejaron 2.100 muertos. De esas víctimas mortales, al menos 840 eran civiles.",
     [("killed", 2100, "exact", None), ("killed", 840, "at_least", "civilians")]),
    ("pt", "Pelo menos 2.100 pessoas morreram nos bombardeios. Dessas vítimas mortais, pelo menos 840 eram civis.",
     [("killed", 2100, "at_least", None), ("killed", 840, "at_least", "civilians")]),
    ("pt", "Os ataques deixaram 733 mortos em março. Desse número, 618 eram civis.",
     [("killed", 733, "exact", None), ("killed", 618, "exact", "civilians")]),
    ("fr", "Au moins 733 personnes ont été tuées dans la province en mars. Sur ce nombre, 618 étaient des civils.",
     [("killed", 733, "at_least", None), ("killed", 618, "exact", "civilians")]),
    ("fr", "Les frappes ont fait 410 morts. Parmi ces morts, 96 étaient des enfants.",
     [("killed", 410, "exact", None), ("killed", 96, "exact", "children")]),
    ("de", "Bei den Angriffen wurden mindestens 733 Menschen getötet. Von diesen Toten waren 618 Zivilisten.",
     [("killed", 733, "at_least", None), ("killed", 618, "exact", "civilians")]),
]

LOOK_ALIKES: list[tuple[str, str, list[Figure]]] = [
    # a number with its own outcome after the same words keeps it
    ("es", "Los bombardeos dejaron 2.100 muertos. De esa cifra no se conoce el desglose, pero 300 personas resultaron heridas.",
     [("killed", 2100, "exact", None), ("injured", 300, "exact", None)]),
    # no number after them
    ("fr", "Les frappes ont fait 410 morts. Sur ce nombre, l'armée n'a donné aucun détail.",
     [("killed", 410, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), PARTS + LOOK_ALIKES)
def test_a_part_of_the_toll_named_again(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
