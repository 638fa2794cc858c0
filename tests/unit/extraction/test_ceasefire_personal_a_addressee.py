"""The Romance "a" before a call's addressee is personal, not what the call asks for: "instó a los
mediadores del alto el fuego a presionar a Israel", "apelou aos garantes do cessar-fogo a pressionar",
"a appelé aux parrains de la trêve à agir" ask the truce's keepers for something else (naming.py
`_PERSONAL_A`). "a partir del lunes" is a starting time, no infinitive of a call (lexicon
`ceasefire.call_infinitive`), and a resumption called for is proposed, not in effect ("llamó a la
reanudación de la tregua", absorption.py). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("es", "El canciller instó a los garantes del alto el fuego a presionar a la milicia.", set()),
    ("pt", "O ministro apelou aos mediadores do cessar-fogo a pressionar a milícia.", set()),
    ("fr", "Le ministre a appelé aux garants de la trêve à agir sans tarder.", set()),
    # a call for a truce or its resumption still proposes one
    ("es", "La ONU instó a las partes a pactar una tregua humanitaria.", {("proposed", False)}),
    ("es", "El obispo llamó a la reanudación de la tregua a partir del lunes.", {("proposed", False)}),
    ("pt", "A ONU pediu a retomada do cessar-fogo no norte.", {("proposed", False)}),
    ("fr", "L'ONU a réclamé la reprise du cessez-le-feu dans le nord.", {("proposed", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_a_personal_a_marks_the_addressee(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
