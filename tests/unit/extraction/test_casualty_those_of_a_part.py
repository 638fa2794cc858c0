"""A part of a count of bodies named by a pronoun: "31 bodies, among them those of nine children".

After a count of bodies, the part is told by a demonstrative that stands for "the bodies": "those of",
"die von", "los de", "os de", "ceux de" (lexicon `grammar.subgroup_fillers`). The part is a killed
figure with its group. German datives of group nouns ("Kindern") name the group as the nominative does.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "Divers pulled 27 bodies from the river, among them those of six children.",
     [("killed", 27, "exact", None), ("killed", 6, "exact", "children")]),
    ("de", "Taucher bargen 27 Leichen aus dem Fluss, darunter die von sechs Kindern.",
     [("killed", 27, "exact", None), ("killed", 6, "exact", "children")]),
    ("es", "Los buzos sacaron 27 cuerpos del río, entre ellos los de seis niños.",
     [("killed", 27, "exact", None), ("killed", 6, "exact", "children")]),
    ("pt", "Os mergulhadores retiraram 27 corpos do rio, entre eles os de seis crianças.",
     [("killed", 27, "exact", None), ("killed", 6, "exact", "children")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_those_of_a_part_are_counted(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
