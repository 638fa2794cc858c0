"""Talks reach their truce over where and under whom they are held when a topic preposition brings the
truce in: "reanudaron las negociaciones en Ginebra, con mediación de Noruega, sobre una tregua",
"retomaram conversações em Genebra, sob mediação norueguesa, sobre a consolidação do cessar-fogo", "ont
repris des pourparlers à Genève, sous l'égide de la Norvège, sur une trêve" (attachment.py
`_talks_on_it`, lexicon `ceasefire.topic_prepositions`). Talks on something else, with a truce later in
the sentence, propose none. And Portuguese ends a truce in the passive of "encerrar" over what describes
it ("um cessar-fogo negociado em Genebra foi encerrado": lexicon `ceasefire.cues.collapsed_after`).
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("es", "Las delegaciones reanudaron este martes las negociaciones en Ginebra, con mediación de Noruega, sobre una tregua en el norte.", {("proposed", False)}),
    ("pt", "As delegações retomaram conversações em Genebra, sob mediação norueguesa, sobre a consolidação do cessar-fogo.", {("proposed", False)}),
    ("fr", "Les deux camps ont repris mardi des pourparlers à Genève, sous l'égide de la Norvège, sur une trêve dans le nord.", {("proposed", False)}),
    # talks on something else; the truce is another clause's
    ("es", "Las negociaciones en Ginebra sobre el intercambio de prisioneros avanzan, mientras la tregua se mantiene.", {("in_effect", False)}),
    ("pt", "As conversações em Genebra sobre a troca de prisioneiros e sobre as fronteiras do norte continuam; a trégua resiste.", {("in_effect", False)}),
    # encerrar in the passive
    ("pt", "O comando anunciou que a trégua humanitária em vigor desde segunda-feira foi encerrada.", {("collapsed", False), ("in_effect", True)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_talks_reach_their_truce_over_place_and_mediator(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
