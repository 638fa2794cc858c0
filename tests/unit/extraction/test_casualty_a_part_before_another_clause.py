"""A part told by a pronoun, then a clause of its own: "killed 14 people, five of them children,
and wounded 40".

The subgroup of the first figure ("five of them children", "fünf von ihnen Kinder") closes
with a comma; the conjunction after it opens the next predicate, whose outcome (wounded) belongs
to the next figure, not to the part. As with "including five children, and wounded 40", the part
takes its whole's outcome.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "Shelling of the bus depot killed 14 people, five of them children, and wounded 40, officials said.",
     [("killed", 14, "exact", None), ("killed", 5, "exact", "children"), ("injured", 40, "exact", None)]),
    ("es", "El bombardeo mató a 14 personas, cinco de ellas niños, e hirió a otras 40.",
     [("killed", 14, "exact", None), ("killed", 5, "exact", "children"), ("injured", 40, "exact", None)]),
    ("pt", "O bombardeio matou 14 pessoas, cinco delas crianças, e feriu outras 40.",
     [("killed", 14, "exact", None), ("killed", 5, "exact", "children"), ("injured", 40, "exact", None)]),
    ("de", "Der Beschuss tötete 14 Menschen, fünf von ihnen Kinder, und verletzte 40 weitere.",
     [("killed", 14, "exact", None), ("killed", 5, "exact", "children"), ("injured", 40, "exact", None)]),
    # the part of the wounded keeps the wounded's outcome
    ("en", "More than 60 were wounded, 11 of them seriously, and nine were killed.",
     [("injured", 60, "at_least", None), ("injured", 11, "exact", None), ("killed", 9, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_part_keeps_its_whole_before_another_clause(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
