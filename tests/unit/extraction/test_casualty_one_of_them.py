"""One of the counted people, told with the Romance numeral that is also the article.

"Seven police officers were wounded and one of them later died" is read in English through the
number "one" and its partitive. Portuguese, Spanish and French write the same with the article-
numeral: "e um deles morreu", "y uno de ellos murió", "et l'un d'eux est mort", "onde um dos
feridos morreu". Before a partitive of a pronoun or of an outcome's people, it counts one (a part
of the figure before, whose outcome and group it takes unless its own verb tells another fate).
Before anything else ("um dos maiores ataques") it counts nothing.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("pt", "Cinco guardas ficaram feridos na explosão e um deles morreu a caminho do hospital.",
     [("injured", 5, "exact", None), ("killed", 1, "exact", None)]),
    ("es", "Cinco policías resultaron heridos en la explosión y uno de ellos murió camino del hospital.",
     [("injured", 5, "exact", "police"), ("killed", 1, "exact", "police")]),
    ("fr", "Cinq policiers ont été blessés dans l'explosion et l'un d'eux est mort pendant son transfert.",
     [("injured", 5, "exact", "police"), ("killed", 1, "exact", "police")]),
    ("pt", "Os feridos foram levados ao hospital de Beira, onde um dos feridos morreu durante a noite.",
     [("killed", 1, "exact", None)]),
    ("en", "Five police officers were wounded in the blast and one of them died on the way to hospital.",
     [("injured", 5, "exact", "police"), ("killed", 1, "exact", "police")]),
    # look-alike: the article before anything but such a partitive counts nothing
    ("pt", "Foi um dos ataques mais graves do ano, com 12 mortos.", [("killed", 12, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_one_of_them(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
