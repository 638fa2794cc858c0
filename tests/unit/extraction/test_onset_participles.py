"""A running war's toll after a participle that tells when it began is the news, as after the
relative clause the participle shortens: "The insurgency, launched in 2017, has killed 6,000" reads as
"The insurgency, which began in 2017, has killed 6,000" (lexicon `background.onset`: "launched/
sparked/begun in", "iniciada en", "desatado en", "déclenché en", "lancée en", "iniciado em",
"desencadeada em"; `attribution/onset.py`). The episode's noun may be followed by where and between
whom it is fought ("The conflict in the country's two northern regions, sparked in 2017, …").
A toll dated by its own year, or told in the pluperfect, stays background. Sentences of my own
wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2025, 6, 10, 12, 0, tzinfo=UTC)

# (language, text, [(count, background)] in text order)
CASES: list[tuple[str, str, list[tuple[int, bool]]]] = [
    ("en", "The insurgency, launched in 2017, has killed more than 6,000 people.", [(6000, False)]),
    ("en", "The conflict in the country's two northern regions, sparked in 2018, has left more than 5,000 dead.",
     [(5000, False)]),
    ("es", "La insurgencia, iniciada en 2017, ha causado más de 6.000 muertos.", [(6000, False)]),
    ("es", "El conflicto en las regiones del norte del país, desatado en 2018, ha dejado más de 5.000 muertos.",
     [(5000, False)]),
    ("fr", "Le conflit dans les deux régions du nord du pays, déclenché en 2018, a fait plus de 5 000 morts.",
     [(5000, False)]),
    ("fr", "L'insurrection, lancée en 2017 par des groupes armés, a fait plus de 6 000 morts.", [(6000, False)]),
    ("pt", "O conflito, iniciado em 2017, já fez mais de 6 mil mortos.", [(6000, False)]),
    ("pt", "A guerra no leste do país, desencadeada em 2022, já matou mais de 10 mil pessoas.", [(10000, False)]),
    # look-alikes: a year of its own after the toll, or the pluperfect, still date it
    ("en", "The fighting, triggered in 2019, killed 200 people in 2020.", [(200, True)]),
    ("es", "La guerra, iniciada en 2017, causó 300 muertos en 2018.", [(300, True)]),
    ("fr", "La guerre civile, déclenchée en 1975, avait fait 150 000 morts.", [(150000, True)]),
    # a war dated before its name is an earlier one
    ("en", "The 2008 war, launched in August, killed about 850 people.", [(850, True)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_toll_after_an_onset_participle(language: str, text: str, expected: list[tuple[int, bool]]) -> None:
    got = [(figure.count, figure.background) for figure in read(text, language, PUBLISHED)]
    assert got == expected
