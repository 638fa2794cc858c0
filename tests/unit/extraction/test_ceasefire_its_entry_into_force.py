"""The truce of the sentence before, named by a possessive before its taking effect: "hours after its
entry into force", "après son entrée en vigueur", "después de su entrada en vigor", "depois da sua
entrada em vigor", "nach ihrem Inkrafttreten" state that it took effect (lexicon `ceasefire.pronouns`,
each a possessive followed by the noun; the noun is a `took_effect` cue), unless that entry is still
to come ("is set for Sunday", "est prévue", "está prevista", "ist geplant"). German reported speech
names the truce as "sie" before a subjunctive ("Sie gelte ab sofort"); a truce that held is told in
the imperfect and preterite too ("se mantenía", "mantinha-se"). Sentences of my own wording, none
from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[str]

TOOK_EFFECT: list[tuple[str, str, Expected]] = [
    ("en", "The rivals signed a truce on Friday. Only hours after its entry into force, shelling resumed.", {"agreed", "in_effect"}),
    ("es", "Los rivales firmaron una tregua el viernes. Pocas horas después de su entrada en vigor, se reanudaron los bombardeos.", {"agreed", "in_effect"}),
    ("fr", "Les rivaux ont signé une trêve vendredi. Quelques heures après son entrée en vigueur, les bombardements ont repris.", {"agreed", "in_effect"}),
    ("pt", "Os rivais assinaram uma trégua na sexta-feira. Poucas horas depois da sua entrada em vigor, os bombardeamentos recomeçaram.", {"agreed", "in_effect"}),
    ("de", "Die Rivalen unterzeichneten am Freitag eine Waffenruhe. Wenige Stunden nach ihrem Inkrafttreten gingen die Angriffe weiter.", {"agreed", "in_effect"}),
    ("de", "Die Armee verkündete eine Feuerpause. Sie gelte ab Mitternacht für zwei Wochen, hieß es.", {"agreed", "in_effect"}),
    ("es", "El jueves, el alto el fuego se mantenía en toda la provincia.", {"in_effect"}),
    ("es", "Durante la noche la tregua se mantuvo.", {"in_effect"}),
    ("pt", "Na quinta-feira, o cessar-fogo mantinha-se em toda a província.", {"in_effect"}),
]

# Its entry into force still to come: the deal is agreed, not in effect.
STILL_TO_COME: list[tuple[str, str, Expected]] = [
    ("en", "The rivals signed a truce on Friday. Its entry into force is set for Sunday.", {"agreed"}),
    ("es", "Los rivales firmaron una tregua el viernes. Su entrada en vigor está prevista para el domingo.", {"agreed"}),
    ("fr", "Les rivaux ont signé une trêve vendredi. Son entrée en vigueur est prévue dimanche.", {"agreed"}),
    ("pt", "Os rivais assinaram uma trégua na sexta-feira. A sua entrada em vigor está prevista para domingo.", {"agreed"}),
    ("de", "Die Rivalen unterzeichneten am Freitag eine Waffenruhe. Ihr Inkrafttreten ist für Sonntag geplant.", {"agreed"}),
]

CASES = TOOK_EFFECT + STILL_TO_COME


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_possessive_before_its_entry_into_force_is_the_truce(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {statement.status for statement in statements if not statement.background} == expected


def test_a_possessive_needs_an_article_that_names_a_truce() -> None:
    text = "The new customs law was passed on Friday. Hours after its entry into force, traders protested."
    assert find_ceasefire(split_sentences(text), "en") == []
