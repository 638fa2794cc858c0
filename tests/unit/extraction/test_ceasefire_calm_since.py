"""Calm told after a truce is the truce holding: "Seit der Feuerpause ist es im Hafen weitgehend
ruhig geblieben", "Since the ceasefire the valley has remained mostly quiet" (lexicon
ceasefire.cues.holding_after). Unrest is not calm ("blieb unruhig"), and calm before a truce's end in
the pluperfect ("had been relatively calm") states nothing. Sentences of my own wording, none from an
evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def current(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


CALM: list[tuple[str, str]] = [
    ("de", "Seit der Feuerpause ist es im Hafen weitgehend ruhig geblieben."),
    ("de", "Nach Beginn der Waffenruhe blieb es in den Dörfern am Fluss ruhig."),
    ("en", "Since the ceasefire the valley has remained mostly quiet."),
]


@pytest.mark.parametrize(("language", "text"), CALM)
def test_calm_after_a_truce_is_the_truce_holding(language: str, text: str) -> None:
    assert "in_effect" in current(text, language)


NOT_CALM: list[tuple[str, str]] = [
    ("de", "Nach der Waffenruhe blieb die Lage am Fluss unruhig."),
    ("en", "Until the ceasefire broke down, the valley had been relatively quiet."),
]


@pytest.mark.parametrize(("language", "text"), NOT_CALM)
def test_unrest_or_old_calm_is_no_holding(language: str, text: str) -> None:
    assert "in_effect" not in current(text, language)
