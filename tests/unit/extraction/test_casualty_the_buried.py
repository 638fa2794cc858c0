"""The dead counted by those who buried them: "we buried 14 of them", "hemos enterrado a 14".

Witnesses and community leaders give a toll as the number they buried: "We have buried 61 people
already", "Nous avons enterré 14 personnes", "Enterramos a 14 personas", "Enterramos 14 pessoas".
The active verb before its object counts the dead (lexicon `outcomes.killed.pre`); people buried
under rubble are trapped, not counted dead, and that passive stands after its number, so it reads nothing.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", '"We buried nine of them at dusk," a farmer said.', [("killed", 9, "exact", None)]),
    ("en", "The village elder said they had buried 33 people since the raid.", [("killed", 33, "exact", None)]),
    ("fr", "« Nous avons enterré neuf personnes au crépuscule », a raconté un agriculteur.", [("killed", 9, "exact", None)]),
    ("es", "«Hemos enterrado a nueve personas al atardecer», contó un campesino.", [("killed", 9, "exact", None)]),
    ("pt", "«Enterramos nove pessoas ao entardecer», contou um agricultor.", [("killed", 9, "exact", None)]),
    # look-alikes: buried under rubble is trapped; a landslide that buries houses buries no one
    ("en", "Fourteen people were buried under the rubble of the clinic.", []),
    ("en", "The mudslide buried 30 homes and killed two people.", [("killed", 2, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_the_buried_are_dead(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
