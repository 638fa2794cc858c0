"""A call to keep to a truce that exists proposes none.

"Urged both sides to respect the truce" asks the parties to keep an existing truce (a definite
one: "the", "o", "le", "die"); "called on both sides to observe a truce" asks for a new one and
is a proposal, as the contract lists an explicit call for a ceasefire. The words are lexicon
data (`ceasefire.keeping`, `.definite`, German `.keeping_after` for "die Waffenruhe
einzuhalten"), each read in its own language: Portuguese "a" is "the", English "a" is not.
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

KEEP_THE_TRUCE: list[tuple[str, str, Expected]] = [
    ("en", "The UN urged both sides to respect the truce.", set()),
    ("en", "The envoy demanded compliance with the ceasefire.", set()),
    ("es", "La ONU pidió a las partes respetar el alto el fuego.", set()),
    ("fr", "L'ONU appelle les parties à respecter le cessez-le-feu.", set()),
    ("fr", "L'ONU appelle les parties à respecter l'accord de cessez-le-feu.", set()),
    ("pt", "A ONU pediu às partes que respeitem o acordo de cessar-fogo.", set()),
    ("pt", "A ONU pediu às partes que respeitem a trégua.", set()),
    ("de", "Die UN forderte beide Seiten auf, die Waffenruhe einzuhalten.", set()),
    ("de", "Die UN forderte die Einhaltung der Waffenruhe.", set()),
]

CALL_FOR_A_TRUCE: list[tuple[str, str, Expected]] = [
    ("en", "The UN called on both sides to observe a truce.", {("proposed", False)}),
    ("en", "The UN called for an immediate ceasefire and urged both sides to respect the existing truce.", {("proposed", False)}),
    ("es", "La ONU pidió a las partes una tregua.", {("proposed", False)}),
    ("fr", "L'ONU appelle les parties à observer une trêve.", {("proposed", False)}),
    ("pt", "A ONU pediu às partes que respeitem uma trégua.", {("proposed", False)}),
    ("de", "Die UN rief zu einer Waffenruhe auf.", {("proposed", False)}),
]

CASES = KEEP_THE_TRUCE + CALL_FOR_A_TRUCE


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_call_to_keep_the_truce_proposes_none(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
