"""A day right after a verb is an adverbial, no part of the distance to the verb's object: "firmaron
este martes en la ciudad china de Kunming un acuerdo de alto el fuego", "ont signé samedi dans la
ville chinoise de Kunming un accord de cessez-le-feu", "assinaram nesta terça-feira na cidade
chinesa de Kunming um acordo de cessar-fogo", "signed on Tuesday in the Chinese city of Kunming a
ceasefire agreement" state an agreement (`ceasefire/attachment.py` `_after_a_day`, the days of
`ceasefire/background.py`). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


SIGNED: list[tuple[str, str]] = [
    ("es", "La junta militar y la guerrilla firmaron este martes en la ciudad china de Kunming un acuerdo de alto el fuego."),
    ("fr", "La junte et la guérilla ont signé samedi dans la ville chinoise de Kunming un accord de cessez-le-feu."),
    ("pt", "A junta e a guerrilha assinaram nesta terça-feira na cidade chinesa de Kunming um acordo de cessar-fogo."),
    ("en", "The junta and the rebels signed on Tuesday in the Chinese city of Kunming a ceasefire agreement."),
    ("de", "Die Junta und die Rebellen unterzeichneten am Dienstag in der chinesischen Stadt Kunming ein Waffenstillstandsabkommen."),
]


@pytest.mark.parametrize(("language", "text"), SIGNED)
def test_a_day_after_the_verb_does_not_part_it_from_its_truce(language: str, text: str) -> None:
    assert statuses(text, language) == ["agreed"]
