"""Casualty figures in Portuguese news phrasing."""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full, pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O ataque deixou 17 mortos e 40 feridos, segundo a polícia.", [("killed", 17), ("injured", 40)]),
        ("Bombardeios mataram pelo menos 22 pessoas no sábado.", [("killed", 22)]),
        ("Morreram 30 pessoas no ataque, incluindo cinco crianças.", [("killed", 30), ("killed", 5)]),
        ("Nove soldados morreram e outros 14 ficaram feridos.", [("killed", 9), ("injured", 14)]),
        ("Quatro pescadores estão desaparecidos.", [("missing", 4)]),
        ("Doze pessoas perderam a vida no incêndio do campo.", [("killed", 12)]),
        ("Foram mortos 12 soldados durante a ofensiva.", [("killed", 12)]),
        ("O número de mortos subiu para 58 nesta terça-feira.", [("killed", 58)]),
    ],
)
def test_outcomes(text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, "pt") == expected


def test_dot_thousands_and_written_numbers() -> None:
    text = "Mais de 46.900 palestinos foram mortos e cerca de 110.000 ficaram feridos; vinte e seis eram crianças."
    assert full(text, "pt")[:2] == [("killed", 46900, "at_least", None), ("injured", 110000, "approximately", None)]


def test_qualifiers_and_range() -> None:
    assert full("Pelo menos 19 pessoas morreram.", "pt") == [("killed", 19, "at_least", None)]
    assert full("Cerca de 19 pessoas morreram.", "pt") == [("killed", 19, "approximately", None)]
    assert full("Até 19 pessoas morreram.", "pt") == [("killed", 19, "at_most", None)]
    assert full("Entre 19 e 25 pessoas morreram.", "pt") == [("killed", 19, "at_least", None)]


def test_groups_subgroups_and_lists() -> None:
    text = "Dois policiais e três civis foram mortos, entre eles uma mulher. Entre os mortos estão duas crianças."
    assert full(text, "pt") == [
        ("killed", 2, "exact", "police"),
        ("killed", 3, "exact", "civilians"),
        ("killed", 2, "exact", "children"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dezenas de pessoas morreram e centenas ficaram feridas.",
        "Um soldado morreu no ataque.",
        "O ataque deixou 86 mortos e feridos.",
        "Neste domingo (19/01), 33 reféns e 1.900 presos foram trocados em 42 dias.",
        "Um menino de 10 anos foi morto; 600 caminhões entraram e custaram 60 milhões de reais.",
        "O prédio de nove andares teve 40 apartamentos destruídos, mas não houve mortos.",
    ],
)
def test_traps_vague_and_singular_give_nothing(text: str) -> None:
    assert pairs(text, "pt") == []


def test_the_article_counts_one_where_news_uses_it_as_a_numeral() -> None:
    assert pairs("O ataque deixou um indígena morto e dois feridos.", "pt") == [("killed", 1), ("injured", 2)]
    assert pairs("O ataque deixou um morto.", "pt") == [("killed", 1)]
    assert pairs("Um soldado morreu no ataque.", "pt") == []


def test_collective_numerals_and_shot() -> None:
    assert full("Cerca de duas dezenas de pacientes continuam desaparecidos.", "pt") == [
        ("missing", 20, "approximately", None)
    ]
    assert pairs("Outras nove pessoas foram baleadas.", "pt") == [("injured", 9)]


def test_targets_are_not_people_and_que_is_not_list_glue() -> None:
    text = "O Exército disse ter atingido mais de 160 alvos e que dois de seus soldados morreram."
    assert full(text, "pt") == [("killed", 2, "exact", "soldiers")]
