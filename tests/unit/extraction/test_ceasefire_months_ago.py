"""A truce agreed months ago is an earlier agreement, in every language, as English "months ago"
already was: "hace seis meses", "il y a six mois", "há seis meses", "vor sechs Monaten", "vor einem
halben Jahr" date what the sentence says (`ceasefire/background.py` `_MONTHS_AGO`). As with a month
named, a cue in the present ("se mantiene", "mantém-se", "tient toujours", "continua em vigor") or
one dated by a day of the story after it ("se rompió el domingo") is still today's.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("es", "La tregua se firmó hace seis meses con mediación egipcia.", {("agreed", True)}),
    ("fr", "La trêve a été conclue il y a six mois sous médiation égyptienne.", {("agreed", True)}),
    ("pt", "A trégua foi acordada há seis meses com mediação egípcia.", {("agreed", True)}),
    ("de", "Die Feuerpause war vor einem halben Jahr unter ägyptischer Vermittlung vereinbart worden.", {("agreed", True)}),
    ("de", "Die Feuerpause wurde vor sechs Monaten unter ägyptischer Vermittlung vereinbart.", {("agreed", True)}),
    # today's cue beside the old agreement
    ("es", "La tregua, firmada hace seis meses, se rompió el domingo.", {("agreed", True), ("collapsed", False)}),
    ("fr", "La trêve, conclue il y a six mois, a volé en éclats dimanche.", {("agreed", True), ("collapsed", False)}),
    ("es", "La tregua acordada hace seis meses se mantiene en líneas generales.", {("agreed", True), ("in_effect", False)}),
    ("pt", "A trégua acordada há seis meses continua em vigor.", {("agreed", True), ("in_effect", False)}),
    ("fr", "La trêve conclue il y a six mois tient toujours.", {("agreed", True), ("in_effect", False)}),
    # look-alike: "em meses" is no time gone by
    ("pt", "O cessar-fogo foi violado pela primeira vez em meses.", {("violated", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_a_truce_agreed_months_ago_is_an_earlier_agreement(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
