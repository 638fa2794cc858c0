"""A truce that ended a war, told in the pluperfect, is that war's history: "The war had ended with
a ceasefire brokered by Moscow", "La guerre s'était achevée par un cessez-le-feu", "había terminado
con un alto el fuego", "tinha terminado com um cessar-fogo" (or the synthetic "terminara com"), "Der
Krieg war mit einer von Moskau vermittelten Waffenruhe zu Ende gegangen" — an earlier episode, even
when the sentence names no year (`ceasefire/background.py` `_ENDED_A_WAR`, lexicon
`ceasefire.ended_a_war`). Look-alikes: a war that ended with something else, after which a truce
is agreed today ("…, and a truce was agreed on Monday"), and a truce that ended a war in today's
story ("a truce that ended fifteen months of war": no collapse, lexicon `ceasefire.cues.collapsed_after`
now reads every number word up to fifty as the war's length). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

BORDER = {
    "en": "Border guards exchanged fire on Tuesday, the ministry said. ",
    "fr": "Des gardes-frontières ont échangé des tirs mardi, selon le ministère. ",
    "es": "Guardias fronterizos intercambiaron disparos el martes, según el ministerio. ",
    "pt": "Guardas fronteiriços trocaram tiros na terça-feira, segundo o ministério. ",
    "de": "Grenzsoldaten lieferten sich am Dienstag einen Schusswechsel, wie das Ministerium mitteilte. ",
}

HISTORY: list[tuple[str, str, Expected]] = [
    ("en", "The six-week war, which killed thousands, had ended with a ceasefire brokered by Moscow.", {("agreed", True)}),
    ("en", "The war had ended in a truce negotiated by the African Union.", {("agreed", True)}),
    ("fr", "La guerre de six semaines, qui avait fait des milliers de morts, s'était achevée par un cessez-le-feu négocié par Moscou.", {("agreed", True)}),
    ("fr", "Le conflit avait pris fin avec une trêve signée sous l'égide de l'Union africaine.", {("agreed", True)}),
    ("es", "La guerra de seis semanas, que dejó miles de muertos, había terminado con un alto el fuego negociado por Moscú.", {("agreed", True)}),
    ("pt", "A guerra de seis semanas, que deixou milhares de mortos, tinha terminado com um cessar-fogo negociado por Moscovo.", {("agreed", True)}),
    ("pt", "O conflito terminara com uma trégua assinada sob mediação da União Africana.", {("agreed", True)}),
    ("de", "Der sechswöchige Krieg mit Tausenden Toten war mit einer von Moskau vermittelten Waffenruhe zu Ende gegangen.", {("agreed", True)}),
]

LOOK_ALIKES: list[tuple[str, str, Expected]] = [
    # the war ended with something else; the truce is today's
    ("en", "The war had ended with the capture of the city, and a truce was agreed on Monday.", {("agreed", False)}),
    ("fr", "Les combats s'étaient achevés par la prise de la ville, et une trêve a été conclue lundi.", {("agreed", False)}),
    # a truce that ended a war, in today's story: no collapse of the truce, whatever number counts the war's length
    ("en", "The two sides agreed on Sunday a truce that ended fifteen months of war.", {("agreed", False)}),
    ("en", "The two sides agreed on Sunday a truce that ended 15 months of war.", {("agreed", False)}),
]

CASES = [(language, BORDER[language] + text, expected) for language, text, expected in HISTORY + LOOK_ALIKES]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][-70:] for case in CASES])
def test_a_truce_that_had_ended_a_war_is_its_history(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
