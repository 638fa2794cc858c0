"""German puts the finite verb second: when an adverbial opens the sentence, the truce follows its
verb, and a separable verb's particle closes the clause ("Am Sonntag trat die Waffenruhe in Kraft",
"Am Morgen brach die Feuerpause zusammen", "Seit Montag hält die Waffenruhe"). The verb stands before
its truce there, not after it as in "Die Waffenruhe trat in Kraft" (lexicon ceasefire.cues.in_force_before,
collapsed_before_verbs). A truce after a preposition is another noun's topic: talks about a truce that
collapse are no collapsed truce. German only: no other language of ours puts its subject after its verb
this way. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def current(text: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), "de") if not s.background})


INVERTED: list[tuple[str, str]] = [
    ("Um sechs Uhr früh trat die Feuerpause zwischen Armee und Miliz in Kraft.", "in_effect"),
    ("In der Nacht zum Dienstag trat im Norden des Landes eine Waffenruhe in Kraft.", "in_effect"),
    ("Seit dem Wochenende hält die Waffenruhe weitgehend.", "in_effect"),
    ("Nach nur zwei Tagen brach die Feuerpause an der Küste wieder zusammen.", "collapsed"),
]


@pytest.mark.parametrize(("text", "status"), INVERTED)
def test_the_verb_before_its_truce_states_what_the_truce_did(text: str, status: str) -> None:
    assert current(text) == [status]


def test_talks_about_a_truce_collapsing_are_no_collapsed_truce() -> None:
    assert "collapsed" not in current("Am Abend brachen die Gespräche über eine Feuerpause ergebnislos zusammen.")


def test_holding_a_truce_for_failed_is_no_holding() -> None:
    # "hält … für gescheitert": to consider, not to hold; the clause goes on after the truce
    assert current("Die Opposition hält die Waffenruhe für gescheitert.") == ["collapsed"]
