"""An extension that is agreed is an extension: "An extension of the truce was agreed", "Die
Verlängerung des Waffenstillstands wurde vereinbart", "sich auf eine Verlängerung der Waffenruhe
geeinigt" — the agreement after the extension it governs, in its clause, is absorbed by it as
"agreed to extend" is (`ceasefire/absorption.py`); a new deal in another clause still stands.
Also German: "halten sich weitgehend an die Waffenruhe" holds it, and an accusation of "die
Waffenruhe nicht einzuhalten" reports a violation. Sentences of my own wording, none from an
evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

CASES: list[tuple[str, str, set[str]]] = [
    ("en", "An extension of the truce was agreed on Monday.", {"extended"}),
    ("es", "La prórroga de la tregua fue acordada el lunes.", {"extended"}),
    ("fr", "La prolongation de la trêve a été convenue lundi.", {"extended"}),
    ("pt", "A prorrogação da trégua foi acordada na segunda-feira.", {"extended"}),
    ("de", "Die Verlängerung des Waffenstillstands wurde am Montag vereinbart.", {"extended"}),
    ("de", "Man habe sich auf eine Verlängerung der Feuerpause geeinigt, hieß es.", {"extended"}),
    ("en", "The truce was extended last week, but a new deal was agreed on Monday.", {"extended", "agreed"}),
    ("de", "Beide Seiten hielten sich weitgehend an die Feuerpause.", {"in_effect"}),
    ("de", "Die Rebellen werfen der Armee vor, die Waffenruhe nicht einzuhalten.", {"violated"}),
    ("de", "Die Armee forderte die Rebellen auf, die Waffenruhe einzuhalten.", set()),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_an_agreed_extension_is_an_extension(language: str, text: str, expected: set[str]) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {statement.status for statement in statements if not statement.background} == expected
