"""A truce's terms stand for the truce: "accused each other of breaching its terms" reports a
violation, in an article that names the truce (lexicon `ceasefire.pronouns`: "its terms",
"their terms", read as "it" is, right by a cue that allows a pronoun). Sentences of my own wording,
none from an evaluation set.
"""

from __future__ import annotations

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})



def test_breaching_its_terms_violates_the_truce() -> None:
    text = "Hamas and Israel agreed a truce on Friday. Both sides have accused each other of breaching its terms."
    assert statuses(text, "en") == ["agreed", "violated"]


def test_its_terms_alone_name_no_truce() -> None:
    assert statuses("Both sides have accused each other of breaching its terms.", "en") == []
