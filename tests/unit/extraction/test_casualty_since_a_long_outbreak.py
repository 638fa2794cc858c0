"""A since-clause that names the outbreak of the running episode dates that outbreak, however long.

News tells a running toll from the start of a war named with its sides: "Since the outbreak of the war
between the army and the militias of the north in May 2024, 9,000 have been killed". The date closes
the since-clause after many words, well past the reach of a short "since May 2024"; it dates when the
running episode began, so the toll after it is the news (attribution/onset.py, `SINCE_ONSET`).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

MARCH_2026 = datetime(2026, 3, 2, 9, tzinfo=UTC)

CASES: list[tuple[str, str, list[tuple[int, bool]]]] = [
    (
        "en",
        "Since the outbreak of fighting between the two rival branches of the armed forces and their allied "
        "militias in May 2024, more than 9,000 people have been killed, the United Nations says.",
        [(9000, False)],
    ),
    (
        "en",
        "Since the start of the insurgency by the separatist movement in the northern highlands in 2019 "
        "at least 4,500 people have died.",
        [(4500, False)],
    ),
    (
        "de",
        "Seit dem Beginn der Kämpfe zwischen den beiden Milizen und ihren jeweiligen Verbündeten im Norden "
        "des Landes im Mai 2024 sind nach UN-Angaben mehr als 9.000 Menschen getötet worden.",
        [(9000, False)],
    ),
    (
        "de",
        "Seit dem Ausbruch des Streits zwischen zwei Flügeln der Bande um die Kontrolle des Hafens im "
        "Oktober 2024 wurden rund 800 Menschen getötet.",
        [(800, False)],
    ),
    (
        "es",
        "Desde el estallido de la guerra entre el ejército y los paramilitares en el norte del país en mayo de 2024 "
        "han muerto más de 9.000 personas.",
        [(9000, False)],
    ),
    (
        "pt",
        "Desde o início dos confrontos entre as duas facções rivais do exército no norte do país em maio de "
        "2024, mais de 9.000 pessoas foram mortas.",
        [(9000, False)],
    ),
    # look-alikes: a date outside the since-clause still dates its own clause's figure
    (
        "en",
        "In May 2024, a raid on the village killed 40 people, and residents have lived in fear since the start of the year.",
        [(40, True)],
    ),
    (
        "de",
        "Im Mai 2024 wurden bei einem Überfall 40 Menschen getötet, seit Beginn des Jahres herrscht Ruhe.",
        [(40, True)],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_long_since_clause_dates_the_outbreak(language: str, text: str, expected: list[tuple[int, bool]]) -> None:
    figures = read(text, language, MARCH_2026)
    assert [(f.count, f.background) for f in figures if f.outcome == "killed"] == expected
