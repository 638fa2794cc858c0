"""A partial truce is often named as a renunciation of attacks or a moratorium on them: "einigten
sich auf einen Verzicht auf Luftangriffe gegen Häfen", "ein Moratorium für Angriffe auf Kraftwerke",
as English "a moratorium on strikes" or "a pause in attacks" already read (lexicon ceasefire.halt.phrases).
Accusations of violations in the sentence after an old one keep its background. The verb alone
("hat auf Angriffe verzichtet") names no truce. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str) -> dict[str, bool]:
    return {s.status: s.background for s in find_ceasefire(split_sentences(text), "de")}


NAMED: list[str] = [
    "Beide Regierungen einigten sich am Dienstag auf einen Verzicht auf Luftangriffe gegen Häfen.",
    "Die Parteien haben am Dienstag ein Moratorium für Angriffe auf Kraftwerke vereinbart.",
]


@pytest.mark.parametrize("text", NAMED)
def test_a_renunciation_of_attacks_agreed_is_a_truce_agreed(text: str) -> None:
    assert statuses(text) == {"agreed": False}


def test_violations_alleged_after_an_old_renunciation_are_its_history() -> None:
    # (a violation told alone counts only in an article that names a truce: the first sentence does)
    text = (
        "Die Vermittler drängen auf eine Waffenruhe. "
        "Im Herbst 2023 hatten sich beide Seiten auf einen Verzicht auf Angriffe gegen Staudämme verständigt. "
        "Danach warfen sie einander mehrfach Verstöße vor."
    )
    assert statuses(text) == {"proposed": False, "agreed": True, "violated": True}


def test_the_verb_of_renouncing_alone_names_no_truce() -> None:
    assert statuses("Die Armee hat vorerst auf Angriffe gegen die Stadt verzichtet.") == {}
