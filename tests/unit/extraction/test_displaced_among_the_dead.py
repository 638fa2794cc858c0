"""A part of the dead named by the word for displaced people is who they were, not a count of the
displaced: "huit personnes ont péri, dont cinq déplacés du camp" gives killed 5, as "among them six
displaced people" does in every language (`figures/attachment.py` `_displaced_among_the_dead`).

Look-alikes: the displaced as a figure of their own beside the dead, and a part of the displaced.
Sentences of my own wording, none from an evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("fr", "Le bombardement a tué onze personnes, dont quatre déplacés hébergés dans l'école.",
     [("killed", 11), ("killed", 4)]),
    ("es", "El ataque mató a 14 personas, entre ellas seis desplazados que dormían en la iglesia.",
     [("killed", 14), ("killed", 6)]),
    ("pt", "O ataque matou nove pessoas, incluindo três deslocados do campo de Mueda.",
     [("killed", 9), ("killed", 3)]),
    ("en", "The strike killed 11 people, including four displaced people sheltering in a school.",
     [("killed", 11), ("killed", 4)]),
    # look-alikes: the displaced counted beside the dead, and a part of the displaced
    ("fr", "Les combats ont fait 12 morts, dont 5 civils, et 3 000 déplacés.",
     [("killed", 12), ("killed", 5), ("displaced", 3000)]),
    ("es", "Los combates dejaron 12 muertos y 3.000 desplazados, entre ellos 1.200 niños.",
     [("killed", 12), ("displaced", 3000), ("displaced", 1200)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_displaced_among_the_dead(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
