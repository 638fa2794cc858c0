"""An outcome verb reaches its number over the word for the whole group: "killing all five gunmen".

Reports of raids and sieges end with the whole of a group: "troops stormed the school, killing all
seven attackers", "töteten alle sieben Angreifer", "tuant tous les sept assaillants", "mataron a
todos los siete atacantes", "mataram todos os sete atacantes". The word for "all" stands between the
verb and the number as an article does (lexicon `grammar.pre_fillers`).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "Commandos ended the standoff at dawn, killing all seven attackers, the ministry said.", [("killed", 7, "exact", "fighters")]),
    ("en", "The gang executed all 11 hostages before fleeing.", [("killed", 11, "exact", None)]),
    ("de", "Die Polizei stürmte die Schule und tötete alle sieben Angreifer.", [("killed", 7, "exact", "fighters")]),
    ("fr", "Les commandos ont mis fin au siège à l'aube, tuant tous les sept assaillants.", [("killed", 7, "exact", "fighters")]),
    ("es", "Los comandos pusieron fin al asedio y mataron a todos los siete atacantes.", [("killed", 7, "exact", "fighters")]),
    ("pt", "Os comandos puseram fim ao cerco e mataram todos os sete atacantes.", [("killed", 7, "exact", "fighters")]),
    # look-alike: "all" before a number of things is still no casualty
    ("en", "The strike destroyed all four vehicles and killed two soldiers.", [("killed", 2, "exact", "soldiers")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_all_of_a_count_is_counted(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
