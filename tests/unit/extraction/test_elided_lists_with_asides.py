"""An elided list ("9 were killed in Idlib and 4 in Aleppo") still shares its outcome when "others"
stands before the second number ("y otras dos en Sumy", "e outras duas em Sumy") or when a relative
clause about the first place stands between the members (", where a drone hit a shop, and two more
in Sumy"; lexicon `grammar.place_relatives`, `figures/lists.py` `_place_aside`). Sentences of my own
wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("en", "Five people were killed in Odesa, where a missile hit a hotel, and two more in Mykolaiv.",
     [("killed", 5), ("killed", 2)]),
    ("es", "Cinco personas murieron en Odesa, donde un misil alcanzó un hotel, y otras dos en Mykolaiv.",
     [("killed", 5), ("killed", 2)]),
    ("es", "Seis personas resultaron heridas en Rafah y otras tres en Jan Yunis.", [("injured", 6), ("injured", 3)]),
    ("fr", "Cinq personnes ont été tuées à Odessa, où un missile a frappé un hôtel, et deux autres à Mykolaïv.",
     [("killed", 5), ("killed", 2)]),
    ("pt", "Cinco pessoas morreram em Odessa, onde um míssil atingiu um hotel, e outras duas em Mykolaiv.",
     [("killed", 5), ("killed", 2)]),
    ("pt", "Seis pessoas ficaram feridas em Rafah e outras três em Khan Younis.", [("injured", 6), ("injured", 3)]),
    # look-alikes: the second number has a verb of its own, or no place follows it
    ("en", "Five people were killed in Odesa, where a missile hit a hotel, and two were arrested in Kyiv.",
     [("killed", 5)]),
    ("es", "Cinco personas murieron en Odesa, donde un misil alcanzó un hotel, y otras dos fueron detenidas.",
     [("killed", 5)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_an_elided_list_over_others_and_a_place_aside(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
