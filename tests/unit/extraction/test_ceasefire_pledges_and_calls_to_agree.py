"""What a party commits itself to, and what a call asks it to agree.

- A pledge to keep a truce accepts it: "both sides pledged to observe a permanent ceasefire" is
  `agreed` (lexicon `ceasefire.cues.committed`, as "committed to" and its Romance and German
  counterparts already were), not a proposal.
- An agreement in the infinitive after a call is what the call asks for: "called on both militias
  to agree an immediate ceasefire" is `proposed` only; "immediate", the demand adjective, takes the
  status of an agreement verb that governs it only when that verb is not itself an infinitive
  (`ceasefire/context.py` `_governed_by_agreement`).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

CASES: list[tuple[str, str, set[str]]] = [
    ("en", "Under the declaration signed in the Qatari capital, both sides pledged to observe a permanent ceasefire.", {"agreed"}),
    ("en", "The two commanders pledged to honour the truce brokered by the elders.", {"agreed"}),
    ("es", "En la declaración firmada en la capital catarí, ambas partes se comprometieron a respetar un alto el fuego permanente.", {"agreed"}),
    ("fr", "Dans la déclaration signée dans la capitale qatarie, les deux camps se sont engagés à respecter un cessez-le-feu permanent.", {"agreed"}),
    ("pt", "Na declaração assinada na capital do Catar, os dois lados comprometeram-se a respeitar um cessar-fogo permanente.", {"agreed"}),
    ("de", "In der in Katar unterzeichneten Erklärung verpflichteten sich beide Seiten zu einer dauerhaften Waffenruhe.", {"agreed"}),
    # look-alike: a pledge of something else, the truce only its condition
    ("en", "The donors pledged to send aid once a truce takes hold.", set()),
    # a call to agree: proposed only, in every language
    ("en", "The regional governor on Thursday called on both militias to agree an immediate ceasefire around the port town.", {"proposed"}),
    ("en", "Church leaders urged the army and the rebels to reach an immediate truce before the harvest.", {"proposed"}),
    ("fr", "Le médiateur a appelé les deux milices à conclure un cessez-le-feu immédiat autour du port.", {"proposed"}),
    ("es", "El gobernador instó a las dos milicias a pactar un alto el fuego inmediato en la zona portuaria.", {"proposed"}),
    ("pt", "O governador apelou às duas milícias para que acordem um cessar-fogo imediato na região do porto.", {"proposed"}),
    ("de", "Der Gouverneur rief die beiden Milizen auf, eine sofortige Waffenruhe zu vereinbaren.", {"proposed"}),
    # look-alike: the same words as a finite verb agree the truce
    ("en", "The two militias agreed an immediate ceasefire around the port town on Thursday.", {"agreed"}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_pledges_agree_and_calls_to_agree_propose(language: str, text: str, expected: set[str]) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {statement.status for statement in statements if not statement.background} == expected
