"""A part told after its number by a pronoun fused with "of" ("neun davon Frauen", "nove delas
mulheres") is a part of the figure before, in every language that writes it so.

German "davon" fuses the partitive with its pronoun as Portuguese "delas"/"deles" does (lexicon
`grammar.fused_partitives`); English, Spanish and French write the pronoun apart ("nine of them",
"nueve de ellas", "dont neuf"). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("de", "Bei den Kämpfen am Fluss wurden 36 Menschen getötet, elf davon Kinder.",
     [("killed", 36, "exact", None), ("killed", 11, "exact", "children")]),
    ("de", "Der Anschlag verletzte 48 Menschen, sieben davon Polizisten und fünf davon Frauen.",
     [("injured", 48, "exact", None), ("injured", 7, "exact", "police"), ("injured", 5, "exact", "women")]),
    ("pt", "Os combates junto ao rio mataram 36 pessoas, onze delas crianças.",
     [("killed", 36, "exact", None), ("killed", 11, "exact", "children")]),
    ("en", "The fighting by the river killed 36 people, eleven of them children.",
     [("killed", 36, "exact", None), ("killed", 11, "exact", "children")]),
    ("es", "Los combates junto al río mataron a 36 personas, once de ellas niños.",
     [("killed", 36, "exact", None), ("killed", 11, "exact", "children")]),
    ("fr", "Les combats près du fleuve ont tué 36 personnes, dont onze enfants.",
     [("killed", 36, "exact", None), ("killed", 11, "exact", "children")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_fused_partitive(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
