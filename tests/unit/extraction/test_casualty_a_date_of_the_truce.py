"""A date that describes the truce dates the truce, not the figures of its sentence.

"Both sides accused each other of breaking the truce agreed in Muscat last month, after mortar fire
killed four farmers": the time inside the participle of the truce's making ("agreed in Muscat last
month", "conclu à Mascate le mois dernier", "pactado en Mascate el mes pasado", "acordado em
Mascate no mês passado", German "die im vergangenen Monat vereinbarte Waffenruhe") tells when the
truce was made; the killing is the news. A finite verb makes the participle the sentence's own
predicate ("The truce was first agreed in Muscat last month after clashes in which …"), and a
figure told inside the description keeps its cues.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

NOW = datetime(2026, 4, 20, tzinfo=UTC)

CASES: list[tuple[str, str, list[tuple[str, int, bool]]]] = [
    ("en", "Both sides accused each other of breaking the truce agreed in Muscat last month, after mortar fire killed four farmers.",
     [("killed", 4, False)]),
    ("es", "Ambas partes se acusaron de romper la tregua pactada en Mascate el mes pasado, tras un ataque con morteros que mató a cuatro campesinos.",
     [("killed", 4, False)]),
    ("fr", "Les deux camps se sont accusés de rompre la trêve conclue à Mascate le mois dernier, après des tirs de mortier qui ont tué quatre paysans.",
     [("killed", 4, False)]),
    ("pt", "As duas partes acusaram-se de romper a trégua acordada em Mascate no mês passado, depois de disparos de morteiro que mataram quatro agricultores.",
     [("killed", 4, False)]),
    ("de", "Beide Seiten warfen sich vor, die im vergangenen Monat in Maskat vereinbarte Waffenruhe gebrochen zu haben, nachdem Mörserfeuer vier Bauern getötet hatte.",
     [("killed", 4, False)]),
    # look-alikes: the participle as the sentence's own predicate; a toll dated by its own clause
    ("en", "The truce was first agreed in Muscat last month after a week of clashes in which 40 fighters were killed.",
     [("killed", 40, True)]),
    ("en", "Four farmers were killed last month in mortar fire near the truce line.", [("killed", 4, True)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_date_of_the_truce_dates_no_figure(language: str, text: str, expected: list[tuple[str, int, bool]]) -> None:
    assert [(f.outcome, f.count, f.background) for f in read(text, language, NOW)] == expected
