"""Newborns, infants and babies are the children group."""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        ("Four newborns died after the hospital lost power.", "en", 4),
        ("Two infants were killed when the shelter collapsed.", "en", 2),
        ("Trois nouveau-nés sont morts dans la maternité bombardée.", "fr", 3),
        ("Deux nourrissons ont été tués dans la frappe.", "fr", 2),
        ("O bombardeio da maternidade matou dois recém-nascidos.", "pt", 2),
        ("Murieron cinco recién nacidos tras el corte de electricidad.", "es", 5),
        ("Seis bebés murieron en el ataque.", "es", 6),
    ],
)
def test_newborns_count_as_children(text: str, language: str, count: int) -> None:
    assert full(text, language) == [("killed", count, "exact", "children")]
