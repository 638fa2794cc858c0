"""A since-clause with the date of its beginning set off after it governs that date, however long
the clause: "Since fighting broke out between the army and the paramilitary forces, on 15 April 2023,
more than 20,000 people have been killed" is a running toll, the news (`attribution/background.py`
`_SINCE_DATED`; a "since" governed only the dates within 60 characters of it before). An earlier
episode told after "since …," ("…, in March 2023, when gunmen killed 61") stays background.
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)

# (language, text, [(count, background)] in text order)
CASES: list[tuple[str, str, list[tuple[int, bool]]]] = [
    ("en", "Since fighting broke out between the army and the paramilitary forces, on 15 April 2023, more than "
     "20,000 people have been killed.", [(20000, False)]),
    ("es", "Desde que estalló la pugna entre las dos facciones del cártel, el 9 de septiembre de 2024, el estado "
     "acumula más de 1.100 asesinatos y cerca de 1.300 personas desaparecidas.", [(1100, False), (1300, False)]),
    ("es", "Desde que comenzaron los enfrentamientos entre el ejército y los paramilitares, en abril de 2023, han "
     "muerto más de 20.000 personas.", [(20000, False)]),
    ("fr", "Depuis le début des affrontements entre l'armée et les groupes rebelles, le 15 avril 2023, plus de "
     "20 000 personnes ont été tuées.", [(20000, False)]),
    ("pt", "Desde que começaram os combates entre o exército e os paramilitares, em abril de 2023, mais de 20 mil "
     "pessoas foram mortas.", [(20000, False)]),
    ("de", "Seit Beginn der Kämpfe zwischen der Armee und den Paramilitärs, im April 2023, wurden mehr als "
     "20.000 Menschen getötet.", [(20000, False)]),
    # a clause of two lines of print, naming both sides with their leaders' nicknames (eighth session)
    ("pt", 'Desde o início da guerra entre os filhos do antigo chefe Joaquim "O Velho" Santos e a facção rival de '
     'Manuel "O Magro" Costa, em setembro do ano passado, mais de 1.500 pessoas foram assassinadas.', [(1500, False)]),
    ("es", 'Desde que estalló la guerra entre los hijos del antiguo jefe Joaquín "El Viejo" Santos y la facción rival '
     'de Manuel "El Flaco" Costa, en septiembre del año pasado, han sido asesinadas más de 1.500 personas.',
     [(1500, False)]),
    ("en", 'Since the feud broke out between the sons of the former boss Joaquin "The Old Man" Santos and the rival '
     'faction of Manuel "The Thin One" Costa, in September last year, more than 1,500 people have been killed.',
     [(1500, False)]),
    # look-alikes: the clause after the date tells an earlier episode; no "since" governs the date
    ("en", "Since the worst attack on the town, in March 2023, when gunmen killed 61 people, the army has "
     "stepped up patrols.", [(61, True)]),
    ("en", "In the attack on the town, on 12 March 2023, gunmen killed 61 people.", [(61, True)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_since_clause_governs_its_dated_beginning(language: str, text: str, expected: list[tuple[int, bool]]) -> None:
    got = [(figure.count, figure.background) for figure in read(text, language, PUBLISHED)]
    assert got == expected
