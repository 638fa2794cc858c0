"""Which of the four supported languages an article is in: en, pt, es or fr.

A vote of function words over the first few thousand characters: each of these languages
has a handful of very frequent words the others lack ("the", "não", "los", "les"), so a
count is as reliable as a model on news prose, costs microseconds and loads nothing.
Ties and texts without any known word fall back to English.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from services.extraction.wordlists import word_tuple

SUPPORTED: Final = ("en", "pt", "es", "fr")
_SAMPLE_CHARS: Final = 4000

# Words frequent in one language and rare or absent in the other three.
_MARKERS: Final[dict[str, str]] = {
    **dict.fromkeys(
        word_tuple(
            "the and of to in is was were that with for on said from by have has had are this which after killed people"
        ),
        "en",
    ),
    **dict.fromkeys(
        word_tuple(
            "não uma com os das dos ao à pelo pela foram também mais segundo após disse são está "
            "pessoas mortos feridos então ainda em o e da do na nas às dois duas três morreram morreu ficaram "
            "também não há"
        ),
        "pt",
    ),
    **dict.fromkeys(
        word_tuple(
            "los las el del y una con por según fueron también tras dijo están personas muertos heridos "
            "pero más este esta murieron murió resultaron heridas según hay"
        ),
        "es",
    ),
    **dict.fromkeys(
        word_tuple(
            "les le des du et une est dans sur pour avec au aux selon ont été été qui pas personnes "
            "tués blessés ce cette deux trois morts tuées blessées ont"
        ),
        "fr",
    ),
}
_WORD: Final = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """The most likely of en/pt/es/fr for the text (English when nothing decides)."""
    votes: Counter[str] = Counter()
    for match in _WORD.finditer(text[:_SAMPLE_CHARS]):
        language = _MARKERS.get(match.group().lower())
        if language is not None:
            votes[language] += 1
    if not votes:
        return "en"
    best = max(SUPPORTED, key=lambda language: (votes[language], language == "en"))
    return best


def normalise_language(language: str | None, text: str) -> str:
    """A supported code from a hint like "pt-BR" or "French"; detect when the hint is missing or unknown."""
    if language:
        code = language.strip().lower()[:2]
        aliases = {"po": "pt", "sp": "es", "fr": "fr", "en": "en", "es": "es", "pt": "pt"}
        if code in aliases:
            return aliases[code]
    return detect_language(text)
