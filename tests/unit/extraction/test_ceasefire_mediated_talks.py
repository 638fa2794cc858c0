"""A participle after talks describes the talks, the nearer noun, not the truce before them:
"extended their truce after talks in Cairo mediated by Egypt" reports no agreement of the truce,
nor do "conversaciones … mediadas por", "conversações … mediadas pelo"; and talks after "após"
(Portuguese "after") ended in the deal, as after "after", "depois", "tras": they propose nothing.
A prepositional phrase of mediation may still belong to the clause's verb ("unter Vermittlung
Lawrows vereinbart worden"), and a participle right after the truce describes the truce.
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


def background(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if s.background})


TALKS: list[tuple[str, str]] = [
    ("en", "The two countries extended their truce after a second round of talks in Cairo mediated by Egypt."),
    ("en", "The two countries agreed to extend their truce after a second round of talks in Cairo mediated by Egypt."),
    ("es", "Los dos países prorrogaron la tregua tras una nueva ronda de conversaciones en El Cairo mediadas por Egipto."),
    ("pt", "Os dois países prorrogaram a trégua após uma nova ronda de conversações no Cairo mediadas pelo Egito."),
]


@pytest.mark.parametrize(("language", "text"), TALKS)
def test_mediated_talks_agree_no_truce(language: str, text: str) -> None:
    assert statuses(text, language) == ["extended"]


DESCRIBED: list[tuple[str, str]] = [
    ("en", "A ceasefire between the two militias brokered by Egypt came into force at 2 a.m."),
    ("es", "La tregua mediada por Egipto entró en vigor a medianoche."),
]


@pytest.mark.parametrize(("language", "text"), DESCRIBED)
def test_a_participle_right_after_the_truce_still_describes_it(language: str, text: str) -> None:
    assert statuses(text, language) == ["agreed", "in_effect"]
