"""A year after a preposition of time is a year, even when a noun for people follows it.

Context sentences open on the year with no comma: "In 2019 soldiers killed 12 protesters", "Im Jahr
2021 Rebellen …", "En 2019 des soldats ont tué …", "En 2019 soldados mataron a …", "Em 2019 soldados
mataram …". The noun after the year is the clause's subject, not what the year counts (lexicon
`grammar.year_prepositions`); a four-digit count with no such word before it is still a count.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import read

CASES: list[tuple[str, str, list[int]]] = [
    ("en", "In 2019 soldiers killed 12 protesters in the capital.", [12]),
    ("en", "Since 2017 militants have killed 900 villagers in the province.", [900]),
    ("de", "Seit 2017 haben Milizionäre in der Provinz 900 Dorfbewohner getötet.", [900]),
    ("fr", "En 2019 des soldats ont tué 12 manifestants dans la capitale.", [12]),
    ("es", "En 2019 soldados mataron a 12 manifestantes en la capital.", [12]),
    ("pt", "Em 2019 soldados mataram 12 manifestantes na capital.", [12]),
    # look-alike: a four-digit count of people with no preposition of time before it
    ("en", "The clashes killed 1900 people, officials said.", [1900]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_year_after_a_preposition_is_no_count(language: str, text: str, expected: list[int]) -> None:
    assert [f.count for f in read(text, language) if f.outcome == "killed"] == expected
