"""An agreement told in a pluperfect relative clause after the truce is the truce's history ("the
ceasefire they had declared had collapsed"), unless a day of the story's week dates it: "Die
Feuerpause, die Bagdad und Erbil am Montag vereinbart hatten, endete am Mittwoch" reports Monday's
agreement and Wednesday's collapse, as do "which the two sides had agreed on Monday", "que ambas
partes habían acordado el lunes", "que les deux camps avaient conclue lundi", "que as duas partes
tinham acordado na segunda-feira". A year there still dates history. Sentences of my own wording,
none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


THIS_WEEK: list[tuple[str, str]] = [
    ("de", "Die Feuerpause, die Bagdad und Erbil am Montag vereinbart hatten, endete am Mittwochabend."),
    ("en", "The truce, which the two sides had agreed on Monday, collapsed on Wednesday."),
    ("es", "La tregua, que ambas partes habían acordado el lunes, se rompió el miércoles."),
    ("fr", "La trêve, que les deux camps avaient conclue lundi, a volé en éclats mercredi."),
    ("pt", "A trégua, que as duas partes tinham acordado na segunda-feira, ruiu na quarta-feira."),
]


@pytest.mark.parametrize(("language", "text"), THIS_WEEK)
def test_an_agreement_of_this_week_in_a_relative_clause_is_news(language: str, text: str) -> None:
    assert statuses(text, language) == ["agreed", "collapsed"]


HISTORY: list[tuple[str, str]] = [
    ("en", "The truce, which the two sides had agreed in 2019, collapsed on Wednesday."),
    ("en", "The rebels said the ceasefire they had declared had collapsed."),
]


@pytest.mark.parametrize(("language", "text"), HISTORY)
def test_an_agreement_without_a_day_of_the_story_is_history(language: str, text: str) -> None:
    assert statuses(text, language) == ["collapsed"]
