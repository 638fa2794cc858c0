"""A toll phrase reaches its number over a long subject, and an aside in parentheses is no part
of that distance: "The death toll from the assault by … the Islamic State group (known as ISWAP)
on Felo village in Borno State has risen to 69" (found in real outlets' prose, issue 10; the
sentences are my own). `figures/attachment.py` `_toll_reaches`, `Tokens.outside_parentheses`;
a reporting verb between still stops the toll.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "The death toll arising from the raid carried out by heavily armed fighters loyal to the breakaway "
     "faction (known locally as the Northern Front) on the market town of Ketu in the eastern province has risen to 58.",
     [("killed", 58, "exact", None)]),
    ("fr", "Le bilan de l'attaque lancée dimanche par des hommes armés du Front de libération du Sud (FLS, une "
     "faction dissidente apparue en 2019) contre le camp militaire de la ville de Kora, dans le nord du pays, "
     "s'est alourdi à 42 morts.", [("killed", 42, "exact", None)]),
    ("es", "El número de muertos por el ataque lanzado el domingo por hombres armados del Frente del Norte (FN, "
     "la última guerrilla activa de la región) contra una base militar en Bravo ascendió a 12.", [("killed", 12, "exact", None)]),
    ("pt", "O número de mortos do ataque lançado no domingo por homens armados do grupo Frente do Norte "
     "(conhecido localmente como os homens da mata) contra a aldeia de Muzé subiu para 15.", [("killed", 15, "exact", None)]),
    # look-alike: a reporting verb between still stops the toll; the number keeps its own outcome
    ("en", "The death toll from the raid (the third on the town this month) was unclear, but the governor "
     "said 58 people were missing.", [("missing", 58, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_a_toll_reaches_its_number_over_an_aside(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
