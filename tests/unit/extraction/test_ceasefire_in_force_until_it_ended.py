"""A truce that a sentence tells ending was in force until then: what the same clause says of its
being in force ("two days after it took effect", "die seit Januar geltende Waffenruhe", "après son
entrée en vigueur") is that truce's history, not news — the statement stays, flagged background
(`cue_choice.in_force_until_the_end`). Only where the sentence names one truce: another truce's
end says nothing of the first. A truce in force beside a violation or an extension is still in
force. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

ENDED: list[tuple[str, str, Expected]] = [
    ("en", "The truce collapsed on Thursday, barely a week after it took effect.", {("collapsed", False), ("in_effect", True)}),
    ("en", "The ceasefire, in force since March, broke down on Sunday.", {("collapsed", False), ("in_effect", True)}),
    ("en", "The truce took effect on Monday and collapsed two days later.", {("collapsed", False), ("in_effect", True)}),
    ("es", "La tregua se rompió el jueves, apenas una semana después de su entrada en vigor.", {("collapsed", False), ("in_effect", True)}),
    ("es", "El alto el fuego, en vigor desde marzo, se derrumbó el domingo.", {("collapsed", False), ("in_effect", True)}),
    ("fr", "Le cessez-le-feu s'est effondré jeudi, à peine une semaine après son entrée en vigueur.", {("collapsed", False), ("in_effect", True)}),
    ("fr", "La trêve en vigueur depuis mars a volé en éclats dimanche.", {("collapsed", False), ("in_effect", True)}),
    ("pt", "A trégua ruiu na quinta-feira, apenas uma semana após a sua entrada em vigor.", {("collapsed", False), ("in_effect", True)}),
    ("pt", "O cessar-fogo em vigor desde março chegou ao fim no domingo.", {("collapsed", False), ("in_effect", True)}),
    ("de", "Mit neuen Angriffen hat die Armee die seit März geltende Feuerpause beendet.", {("collapsed", False), ("in_effect", True)}),
]

# Still in force: beside a violation, an extension, a feared or averted collapse; and another truce's end.
STILL_IN_FORCE: list[tuple[str, str, Expected]] = [
    ("en", "Both sides accused each other of violating the truce, in force since March.", {("violated", False), ("in_effect", False)}),
    ("en", "The truce has held, despite fears that it could collapse.", {("in_effect", False)}),
    ("es", "Ambas partes se acusan de violar la tregua en vigor desde marzo.", {("violated", False), ("in_effect", False)}),
    ("fr", "Les deux camps s'accusent de violer la trêve en vigueur depuis mars.", {("violated", False), ("in_effect", False)}),
    ("pt", "As duas partes acusam-se de violar a trégua em vigor desde março.", {("violated", False), ("in_effect", False)}),
    ("de", "Die seit März geltende Waffenruhe ist um zwei Wochen verlängert worden.", {("extended", False), ("in_effect", False)}),
    ("de", "Beide Seiten werfen sich vor, die seit März geltende Waffenruhe verletzt zu haben.", {("violated", False), ("in_effect", False)}),
]

CASES = ENDED + STILL_IN_FORCE


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_truce_told_ending_was_in_force_only_until_then(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected


def test_another_truces_end_leaves_the_first_in_force() -> None:
    text = "The truce in the south took effect on Monday, days after a rival truce in the north collapsed."
    statements = find_ceasefire(split_sentences(text), "en")
    assert ("in_effect", False) in {(statement.status, statement.background) for statement in statements}
