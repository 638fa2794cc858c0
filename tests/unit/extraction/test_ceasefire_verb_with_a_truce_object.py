"""A verb of announcing after a comma announces the truce named right after it, in every language.

A subject with an apposition puts a comma before its verb, as an inverted speech tag does: "The
rebels, cornered in the north, announced the ceasefire on Monday" looks like "…, announced the
ministry". What tells them apart is what follows the verb: a speech tag names its speaker; a
verb whose next noun phrase (over a day and an article or adjective) is a truce has that truce as
its object, and announces it. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


ANNOUNCED: list[tuple[str, str]] = [
    ("en", "The rebels, cornered in the north after weeks of fighting, announced the ceasefire on Monday."),
    ("en", "The junta, under pressure from its neighbours, declared on Friday a unilateral truce."),
    ("es", "Los rebeldes, acorralados en el norte, declararon el lunes una tregua unilateral de un mes."),
    ("es", "La guerrilla, que opera en la frontera, anunció la tregua este viernes."),
    ("pt", "Os rebeldes, encurralados no norte, anunciaram o cessar-fogo na segunda-feira."),
    ("fr", "Les rebelles, acculés dans le nord, ont annoncé la trêve lundi."),
    ("de", "Die Rebellen, im Norden eingekesselt, verkündeten am Montag eine einseitige Waffenruhe."),
]


@pytest.mark.parametrize(("language", "text"), ANNOUNCED)
def test_a_verb_whose_object_is_a_truce_announces_it(language: str, text: str) -> None:
    assert statuses(text, language) == ["agreed"]


# a speech tag after the clause it reports names its speaker: it announces nothing
SPEECH_TAGS: list[tuple[str, str]] = [
    ("es", "La tregua se mantiene en toda la provincia, anunció el ministerio."),
    ("fr", "La trêve tient dans toute la province, a annoncé le ministère."),
    ("pt", "A trégua está em vigor em toda a província, anunciou o ministério."),
    ("en", "The truce has held across the province since Friday, announced the ministry."),
]


@pytest.mark.parametrize(("language", "text"), SPEECH_TAGS)
def test_a_speech_tag_announces_no_truce(language: str, text: str) -> None:
    assert statuses(text, language) == ["in_effect"]
