"""What German says of a truce in the sentence after it names it: a demonstrative opening the
sentence before a passive or perfect auxiliary is the truce ("Diese wurde jedoch wiederholt
gebrochen", "Dieser ist inzwischen zusammengebrochen"), for any status its participle gives, where
"Sie" stays limited to taking effect and holding ("Sie wurde schwer verletzt" is a woman as often as
a truce; ceasefire/attachment.py `_opening_subject`, lexicon ceasefire.demonstratives). "durchbrochen"
is breached as "gebrochen" is. And fighting resumed after a truce's end ("hat die Waffenruhe
aufgekündigt und die Angriffe wieder aufgenommen") is no truce resumed. Sentences of my own wording,
none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def current(text: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), "de") if not s.background})


TAKEN_UP: list[tuple[str, list[str]]] = [
    ("Die Feuerpause trat am Freitag in Kraft. Diese wurde jedoch schon in der ersten Nacht gebrochen.", ["in_effect", "violated"]),
    ("Der Waffenstillstand galt seit Dienstag. Dieser ist inzwischen zusammengebrochen.", ["collapsed", "in_effect"]),
]


@pytest.mark.parametrize(("text", "expected"), TAKEN_UP)
def test_a_demonstrative_opening_the_sentence_is_the_truce_before(text: str, expected: list[str]) -> None:
    assert current(text) == expected


def test_a_personal_pronoun_injured_stays_a_person() -> None:
    text = "Die Feuerpause trat am Freitag in Kraft. Sie wurde bei dem Angriff am Markt schwer verletzt."
    assert current(text) == ["in_effect"]


def test_a_truce_breached_is_violated() -> None:
    assert current("Die Waffenruhe im Norden wurde in der Nacht mehrfach durchbrochen.") == ["violated"]


def test_attacks_resumed_after_the_truce_is_ended_resume_no_truce() -> None:
    text = "Die Regierung hat die Feuerpause am Morgen aufgekündigt und die Luftangriffe wieder aufgenommen."
    assert current(text) == ["collapsed"]


def test_a_truce_resumed_is_in_effect_again() -> None:
    assert current("Die Feuerpause wurde nach einer Unterbrechung am Abend wieder aufgenommen.") == ["in_effect"]
