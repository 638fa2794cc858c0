"""A demand whose subject is the truce is its terms, no call for a truce: "no se retiró, como exige el
acuerdo", "comme l'exige l'accord", "como exige o acordo", "wie es das Abkommen verlangt" (lexicon
ceasefire.as_required, read per language: Portuguese "as" is an article; English, whose verb follows
the truce, has none; `naming.py`). "as truce talks stall" still names talks on a truce.
A demand of a truce by someone still proposes one. Sentences of my own wording, none from an
evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


REQUIRED: list[tuple[str, str]] = [
    ("es", "La milicia no ha entregado las armas pesadas, como exige el alto el fuego."),
    ("es", "El ejército sigue en la zona, tal como exige el acuerdo de alto el fuego, según sus mandos."),
    ("fr", "La milice n'a pas rendu ses armes lourdes, comme l'exige le cessez-le-feu."),
    ("pt", "A milícia não entregou as armas pesadas, como exige o cessar-fogo."),
    ("de", "Die Miliz hat ihre schweren Waffen nicht abgegeben, wie es die Waffenruhe verlangt."),
]


@pytest.mark.parametrize(("language", "text"), REQUIRED)
def test_what_the_truce_demands_proposes_nothing(language: str, text: str) -> None:
    assert "proposed" not in statuses(text, language)


DEMANDS: list[tuple[str, str]] = [
    ("es", "La Unión Europea exige un alto el fuego inmediato en la región."),
    ("fr", "L'Union européenne exige un cessez-le-feu immédiat dans la région."),
    ("pt", "Catar e Egito tentam retomar as negociações para um cessar-fogo."),
    ("en", "Dozens killed in the north as truce talks stall."),
    ("de", "Die Europäische Union verlangt eine sofortige Waffenruhe in der Region."),
]


@pytest.mark.parametrize(("language", "text"), DEMANDS)
def test_a_demand_for_a_truce_still_proposes_one(language: str, text: str) -> None:
    assert statuses(text, language) == ["proposed"]
