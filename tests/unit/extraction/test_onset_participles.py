"""A running war's toll after a participle that tells when it began is the news, as after the
relative clause the participle shortens: "The insurgency, launched in 2017, has killed 6,000" reads as
"The insurgency, which began in 2017, has killed 6,000" (lexicon `background.onset`: "launched/
sparked/begun in", "iniciada en", "desatado en", "déclenché en", "lancée en", "iniciado em",
"desencadeada em"; `attribution/onset.py`), and the participle alone opens that clause whatever time or
agent follows it ("sparked late 2016", "déclenché fin 2016", "iniciada pelo grupo em 2009"), also when
it opens the sentence before the episode ("Déclenchée le 3 mars, la guerre a fait …"). The episode's noun may be followed by where and between
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
    # the participle alone opens the clause, whatever time or agent follows it (eighth session):
    # "late 2016", "fin 2016", "a finales de", "no final de", an agent before the year
    ("en", "The rebellion in the two western provinces, sparked late 2016, has left more than 4,000 dead.",
     [(4000, False)]),
    ("en", "The uprising, ignited by a disputed election in 2019, has killed about 1,500 people.", [(1500, False)]),
    ("fr", "Le conflit entre l'armée et les milices, déclenché fin 2016, a fait plus de 4 000 morts.", [(4000, False)]),
    ("fr", "La rébellion, lancée début 2019 dans l'ouest, a fait quelque 1 500 morts.", [(1500, False)]),
    ("es", "La insurrección, iniciada a finales de 2016, ha dejado más de 4.000 muertos.", [(4000, False)]),
    ("es", "El conflicto, desatado por un golpe de Estado en 2021, ha causado unos 1.500 muertos.", [(1500, False)]),
    ("pt", "A insurreição no norte, iniciada pelo grupo armado em 2009, já fez mais de 40 mil mortos.",
     [(40000, False)]),
    ("pt", "A rebelião, lançada no final de 2016, já provocou mais de 4 mil mortos.", [(4000, False)]),
    # the participle may open the sentence, before the episode: its date dates the beginning
    ("en", "Sparked on 3 March, the conflict in the north has killed more than 2,000 people.", [(2000, False)]),
    ("fr", "Déclenchée le 3 mars, la guerre dans le nord a fait plus de 2 000 morts.", [(2000, False)]),
    ("es", "Desatado el 3 de marzo, el conflicto en el norte ha dejado más de 2.000 muertos.", [(2000, False)]),
    ("pt", "Iniciada a 3 de março, a guerra no norte já fez mais de 2 mil mortos.", [(2000, False)]),
    ("pt", "Iniciada em 2012, a insurreição matou 300 pessoas em 2014.", [(300, True)]),
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
