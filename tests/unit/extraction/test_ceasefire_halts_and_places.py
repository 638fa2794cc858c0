"""A halt named as a noun is a ceasefire; a truce in a place's relative clause is no call's object.

- "a 30-day halt to strikes on energy infrastructure", "una pausa de 30 días en los ataques",
  "une pause de 30 jours des frappes", "uma pausa de 30 dias nos ataques", "eine Aussetzung
  der Angriffe": a partial ceasefire with no ceasefire word (lexicon `ceasefire.halt.phrases`).
- "appealed for peace in Sudan, where a truce collapsed last week": the call is for peace; the
  truce belongs to the relative clause of the place ("where", "donde", "onde", "wo").

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

HALTS: list[tuple[str, str, Expected]] = [
    ("en", "Russia and Ukraine agreed to a 30-day halt to strikes on energy infrastructure.", {("agreed", False)}),
    ("en", "Moscow proposed a pause in attacks on power plants.", {("proposed", False)}),
    ("es", "Rusia y Ucrania acordaron una pausa de 30 días en los ataques contra infraestructuras energéticas.", {("agreed", False)}),
    ("fr", "La Russie et l'Ukraine ont convenu d'une pause de 30 jours des frappes contre les infrastructures énergétiques.", {("agreed", False)}),
    ("pt", "A Rússia e a Ucrânia acordaram uma pausa de 30 dias nos ataques contra infraestruturas energéticas.", {("agreed", False)}),
    ("de", "Russland und die Ukraine vereinbarten eine Aussetzung der Angriffe auf Energieanlagen.", {("agreed", False)}),
]

WHERE_CLAUSES: list[tuple[str, str, Expected]] = [
    ("en", "The Pope appealed for peace in Sudan, where a truce collapsed last week.", {("collapsed", False)}),
    ("en", "The UN called for calm in Gaza, where a truce has held since January.", {("in_effect", False)}),
    ("es", "El papa pidió la paz en Sudán, donde una tregua fracasó la semana pasada.", {("collapsed", False)}),
    ("pt", "O papa pediu a paz no Sudão, onde uma trégua fracassou na semana passada.", {("collapsed", False)}),
    ("de", "Der Papst rief zum Frieden im Sudan auf, wo eine Waffenruhe vergangene Woche gescheitert war.", {("collapsed", False)}),
    # a call with the truce as its object still proposes it
    ("en", "The Pope appealed for a truce in Sudan.", {("proposed", False)}),
]

CASES = HALTS + WHERE_CLAUSES


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_halts_and_places(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
