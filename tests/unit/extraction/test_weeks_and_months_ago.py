"""An episode told as weeks or months gone by is an earlier one: "a village nearby was attacked
two months ago and 60 people were killed" is background, as "two years ago" already was (lexicon
`background.relative_past`; two weeks at least, as a named day is stale after `_STALE_DAYS` in
`attribution/stale_dates.py`). Found in real outlets' prose (issue 10); the sentences are my own.
A week ago is still this story's time, a duration ("en vigor desde hace tres semanas") dates
nothing, and a time right after a verb of outbreak ("Fighting that began two months ago has killed
300") dates only the running episode's beginning (`attribution/background.py` `_dates_an_outbreak`).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2025, 6, 10, 12, tzinfo=UTC)

# (language, text, [(outcome, count, background)])
CASES: list[tuple[str, str, list[tuple[str, int, bool]]]] = [
    ("en", "In a similar raid, a neighbouring village was attacked two months ago and 60 people were killed.",
     [("killed", 60, True)]),
    ("en", "Three weeks ago, 13 police officers died when their convoy was ambushed.", [("killed", 13, True)]),
    ("fr", "Un village voisin avait été attaqué il y a deux mois et 60 personnes y avaient été tuées.",
     [("killed", 60, True)]),
    ("fr", "Il y a trois semaines, 13 policiers ont péri dans une embuscade.", [("killed", 13, True)]),
    ("es", "Hace dos meses, un ataque similar dejó 60 muertos en una aldea vecina.", [("killed", 60, True)]),
    ("es", "Hace tres semanas, 13 policías murieron en una emboscada.", [("killed", 13, True)]),
    ("pt", "Há dois meses, um ataque semelhante deixou 60 mortos numa aldeia vizinha.", [("killed", 60, True)]),
    ("pt", "Há duas semanas, 13 policiais morreram numa emboscada.", [("killed", 13, True)]),
    ("de", "Vor zwei Monaten waren bei einem ähnlichen Angriff 60 Menschen getötet worden.", [("killed", 60, True)]),
    ("de", "Vor drei Wochen starben 13 Polizisten in einem Hinterhalt.", [("killed", 13, True)]),
    # look-alikes: a week ago is this story's time; a duration dates no episode
    ("en", "A week ago, 13 police officers died when their convoy was ambushed.", [("killed", 13, False)]),
    ("es", "La tregua, en vigor desde hace tres semanas, sufrió el martes su peor golpe: los bombardeos mataron a 40 personas.",
     [("killed", 40, False)]),
    ("pt", "A trégua, em vigor desde há três semanas, foi rompida: os bombardeios mataram 40 pessoas.",
     [("killed", 40, False)]),
    # a time gone by right after a verb of outbreak dates the running episode's beginning only
    ("en", "Fighting that began two months ago has killed 300 people, the UN said.", [("killed", 300, False)]),
    ("en", "Fighting that broke out two years ago has killed 300 people, the UN said.", [("killed", 300, False)]),
    ("es", "Los combates que comenzaron hace dos meses han dejado 300 muertos.", [("killed", 300, False)]),
    ("fr", "Les combats qui ont éclaté il y a deux mois ont fait 300 morts.", [("killed", 300, False)]),
    ("pt", "Os combates que começaram há dois meses já fizeram 300 mortos.", [("killed", 300, False)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_weeks_or_months_ago_date_an_earlier_episode(
    language: str, text: str, expected: list[tuple[str, int, bool]]
) -> None:
    assert [(f.outcome, f.count, f.background) for f in read(text, language, PUBLISHED)] == expected
