"""What a date in a ceasefire sentence dates.

- A relative clause right after a truce describes it ("the truce that ended the 2020 war"): when
  the rest of the sentence names a day of the story ("on Monday", "lundi"), the clause's year
  dates only that description, not what the truce did now (lexicon `ceasefire.relatives`); a
  cue inside the clause keeps the clause's date. With no such day, the year dates the truce.
- A month after "until"/"jusqu'à" is a deadline still to come ("extended until late January"),
  not the date of an earlier episode.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

DESCRIBED_BY_A_RELATIVE: list[tuple[str, str, Expected]] = [
    ("en", "Both sides accused each other on Monday of breaching the truce that ended the 2020 war.", {("violated", False)}),
    ("es", "Ambos bandos se acusaron el lunes de violar la tregua que puso fin a la guerra de 2020.", {("violated", False)}),
    ("fr", "Les deux camps se sont accusés lundi de violer la trêve qui avait mis fin à la guerre de 2020.", {("violated", False)}),
    ("pt", "Os dois lados acusaram-se na segunda-feira de violar a trégua que pôs fim à guerra de 2020.", {("violated", False)}),
    ("de", "Beide Seiten warfen sich am Montag vor, die Waffenruhe, die 2020 den Krieg beendete, gebrochen zu haben.", {("violated", False)}),
    # with no day of the story outside it, the clause's year dates the truce: an old one
    ("en", "The truce that ended the 2020 war was violated repeatedly.", {("violated", True)}),
    ("fr", "La trêve qui avait mis fin à la guerre de 2020 a souvent été violée.", {("violated", True)}),
    # the clause's own cue keeps its date; a truce named by its year is an earlier one
    ("en", "The truce, which was signed in March 2020, was violated on Monday.", {("agreed", True), ("violated", False)}),
    ("en", "The 2020 truce was violated repeatedly.", {("violated", True)}),
]

DEADLINES: list[tuple[str, str, Expected]] = [
    ("en", "The truce was extended until late January.", {("extended", False)}),
    ("en", "The truce was extended until mid-February, the ministry said.", {("extended", False)}),
    ("fr", "La trêve a été prolongée jusqu'à la fin janvier.", {("extended", False)}),
    ("es", "La tregua fue prorrogada hasta finales de enero.", {("extended", False)}),
    ("pt", "A trégua foi prorrogada até ao fim de janeiro.", {("extended", False)}),
    ("de", "Die Waffenruhe wurde bis Ende Januar verlängert.", {("extended", False)}),
    # a month that dates the extension itself still does
    ("en", "An earlier truce had been extended in late January.", {("extended", True)}),
]

CASES = DESCRIBED_BY_A_RELATIVE + DEADLINES


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_what_a_date_dates(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
