"""A figure quoted from its source still counts the noun after the quotation marks.

Wire copy quotes a source on its count and goes on with the noun: 'a security source said "about 20"
troops were still missing', '"unos 20" soldados', '"cerca de 20" militares', '„rund 20“ Soldaten',
'« une trentaine » d'assaillants'. A closing quotation mark right after the number (or its qualifier),
whose opening mark stands right before it, is no part of the noun phrase (figures/heads.py).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", 'An officer said "about 20" soldiers were still unaccounted for.', [("missing", 20, "approximately", "soldiers")]),
    ("en", 'Residents said "more than 30" civilians were killed in the raid.', [("killed", 30, "at_least", "civilians")]),
    ("es", 'Según el alcalde, "unos 20" soldados murieron en el asalto.', [("killed", 20, "approximately", "soldiers")]),
    ("pt", 'Segundo o autarca, "cerca de 20" militares morreram no ataque.', [("killed", 20, "approximately", "soldiers")]),
    ("de", "Nach Angaben des Gouverneurs wurden „rund 20“ Soldaten getötet.", [("killed", 20, "approximately", "soldiers")]),
    ("fr", "Selon l'armée, « une trentaine » d'assaillants ont été tués.", [("killed", 30, "approximately", "fighters")]),
    # look-alike: a quoted number that closes its own quotation counts nothing after it
    ("en", 'The strike hit "Building 20" and killed five people.', [("killed", 5, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_quoted_figure_counts_its_noun(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
