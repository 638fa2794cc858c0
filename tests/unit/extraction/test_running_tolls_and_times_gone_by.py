"""Which clause a date dates, and words that tell a time gone by or a toll still running
(attribution/background.py).

- A day well before publication right after a figure dates it, as an old year does: "1,200 were
  killed in the attack on 7 October" (in a late-November story) is background.
- A toll told as running in its own clause is the news, whatever dated the clause before it:
  "…, and that 310 have died in the insurgency so far" ("hasta ahora", "jusqu'à présent", "até
  agora", "bisher": lexicon `background.running`).
- "back then", "por aquel entonces", "à l'époque", "na época" tell a time gone by, as German
  "damals" does; English "at the time" only after a reporting verb ("said at the time"), since it
  also names the moment of today's attack ("dozens were inside the market at the time").
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)

# (language, text, [(count, background)] in text order)
CASES: list[tuple[str, str, list[tuple[int, bool]]]] = [
    # a day well before publication dates the figure right before it
    ("en", "Officials say 40 soldiers were killed in an ambush on 2 September.", [(40, True)]),
    ("es", "Según el ejército, 40 soldados murieron en una emboscada el 2 de septiembre.", [(40, True)]),
    ("pt", "Segundo o exército, 40 soldados morreram numa emboscada em 2 de setembro.", [(40, True)]),
    ("fr", "Selon l'armée, 40 soldats ont été tués le 2 septembre.", [(40, True)]),
    ("de", "Laut Armee starben 40 Soldaten am 2. September.", [(40, True)]),
    ("en", "Gunmen killed 14 people in the village on Tuesday, November 24.", [(14, False)]),
    # … and a running toll after it is the news
    ("en", "The army said 40 soldiers were killed in an ambush on 2 September, and that 310 have died in the "
     "insurgency so far.", [(40, True), (310, False)]),
    ("en", "The army said 40 soldiers were killed in an ambush on 2 September, and that 310 have died in the "
     "insurgency.", [(40, True), (310, True)]),
    ("es", "El ejército dijo que 40 soldados murieron en una emboscada el 2 de septiembre y que 310 han muerto en "
     "la insurgencia hasta ahora.", [(40, True), (310, False)]),
    ("fr", "L'armée a indiqué que 40 soldats ont été tués le 2 septembre et que 310 sont morts dans "
     "l'insurrection jusqu'à présent.", [(40, True), (310, False)]),
    ("pt", "O exército disse que 40 soldados morreram numa emboscada em 2 de setembro e que 310 morreram na "
     "insurreição até agora.", [(40, True), (310, False)]),
    ("de", "Die Armee erklärte, bei einem Hinterhalt am 2. September seien 40 Soldaten getötet worden, in dem "
     "Aufstand seien bisher 310 gestorben.", [(40, True), (310, False)]),
    # a time gone by
    ("en", "The rebels said at the time that nine of their fighters had died.", [(9, True)]),
    ("en", "Back then, the ministry counted 58 dead.", [(58, True)]),
    ("es", "Por aquel entonces, el ministerio contabilizó 58 muertos.", [(58, True)]),
    ("fr", "À l'époque, le ministère avait recensé 58 morts.", [(58, True)]),
    ("pt", "Na época, o ministério contabilizou 58 mortos.", [(58, True)]),
    ("de", "Damals zählte das Ministerium 58 Tote.", [(58, True)]),
    # "at the time" of today's attack
    ("en", "Five people were killed in the blast; dozens were inside the market at the time.", [(5, False)]),
    ("en", "At the time of the explosion, seven people were killed in the hall.", [(7, False)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_which_clause_a_time_dates(language: str, text: str, expected: list[tuple[int, bool]]) -> None:
    assert [(f.count, f.background) for f in read(text, language, PUBLISHED)] == expected
