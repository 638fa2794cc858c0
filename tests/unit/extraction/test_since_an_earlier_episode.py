""""The worst attack since the one at X, in March 2024, in which 61 died": the clause after
"since …," tells the earlier episode, and its toll is background (attribution/background.py).

A date may be set off after the episode ("desde la de Kenge, en marzo de 2024, en la que …"),
and every language's relatives are lexicon data (`background.since_relatives`). A clause that
tells how the running episode began dates nothing earlier: "since 9 September, when the war
broke out, 1,800 have been killed", "desde o início da guerra, em abril de 2023, …"
(`background.outbreaks`). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2026, 5, 12, 12, 0, tzinfo=UTC)

# (language, text, the figure's count, whether it is background)
CASES: list[tuple[str, str, int, bool]] = [
    ("en", "It was the deadliest attack on the town since the bombing of its market in March 2024, in which at "
     "least 61 people died.", 61, True),
    ("en", "It was the worst massacre since the one at Kenge, in March 2024, which killed 61 people.", 61, True),
    ("es", "Fue el ataque más mortífero desde el de la plaza central, en marzo de 2024, en el que murieron al "
     "menos 61 personas.", 61, True),
    ("es", "Es la peor matanza desde la del mercado de Kenge, en marzo de 2024, que dejó 61 muertos.", 61, True),
    ("fr", "C'est l'attaque la plus meurtrière depuis celle du marché, en mars 2024, qui avait fait au moins 61 "
     "morts.", 61, True),
    ("fr", "C'est l'attaque la plus meurtrière depuis celle du marché en mars 2024, au cours de laquelle 61 "
     "personnes ont été tuées.", 61, True),
    ("pt", "Foi o pior massacre desde o de Kenge, em março de 2024, em que morreram 61 pessoas.", 61, True),
    ("de", "Es war der schwerste Angriff seit dem Anschlag auf den Markt im März 2024, bei dem mindestens 61 "
     "Menschen starben.", 61, True),
    # the clause tells how the running episode began: the news
    ("en", "Since 9 September, when the war broke out, 1,800 people have been killed.", 1800, False),
    ("es", "Desde el 9 de septiembre, cuando estalló la guerra, han muerto 1.800 personas.", 1800, False),
    ("de", "Seit Januar, als die Offensive begann, wurden 300 Menschen getötet.", 300, False),
    ("pt", "A ONU registou 95 ataques a hospitais desde o início da guerra, em abril de 2023, que provocaram "
     "1.800 mortos.", 1800, False),
    ("fr", "L'ONU a recensé 95 attaques contre des hôpitaux depuis le début de la guerre, en avril 2023, qui ont "
     "fait 1 800 morts.", 1800, False),
]


@pytest.mark.parametrize(("language", "text", "count", "background"), CASES)
def test_the_episode_after_since(language: str, text: str, count: int, background: bool) -> None:
    figures = [f for f in read(text, language, PUBLISHED) if f.count == count]
    assert len(figures) == 1
    assert figures[0].background is background
