"""Parts of a toll set off by dashes or listed by a relative clause: "mató a seis personas -cuatro de
ellas mujeres- e hirió a otras 31" (a dash glued to a written number kept it from being read: the
number pattern refused any hyphen before a word, to leave "Kh-101" alone; now only a hyphen glued to
a word before it), and "hubo 8 muertos, entre los que se encontraban un civil …" (lexicon
`grammar.subgroup_cues`, `subgroup_fillers`).

Look-alikes: a hyphenated compound keeps its number word unread. Sentences of my own wording, none
from an evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

CASES: list[tuple[str, str, list[tuple[str, int, str, str | None]]]] = [
    ("es", "La explosión mató a nueve personas -tres de ellas niños- y dejó 20 heridos.",
     [("killed", 9, "exact", None), ("killed", 3, "exact", "children"), ("injured", 20, "exact", None)]),
    ("pt", "A explosão matou sete pessoas -duas delas crianças- segundo os bombeiros.",
     [("killed", 7, "exact", None), ("killed", 2, "exact", "children")]),
    ("es", "Hubo 15 muertos, entre los que se encontraban 4 policías, según la fiscalía.",
     [("killed", 15, "exact", None), ("killed", 4, "exact", "police")]),
    ("es", "El choque dejó 10 heridos, entre las que figuraban 3 mujeres embarazadas.",
     [("injured", 10, "exact", None), ("injured", 3, "exact", "women")]),
    # look-alike: a number word glued after a word by a hyphen is no count
    ("en", "The launcher fired a Kh-two variant, and 5 soldiers were wounded.", [("injured", 5, "exact", "soldiers")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_parts_of_a_toll_set_off(language: str, text: str, expected: list[tuple[str, int, str, str | None]]) -> None:
    assert full(text, language) == expected
