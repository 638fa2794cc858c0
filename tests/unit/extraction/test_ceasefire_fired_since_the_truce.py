"""What was fired since a truce began breaks it, as attacks since it began do.

- The things fired are attacks too: "militants have fired nine rockets since the truce began",
  "drones launched since …", "cohetes desde el inicio de la tregua", "roquettes depuis le début de
  la trêve", "foguetes desde o início da trégua" (lexicon `ceasefire.cues.attacks_since`); a
  negated count is none ("No rockets have been fired since …").
- English tells the truce's start by its making too: "since agreeing to the truce", "since signing
  the ceasefire"; and a truce "commenced" as it "began".
- German puts the count after "seit Beginn der Waffenruhe" and is left out (the verb closes the clause).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("en", "Militants have fired nine rockets at the town since the truce began.", {("violated", False), ("in_effect", False)}),
    ("en", "The army says rebels launched drones at its positions since signing the ceasefire.", {("violated", False), ("agreed", False)}),
    ("en", "Rebels have carried out more than 30 raids since agreeing to the truce in May.", {("violated", False)}),
    ("en", "The truce commenced at dawn on the frontier.", {("in_effect", False)}),
    ("es", "Los milicianos han disparado nueve cohetes contra la ciudad desde el inicio de la tregua.", {("violated", False), ("in_effect", False)}),
    ("fr", "Les miliciens ont tiré neuf roquettes sur la ville depuis le début de la trêve.", {("violated", False), ("in_effect", False)}),
    ("pt", "Os milicianos dispararam nove foguetes contra a cidade desde o início da trégua.", {("violated", False), ("in_effect", False)}),
    # look-alikes: none fired, or fired before the truce
    ("en", "No rockets have been fired since the truce began.", {("in_effect", False)}),
    ("en", "Militants fired nine rockets hours before the truce began.", set()),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_what_was_fired_since_a_truce_began_violates_it(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
