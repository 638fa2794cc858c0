"""German takes up the truce of the sentence before with a demonstrative as often as with a personal
pronoun: "Im Juli riefen beide Seiten eine Feuerpause aus. Diese hält bislang." The demonstrative
stands for the truce only before a verb a truce does (taking effect, holding, ending, breaking down;
lexicon ceasefire.pronouns), as "Sie hält" already did: "Dieser Schritt gilt als Zugeständnis" and
"Diese gelten ab Montag" (plural, other nouns) state nothing. A demonstrative taking up an old truce
keeps its background. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str) -> dict[str, bool]:
    return {s.status: s.background for s in find_ceasefire(split_sentences(text), "de")}


def test_a_demonstrative_holding_takes_up_the_truce_before() -> None:
    read = statuses("Im Juli riefen beide Seiten eine Feuerpause aus. Diese hält bislang, trotz vereinzelter Schüsse.")
    assert read.get("in_effect") is False


def test_a_demonstrative_ending_an_old_truce_keeps_its_background() -> None:
    read = statuses("Eine Waffenruhe war im März 2017 vereinbart worden. Diese endete im Herbst desselben Jahres.")
    assert read.get("collapsed") is True


def test_a_demonstrative_before_another_noun_or_verb_states_nothing() -> None:
    read = statuses("Die Armee rief eine Waffenruhe aus. Dieser Schritt gilt als Zugeständnis. Diese gelten ab Montag.")
    assert set(read) == {"agreed"}
