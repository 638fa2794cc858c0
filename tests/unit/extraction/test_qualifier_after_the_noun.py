"""A qualifier may follow the counted noun: "Quarante personnes au moins ont été tuées" is 40
with `at_least`, as "au moins quarante personnes" is (lexicon `qualifiers_after`;
`figures/candidates.py` `_qualify_after`). Found in real outlets' prose (issue 10), French above
all; the sentences are my own. A qualifier after a comma or before another number is that
number's.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("fr", "Trente personnes au moins ont été tuées dans les frappes de la nuit.", [("killed", 30, "at_least", None)]),
    ("fr", "Dans le camp, 25 civils au moins ont péri, selon l'hôpital.", [("killed", 25, "at_least", "civilians")]),
    ("fr", "Le raid a fait 40 morts environ et des dizaines de blessés.", [("killed", 40, "approximately", None)]),
    ("en", "The blast killed 30 people at least, the hospital said.", [("killed", 30, "at_least", None)]),
    ("es", "Treinta personas al menos murieron en los bombardeos.", [("killed", 30, "at_least", None)]),
    ("pt", "Trinta pessoas pelo menos morreram nos bombardeamentos.", [("killed", 30, "at_least", None)]),
    ("de", "30 Menschen mindestens wurden bei den Angriffen getötet.", [("killed", 30, "at_least", None)]),
    # look-alikes: the qualifier belongs to the number after it
    ("fr", "Il y a eu 11 morts, au moins 20 blessés.", [("killed", 11, "exact", None), ("injured", 20, "at_least", None)]),
    ("en", "The blast killed 30 people, at least 12 of them children.",
     [("killed", 30, "exact", None), ("killed", 12, "at_least", "children")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_a_qualifier_after_the_counted_noun(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
