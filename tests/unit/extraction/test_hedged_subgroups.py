"""A part listed by a hedged report, or as a range, and groups named by a phrase, in every language.

"Entre los muertos estarían diez soldados", "Parmi les morts figureraient …", "Unter den Toten
sollen auch zehn Soldaten sein": news that cannot confirm a part lists it in the conditional,
the future of conjecture or with a modal, and it is still a part of the dead. So is a range
after the cue ("Entre os mortos estão de 10 a 15 milicianos"). And "Soldaten der
Friedenstruppe" are peacekeepers, "Mitarbeiter einer Hilfsorganisation" aid workers.
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

HEDGED: list[tuple[str, str, list[Figure]]] = [
    ("en", "Among the dead are believed to be seven journalists.", [("killed", 7, "exact", "journalists")]),
    ("de", "Unter den Toten sollen auch sieben Journalisten sein.", [("killed", 7, "exact", "journalists")]),
    ("de", "Unter den Verletzten dürften sieben Kinder sein.", [("injured", 7, "exact", "children")]),
    ("es", "Entre los heridos estarían siete periodistas, según la emisora.", [("injured", 7, "exact", "journalists")]),
    ("es", "Entre los fallecidos habría siete niños.", [("killed", 7, "exact", "children")]),
    ("fr", "Parmi les victimes figureraient sept journalistes.", [("killed", 7, "exact", "journalists")]),
    ("pt", "Entre os feridos estarão sete jornalistas, segundo a rádio.", [("injured", 7, "exact", "journalists")]),
    ("pt", "Entre os mortos estariam sete crianças.", [("killed", 7, "exact", "children")]),
]

RANGES: list[tuple[str, str, list[Figure]]] = [
    ("en", "Among the dead were between 8 and 12 militiamen.", [("killed", 8, "at_least", "fighters")]),
    ("de", "Unter den Toten seien zwischen 8 und 12 Milizionäre.", [("killed", 8, "at_least", "fighters")]),
    ("es", "Entre los muertos hay de 8 a 12 milicianos.", [("killed", 8, "at_least", "fighters")]),
    ("fr", "Parmi les morts figurent entre 8 et 12 miliciens.", [("killed", 8, "at_least", "fighters")]),
    ("pt", "Entre os mortos estão também de 8 a 12 milicianos.", [("killed", 8, "at_least", "fighters")]),
]

GROUP_PHRASES: list[tuple[str, str, list[Figure]]] = [
    ("de", "Bei dem Anschlag wurden vier Soldaten der Friedenstruppe getötet.", [("killed", 4, "exact", "peacekeepers")]),
    ("de", "Unter den Verletzten sind drei Mitarbeiter einer Hilfsorganisation.", [("injured", 3, "exact", "aid_workers")]),
    ("de", "Zwei Mitarbeiter des Roten Kreuzes wurden verletzt.", [("injured", 2, "exact", "aid_workers")]),
    ("en", "Four soldiers of the peacekeeping force were killed.", [("killed", 4, "exact", "peacekeepers")]),
    ("en", "Four peacekeeping troops were wounded.", [("injured", 4, "exact", "peacekeepers")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), HEDGED + RANGES + GROUP_PHRASES)
def test_hedged_parts_ranges_and_group_phrases(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
