"""Casualty figures in Spanish news phrasing."""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full, pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dos soldados murieron y otros 27 resultaron heridos.", [("killed", 2), ("injured", 27)]),
        ("En el ataque murieron al menos 12 personas.", [("killed", 12)]),
        ("El bombardeo mató a 15 personas e hirió a 40.", [("killed", 15), ("injured", 40)]),
        ("La explosión dejó 9 muertos y 31 heridos.", [("killed", 9), ("injured", 31)]),
        ("Seis pescadores siguen desaparecidos.", [("missing", 6)]),
        ("La cifra de muertos ascendió a 58, informaron las autoridades.", [("killed", 58)]),
        ("Sube a 58 el número de muertos por el ataque.", [("killed", 58)]),
        ("El atentado causó la muerte de 10 personas.", [("killed", 10)]),
        ("Fueron asesinados cinco policías en una emboscada.", [("killed", 5)]),
    ],
)
def test_outcomes(text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, "es") == expected


def test_written_numbers_qualifiers_and_groups() -> None:
    assert full("Al menos veintiséis civiles murieron.", "es") == [("killed", 26, "at_least", "civilians")]
    assert full("Unos 300 combatientes murieron.", "es") == [("killed", 300, "approximately", "fighters")]
    assert full("Hasta 20 personas están desaparecidas.", "es") == [("missing", 20, "at_most", None)]
    assert full("Entre 12 y 15 personas murieron.", "es") == [("killed", 12, "at_least", None)]


def test_subgroups() -> None:
    text = "Resultaron heridas 15 personas, entre ellas tres niños. Entre los fallecidos hay dos periodistas."
    assert full(text, "es") == [
        ("injured", 15, "exact", None),
        ("injured", 3, "exact", "children"),
        ("killed", 2, "exact", "journalists"),
    ]


def test_partitive_of_the_wounded_takes_the_group_of_the_story() -> None:
    text = "Cuatro militares murieron y otros 27 resultaron heridos. Dos de los heridos fueron trasladados."
    assert full(text, "es")[-1] == ("injured", 2, "exact", "soldiers")


@pytest.mark.parametrize(
    "text",
    [
        "Decenas de personas murieron y cientos resultaron heridas.",
        "Un policía murió en el ataque.",
        "La violencia dejó 2.500 muertos o heridos entre enero y marzo.",
        "El ELN cuenta con unos 5.800 integrantes; la tregua duró 180 días y la violencia bajó un 80 %.",
        "Dos de los heridos, de 19 y 21 años, estaban en la base desde el 3 de agosto de 2023.",
    ],
)
def test_traps_vague_and_singular_give_nothing(text: str) -> None:
    assert [p for p in pairs(text, "es") if p != ("injured", 2)] == []


def test_toll_named_after_the_number_and_injury_tolls() -> None:
    assert pairs("Las autoridades elevaron a 58 la cifra de fallecidos.", "es") == [("killed", 58)]
    text = "La cifra de muertos asciende a 67.194, y la de heridos supera los 169.800."
    assert pairs(text, "es") == [("killed", 67194), ("injured", 169800)]


def test_executions_in_a_relative_clause() -> None:
    text = "El balance se elevó a 940 muertos, entre ellos 326 civiles, 83 de los cuales fueron ejecutados."
    assert pairs(text, "es") == [("killed", 940), ("killed", 326), ("killed", 83)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Las fuerzas de seguridad abatieron a 12 presuntos terroristas.", [("killed", 12)]),
        ("El ejército informó que 12 drones fueron abatidos.", []),
        ("El atentado dejó al menos 25 fallecidos y más de 60 lesionados.", [("killed", 25), ("injured", 60)]),
        ("Tres policías resultaron muertos y cinco heridos.", [("killed", 3), ("injured", 5)]),
        ("Fueron hallados los cuerpos de 9 migrantes en el desierto.", [("killed", 9)]),
    ],
)
def test_security_force_and_recovery_phrasing(text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, "es") == expected
