"""A participle of its making right after a truce describes it, and the dates in it date that
description, not what the rest of the sentence says happened today: "accused both sides on Monday of
repeatedly violating the ceasefire signed in Khartoum in 2019" reports a violation now, as a
relative clause after the truce already did ("the truce that ended the 2020 war";
`describing_clauses.describing_relatives`, lexicon ceasefire.describing_participles). Only when what is
left names today; "A ceasefire signed in Minsk in 2015 was violated almost daily" is still history.
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def current(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


TODAY: list[tuple[str, str]] = [
    ("en", "The mission accused both armies on Monday of repeatedly violating the ceasefire signed in Khartoum in 2019."),
    ("es", "La misión acusó este lunes a ambos ejércitos de violar repetidamente el alto el fuego firmado en Jartum en 2019."),
    ("fr", "La mission a accusé lundi les deux armées de violer à répétition le cessez-le-feu signé à Khartoum en 2019."),
    ("pt", "A missão acusou hoje os dois exércitos de violarem repetidamente o cessar-fogo permanente previsto no acordo de 2019."),
]


@pytest.mark.parametrize(("language", "text"), TODAY)
def test_a_year_in_the_truce_s_description_dates_only_the_description(language: str, text: str) -> None:
    assert current(text, language) == ["violated"]


HISTORY: list[tuple[str, str]] = [
    ("en", "A ceasefire signed in Minsk in 2015 was violated almost daily."),
    ("es", "El alto el fuego firmado en Minsk en 2015 fue violado casi a diario."),
    ("fr", "Le cessez-le-feu signé à Minsk en 2015 a été violé presque quotidiennement."),
    ("pt", "O cessar-fogo assinado em Minsk em 2015 foi violado quase diariamente."),
]


@pytest.mark.parametrize(("language", "text"), HISTORY)
def test_an_old_truce_violated_back_then_is_history(language: str, text: str) -> None:
    assert current(text, language) == []
