"""German "Verletzungen" are both a truce's violations and people's injuries. Alone in a sentence of
an article about a truce, the word reports violations ("Beide Seiten werfen einander Verletzungen
vor"), but not when people suffer them: after a verb of suffering or an adjective of severity
("erlitten leichte Verletzungen", "starb an seinen schweren Verletzungen"), or before "erlegen"
(lexicon ceasefire.cues.violations; a subject between the verb and its noun, "erlitten vier Arbeiter
Verletzungen", is still read as violations: README, phrasings known to fail). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

TRUCE = "Seit Dienstag gilt im Süden eine Feuerpause. "


def current(text: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(TRUCE + text), "de") if not s.background})


INJURIES: list[str] = [
    "Zwei Kinder erlitten Verletzungen an den Beinen.",
    "Ein Fischer starb am Abend an seinen schweren Verletzungen.",
    "Ein Sanitäter ist seinen Verletzungen erlegen.",
]


@pytest.mark.parametrize("text", INJURIES)
def test_injuries_people_suffer_report_no_violation(text: str) -> None:
    assert current(text) == ["in_effect"]


def test_violations_alleged_against_each_other_are_still_violations() -> None:
    assert current("Armee und Rebellen werfen einander täglich Verletzungen vor.") == ["in_effect", "violated"]
