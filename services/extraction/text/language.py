"""Which language an article is in: one with a lexicon (lang/<code>.yaml), or another one.

A vote of function words over the first few thousand characters: each supported language
has a handful of very frequent words the others lack ("the", "não", "los", "les", "und"),
listed under `detect` in its lexicon, so a count is as reliable as a model on news prose,
costs microseconds and loads nothing. Only when the words of the text are almost none of
those (news prose in a supported language has well over one in twelve) is a model asked:
py3langid names the language, and an article in a language without a lexicon is read with
no language's words (the extractor then says `supported: false`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from services.extraction.lexicon import lexicons

SUPPORTED: Final = lexicons.LANGUAGES
_SAMPLE_CHARS: Final = 4000
# The vote is no evidence when few of the words are function words of any supported language
# (every gold article in a supported language has at least 0.083 of them; Italian, Catalan or
# Dutch news about 0.03-0.05), or when the votes scatter over several languages, as a related
# language's short words do (a supported language's own words take at least 0.6 of the votes in
# every gold article; Italian's "e", "in", "le", "con", "una" split 0.5). Then a model decides.
# With fewer words than _FEW_WORDS nothing is evidence, and the vote (English by default) stands.
_SUPPORTED_SHARE: Final = 0.06
_SCATTERED: Final = 0.7
_FEW_WORDS: Final = 15

# Words frequent in one language and rare or absent in the others; a word listed by two
# languages votes for the later one.
_MARKERS: Final[dict[str, str]] = {
    word: code for code in SUPPORTED for word in lexicons.per_language("detect").get(code, [])
}
_WORD: Final = re.compile(r"[^\W\d_]+")
_ALIASES: Final = {"po": "pt", "sp": "es", "ge": "de"}


def detect_language(text: str) -> str:
    """The most likely language of the text: a supported code, or (rarely) another ISO 639-1 code."""
    # Counted in C (findall, map, filter, Counter): a Python step per word cost as much as
    # reading the article's ceasefire statements.
    sample = _WORD.findall(text[:_SAMPLE_CHARS])
    words = len(sample)
    votes: Counter[str] = Counter(filter(None, map(_MARKERS.get, map(str.lower, sample))))
    best = max(SUPPORTED, key=lambda language: (votes[language], language == "en"))
    scattered = votes[best] < _SCATTERED * sum(votes.values())
    if words >= _FEW_WORDS and (votes[best] < _SUPPORTED_SHARE * words or scattered):
        return _identified(text[:_SAMPLE_CHARS]) or best
    return best


def _identified(sample: str) -> str | None:
    """py3langid's answer when it names a language without a lexicon, else None.

    Its "zxx" (no linguistic content: digits and symbols) names no language, so the vote stands.
    """
    import py3langid  # loaded only for the rare article the vote cannot place

    code = str(py3langid.classify(sample)[0])
    return code if len(code) == 2 and code not in SUPPORTED else None


def normalise_language(language: str | None, text: str) -> str:
    """A language code from a hint like "pt-BR" or "de_AT"; detected when the hint is missing.

    A hint naming a language without a lexicon ("it") is kept: the article is in that language.
    """
    if language:
        code = language.strip().lower()[:2]
        code = _ALIASES.get(code, code)
        if code in SUPPORTED or _is_iso_639_1(code):
            return code
    return detect_language(text)


def _is_iso_639_1(code: str) -> bool:
    import pycountry  # only for a hint naming a language without a lexicon

    return code.isalpha() and pycountry.languages.get(alpha_2=code) is not None


def is_supported(code: str | None) -> bool:
    return code in SUPPORTED
