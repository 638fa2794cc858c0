"""Fatal casualties named as such are the dead: "33 bajas mortales", "33 baixas mortais". The lumped
noun alone ("bajas", "baixas": killed and wounded together) gives nothing, and rejected the figure
before its adjective was read (`figures/heads.py`: the outcome noun is read first; lexicon
`outcomes.killed.post`). Sentences of my own wording, none from an evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("es", "El ministerio reconoció 14 bajas mortales en sus filas tras el combate.", [("killed", 14)]),
    ("pt", "O comando admitiu 21 baixas mortais e 60 feridos na ofensiva.", [("killed", 21), ("injured", 60)]),
    # the lumped noun alone
    ("es", "El ministerio reconoció 14 bajas en sus filas tras el combate.", []),
    ("pt", "O comando admitiu 21 baixas na ofensiva.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_fatal_casualty_nouns(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
