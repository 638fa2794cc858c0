"""A verb of announcing that reports a clause does not announce a truce.

"The army announced on Sunday that the truce was extended" reports an extension: the truce is
the subject of the reported clause, not the object of "announced". A word or two — a day,
"later", "ensuite" — may stand between the verb and "that"/"que"/", dass"; when those words
name the truce, it is the verb's object ("announced a truce that took effect") and the
announcement stands. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

REPORTED: list[tuple[str, str, Expected]] = [
    ("en", "The army announced later that the truce was back in force.", {("in_effect", False)}),
    ("en", "The army announced on Sunday that the ceasefire had been extended.", {("extended", False)}),
    ("es", "El Gobierno anunció luego que la tregua seguía vigente.", {("in_effect", False)}),
    ("es", "El Gobierno anunció el domingo que la tregua había sido prorrogada.", {("extended", False)}),
    ("fr", "L'armée a annoncé samedi que la trêve était de nouveau en vigueur.", {("in_effect", False)}),
    ("fr", "Le gouvernement a annoncé ensuite que le cessez-le-feu serait prolongé.", {("extended", False)}),
    ("pt", "O Exército anunciou depois que a trégua voltava a vigorar.", {("in_effect", False)}),
    ("pt", "O governo anunciou ontem que o cessar-fogo foi prorrogado.", {("extended", False)}),
    # German puts a comma before "dass", and reported speech takes the subjunctive ("gelte")
    ("de", "Die Armee verkündete am Montag, dass die Waffenruhe wieder gelte.", {("in_effect", False)}),
    ("de", "Die Regierung erklärte später, dass die Feuerpause verlängert worden sei.", {("extended", False)}),
]

# The truce between the verb and "that" is its object: the announcement is news.
ANNOUNCED: list[tuple[str, str, Expected]] = [
    ("en", "The militias announced a truce that took effect at noon.", {("agreed", False), ("in_effect", False)}),
    ("en", "Hamas announced Monday a truce that took effect at noon.", {("agreed", False), ("in_effect", False)}),
    ("es", "Las milicias anunciaron una tregua que entró en vigor el lunes.", {("agreed", False), ("in_effect", False)}),
    ("fr", "Les milices ont annoncé une trêve qui est entrée en vigueur lundi.", {("agreed", False), ("in_effect", False)}),
    ("pt", "As milícias anunciaram uma trégua que entrou em vigor na segunda-feira.", {("agreed", False), ("in_effect", False)}),
    ("de", "Die Milizen verkündeten am Montag eine Waffenruhe.", {("agreed", False)}),
]

CASES = REPORTED + ANNOUNCED


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_reported_clause_is_not_an_announcement(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
