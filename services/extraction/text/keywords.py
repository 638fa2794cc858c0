"""The words that can mark a casualty figure, derived from the lexicon itself, and lowercasing
that keeps offsets.

Every article is scanned for them (in the keyword gate's one pass, text/gate.py): a sentence
none of whose words starts with one holds no figure, and neither does the one after it.
Deriving them from the outcome table (a word's first five letters) means a word added there
is never missed here.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from services.extraction.lexicon import lexicons
from services.extraction.lexicon.wordlists import trie_pattern as trie_pattern  # re-exported: the readers' import
from services.extraction.lexicon.wordlists import word_tuple

_STEM: Final = 5  # a word's first five letters are enough to recognise it, and fold inflections together

# Words that signal a figure without being an outcome word: tolls, subgroups, and the
# counting nouns of sentences such as "Among them were two children".
_EXTRA: Final = tuple(lexicons.words("figure_keywords"))


_GLUE: Final = frozenset(
    word_tuple(
        "the were their with from that those also have been être sont ficaram resultaron resultado resultaram "
        "habían había sido têm tinham "
        # the relative "whose" of "people whose disappearance was reported": the noun after it is the cue
        "whose cuya cuyas cujo cuja cujos dont"
    )
)


# A one-word outcome of three letters ("tué") is a stem of its own, unless another language
# writes it as an article ("die"): that would select nearly every German sentence.
_ARTICLES: Final = frozenset(lexicons.words("grammar", "determiners"))


def stems(phrases: Iterable[str], articles: frozenset[str] = _ARTICLES) -> set[str]:
    """The stems of the telling words of each phrase (not "the", "were", "ont" …); a three-letter
    outcome is one unless it is one of `articles` (by default every language's)."""
    found = set()
    for phrase in phrases:
        words = phrase.lower().split()
        for word in words:
            short_outcome = len(words) == 1 and len(word) == 3 and word not in articles  # "a tué 80 personnes"
            if (len(word) >= 4 or short_outcome) and word not in _GLUE:
                found.add(word[:_STEM])
    return found


def lower_keeping_offsets(text: str) -> str:
    """`text.lower()`, unless that changes the length (a rare "İ"): then char by char, same length."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def gate_text(text: str) -> str | None:
    """`text` lowercased, where substring tests and case-sensitive scans of it stand for
    case-insensitive matches on `text` (see text/gate.py); None when a case oddity makes that unsafe."""
    return text.lower() if caseless(text) else None


# Characters that re.IGNORECASE matches to a Latin letter although str.lower() does not give
# that letter (İ, dotless ı, long ſ; checked over all of Unicode). Where one stands, a
# substring test on lowercased text cannot rule out a case-insensitive match.
def caseless(text: str) -> bool:
    """Whether `gate_text(text)` is not None: no case oddity stands in `text` (nor in any part of it)."""
    # three substring tests (C loops over the text) cost a third of one scan with a character class
    return text.isascii() or ("\u0130" not in text and "\u0131" not in text and "\u017f" not in text)


def written_and_lowercased(pattern: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A pattern of lowercase words compiled twice: IGNORECASE for the text as written, and
    case-sensitive (twice as fast) for the text lowercased where `caseless` holds."""
    if any(char.isupper() for char in re.sub(r"\(\?P<\w+>", "", pattern)):
        raise ValueError(f"a pattern for lowercased text must not spell a capital: {pattern[:80]}")
    return re.compile(pattern, re.IGNORECASE), re.compile(pattern)


def keyword_stems(phrases: Iterable[str]) -> set[str]:
    """The words whose start at a word's start marks a sentence that can hold a figure: the stems
    of the phrases and the extra figure keywords (the keyword gate finds them, text/gate.py)."""
    return stems(phrases) | set(_EXTRA)


def own_short_outcomes(language: str, phrases: Iterable[str]) -> set[str]:
    """The three-letter outcomes of `language` (its own `phrases`) that only another language
    writes as an article: English "die" ("14 migrants die"), a keyword in English articles
    though not in German ones, where "die" is "the"."""
    listed = list(phrases)
    own = frozenset(lexicons.entry(language, "grammar", "determiners") or ())
    return stems(listed, own) - stems(listed)


# ASCII characters that are not word characters, as spaces (a byte table: str.translate over a
# whole article costs a dict lookup per character).
_SPACES: Final = bytes(
    byte if chr(byte).isalnum() or byte == ord("_") or byte >= 0x80 else ord(" ") for byte in range(256)
)
_NON_ASCII_NON_WORD: Final = re.compile(r"[^\x00-\x7f\w]")


def words_spaced(text: str) -> str:
    """`text` with every character a regex's \\W matches as a space, same length: an
    Aho-Corasick key padded with spaces then matches whole words only."""
    spaced = text.encode("utf-8", "surrogatepass").translate(_SPACES).decode("utf-8", "surrogatepass")  # lone surrogates too
    return spaced if spaced.isascii() else _NON_ASCII_NON_WORD.sub(" ", spaced)
