"""When one cue serves another, and when it does not.

- An agreement absorbs an extension it governs ("agreed to extend the truce", "a truce
  extension"), not one told after its own truce ("declared the truce on Monday and said the
  extension …"): that sentence states both.
- A proposal absorbs the extension it proposes, also when a verb-final clause puts the
  infinitive far after it ("Der Vorschlag, die Feuerpause um eine Woche zu verlängern";
  lexicon `ceasefire.infinitive_markers`).
- A violator named only as whoever might be one ("any side that violates the truce",
  "cualquier parte que viole la tregua") reports no violation (`ceasefire.any_party`).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

AGREED = ("agreed", False)
EXTENDED = ("extended", False)

OWN_TRUCE: list[tuple[str, str, Expected]] = [
    ("en", "The junta declared the truce on April 2 and said the extension was meant to help reconstruction.", {AGREED, EXTENDED}),
    ("es", "La junta declaró la tregua el lunes y dijo que la prórroga ayudaría a la reconstrucción.", {AGREED, EXTENDED}),
    ("fr", "La junte a décrété la trêve lundi et a dit que la prolongation aiderait la reconstruction.", {AGREED, EXTENDED}),
    ("pt", "A junta declarou a trégua na segunda-feira e disse que a prorrogação ajudaria a reconstrução.", {AGREED, EXTENDED}),
    ("de", "Die Junta verkündete die Waffenruhe am Montag und sagte, die Verlängerung diene dem Wiederaufbau.", {AGREED, EXTENDED}),
    # the agreement governs the extension: one statement
    ("en", "Both sides agreed on Monday to extend the truce.", {EXTENDED}),
    ("en", "The two sides agreed to a truce extension.", {EXTENDED}),
    ("es", "Las partes acordaron prorrogar la tregua.", {EXTENDED}),
    ("fr", "Les parties ont accepté de prolonger la trêve.", {EXTENDED}),
    ("pt", "As partes acordaram prorrogar a trégua.", {EXTENDED}),
    ("de", "Die Parteien einigten sich darauf, die Waffenruhe zu verlängern.", {EXTENDED}),
]

PROPOSED_EXTENSIONS: list[tuple[str, str, Expected]] = [
    ("de", "Der Vorschlag der Vermittler, die Feuerpause um eine Woche zu verlängern, wurde abgelehnt.", {("proposed", False)}),
    ("de", "Die Vermittler legten einen Plan vor, die Waffenruhe bis Ende Mai zu verlängern.", {("proposed", False)}),
    ("es", "El Gobierno rechazó la propuesta de prorrogar la tregua una semana.", {("proposed", False)}),
]

ANY_PARTY: list[tuple[str, str, Expected]] = [
    ("en", "A mechanism will punish any side that violates the truce.", set()),
    ("es", "Habrá sanciones para cualquier parte que viole la tregua.", set()),
    ("fr", "L'accord prévoit des sanctions contre toute partie qui violerait la trêve.", set()),
    ("pt", "Haverá sanções para qualquer parte que viole a trégua.", set()),
    # a violator who is named reports one
    ("en", "Both sides accused each other of violating the truce.", {("violated", False)}),
    ("es", "El ministro, quien acusó a Hamás de violar la tregua, habló el lunes.", {("violated", False)}),
    ("pt", "O governo acusou os rebeldes de violar a trégua.", {("violated", False)}),
]

CASES = OWN_TRUCE + PROPOSED_EXTENSIONS + ANY_PARTY


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_one_cue_serving_another(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
