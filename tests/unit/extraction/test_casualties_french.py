"""Casualty figures in French news phrasing."""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full, pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les combats ont fait au moins 900 morts et près de 2 900 blessés.", [("killed", 900), ("injured", 2900)]),
        ("Treize soldats ont été tués.", [("killed", 13)]),
        ("Deux civils ont péri dans le bombardement.", [("killed", 2)]),
        ("Au moins 12 personnes ont trouvé la mort.", [("killed", 12)]),
        ("La frappe a tué 27 personnes et en a blessé 25 autres.", [("killed", 27), ("injured", 25)]),
        ("Huit pêcheurs sont portés disparus.", [("missing", 8)]),
        ("Le bilan s'élève désormais à 58 morts et 120 blessés.", [("killed", 58), ("injured", 120)]),
        ("Les corps de plus de 2 000 victimes doivent encore être inhumés.", [("killed", 2000)]),
        ("Trois soldats ont été tués et cinq autres blessés.", [("killed", 3), ("injured", 5)]),
    ],
)
def test_outcomes(text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, "fr") == expected


def test_written_numbers_qualifiers_groups_and_ranges() -> None:
    assert full("Vingt-six casques bleus ont été blessés.", "fr") == [("injured", 26, "exact", "peacekeepers")]
    assert full("Environ 40 rebelles ont été tués.", "fr") == [("killed", 40, "approximately", "fighters")]
    assert full("Jusqu'à 30 personnes sont portées disparues.", "fr") == [("missing", 30, "at_most", None)]
    assert full("Entre 20 et 30 villageois ont été tués.", "fr") == [("killed", 20, "at_least", None)]


def test_collective_numerals_with_an_article_are_approximate_counts() -> None:
    assert full("Une dizaine de personnes ont été blessées.", "fr") == [("injured", 10, "approximately", None)]
    assert full("L'armée a neutralisé une soixantaine de terroristes.", "fr") == [
        ("killed", 60, "approximately", "fighters")
    ]
    assert full("Plus d'une centaine de civils ont été tués.", "fr") == [("killed", 100, "at_least", "civilians")]


def test_subgroups_with_dont_and_parmi() -> None:
    text = "Treize soldats étrangers ont été tués, dont trois Casques bleus. Parmi les victimes figurent deux enfants."
    assert full(text, "fr") == [
        ("killed", 13, "exact", "soldiers"),
        ("killed", 3, "exact", "peacekeepers"),
        ("killed", 2, "exact", "children"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Des dizaines de personnes ont été tuées et des centaines blessées.",
        "Un soldat a été tué.",
        "L'attaque a fait 86 morts et blessés.",
        "Entre le 26 et le 30 janvier, entre 3 000 et 4 000 soldats ont été déployés à 100 kilomètres.",
        "L'Union européenne a annoncé une aide de 60 millions d'euros.",
    ],
)
def test_traps_vague_and_singular_give_nothing(text: str) -> None:
    assert pairs(text, "fr") == []


def test_collective_numeral_after_a_count() -> None:
    assert full("Au moins 12 personnes ont été tuées et une trentaine blessées.", "fr") == [
        ("killed", 12, "at_least", None),
        ("injured", 30, "approximately", None),
    ]
    assert pairs("Une vingtaine de personnes ont été blessées et évacuées.", "fr") == [("injured", 20)]


def test_cumulative_counts_and_collectives() -> None:
    text = "Deux soldats français ont été tués au Mali, portant à 53 le nombre de militaires morts."
    assert pairs(text, "fr") == [("killed", 2), ("killed", 53)]
    assert full("Une centaine de personnes ont trouvé la mort.", "fr") == [("killed", 100, "approximately", None)]


def test_others_after_a_collective_take_the_group_of_the_figure_before() -> None:
    text = "La frappe a tué au moins 40 civils et blessé une soixantaine d'autres."
    assert full(text, "fr") == [("killed", 40, "at_least", "civilians"), ("injured", 60, "approximately", "civilians")]
