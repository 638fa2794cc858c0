"""A part named by a listing verb after its figure, with an adverb beside the verb: "Among the 45
dead were also 12 children", "Unter den 45 Toten seien auch zwölf Kinder", "… sind demnach auch …"
(`figures/lists.py`: the listing verbs, `grammar.listing_verbs`, and the one-word fillers of
`grammar.subgroup_fillers`, qualifiers left out). Sentences of my own wording, none from an
evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

CASES: list[tuple[str, str, list[tuple[str, int, str, str | None]]]] = [
    ("en", "Among the 38 dead were also nine children.", [("killed", 38, "exact", None), ("killed", 9, "exact", "children")]),
    ("de", "Unter den 38 Toten seien auch neun Kinder.", [("killed", 38, "exact", None), ("killed", 9, "exact", "children")]),
    ("de", "Unter den 52 Verletzten sind demnach auch sieben Polizisten.",
     [("injured", 52, "exact", None), ("injured", 7, "exact", "police")]),
    # without an adverb, as before
    ("de", "Unter den 38 Toten sind neun Kinder.", [("killed", 38, "exact", None), ("killed", 9, "exact", "children")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_part_listed_with_an_adverb(language: str, text: str, expected: list[tuple[str, int, str, str | None]]) -> None:
    assert full(text, language) == expected
