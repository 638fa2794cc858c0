"""A truce described as in force is in effect; a truce described as an earlier one is background.

- "The truce in force since March", "la tregua vigente", "la trêve en vigueur", "die seit Ende
  Oktober geltende Waffenruhe": the description states the truce in effect now (German's
  participle before the noun joins `ceasefire.cues.in_force_before`).
- "A previous truce", "una tregua anterior", "une précédente trêve", "eine frühere/vorherige
  Feuerpause": what the sentence says of it is context (German joins the other languages'
  "earlier" words; Spanish "fracasó" after its truce is a collapse, as Portuguese "fracassou").

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

IN_FORCE: list[tuple[str, str, Expected]] = [
    ("de", "Die seit Ende Oktober geltende Feuerpause wurde um zwei Wochen verlängert.", {("extended", False), ("in_effect", False)}),
    ("de", "Die derzeit geltende Waffenruhe wird von beiden Seiten gebrochen.", {("in_effect", False), ("violated", False)}),
    ("en", "The truce in force since March was extended by two weeks.", {("extended", False), ("in_effect", False)}),
    ("es", "La tregua vigente desde marzo fue prorrogada dos semanas.", {("extended", False), ("in_effect", False)}),
    ("fr", "La trêve en vigueur depuis mars a été prolongée de deux semaines.", {("extended", False), ("in_effect", False)}),
    ("pt", "A trégua vigente desde março foi prorrogada por duas semanas.", {("extended", False), ("in_effect", False)}),
]

EARLIER: list[tuple[str, str, Expected]] = [
    ("de", "Die Rebellen warfen der Armee am Montag vor, eine frühere Waffenruhe gebrochen zu haben.", {("violated", True)}),
    ("de", "Eine vorherige Feuerpause war nach drei Tagen gescheitert.", {("collapsed", True)}),
    ("en", "A previous truce collapsed after three days.", {("collapsed", True)}),
    ("es", "Una tregua anterior fracasó a los tres días.", {("collapsed", True)}),
    ("es", "La tregua fracasó el lunes.", {("collapsed", False)}),
    ("fr", "Une précédente trêve avait échoué au bout de trois jours.", {("collapsed", True)}),
    ("pt", "Uma trégua anterior fracassou após três dias.", {("collapsed", True)}),
]

CASES = IN_FORCE + EARLIER


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_truce_described_as_in_force_or_earlier(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
