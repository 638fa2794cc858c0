"""A truce that held only a while is over: "held for only a few hours" tells a collapse, not a
truce holding (lexicon `ceasefire.cues.lasted_only`; the longer cue wins over "held" inside it).
A French truce may be "elle"/"il" after a clause break ("…, mais elle n'a tenu que …"),
as an English one is "it" (`ceasefire.pronouns`). Sentences of my own wording, none from an
evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

SHORT_LIVED: list[tuple[str, str, Expected]] = [
    ("en", "The truce held for only a few hours.", {("collapsed", False)}),
    ("en", "The ceasefire lasted just two days before fighting resumed.", {("collapsed", False)}),
    ("en", "The truce held only briefly.", {("collapsed", False)}),
    ("en", "A truce was declared, but it held for less than a day.", {("agreed", False), ("collapsed", False)}),
    ("es", "La tregua solo duró unas horas.", {("collapsed", False)}),
    ("es", "El alto el fuego apenas se mantuvo dos días.", {("collapsed", False)}),
    ("fr", "La trêve n'a duré que deux jours.", {("collapsed", False)}),
    ("fr", "Une trêve avait été annoncée mardi, mais elle n'a tenu que quelques heures.", {("agreed", False), ("collapsed", False)}),
    ("pt", "A trégua durou apenas algumas horas.", {("collapsed", False)}),
    ("pt", "O cessar-fogo só se manteve durante dois dias.", {("collapsed", False)}),
    ("de", "Die Waffenruhe hielt nur wenige Stunden.", {("collapsed", False)}),
    ("de", "Die Feuerpause hatte lediglich zwei Tage gehalten.", {("collapsed", False)}),
]

# A truce that holds, with no "only", still holds; "a tenu à" is "insisted on", no truce holding.
STILL_HOLDING: list[tuple[str, str, Expected]] = [
    ("en", "The truce has held for three weeks.", {("in_effect", False)}),
    ("fr", "La trêve a tenu tout le week-end.", {("in_effect", False)}),
    ("fr", "Le ministre a tenu à saluer la trêve.", set()),
    ("de", "Die Waffenruhe hält.", {("in_effect", False)}),
]

CASES = SHORT_LIVED + STILL_HOLDING


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_truce_that_held_only_a_while_collapsed(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected


# Survived only a while, or not more than a while, in every language (sixth session): the truce is over.
SURVIVED: list[tuple[str, str, Expected]] = [
    ("en", "The truce did not last more than a few hours.", {("collapsed", False)}),
    ("en", "The ceasefire survived only two days before the shelling resumed.", {("collapsed", False)}),
    ("es", "La tregua no sobrevivió más de unas horas.", {("collapsed", False)}),
    ("es", "El alto el fuego se vino abajo a las pocas horas.", {("collapsed", False)}),
    ("fr", "La trêve n'a pas survécu plus de quelques heures.", {("collapsed", False)}),
    ("fr", "Le cessez-le-feu n'a survécu que deux jours.", {("collapsed", False)}),
    ("pt", "A trégua não sobreviveu mais de algumas horas.", {("collapsed", False)}),
    ("pt", "O cessar-fogo veio abaixo em poucas horas.", {("collapsed", False)}),
    ("de", "Die Waffenruhe hielt keine zwei Tage.", {("collapsed", False)}),
    ("de", "Die Feuerpause überdauerte nur wenige Stunden.", {("collapsed", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), SURVIVED, ids=[case[1][:60] for case in SURVIVED])
def test_a_truce_that_survived_only_a_while_collapsed(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
