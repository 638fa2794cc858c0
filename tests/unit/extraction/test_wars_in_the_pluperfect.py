"""A war told in the pluperfect is over, and its toll is context, month or no month (attribution/tense.py).

News steps back to a finished war with the pluperfect: "The war had killed more than 6,000",
"La guerre avait fait plus de 6 000 morts", "Im Krieg waren … getötet worden" (lexicon
`background.wars`). Fighting that a truce just ended is told the same way and is the news, so
only a war, an offensive or hostilities count; so is a toll counted "since" the war began, and
reported speech shifts the tense back ("officials said the war had killed"). Sentences of my
own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2026, 3, 18, 12, 0, tzinfo=UTC)

# (language, text, the figure's count, whether it is background)
CASES: list[tuple[str, str, int, bool]] = [
    ("en", "The war between the two countries had killed more than 6,000 soldiers before the truce.", 6000, True),
    ("en", "The army's offensive on the port city had left about 2,500 people dead, aid groups estimate.", 2500, True),
    ("es", "La guerra entre ambos países había dejado más de 6.000 muertos.", 6000, True),
    ("es", "La ofensiva sobre la ciudad portuaria había causado unos 2.500 muertos, según estimaciones de ONG.", 2500, True),
    ("fr", "La guerre entre les deux voisins avait fait plus de 6 000 morts.", 6000, True),
    ("fr", "L'offensive sur la ville portuaire avait fait environ 2 500 morts, selon des ONG.", 2500, True),
    ("pt", "A guerra entre os dois países tinha deixado mais de 6.000 mortos.", 6000, True),
    ("pt", "A ofensiva sobre a cidade portuária tinha feito cerca de 2.500 mortos, segundo ONG.", 2500, True),
    ("de", "Im Krieg zwischen den beiden Nachbarn waren mehr als 6.000 Soldaten getötet worden.", 6000, True),
    ("de", "Im Grenzkrieg waren rund 2.500 Menschen ums Leben gekommen.", 2500, True),
    # the fighting a truce just ended is the news
    ("en", "The fighting that the truce ended had killed 35 people.", 35, False),
    ("es", "Los combates a los que puso fin la tregua habían dejado 35 muertos.", 35, False),
    ("fr", "Les combats auxquels la trêve a mis fin avaient fait 35 morts.", 35, False),
    ("pt", "Os combates que a trégua encerrou tinham deixado 35 mortos.", 35, False),
    ("de", "Bei den Gefechten vor der Waffenruhe waren 35 Menschen getötet worden.", 35, False),
    # a running toll counted since the war began, and reported speech, are the news
    ("en", "By the time the truce began, 900 people had been killed since the war broke out.", 900, False),
    ("de", "Seit Beginn des Krieges waren bis zur Waffenruhe 900 Menschen getötet worden.", 900, False),
    ("es", "Desde el inicio de la guerra habían muerto 900 personas.", 900, False),
    ("en", "Health officials said the war had killed 6,000 people.", 6000, False),
    ("fr", "Le ministère a indiqué que la guerre avait fait 6 000 morts.", 6000, False),
]


@pytest.mark.parametrize(("language", "text", "count", "background"), CASES)
def test_a_war_in_the_pluperfect_is_over(language: str, text: str, count: int, background: bool) -> None:
    figures = [f for f in read(text, language, PUBLISHED) if f.count == count]
    assert len(figures) == 1
    assert figures[0].background is background
