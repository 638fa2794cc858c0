"""An earlier event told by how long before today's it happened is background.

"The attack comes a week after gunmen killed 12 villagers", "llega una semana después de que una
emboscada causara la muerte de siete militares", "ocorre duas semanas depois de três pescadores terem
sido mortos", "intervient un mois après la mort de sept soldats", "erfolgte eine Woche nach einem Angriff,
bei dem sieben Soldaten getötet wurden" (lexicon `background.earlier_by`; attribution/earlier_events.py).
Weeks, months and years only: "came a day after four were killed" is too near to tell and stays news.
The cue dates only what follows it: today's toll before it ("The attack, which killed 20, comes …") is news.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2025, 10, 6, 12, 0, tzinfo=UTC)

# (language, text, [(count, background)] in text order)
CASES: list[tuple[str, str, list[tuple[int, bool]]]] = [
    ("en", "The ambush comes two weeks after gunmen killed 12 villagers in the same district.", [(12, True)]),
    ("en", "The bombing, which killed 20 people, came a month after a similar attack left nine dead.",
     [(20, False), (9, True)]),
    ("es", "El atentado llega una semana después de que una emboscada causara la muerte de siete militares.",
     [(7, True)]),
    ("es", "La masacre se produjo dos meses después de que 14 campesinos fueran asesinados en la misma vereda.",
     [(14, True)]),
    ("pt", "O ataque ocorre duas semanas depois de três pescadores terem sido mortos na mesma ilha.", [(3, True)]),
    ("fr", "L'attaque intervient un mois après la mort de sept soldats dans une embuscade.", [(7, True)]),
    ("de", "Der Anschlag erfolgte eine Woche nach einem Angriff, bei dem sieben Soldaten getötet wurden.", [(7, True)]),
    # look-alikes: a day is too near to tell; "a week after" without a verb of occurring opens today's story
    ("en", "The deaths came a day after four people were killed at a checkpoint.", [(4, False)]),
    ("en", "A week after the earthquake, the death toll rose to 5,000.", [(5000, False)]),
    ("es", "Una semana después del terremoto, el número de muertos ascendió a 5.000.", [(5000, False)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_an_earlier_event_told_by_its_interval(language: str, text: str, expected: list[tuple[int, bool]]) -> None:
    got = [(figure.count, figure.background) for figure in read(text, language, PUBLISHED)]
    assert got == expected
