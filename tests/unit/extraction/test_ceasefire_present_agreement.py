"""A headline's present tense "agree a truce" is an agreement, even of an "immediate" truce."""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def _statuses(text: str, language: str) -> list[str]:
    return [s.status for s in find_ceasefire(split_sentences(text), language) if not s.background]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ruanda y el M23 acuerdan un alto el fuego inmediato en Kivu.", "es"),
        ("Ruanda e o M23 acordam um cessar-fogo imediato no Kivu.", "pt"),
        ("Le Rwanda et le M23 conviennent d'un cessez-le-feu immédiat au Kivu.", "fr"),
        ("Rwanda and M23 agree an immediate ceasefire in Kivu.", "en"),
    ],
)
def test_present_tense_agreement_is_agreed_only(text: str, language: str) -> None:
    assert _statuses(text, language) == ["agreed"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La Unión Africana pide un alto el fuego inmediato en Kivu.", "es"),
        ("The African Union called for an immediate ceasefire in Kivu.", "en"),
    ],
)
def test_a_demand_for_an_immediate_truce_stays_proposed(text: str, language: str) -> None:
    assert _statuses(text, language) == ["proposed"]
