"""A quotation closed before its speech tag ends its clause: in "«La trêve tient malgré les violations
signalées», a déclaré le porte-parole, en référence à l'accord signé en mai 2021", the date of the tag's
clause dates the old accord, not the violations the quote reports (`attachment._BARRIER_MARKS`; the
same in every language's quotation marks). Look-alike: a date inside the quote still dates what it
says. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("es", "\"El alto el fuego resiste pese a las violaciones de anoche\", dijo el enviado, en alusión al pacto firmado en marzo de 2021.",
     {("in_effect", False), ("violated", False), ("agreed", True)}),
    ("fr", "« La trêve tient malgré les violations de la nuit », a dit l'envoyé, en référence à l'accord signé en mars 2021.",
     {("in_effect", False), ("violated", False), ("agreed", True)}),
    ("pt", "\"A trégua resiste apesar das violações desta noite\", disse o enviado, referindo-se ao acordo assinado em março de 2021.",
     {("in_effect", False), ("violated", False), ("agreed", True)}),
    ("de", "„Die Waffenruhe hält trotz der Verstöße der Nacht“, sagte der Gesandte mit Blick auf das im März 2021 unterzeichnete Abkommen.",
     {("in_effect", False), ("violated", False), ("agreed", True)}),
    # the date inside the quote dates its own clause
    ("es", "\"La tregua de marzo de 2021 fue violada cientos de veces\", dijo el enviado.", {("violated", True)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_quote_closed_before_its_tag_is_its_own_clause(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
