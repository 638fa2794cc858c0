"""Two close counts joined by "or" are an estimate, a range: "six or seven people were killed" gives 6
with `at_least`, as "six to seven" does (the contract's ranges), in every language: "seis o siete",
"six ou sept", "seis ou sete", "sechs oder sieben" (lexicon `grammar.disjunctions`; figures/candidates.py
`_bare_range`, up to twice the lower count). Farther apart they are alternatives, not a range, and the
later count stays as it was read ("whether 10 or 25 people were killed").

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "Witnesses said six or seven villagers were shot dead.", [("killed", 6, "at_least", None)]),
    ("en", "Two or three soldiers were wounded in the ambush.", [("injured", 2, "at_least", "soldiers")]),
    ("es", "Según los vecinos, murieron seis o siete campesinos.", [("killed", 6, "at_least", None)]),
    ("fr", "Selon des témoins, six ou sept villageois ont été tués.", [("killed", 6, "at_least", None)]),
    ("pt", "Segundo testemunhas, seis ou sete aldeões foram mortos.", [("killed", 6, "at_least", None)]),
    ("de", "Nach Angaben von Zeugen wurden sechs oder sieben Dorfbewohner erschossen.", [("killed", 6, "at_least", None)]),
    # look-alike: counts far apart are alternatives, not an estimate
    ("en", "Officials could not say whether 10 or 25 people were killed.", [("killed", 25, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_close_counts_joined_by_or(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
