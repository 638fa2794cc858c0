"""Where "since" also means "for", a duration after it says how long, not when, and the clause after
it tells no earlier episode: "El-Fasher, assiégée depuis plus d'un an, où les bombardements ont tué 31
civils" and "das seit mehr als einem Jahr belagert wird, wo Angriffe 31 Zivilisten töteten" report
today's toll (lexicon `background.since_durations`; attribution/background.py `_SINCE_A_DURATION`).
A point in time after it still opens an earlier episode ("Depuis mars, où 300 personnes ont été
tuées"). English, Spanish and Portuguese say the duration with words of their own ("for more than a
year", "desde hace más de un año", "há mais de um ano"), which never opened an episode.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2025, 9, 18, 12, 0, tzinfo=UTC)

# (language, text, [(count, background)] in text order)
CASES: list[tuple[str, str, list[tuple[int, bool]]]] = [
    ("fr", "L'ONU réclame une trêve autour de la ville, assiégée depuis plus d'un an, où les frappes ont tué "
     "au moins 27 civils mardi.", [(27, False)]),
    ("fr", "Le camp, bouclé depuis six mois, où 14 enfants sont morts de faim cette semaine, manque de tout.",
     [(14, False)]),
    ("de", "Die Stadt, die seit mehr als einem Jahr belagert wird, wo Drohnen zuletzt 27 Zivilisten töteten, "
     "ist abgeschnitten.", [(27, False)]),
    ("en", "The city, besieged for more than a year, where drones killed 27 civilians on Tuesday, is cut off.",
     [(27, False)]),
    ("es", "La ciudad, sitiada desde hace más de un año, donde los drones mataron a 27 civiles el martes, está aislada.",
     [(27, False)]),
    ("pt", "A cidade, cercada há mais de um ano, onde drones mataram 27 civis na terça-feira, está isolada.",
     [(27, False)]),
    # look-alikes: a point in time after "since" opens an earlier episode
    ("fr", "Depuis mars, où 300 personnes ont été tuées dans la ville, le calme est revenu.", [(300, True)]),
    ("de", "Seit März, als 300 Menschen in der Stadt getötet wurden, ist es ruhig.", [(300, True)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_duration_after_since(language: str, text: str, expected: list[tuple[int, bool]]) -> None:
    got = [(figure.count, figure.background) for figure in read(text, language, PUBLISHED)]
    assert got == expected
