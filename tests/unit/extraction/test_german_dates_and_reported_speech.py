"""German dates and reported speech in ceasefire and casualty news:

- a German month phrase dates a truce as "in August" does ("im März", "Anfang/Mitte/Ende Mai"),
  and so does a year relative to the story's ("im vergangenen Jahr", "vor zwei Jahren"); not
  after "seit", nor with a verb in the present ("gilt", "hält", "bricht");
- "a first truce" before the one in the news is an earlier one: "Eine erste Waffenruhe war …",
  "A first truce …", "Une première trêve …", "Una primera tregua …", "Uma primeira trégua …";
- a status said twice in one sentence is news if either saying is ("took effect in August and has
  largely held since");
- reported speech without a conjunction: "erklärte die Armee, sie setze die Waffenruhe wieder um"
  reports a clause and declares no truce (the speaker, a comma, a pronoun: `source_pronouns`);
  "setzt die Waffenruhe wieder um" applies it again (in effect);
- the truce as "sie"/"er" before a verb a truce does: "Sie trat am Mittwoch in Kraft"; "Sie wurden
  verletzt" (people) is no violation;
- a toll "Im Juli vergangenen Jahres" is background.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences
from tests.unit.extraction.casualty_helpers import read

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    # dated by a German month phrase or a year relative to the story
    ("de", "Die Junta hatte nach dem Wirbelsturm im Mai eine Waffenruhe ausgerufen.", {("agreed", True)}),
    ("de", "Die Feuerpause war Anfang Februar ausgelaufen.", {("collapsed", True)}),
    ("de", "Die Guerilla hatte im vergangenen Jahr den Waffenstillstand aufgekündigt.", {("collapsed", True)}),
    ("de", "Vor zwei Jahren war eine Waffenruhe vereinbart worden.", {("agreed", True)}),
    # ... not after "seit", nor with a verb in the present
    ("de", "Die Waffenruhe gilt seit Oktober des vergangenen Jahres.", {("in_effect", False)}),
    ("de", "Offiziell gilt seit dem Beben Ende Januar eine Feuerpause.", {("in_effect", False)}),
    # a first truce before the one in the news
    ("de", "Eine erste Feuerpause war schon am Montag vereinbart worden.", {("agreed", True)}),
    ("en", "A first truce had been agreed on Monday.", {("agreed", True)}),
    ("fr", "Une première trêve avait été conclue lundi.", {("agreed", True)}),
    ("es", "Una primera tregua había sido acordada el lunes.", {("agreed", True)}),
    ("pt", "Uma primeira trégua tinha sido acordada na segunda-feira.", {("agreed", True)}),
    # a status said twice: news if either saying is
    ("en", "The truce took effect in March and has largely held since.", {("in_effect", False)}),
    ("de", "Die Waffenruhe war im März in Kraft getreten und hat seither weitgehend gehalten.", {("in_effect", False)}),
    # reported speech without "dass"
    ("de", "Am Abend erklärte die Armee, sie setze die Feuerpause nun wieder um.", {("in_effect", False)}),
    ("de", "Am Montag verkündete der Sprecher, man halte sich an die Waffenruhe.", {("in_effect", False)}),
    ("de", "Die Rebellen verkündeten am Montag eine Waffenruhe, sie solle drei Tage gelten.", {("agreed", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_german_dates_and_reported_speech(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beide Länder einigten sich auf eine Waffenruhe. Sie trat um Mitternacht in Kraft.", {"agreed", "in_effect"}),
        ("Die Parteien schlossen einen Waffenstillstand. Er trat am Sonntag in Kraft.", {"agreed", "in_effect"}),
        ("Eine Waffenruhe wurde vereinbart. Sie wurden bei den Kämpfen zuvor verletzt.", {"agreed"}),
    ],
)
def test_the_truce_as_a_pronoun_before_its_verb(text: str, expected: set[str]) -> None:
    statements = find_ceasefire(split_sentences(text), "de")
    assert {statement.status for statement in statements if not statement.background} == expected


def test_a_toll_in_a_month_of_last_year_is_background() -> None:
    published = datetime(2026, 8, 1, tzinfo=UTC)
    text = "Im Juni vergangenen Jahres waren bei einem Anschlag 19 Menschen getötet worden. Am Freitag starben 4 Menschen."
    figures = read(text, "de", published)
    assert [(f.count, f.background) for f in figures] == [(19, True), (4, False)]
