"""The figure a toll is compared with is an earlier period's: background (attribution/comparison.py).

"up from 1,700", "frente a los 1.700", "contre 1 700", "contra 1.700", "gegenüber 1.700": the
number after a comparison word, and a figure joined to it in its clause, are the baseline when
the clause names its period; the figure compared keeps being news, also when a date after the
comparison dates the baseline. A rising toll compared with its own earlier count ("up from 96 on
Tuesday") is news twice, and a comparison word that means "against" before a number of things
compares nothing. Sentences of
my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2026, 7, 9, 12, 0, tzinfo=UTC)

# (language, text, [(outcome, count, background)] in text order)
Figure = tuple[str, int, bool]
CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "Floods and fighting killed 2,300 people in the first half of the year, up from 1,700 in the same "
     "period of 2025, the agency said.", [("killed", 2300, False), ("killed", 1700, True)]),
    ("en", "Some 900 civilians were wounded in the second quarter, up from 610 killed and 1,250 wounded in the "
     "first quarter.", [("injured", 900, False), ("killed", 610, True), ("injured", 1250, True)]),
    ("en", "The ministry counted 310 dead this year, compared with 450 dead last year.",
     [("killed", 310, False), ("killed", 450, True)]),
    ("en", "Road bombs wounded 75 soldiers in June, down from 120 wounded in May.",
     [("injured", 75, False), ("injured", 120, True)]),
    ("es", "La violencia dejó 2.300 muertos en el primer semestre, frente a los 1.700 muertos del mismo "
     "periodo de 2025, según la agencia.", [("killed", 2300, False), ("killed", 1700, True)]),
    ("es", "Unos 900 civiles resultaron heridos en el segundo trimestre, en comparación con los 1.250 heridos "
     "del primer trimestre.", [("injured", 900, False), ("injured", 1250, True)]),
    ("fr", "Les violences ont fait 2 300 morts au premier semestre, contre 1 700 morts sur la même période "
     "de 2025, selon l'agence.", [("killed", 2300, False), ("killed", 1700, True)]),
    ("fr", "Quelque 900 civils ont été blessés au deuxième trimestre, par rapport aux 1 250 blessés du "
     "premier trimestre.",
     [("injured", 900, False), ("injured", 1250, True)]),
    ("pt", "A violência deixou 2.300 mortos no primeiro semestre, contra 1.700 mortos no mesmo período de "
     "2025, segundo a agência.", [("killed", 2300, False), ("killed", 1700, True)]),
    ("pt", "Cerca de 900 civis ficaram feridos no segundo trimestre, em comparação com os 1.250 feridos do "
     "primeiro trimestre.", [("injured", 900, False), ("injured", 1250, True)]),
    ("de", "Bei der Gewalt wurden im ersten Halbjahr 2.300 Menschen getötet, gegenüber 1.700 Toten im "
     "gleichen Zeitraum 2025.", [("killed", 2300, False), ("killed", 1700, True)]),
    ("de", "Im zweiten Quartal wurden etwa 900 Zivilisten verletzt, im Vergleich zu 1.250 Verletzten im "
     "ersten Quartal.",
     [("injured", 900, False), ("injured", 1250, True)]),
    # "against" before things compares nothing; a place "frente a" is no comparison
    ("fr", "L'attaque contre 2 casernes a fait 12 morts.", [("killed", 12, False)]),
    ("pt", "O ataque contra 2 quartéis deixou 12 mortos.", [("killed", 12, False)]),
    ("es", "Frente a la costa de Libia, al menos 61 migrantes murieron ahogados.", [("killed", 61, False)]),
    # a rising toll compared with its own earlier count names no earlier period: both counts are news
    ("en", "The death toll rose to 140 on Thursday, up from 96 on Tuesday, officials said.",
     [("killed", 140, False), ("killed", 96, False)]),
    ("es", "El número de muertos subió a 140 este jueves, frente a los 96 del martes.",
     [("killed", 140, False), ("killed", 96, False)]),
    ("fr", "Le bilan est passé à 140 morts jeudi, contre 96 morts mardi.", [("killed", 140, False), ("killed", 96, False)]),
    ("pt", "O número de mortos subiu para 140 nesta quinta-feira, contra 96 mortos na terça-feira.",
     [("killed", 140, False), ("killed", 96, False)]),
    ("de", "Die Zahl der Toten stieg am Donnerstag auf 140, gegenüber 96 Toten am Dienstag.",
     [("killed", 140, False), ("killed", 96, False)]),
    # the clause after the baseline is news again
    ("en", "Attacks killed 40 people in June, up from 25 in May; on Tuesday alone 12 were killed.",
     [("killed", 40, False), ("killed", 25, True), ("killed", 12, False)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_a_comparison_baseline_is_background(language: str, text: str, expected: list[Figure]) -> None:
    figures = read(text, language, PUBLISHED)
    assert [(f.outcome, f.count, f.background) for f in figures] == expected
