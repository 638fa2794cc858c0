"""A subgroup clause belongs to the figure it follows, not to the outcome of the next clause."""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The shelling killed 14 people, including five children, and wounded about 30 others.",
            "en",
            [("killed", 14, "exact", None), ("killed", 5, "exact", "children"), ("injured", 30, "approximately", None)],
        ),
        (
            "Le bombardement a tué 18 personnes, dont quatre enfants, et en a blessé 40 autres.",
            "fr",
            [("killed", 18, "exact", None), ("killed", 4, "exact", "children"), ("injured", 40, "exact", None)],
        ),
        (
            "El bombardeo mató a 14 personas, entre ellas cinco niños, e hirió a otras 30.",
            "es",
            [("killed", 14, "exact", None), ("killed", 5, "exact", "children"), ("injured", 30, "exact", None)],
        ),
        (
            "O ataque matou 16 pessoas, entre elas três crianças, e feriu outras 25.",
            "pt",
            [("killed", 16, "exact", None), ("killed", 3, "exact", "children"), ("injured", 25, "exact", None)],
        ),
    ],
)
def test_subgroup_before_a_new_clause_keeps_its_parents_outcome(
    text: str, language: str, expected: list[tuple[str, int, str, str | None]]
) -> None:
    assert full(text, language) == expected


def test_subgroup_after_the_second_figure_belongs_to_it() -> None:
    text = "El ataque causó la muerte de cinco personas y heridas a otras dieciocho, entre ellas seis menores."
    assert full(text, "es") == [
        ("killed", 5, "exact", None),
        ("injured", 18, "exact", None),
        ("injured", 6, "exact", "children"),
    ]


def test_subgroup_inside_a_passive_still_takes_the_outcome_after_it() -> None:
    text = "Twenty people, including six women, were wounded in the blast."
    assert full(text, "en") == [("injured", 20, "exact", None), ("injured", 6, "exact", "women")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Au moins 50 personnes, dont six femmes et deux nouveau-nés, ont été tuées mardi. Douze autres ont été blessées.",
            "fr",
        ),
        (
            "At least 50 people, including six women and two babies, were killed on Tuesday. Twelve others were wounded.",
            "en",
        ),
        (
            "Al menos 50 personas, entre ellas seis mujeres y dos bebés, murieron el martes. Otras doce resultaron heridas.",
            "es",
        ),
        (
            "Pelo menos 50 pessoas, entre elas seis mulheres e dois bebês, morreram na terça. Outras doze ficaram feridas.",
            "pt",
        ),
    ],
)
def test_every_member_of_a_subgroup_list_is_a_part_not_the_next_whole(text: str, language: str) -> None:
    figures = full(text, language)
    assert figures[-1] == ("injured", 12, "exact", None)  # "others" contrast with the 50, not the babies
    assert ("killed", 2, "exact", "children") in figures
