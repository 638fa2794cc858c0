"""A cue kept from happening did not happen: "to keep the fragile truce from unravelling", "to
prevent a collapse of the ceasefire", "saved from collapse", "para evitar el colapso de la tregua",
"para evitar o colapso da trégua", "pour éviter l'effondrement de la trêve" tell no collapse
(lexicon `ceasefire.negations`: prevent, avert, avoid, a "from" right before the cue; evitar,
impedir; éviter, empêcher). A collapse one emerges from still happened. Sentences of my own
wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


PREVENTED: list[tuple[str, str, list[str]]] = [
    ("en", "Mediators worked through the night to keep the fragile truce from unravelling.", ["in_effect"]),
    ("en", "Mediators scrambled to prevent a collapse of the ceasefire.", []),
    ("en", "The ceasefire was saved from collapse at the last minute.", []),
    ("es", "Los mediadores trabajaron toda la noche para evitar el colapso de la tregua.", []),
    ("pt", "Os mediadores trabalharam toda a noite para evitar o colapso da trégua.", []),
    ("fr", "Les médiateurs ont travaillé toute la nuit pour éviter l'effondrement de la trêve.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), PREVENTED)
def test_a_collapse_kept_from_happening_is_none(language: str, text: str, expected: list[str]) -> None:
    assert statuses(text, language) == expected


HAPPENED: list[tuple[str, str]] = [
    ("en", "The country is still emerging from the collapse of the truce."),
    ("en", "The truce collapsed on Monday."),
]


@pytest.mark.parametrize(("language", "text"), HAPPENED)
def test_a_collapse_that_happened_is_one(language: str, text: str) -> None:
    assert statuses(text, language) == ["collapsed"]
