""""since Sunday" opens the report's own window, not an earlier episode: the clause after "since …,"
tells the earlier episode only when the since-phrase names one ("the deadliest attack since
February 2019, when a bomber killed 40"). After "since Sunday, according to local groups, which also
reported 31 wounded" the relative clause is about the source, and its figure is news
(`attribution/background.py`: a day of the story's week, `background.present`, inside the
since-phrase). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2025, 7, 21, 12, 0, tzinfo=UTC)

# (language, text, [(count, background)] in text order)
CASES: list[tuple[str, str, list[tuple[int, bool]]]] = [
    ("en", "The clashes have killed at least 23 people since Friday, according to aid groups, which also counted "
     "40 wounded.", [(23, False), (40, False)]),
    ("es", "Los choques han dejado al menos 23 muertos desde el viernes, según las ONG, que también contabilizan "
     "40 heridos.", [(23, False), (40, False)]),
    ("fr", "Les heurts ont fait au moins 23 morts depuis vendredi, selon les ONG, qui recensent aussi 40 blessés.",
     [(23, False), (40, False)]),
    ("pt", "Os confrontos deixaram pelo menos 23 mortos desde sexta-feira, segundo as ONG, que também contam "
     "40 feridos.", [(23, False), (40, False)]),
    # look-alikes: the since-phrase names an earlier episode, whose clause stays background
    ("en", "It was the deadliest attack since February 2019, when a bomber killed 40 soldiers.", [(40, True)]),
    ("fr", "C'est l'attaque la plus meurtrière depuis celle de mars 2024, qui avait fait 61 morts.", [(61, True)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_since_a_day_of_the_week(language: str, text: str, expected: list[tuple[int, bool]]) -> None:
    got = [(figure.count, figure.background) for figure in read(text, language, PUBLISHED)]
    assert got == expected
