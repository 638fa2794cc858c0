"""A truce demanded by someone is one they propose: "the 30-day ceasefire demanded by Kyiv", "exigido
por Kiev", "exigé par Kiev", "gefordert von" (lexicon `ceasefire.cues.proposed_by`). A participle
right after the truce describes it even when the truce complements another noun ("no progress on
the truce demanded by Kyiv", "avanço sobre o cessar-fogo … exigido por Kiev"), while a verb after
such a truce speaks of that other noun ("Protests against the deal ended"). Sentences of my own
wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


DEMANDED: list[tuple[str, str]] = [
    ("pt", "As delegações acordaram uma troca de prisioneiros, mas não houve qualquer avanço sobre o cessar-fogo incondicional de 30 dias exigido por Kiev."),
    ("pt", "O cessar-fogo de 30 dias exigido pela Ucrânia foi rejeitado por Moscovo."),
    ("en", "There was no progress on the unconditional 30-day ceasefire demanded by Kyiv."),
    ("es", "No hubo avances sobre el alto el fuego de 30 días exigido por Kiev."),
    ("fr", "Aucun progrès n'a été fait sur le cessez-le-feu de 30 jours exigé par Kiev."),
    ("de", "Die von Kiew geforderte Waffenruhe von 30 Tagen lehnte Moskau ab."),
]


@pytest.mark.parametrize(("language", "text"), DEMANDED)
def test_a_truce_demanded_by_someone_is_proposed(language: str, text: str) -> None:
    assert statuses(text, language) == ["proposed"]


def test_a_verb_after_a_truce_that_complements_a_noun_speaks_of_that_noun() -> None:
    assert statuses("Protests against the deal ended on Monday.", "en") == []
