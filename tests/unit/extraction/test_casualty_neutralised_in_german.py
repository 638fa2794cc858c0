"""Armies' word for killed enemies, "neutralisiert", is a killed figure in German as "neutralised" is in English.

Military statements quoted in German copy report enemies killed as "neutralisiert", often in quotation
marks: "Die Armee erklärte, mehr als 60 Kämpfer «neutralisiert» zu haben" (lexicon
`outcomes.killed.both`). Explosives are neutralised too: those nouns are things, and count no one.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("de", "Die Armee erklärte, mehr als 60 Kämpfer «neutralisiert» zu haben.", [("killed", 60, "at_least", "fighters")]),
    ("de", "Bei dem Einsatz wurden nach Armeeangaben zwölf Angreifer neutralisiert.", [("killed", 12, "exact", "fighters")]),
    ("en", "The army said it had neutralised 60 militants.", [("killed", 60, "exact", "fighters")]),
    # look-alike: explosives are neutralised, and count no one
    ("de", "Spezialisten haben drei Sprengsätze neutralisiert.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_neutralised_is_killed(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
