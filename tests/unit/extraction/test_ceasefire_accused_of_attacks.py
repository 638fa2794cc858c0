"""An accusation of attacks, in an article that tells a truce agreed or in force, reports a violation:
"acusó a la milicia de atacar sus puestos", "acusaram-se mutuamente de ataques", "accuse les rebelles
d'avoir tiré sur ses positions", "warf der Miliz vor, Stellungen beschossen zu haben" (lexicon
`ceasefire.cues.accused_attacks`, `ceasefire/accusations.py`). Look-alike: where the article only tells
a truce asked for, the attacks are the war it would end, and nothing is violated. Sentences of my own
wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("es", "La tregua en el valle entró en vigor el lunes. El Ejército acusó a la milicia de atacar sus puestos en el río.",
     {("in_effect", False), ("violated", False)}),
    ("pt", "A trégua no vale entrou em vigor na segunda-feira. Os dois lados acusaram-se mutuamente de ataques junto ao rio.",
     {("in_effect", False), ("violated", False)}),
    ("fr", "Le gouverneur a décrété une trêve de deux jours. L'armée accuse de son côté les rebelles d'avoir tiré sur ses positions.",
     {("agreed", False), ("violated", False)}),
    ("de", "Die Regierung verkündete am Montag eine Waffenruhe. Die Rebellen warfen der Armee vor, ihre Dörfer beschossen zu haben.",
     {("agreed", False), ("violated", False)}),
    # only a truce asked for: the attacks are the war, not a breach
    ("es", "La ONU pidió una tregua en el valle. El Ejército acusó a la milicia de atacar sus puestos.", {("proposed", False)}),
    ("fr", "Le pape a appelé à une trêve. L'armée accuse les rebelles d'avoir tiré sur ses positions.", {("proposed", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][-60:] for case in CASES])
def test_attacks_alleged_where_a_truce_exists_violate_it(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
