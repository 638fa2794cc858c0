"""Groups a figure takes from clauses around it: rules a blind evaluation showed were missing,
tested with my own sentences."""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]


# "…, all of them civilians", "and that all were fighters": a later clause names the whole figure's group.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Nine people were killed, all of them aid workers.", "en", [("killed", 9, "exact", "aid_workers")]),
        ("Police said 12 people had died and that all were soldiers.", "en", [("killed", 12, "exact", "soldiers")]),
        ("Morreram sete pessoas, todas elas crianças.", "pt", [("killed", 7, "exact", "children")]),
        ("Murieron cinco personas, todas ellas civiles.", "es", [("killed", 5, "exact", "civilians")]),
        ("Quatre personnes ont été tuées, toutes des civils.", "fr", [("killed", 4, "exact", "civilians")]),
        # "all" that names no group leaves the figure without one
        ("Six people were killed in all three villages.", "en", [("killed", 6, "exact", None)]),
    ],
)
def test_all_of_them_names_the_group(text: str, language: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected


# A second source's figure after a reporting verb is not a part of the first one's group.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Kyiv said nine soldiers were killed, while Moscow reported 30 deaths.",
            "en",
            [("killed", 9, "exact", "soldiers"), ("killed", 30, "exact", None)],
        ),
        (
            "O exército disse que morreram quatro soldados, enquanto os rebeldes anunciaram 12 mortos.",
            "pt",
            [("killed", 4, "exact", "soldiers"), ("killed", 12, "exact", None)],
        ),
        # the same subject going on keeps its group
        (
            "Eight soldiers were killed and 30 wounded, while 12 were missing.",
            "en",
            [
                ("killed", 8, "exact", "soldiers"),
                ("injured", 30, "exact", "soldiers"),
                ("missing", 12, "exact", "soldiers"),
            ],
        ),
    ],
)
def test_a_second_source_starts_a_new_figure(text: str, language: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected


# Rescuers and Red Crescent volunteers are aid workers.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Two rescue workers were killed when a second strike hit the site.",
            "en",
            [("killed", 2, "exact", "aid_workers")],
        ),
        ("Cinq secouristes ont été blessés dans le bombardement.", "fr", [("injured", 5, "exact", "aid_workers")]),
        ("Tres rescatistas murieron bajo los escombros.", "es", [("killed", 3, "exact", "aid_workers")]),
    ],
)
def test_rescuers_are_aid_workers(text: str, language: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected


# "Twenty-one of the wounded": a part of the last wounded figure, whatever figure came in between.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The blast left 6 dead and 30 wounded. Four gunmen were killed by police. Ten of the wounded were "
            "flown to the capital.",
            "en",
            [
                ("killed", 6, "exact", None),
                ("injured", 30, "exact", None),
                ("killed", 4, "exact", "fighters"),
                ("injured", 10, "exact", None),
            ],
        ),
        (
            "Dezoito civis ficaram feridos. Dois soldados morreram. Cinco dos feridos estão em estado grave.",
            "pt",
            [
                ("injured", 18, "exact", "civilians"),
                ("killed", 2, "exact", "soldiers"),
                ("injured", 5, "exact", "civilians"),
            ],
        ),
    ],
)
def test_a_part_of_the_wounded_follows_the_wounded(text: str, language: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected


# A relative partitive ("de los cuales", "dos quais") is a part of the figure before it.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Murieron 50 civiles, 9 de los cuales eran niños.",
            "es",
            [("killed", 50, "exact", "civilians"), ("killed", 9, "exact", "children")],
        ),
        (
            "Foram mortos 30 civis, 11 dos quais por atiradores.",
            "pt",
            [("killed", 30, "exact", "civilians"), ("killed", 11, "exact", "civilians")],
        ),
    ],
)
def test_relative_partitive(text: str, language: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected


# Prison guards are counted with the police.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Three prison guards were wounded in the riot.", "en", [("injured", 3, "exact", "police")]),
        ("Dos guardias penitenciarios murieron en el motín.", "es", [("killed", 2, "exact", "police")]),
    ],
)
def test_prison_guards_are_police(text: str, language: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
