"""An offer of a truce proposes one, in every language and every person of the verb.

"Gang leaders offered the government a truce", "ofrecieron una tregua", "ofereceram uma
trégua", "ont offert une trêve", "boten eine Waffenruhe an": news tells a proposal as an offer,
in the singular or the plural, the present or the past (`ceasefire.cues.proposal_verb`). An
offer accepted is an agreement. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return [s.status for s in find_ceasefire(split_sentences(text), language) if not s.background]


CASES: list[tuple[str, str, list[str]]] = [
    ("en", "The armed groups offered the city council a truce until the end of the festival.", ["proposed"]),
    ("en", "The militia offers a three-day truce in exchange for an amnesty.", ["proposed"]),
    ("es", "Las bandas ofrecieron el viernes una tregua al Gobierno a cambio de una amnistía.", ["proposed"]),
    ("es", "La milicia ofrece una tregua de tres días a cambio de una amnistía.", ["proposed"]),
    ("pt", "As milícias ofereceram na sexta-feira uma trégua ao governo em troca de anistia.", ["proposed"]),
    ("pt", "A guerrilha oferece uma trégua de três dias em troca de uma anistia.", ["proposed"]),
    ("fr", "Les milices ont offert vendredi une trêve au gouvernement en échange d'une amnistie.", ["proposed"]),
    ("fr", "Les insurgés offrent une trêve de trois jours en échange d'une amnistie.", ["proposed"]),
    ("de", "Die Milizen boten der Regierung am Freitag eine Waffenruhe an.", ["proposed"]),
    # an offer accepted is an agreement
    ("pt", "O governo aceitou a trégua oferecida pelas milícias.", ["agreed"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_an_offer_proposes(language: str, text: str, expected: list[str]) -> None:
    assert statuses(text, language) == expected
