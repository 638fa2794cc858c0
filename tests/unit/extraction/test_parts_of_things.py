"""Objects shot down are not casualties, nor is a part of a count of objects."""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Russia fired 64 missiles at the grid overnight, of which 52 were shot down.", "en"),
        ("O exército lançou 80 drones de ataque, dos quais 45 foram abatidos.", "pt"),
        ("Lanzaron 90 cohetes contra la ciudad, de los cuales 70 fueron derribados.", "es"),
        ("L'armée a lancé 40 drones pendant la nuit, dont 31 ont été abattus.", "fr"),
    ],
)
def test_a_part_of_a_count_of_things_is_not_a_figure(text: str, language: str) -> None:
    assert pairs(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The raid left 30 people dead, of whom 12 were children.", "en", [("killed", 30), ("killed", 12)]),
        ("O ataque deixou 30 mortos, dos quais 12 crianças.", "pt", [("killed", 30), ("killed", 12)]),
        ("L'attaque a fait 40 morts, dont 31 civils.", "fr", [("killed", 40), ("killed", 31)]),
    ],
)
def test_a_part_of_a_count_of_people_stays(text: str, language: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
