"""A truce said to hold, or to have taken effect, that concedes a killing or an attack in the same
sentence was violated, as "despite the truce" already reads: "The truce has mostly held, although
a shepherd was shot dead near the line on Sunday". Conceded tensions or incidents break nothing, nor
do attacks of armed groups no truce between states or armies binds ("in a raid by jihadists"), nor
attacks only threatened ("warned it would resume air strikes")
(ceasefire/conceded_attacks.py, lexicon ceasefire.concessions, conceded_acts, conceded_non_parties).
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def current(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


CONCEDED: list[tuple[str, str]] = [
    ("en", "The truce has mostly held, although a shepherd was shot dead near the line on Sunday."),
    ("en", "The ceasefire took effect at noon, monitors said, but artillery shelling of two villages went on into the evening."),
    ("de", "Die Feuerpause hält bislang, auch wenn am Sonntag ein Hirte nahe der Frontlinie erschossen wurde."),
    ("de", "Die Waffenruhe trat am Mittag in Kraft, doch am Abend wurden zwei Dörfer beschossen."),
]


@pytest.mark.parametrize(("language", "text"), CONCEDED)
def test_a_holding_truce_conceding_an_attack_was_violated(language: str, text: str) -> None:
    assert current(text, language) == ["in_effect", "violated"]


NOTHING_BROKEN: list[tuple[str, str]] = [
    ("en", "The truce has mostly held, although tensions along the river remain high."),
    ("en", "The truce has mostly held, though two guards were killed in a raid by jihadists on a depot."),
    ("en", "The truce took effect at dawn, but the army warned it would resume air strikes if a single rocket was fired."),
    ("de", "Die Feuerpause hält bislang, auch wenn es entlang des Flusses immer wieder zu Zwischenfällen kommt."),
    ("de", "Die Feuerpause hält bislang, obwohl am Sonntag zwei Wachleute bei einem Überfall von Dschihadisten getötet wurden."),
]


@pytest.mark.parametrize(("language", "text"), NOTHING_BROKEN)
def test_conceded_tensions_or_attacks_of_outsiders_break_nothing(language: str, text: str) -> None:
    assert current(text, language) == ["in_effect"]
