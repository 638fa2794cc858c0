"""A truce someone calls for in a relative clause is proposed.

"the 30-day truce that Kyiv has pushed for", "the truce which the UN demands", "la tregua que Kiev
ha reclamado", "la trêve que Kiev réclame", "a trégua que Kiev tem pedido" (lexicon
`ceasefire.cues.proposed_in_relative`): the clause closes on its verb of calling, as "demanded by"
does. The cue opens its own clause, so a negation before its relative word is the main clause's:
"talks ended without agreement on the truce that Kyiv pushed for" still tells the truce proposed.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("en", "The meeting in Geneva broke up without a deal on the truce that the aid agencies have pushed for.", {("proposed", False)}),
    ("en", "Diplomats sounded out the generals on the ceasefire which the council demands.", {("proposed", False)}),
    ("es", "La reunión terminó sin acuerdo sobre la tregua que las agencias humanitarias han reclamado.", {("proposed", False)}),
    ("fr", "La réunion s'est achevée sans accord sur la trêve que les agences humanitaires réclament.", {("proposed", False)}),
    ("pt", "A reunião terminou sem acordo sobre a trégua que as agências humanitárias têm pedido.", {("proposed", False)}),
    # look-alikes: a relative clause that tells something else, or a call that goes on past its verb
    ("en", "Residents said the truce that the army breached on Monday was a sham.", {("violated", False)}),
    ("en", "The truce that the army signed in secret took effect on Monday.", {("agreed", False), ("in_effect", False)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_a_truce_called_for_in_a_relative_clause_is_proposed(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
