"""A truce's holding told in the pluperfect is its history before the story's events: "The local
truce, brokered by the clan elders in the spring, had largely held for five months" (and the story
tells its collapse) — the holding, and the agreement that only describes the truce beside it, are
background (`ceasefire/cue_choice.py` `held_before_the_story`). Reported speech shifts the tense
back, so "Officials said the truce had largely held overnight" stays news; the present perfect is
today's. English only: the other lexicons read no holding verb in the pluperfect yet.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, Expected]] = [
    ("Fighting broke out on Sunday after the local truce collapsed. The truce, brokered by clan elders in the spring, "
     "had largely held for five months.", {("collapsed", False), ("agreed", True), ("in_effect", True)}),
    ("The ceasefire had held until Sunday, when clashes erupted along the river.", {("in_effect", True)}),
    # look-alikes: reported speech, and the present perfect
    ("Officials said the truce had largely held overnight.", {("in_effect", False)}),
    ("The truce, brokered by clan elders, has largely held since the spring.", {("agreed", False), ("in_effect", False)}),
    # English "war" is no auxiliary (German "war" is): the present perfect after it is today's
    ("The truce that ended the border war has held since the spring.", {("in_effect", False)}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_holding_in_the_pluperfect_is_the_truces_history(text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), "en")
    assert {(statement.status, statement.background) for statement in statements} == expected
