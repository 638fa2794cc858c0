"""Words between a verb of killing and its number that leave the verb governing it: the manner
("mataram a tiro outras duas", "asesinaron a balazos a cinco") and Portuguese "mais", "another"
("os bombardeamentos mataram mais três pessoas"). Each stopped the verb's reach, so the number had
no outcome (lexicon `grammar.pre_fillers`, `grammar.additive_adverbs`; `figures/preceding.py`).

Look-alikes: "mais de" stays a qualifier (at least), and the same words with things counted.
Sentences of my own wording, none from an evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

CASES: list[tuple[str, str, list[tuple[str, int, str, str | None]]]] = [
    ("pt", "Os atacantes feriram três moradores e mataram a tiro outros dois junto ao mercado.",
     [("injured", 3, "exact", None), ("killed", 2, "exact", None)]),
    ("es", "Un comando asesinó a balazos a seis jóvenes en un taller mecánico.", [("killed", 6, "exact", None)]),
    ("pt", "Na madrugada, os drones mataram mais quatro civis na cidade portuária.",
     [("killed", 4, "exact", "civilians")]),
    ("pt", "Os confrontos mataram mais de 40 pessoas na província.", [("killed", 40, "at_least", None)]),
    # look-alikes
    ("pt", "Os rebeldes queimaram mais cinco casas na aldeia.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_words_between_a_killing_verb_and_its_number(
    language: str, text: str, expected: list[tuple[str, int, str, str | None]]
) -> None:
    assert full(text, language) == expected
