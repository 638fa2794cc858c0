"""A toll or a verb's object followed by its subgroups: every figure, with its window and qualifier."""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import read


def _rows(text: str, language: str) -> list[tuple[str, int, str, str | None, int | None]]:
    return [
        (f.outcome, f.count, f.qualifier, f.group, f.period_hours) for f in read(text, language) if not f.background
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Los bombardeos mataron al menos a 87 personas, entre ellas 31 niños, en las últimas 24 horas.", "es"),
        ("Strikes killed at least 87 people, among them 31 children, in the past 24 hours.", "en"),
        ("Les frappes ont tué au moins 87 personnes, dont 31 enfants, au cours des dernières 24 heures.", "fr"),
        ("Os bombardeios mataram pelo menos 87 pessoas, entre elas 31 crianças, nas últimas 24 horas.", "pt"),
    ],
)
def test_qualified_object_with_subgroup_and_window(text: str, language: str) -> None:
    assert _rows(text, language) == [("killed", 87, "at_least", None, 24), ("killed", 31, "exact", "children", 24)]


@pytest.mark.parametrize(
    ("text", "language", "groups"),
    [
        (
            "Las autoridades elevaron a 412 el número de muertos en los combates, entre ellos 120 combatientes "
            "kurdos y 61 civiles.",
            "es",
            ("fighters", "civilians"),
        ),
        (
            "O ministério elevou para 412 o número de mortos, entre eles 120 soldados russos e 61 civis.",
            "pt",
            ("soldiers", "civilians"),
        ),
        (
            "Le ministère a porté à 412 le nombre de morts, dont 120 soldats syriens et 61 civils.",
            "fr",
            ("soldiers", "civilians"),
        ),
        (
            "Officials raised to 412 the number of dead, among them 120 Syrian soldiers and 61 civilians.",
            "en",
            ("soldiers", "civilians"),
        ),
    ],
)
def test_toll_value_before_the_toll_keeps_its_subgroup_list(text: str, language: str, groups: tuple[str, str]) -> None:
    assert [(o, n, g) for o, n, _, g, _ in _rows(text, language)] == [
        ("killed", 412, None),
        ("killed", 120, groups[0]),
        ("killed", 61, groups[1]),
    ]


def test_personal_a_after_a_qualifier_keeps_the_verb() -> None:
    assert _rows("Las tropas mataron por lo menos a 15 rebeldes.", "es") == [
        ("killed", 15, "at_least", "fighters", None)
    ]
