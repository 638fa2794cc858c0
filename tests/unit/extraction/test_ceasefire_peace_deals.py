"""A peace deal is not the truce: a weak term ("deal", "agreement", "accord", "acuerdo", "acordo")
named as a peace agreement ("a peace agreement", "un accord de paix", "un acuerdo de paz", "um
acordo de paz") says nothing of the ceasefire, even in an article that names one (lexicon
`ceasefire.peace_before`, `ceasefire.peace_after`). A ceasefire agreement is still a truce.
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


# each article names a truce first, so "the deal" could stand for it
PEACE: list[tuple[str, str]] = [
    ("fr", "Un cessez-le-feu tient depuis lundi. Le texte engage les deux parties à négocier un accord de paix global d'ici au mois d'août."),
    ("en", "A ceasefire has held since Monday. The two sides agreed to negotiate a comprehensive peace agreement by August."),
    ("es", "Una tregua rige desde el lunes. El texto compromete a ambas partes a negociar un acuerdo de paz global antes de agosto."),
    ("pt", "Uma trégua vigora desde segunda-feira. O texto compromete as duas partes a negociar um acordo de paz global até agosto."),
]


@pytest.mark.parametrize(("language", "text"), PEACE)
def test_talks_on_a_peace_deal_propose_no_truce(language: str, text: str) -> None:
    assert statuses(text, language) == ["in_effect"]


def test_a_ceasefire_agreement_is_still_a_truce() -> None:
    assert statuses("Hamas and Israel signed a ceasefire agreement on Monday.", "en") == ["agreed"]


def test_the_deal_still_stands_for_the_truce() -> None:
    text = "A ceasefire took effect on Monday. The deal was brokered by Qatar."
    assert statuses(text, "en") == ["agreed", "in_effect"]
